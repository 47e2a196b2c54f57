/** Values read from replies: quoted paths (257), SIZE, time-vals (MDTM/MFMT), digests, the size a 150 announces. */
import { describe, expect, it } from 'vitest';
import {
  formatTimeVal, parseAnnouncedSize, parseDigestReply, parsePathReply, parseSizeReply, parseTimeValReply,
} from '../../../electron/ftp/replyValues';
import { FtpProtocolError } from '../../../electron/ftp/errors';

describe('reply values', () => {
  it('reads quoted paths with doubled quotes', () => {
    expect(parsePathReply('"/home/a ""b""" is current directory')).toBe('/home/a "b"');
    expect(() => parsePathReply('no path')).toThrow(FtpProtocolError);
  });
  it('reads SIZE', () => {
    expect(parseSizeReply('4294967296')).toBe(4294967296);
    expect(() => parseSizeReply('big')).toThrow(FtpProtocolError);
  });
  it('reads and writes time-vals in UTC', () => {
    expect(parseTimeValReply('20240102030405')).toBe(Date.UTC(2024, 0, 2, 3, 4, 5));
    expect(parseTimeValReply('20240102030405.5')).toBe(Date.UTC(2024, 0, 2, 3, 4, 5, 500));
    expect(formatTimeVal(Date.UTC(2024, 0, 2, 3, 4, 5, 999))).toBe('20240102030405');
  });
  it('reads digests of HASH and X-command replies', () => {
    expect(parseDigestReply('SHA-256 0-49 169CD22282da7f name with spaces', true)).toBe('169cd22282da7f');
    expect(parseDigestReply('Computing SHA-256 digest\nSHA-256 0-307217 eaef114afb4f data.bin', true)).toBe('eaef114afb4f');
    expect(() => parseDigestReply('Computing SHA-256 digest', true)).toThrow(FtpProtocolError);
    expect(parseDigestReply('d41d8cd98f00b204e9800998ecf8427e', false)).toBe('d41d8cd98f00b204e9800998ecf8427e');
    expect(parseDigestReply('file.txt D41D8CD98F00B204', false)).toBe('d41d8cd98f00b204');
  });
  it('reads the size a 150 announces', () => {
    expect(parseAnnouncedSize('Opening BINARY mode data connection for a.bin (300000 bytes).')).toBe(300000);
    expect(parseAnnouncedSize('File status okay.')).toBeUndefined();
  });
});
