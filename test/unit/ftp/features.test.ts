/** FEAT parsing (RFC 2389), checksum choice and the MLST facts Ferry asks for, with FEAT lines of real servers. */
import { describe, expect, it } from 'vitest';
import { chooseChecksumMethod, mlstOptsToRequest, parseFeatReply } from '../../../electron/ftp/features';
import { ReplyParser } from '../../../electron/ftp/reply';

const feat = (...lines: string[]) => ({ code: 211, text: '', lines: ['211-Features:', ...lines.map((l) => ` ${l}`), '211 End'] });

describe('parseFeatReply', () => {
  it('maps upper-cased names to their parameters', () => {
    const f = parseFeatReply(feat('MLST type*;size*;modify*;', 'UTF8', 'rest STREAM', 'HASH SHA-1;SHA-256*;MD5;'));
    expect(f.get('MLST')).toBe('type*;size*;modify*;');
    expect(f.get('UTF8')).toBe('');
    expect(f.get('REST')).toBe('STREAM');
    expect(f.has('HASH')).toBe(true);
  });
  it('is empty for a refused FEAT', () => {
    expect(parseFeatReply({ code: 500, text: 'no', lines: ['500 no'] }).size).toBe(0);
  });
  it('keeps the order and parameters of a multi-line reply as it arrives on the wire', () => {
    const [reply] = new ReplyParser().push('211-Features:\r\n MLST type*;size*;\r\n UTF8\r\n REST STREAM\r\n HASH SHA-1*;SHA-256;MD5\r\n211 End\r\n');
    const features = parseFeatReply(reply);
    expect([...features.entries()]).toEqual([['MLST', 'type*;size*;'], ['UTF8', ''], ['REST', 'STREAM'], ['HASH', 'SHA-1*;SHA-256;MD5']]);
  });
  it('is empty when the server does not know FEAT', () => {
    expect(parseFeatReply({ code: 500, text: 'unknown', lines: ['500 unknown'] }).size).toBe(0);
  });
});

describe('chooseChecksumMethod', () => {
  it('prefers SHA-256 through HASH, selecting it when it is not current (proftpd)', () => {
    expect(chooseChecksumMethod(parseFeatReply(feat('HASH CRC32;MD5;SHA-1*;SHA-256;SHA-512;')))).toEqual({ command: 'HASH', algorithm: 'SHA-256', needsSelect: true });
  });
  it('falls back to the legacy X commands, and to nothing', () => {
    expect(chooseChecksumMethod(parseFeatReply(feat('XMD5', 'XCRC')))).toEqual({ command: 'XMD5', algorithm: 'MD5', needsSelect: false });
    expect(chooseChecksumMethod(parseFeatReply(feat('SIZE')))).toBeUndefined();
  });
  it('selects SHA-256 only when it is not already the current HASH algorithm', () => {
    expect(chooseChecksumMethod(new Map([['HASH', 'SHA-1*;SHA-256;MD5']]))).toEqual({ command: 'HASH', algorithm: 'SHA-256', needsSelect: true });
    expect(chooseChecksumMethod(new Map([['HASH', 'SHA-256*;MD5']]))).toEqual({ command: 'HASH', algorithm: 'SHA-256', needsSelect: false });
  });
  it('takes the strongest X command a server offers (XSHA512, XSHA1 or XSHA, XMD5, XCRC)', () => {
    expect(chooseChecksumMethod(new Map([['XMD5', ''], ['XSHA1', '']]))?.command).toBe('XSHA1');
    expect(chooseChecksumMethod(new Map([['XMD5', ''], ['XSHA', '']]))).toEqual({ command: 'XSHA', algorithm: 'SHA-1', needsSelect: false });
    expect(chooseChecksumMethod(new Map([['XSHA1', ''], ['XSHA512', '']]))?.algorithm).toBe('SHA-512');
    expect(chooseChecksumMethod(new Map([['XCRC', '']]))?.algorithm).toBe('CRC32');
    expect(chooseChecksumMethod(new Map())).toBeUndefined();
  });
});

describe('mlstOptsToRequest', () => {
  it('turns on the unix facts pyftpdlib offers but leaves off', () => {
    expect(mlstOptsToRequest('type*;perm*;size*;modify*;unique*;unix.mode;unix.uid;unix.gid;')).toBe(
      'type;size;modify;perm;unix.mode;unix.uid;unix.gid;unique;',
    );
  });
  it('turns on pure-ftpd’s and proftpd’s facts only when one is off', () => {
    expect(mlstOptsToRequest('type*;size*;sizd*;modify*;UNIX.mode*;UNIX.uid*;UNIX.gid*;unique*;')).toBeUndefined();
    expect(mlstOptsToRequest('modify*;perm*;size*;type*;unique*;UNIX.group*;UNIX.groupname*;UNIX.mode*;UNIX.owner*;UNIX.ownername*;')).toBeUndefined();
    expect(mlstOptsToRequest('type*;size*;modify;')).toBe('type;size;modify;');
  });
  it('asks nothing of a server without MLST', () => {
    expect(mlstOptsToRequest(undefined)).toBeUndefined();
  });
});
