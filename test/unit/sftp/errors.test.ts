/** The SFTP engine's one verdict on retries and its description for the queue's adapter. */
import { describe, expect, it } from 'vitest';
import {
  describeSftpFailure, isTransient, SftpAbortedError, SftpAuthError, SftpConnectionError, SftpHostKeyError, SftpStatusError, SftpTimeoutError,
} from '../../../electron/sftp';
import { asSftpTransferError } from '../../../electron/sessions';

const key = { host: 'h', port: 22, type: 'ssh-ed25519', fingerprint: 'SHA256:x', keyBase64: 'AAAA' };

describe('SFTP errors', () => {
  it('says a lost connection and a timeout may pass, and nothing else', () => {
    expect(isTransient(new SftpConnectionError('reset', { code: 'ECONNRESET' }))).toBe(true);
    expect(isTransient(new SftpConnectionError('closed'))).toBe(true);
    expect(isTransient(new SftpConnectionError('no such host', { code: 'ENOTFOUND' }))).toBe(false);
    expect(isTransient(new SftpTimeoutError('slow'))).toBe(true);
    expect(isTransient(new SftpStatusError(7, 'Connection lost', 'READ /a'))).toBe(true);
    for (const permanent of [
      new SftpStatusError(2, 'No such file', 'OPEN /a (read)'), new SftpStatusError(3, 'Permission denied', 'MKDIR /b'),
      new SftpStatusError(4, 'Failure', 'RMDIR /c'), new SftpAuthError('refused', ['password']), new SftpHostKeyError(key), new SftpAbortedError(),
    ]) {
      expect(isTransient(permanent)).toBe(false);
    }
  });

  it("words a status with the server's text, plain English and the request, once when they say the same", () => {
    const err = new SftpStatusError(2, 'No such file', 'OPEN /a (read)');
    expect(err.message).toBe('No such file (No such file or folder) — OPEN /a (read)');
    expect(new SftpStatusError(3, 'permission denied', 'MKDIR /b').message).toBe('Permission denied — MKDIR /b');
    expect(new SftpStatusError(99, '', 'X').codeName).toBe('STATUS_99');
  });

  it('reaches the queue as a TransferError with the status code and the request', () => {
    const failure = asSftpTransferError(new SftpStatusError(2, 'No such file', 'OPEN /a (read)'));
    expect(failure).toMatchObject({ kind: 'sftp-status', code: 2, command: 'OPEN /a (read)', isTransient: false });
    expect(asSftpTransferError(new SftpConnectionError('reset', { code: 'ECONNRESET' }))).toMatchObject({ kind: 'connection', isTransient: true });
    expect(describeSftpFailure(new SftpAuthError('Login refused', ['password']))).toEqual({ kind: 'auth', message: 'Login refused', isTransient: false });
  });
});
