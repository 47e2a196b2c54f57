import { describe, expect, it } from 'vitest';
import { UsageError } from '../../../electron/cli/usageError';
import {
  CliError, errorRecord, formatBytes, formatCount, formatErrorLine, formatListing, formatLogEvent, formatProgress, formatTime, jsonLine, terminalSafe,
  LocalFileError, sortEntries,
} from '../../../electron/cli/format';
import { FtpConnectionError, FtpReplyError, FtpTimeoutError, FtpTlsError } from '../../../electron/ftp';
import type { FileEntry } from '../../../shared/domain';
import { HostKeyUnknownError } from '../../../electron/sessions/hostKeyCheck';
import { asSftpTransferError } from '../../../electron/sessions/sftpSessionAdapter';

const FP = 'AB:'.repeat(31) + 'AB';

describe('formatErrorLine', () => {
  it('names an unknown host key and the --fingerprint that trusts it, also through the queue', () => {
    const fingerprint = `SHA256:${'Q'.repeat(43)}`;
    const err = new HostKeyUnknownError({ host: 'sftp.example.org', port: 2222, type: 'ssh-ed25519', fingerprint }, []);
    const line = `ferry: unknown host key for sftp.example.org:2222: ssh-ed25519 ${fingerprint} (add --fingerprint ${fingerprint} if you trust it)`;
    expect(formatErrorLine(err)).toBe(line);
    expect(formatErrorLine(asSftpTransferError(err))).toBe(line);
  });

  it.each([
    [new FtpReplyError(550, 'No such file', 'RETR /x'), 'ferry: 550 No such file (after RETR /x)'],
    [new FtpReplyError(530, 'Login incorrect.\nBye', 'PASS ****', 'Login refused: check the user name and password'),
      'ferry: 530 Login incorrect. (after PASS ****) — Login refused: check the user name and password'],
    [new FtpConnectionError('Connection refused by 127.0.0.1:2121'), 'ferry: Connection refused by 127.0.0.1:2121'],
    [new FtpTimeoutError('No reply within 20000 ms\nto EPSV'), 'ferry: No reply within 20000 ms to EPSV'],
    [new UsageError('get: missing URL', 'get'), 'ferry: get: missing URL'],
    [new LocalFileError('cannot read a.bin: no such file or folder (ENOENT)', '/a.bin'), 'ferry: cannot read a.bin: no such file or folder (ENOENT)'],
    [new CliError('the server offers no checksum command'), 'ferry: the server offers no checksum command'],
    [Object.assign(new Error('EACCES: permission denied, open /x'), { code: 'EACCES', path: '/x' }), 'ferry: Permission denied: /x'],
    [new Error('something\r\nbroke'), 'ferry: something broke'],
    ['a string', 'ferry: a string'],
  ])('%s', (err, line) => {
    expect(formatErrorLine(err)).toBe(line);
  });

  it('tells how to trust an unknown certificate', () => {
    const err = new FtpTlsError(`The server certificate is not trusted (DEPTH_ZERO_SELF_SIGNED_CERT); SHA-256 fingerprint ${FP}`, {
      certificate: { fingerprint256: FP, subject: 'CN=localhost', issuer: 'CN=localhost', validTo: 'never' },
    });
    const line = formatErrorLine(err);
    expect(line).toMatch(/^ferry: The server certificate is not trusted/);
    expect(line).toContain(`pass --fingerprint ${FP}`);
    expect(line).not.toMatch(/\n/);
  });

  it('gives JSON records with the reply code and command', () => {
    expect(errorRecord(new FtpReplyError(550, 'No such file', 'RETR /x'))).toEqual({
      kind: 'reply', message: '550 No such file (after RETR /x)', ftpCode: 550, command: 'RETR /x',
    });
    expect(errorRecord(new UsageError('bad'))).toEqual({ kind: 'usage', message: 'bad' });
    expect(errorRecord(new LocalFileError('x', '/x'))).toEqual({ kind: 'local', message: 'x' });
  });
});

describe('numbers', () => {
  it.each([
    [0, '0 B'], [1023, '1023 B'], [1024, '1.00 KiB'], [1536, '1.50 KiB'], [10 * 1024 * 1024, '10.0 MiB'],
    [200 * 1024 * 1024, '200 MiB'], [1024 ** 3, '1.00 GiB'],
  ])('formatBytes(%d) = %s', (bytes, text) => {
    expect(formatBytes(bytes)).toBe(text);
  });

  it('counts with separators', () => {
    expect(formatCount(0)).toBe('0');
    expect(formatCount(999)).toBe('999');
    expect(formatCount(1234567)).toBe('1,234,567');
  });

  it('shows progress with and without a total', () => {
    expect(formatProgress(512 * 1024, 1024 * 1024, 2 * 1024 * 1024)).toBe(' 50% 512 KiB / 1.00 MiB  2.00 MiB/s');
    expect(formatProgress(2048, undefined, 1024)).toBe('2.00 KiB  1.00 KiB/s');
  });

  it('formats times in a given zone', () => {
    const ms = Date.UTC(2024, 4, 1, 13, 7, 59);
    expect(formatTime(ms, 0)).toBe('2024-05-01 13:07');
    expect(formatTime(ms, 120)).toBe('2024-05-01 15:07');
    expect(formatTime(undefined, 0)).toBe('');
  });
});

describe('formatListing', () => {
  const when = Date.UTC(2024, 0, 2, 3, 4);
  const unix: FileEntry[] = [
    { name: 'a file.txt', type: 'file', sizeBytes: 12, modifiedMs: when, permissions: 'rw-r--r--', owner: 'ftp', group: 'ftp' },
    { name: 'sub', type: 'dir', sizeBytes: 4096, modifiedMs: when, permissions: 'rwxr-xr-x', owner: 'ftp', group: 'users' },
    { name: 'link', type: 'link', linkTarget: 'a file.txt', modifiedMs: when, permissions: 'rwxrwxrwx', owner: 'root', group: 'ftp' },
  ];

  it('prints aligned ls -l columns, folders first', () => {
    expect(formatListing(sortEntries(unix), { offsetMinutes: 0 })).toEqual([
      'drwxr-xr-x ftp  users 4096 2024-01-02 03:04 sub',
      '-rw-r--r-- ftp  ftp     12 2024-01-02 03:04 a file.txt',
      'lrwxrwxrwx root ftp      - 2024-01-02 03:04 link -> a file.txt',
    ]);
  });

  it('leaves out owner and permission columns that MLSD did not give', () => {
    const mlsd: FileEntry[] = [
      { name: 'big.bin', type: 'file', sizeBytes: 1048576, modifiedMs: when },
      { name: 'd', type: 'dir' },
    ];
    expect(formatListing(sortEntries(mlsd), { offsetMinutes: 0 })).toEqual([
      'd       - -                d',
      '- 1048576 2024-01-02 03:04 big.bin',
    ]);
  });

  it('prints nothing for an empty folder', () => {
    expect(formatListing([])).toEqual([]);
  });
});

describe('formatLogEvent', () => {
  it('marks commands, replies and notes, line by line', () => {
    expect(formatLogEvent({ timeMs: 0, connectionId: 'c', kind: 'command', text: 'PASS ****' })).toBe('> PASS ****');
    expect(formatLogEvent({ timeMs: 0, connectionId: 'c', kind: 'reply', text: '211-Features:\n MLST\n211 End', code: 211 })).toBe(
      '< 211-Features:\n<  MLST\n< 211 End',
    );
    expect(formatLogEvent({ timeMs: 0, connectionId: 'c', kind: 'status', text: 'Connecting' })).toBe('* Connecting');
    expect(formatLogEvent({ timeMs: 0, connectionId: 'c', kind: 'error', text: 'boom' })).toBe('! boom');
  });
});

/** C0 and C1 control characters and DEL; `allow` keeps some (a verbose line's own line breaks). */
function controls(text: string, allow = ''): string[] {
  return [...text].filter((c) => (c <= '\x1f' || (c >= '\x7f' && c <= '\x9f')) && !allow.includes(c));
}

describe('terminal safety of what the server sent', () => {
  const hostile = 'a\x1b]0;owned\x07b\x1b[2Jc\rforged\x9bd\x7f';

  it('shows C0, C1 and DEL characters as \\xHH', () => {
    expect(terminalSafe(hostile)).toBe('a\\x1b]0;owned\\x07b\\x1b[2Jc\\x0dforged\\x9bd\\x7f');
    expect(terminalSafe('café naïve ü 日本')).toBe('café naïve ü 日本');
  });

  it('escapes names, owners and link targets in the listing, and replies in error and verbose lines', () => {
    const [line] = formatListing([{ name: hostile, type: 'link', linkTarget: '\x1b[31mx', owner: '\x1bo', group: 'g', sizeBytes: 1 }]);
    expect(controls(line)).toEqual([]);
    expect(line).toContain('\\x1b]0;owned');
    expect(controls(formatErrorLine(new FtpReplyError(550, `no\x1b[2J${hostile}`, 'RETR x')))).toEqual([]);
    expect(controls(formatLogEvent({ timeMs: 0, connectionId: 'c', kind: 'reply', text: `150 ${hostile}`, code: 150 }), '\n')).toEqual([]);
  });

  it('shows right-to-left overrides and separators as code points, and keeps --json free of them too', () => {
    // A name that would display as "txt.exe" reversed: U+202E right-to-left override.
    expect(terminalSafe('invoice\u202Etxt.exe')).toBe('invoice\\u{202e}txt.exe');
    expect(terminalSafe('a\u2028b')).toBe('a\\u{2028}b');
    const line = jsonLine({ name: 'a\u202Eb\x9bc\u2029' });
    expect(line).toBe('{"name":"a\\u202eb\\u009bc\\u2029"}');
    expect(JSON.parse(line)).toEqual({ name: 'a\u202Eb\x9bc\u2029' });
  });

  it('formats a listing of 125,000 entries (column widths without spreading the rows)', () => {
    const entries = Array.from({ length: 125_000 }, (_, i) => ({ name: `f${i}`, type: 'file' as const, sizeBytes: i }));
    const lines = formatListing(entries);
    expect(lines).toHaveLength(125_000);
    expect(lines[0].length).toBe(lines[124_999].length - 'f124999'.length + 'f0'.length);
  });
});
