/** Errors in words: the same ErrorInfo and line for the window (IPC) and the command line, whatever threw. */
import { describe, expect, it } from 'vitest';
import { describeError, errorInfoOf, systemErrorWords } from '../../../shared/errorText';
import { FtpConnectionError, FtpReplyError, FtpTlsError } from '../../../electron/ftp';
import { TransferError } from '../../../electron/queue/transferError';
import { SftpStatusError } from '../../../electron/sftp';
import { HostKeyUnknownError } from '../../../electron/sessions/hostKeyCheck';

const CERT = { fingerprint256: 'AB:CD', subject: 'CN=x', issuer: 'CN=x', validTo: 'never' };

describe('errorInfoOf', () => {
  it.each([
    ['an engine reply error', new FtpReplyError(550, 'No such file', 'RETR /x'), { kind: 'reply', message: '550 No such file (after RETR /x)', ftpCode: 550, command: 'RETR /x' }],
    ['an engine connection error', new FtpConnectionError('Connection reset', { errno: 'ECONNRESET' }), { kind: 'connection', message: 'Connection reset' }],
    [
      "the queue's failure from a session",
      new TransferError({ kind: 'reply', code: 451, command: 'STOR a', isTransient: true, message: '451 Busy (after STOR a)' }),
      { kind: 'reply', message: '451 Busy (after STOR a)', ftpCode: 451, command: 'STOR a' },
    ],
    ["a check of the queue's", new TransferError({ kind: 'integrity', isTransient: false, message: 'SHA-256 mismatch' }), { kind: 'integrity', message: 'SHA-256 mismatch' }],
    ['a system error with its path', Object.assign(new Error("EACCES: permission denied, scandir '/x'"), { code: 'EACCES', path: '/x' }), { kind: 'system', message: 'Permission denied: /x' }],
    ['a system error without a path', Object.assign(new Error('ENOSPC: no space'), { code: 'ENOSPC' }), { kind: 'system', message: 'No space left on the device' }],
    ['a system error without words', Object.assign(new Error('EWHAT: odd'), { code: 'EWHAT' }), { kind: 'system', message: 'EWHAT: odd' }],
    ['an error of its own kind', Object.assign(new Error('Connect again'), { kind: 'credentials-needed' }), { kind: 'credentials-needed', message: 'Connect again' }],
    ['a plain error', new Error('broke'), { kind: 'error', message: 'broke' }],
    ['a thrown string', 'oops', { kind: 'error', message: 'oops' }],
  ])('%s', (_what, err, info) => {
    expect(errorInfoOf(err)).toStrictEqual(info);
  });

  it('keeps the certificate of an untrusted server, to decide about', () => {
    expect(errorInfoOf(new FtpTlsError('not trusted', { certificate: CERT }))).toStrictEqual({ kind: 'tls', message: 'not trusted', certificate: CERT });
  });

  it('keeps the fields a form rejected', () => {
    const err = Object.assign(new Error('bad'), { kind: 'site-invalid', issues: [{ field: 'host', message: 'required', extra: 1 }] });
    expect(errorInfoOf(err)).toStrictEqual({ kind: 'site-invalid', message: 'bad', issues: [{ field: 'host', message: 'required' }] });
  });
});

describe('describeError', () => {
  it('puts the reply code first, once', () => {
    expect(describeError({ ftpCode: 550, message: '550 No such file' })).toBe('550 No such file');
    expect(describeError({ ftpCode: 421, message: 'Too many connections' })).toBe('421 Too many connections');
    expect(describeError({ message: 'Connection reset' })).toBe('Connection reset');
  });
});

describe('systemErrorWords', () => {
  it('words known codes only', () => {
    expect(systemErrorWords('ENOENT')).toBe('no such file or folder');
    expect(systemErrorWords('constructor')).toBeUndefined();
  });
});

describe('SFTP errors in words', () => {
  it('keeps an SFTP status out of the reply code, and out of the line', () => {
    const info = errorInfoOf(new SftpStatusError(2, 'No such file', 'REMOVE /x'));
    expect(info).toMatchObject({ kind: 'sftp-status', command: 'REMOVE /x' });
    expect(info.ftpCode).toBeUndefined();
    // The queue keeps the status as a code: its line still reads as words.
    expect(describeError({ kind: 'sftp-status', ftpCode: 2, message: 'No such file or folder — OPEN /x (read)' })).toBe('No such file or folder — OPEN /x (read)');
  });

  it('carries an unknown host key to the window', () => {
    const key = { host: 'h', port: 22, type: 'ssh-ed25519', fingerprint: `SHA256:${'a'.repeat(43)}` };
    expect(errorInfoOf(new HostKeyUnknownError(key, []))).toMatchObject({ kind: 'host-key-unknown', hostKey: key });
  });
});
