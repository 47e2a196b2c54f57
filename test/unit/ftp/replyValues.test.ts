import { describe, expect, it } from 'vitest';
import { chooseChecksumMethod, parseFeatReply } from '../../../electron/ftp/features';
import { normalizeFingerprint } from '../../../electron/ftp/control/tlsTrust';
import {
  formatTimeVal, parseAnnouncedSize, parseDigestReply, parsePathReply, parseSizeReply, parseTimeValReply,
} from '../../../electron/ftp/replyValues';
import { FtpProtocolError } from '../../../electron/ftp/errors';
import { ReplyParser } from '../../../electron/ftp/reply';

describe('parseFeatReply (RFC 2389)', () => {
  it('maps feature names to parameters', () => {
    const [reply] = new ReplyParser().push('211-Features:\r\n MLST type*;size*;\r\n UTF8\r\n REST STREAM\r\n HASH SHA-1*;SHA-256;MD5\r\n211 End\r\n');
    const features = parseFeatReply(reply);
    expect([...features.entries()]).toEqual([['MLST', 'type*;size*;'], ['UTF8', ''], ['REST', 'STREAM'], ['HASH', 'SHA-1*;SHA-256;MD5']]);
  });
  it('is empty when FEAT is not supported', () => {
    expect(parseFeatReply({ code: 500, text: 'unknown', lines: ['500 unknown'] }).size).toBe(0);
  });
});

describe('chooseChecksumMethod', () => {
  it('prefers SHA-256 via HASH and selects it when not current', () => {
    expect(chooseChecksumMethod(new Map([['HASH', 'SHA-1*;SHA-256;MD5']]))).toEqual({ command: 'HASH', algorithm: 'SHA-256', needsSelect: true });
    expect(chooseChecksumMethod(new Map([['HASH', 'SHA-256*;MD5']]))).toEqual({ command: 'HASH', algorithm: 'SHA-256', needsSelect: false });
  });
  it('falls back to the X commands in order', () => {
    expect(chooseChecksumMethod(new Map([['XMD5', ''], ['XSHA1', '']]))?.command).toBe('XSHA1');
    expect(chooseChecksumMethod(new Map([['XMD5', ''], ['XSHA', '']]))).toEqual({ command: 'XSHA', algorithm: 'SHA-1', needsSelect: false });
    expect(chooseChecksumMethod(new Map([['XSHA1', ''], ['XSHA512', '']]))?.algorithm).toBe('SHA-512');
    expect(chooseChecksumMethod(new Map([['XCRC', '']]))?.algorithm).toBe('CRC32');
    expect(chooseChecksumMethod(new Map())).toBeUndefined();
  });
});

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
  it('normalises fingerprints', () => {
    expect(normalizeFingerprint('ab:cd:EF')).toBe('ABCDEF');
  });
});
