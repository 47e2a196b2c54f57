/**
 * Engine errors leave a session as the queue's TransferError with the engine's own verdicts, so
 * the queue retries exactly what the engine calls transient and shows the engine's words.
 */
import { describe, expect, it } from 'vitest';
import {
  FtpAbortedError, FtpConnectionError, FtpInvalidInputError, FtpProtocolError, FtpReplyError, FtpTimeoutError, FtpTlsError,
  isTransient, toErrorInfo,
} from '../../../electron/ftp';
import { TransferError, failureOf } from '../../../electron/queue';
import { asTransferError, failingAsTransferErrors } from '../../../electron/sessions';

function errno(code: string): Error {
  return Object.assign(new Error(`${code}: failed`), { code });
}

const ENGINE_ERRORS: Array<[string, unknown]> = [
  ['421 closing', new FtpReplyError(421, 'Too many users')],
  ['425 no data connection', new FtpReplyError(425, 'Cannot open data connection', 'RETR a')],
  ['451 refused resume', new FtpReplyError(451, 'Append/Restart not permitted', 'STOR a')],
  ['502 not implemented', new FtpReplyError(502, 'REST not implemented', 'REST 5')],
  ['550 missing', new FtpReplyError(550, 'No such file', 'SIZE /x')],
  ['reset', new FtpConnectionError('reset', { errno: 'ECONNRESET' })],
  ['unexpected close', new FtpConnectionError('closed')],
  ['unknown host', new FtpConnectionError('dns', { errno: 'ENOTFOUND' })],
  ['timeout', new FtpTimeoutError('slow')],
  ['protocol', new FtpProtocolError('garbage')],
  ['aborted', new FtpAbortedError()],
  ['tls trust', new FtpTlsError('untrusted')],
  ['bad input', new FtpInvalidInputError('CR')],
  ['raw ECONNRESET', errno('ECONNRESET')],
  ['raw ENOSPC', errno('ENOSPC')],
  ['an error of its own kind', Object.assign(new Error('Connect again'), { kind: 'credentials-needed' })],
  ['a string', 'boom'],
];

describe('asTransferError', () => {
  it.each(ENGINE_ERRORS)('%s keeps the engine verdict, words, reply code and command', (_what, err) => {
    const failure = asTransferError(err);
    const info = toErrorInfo(err);
    expect(failure).toBeInstanceOf(TransferError);
    expect(failure.cause).toBe(err);
    expect({ kind: failure.kind, message: failure.message, code: failure.code, command: failure.command, isTransient: failure.isTransient }).toEqual({
      kind: info.kind, message: info.message, code: info.ftpCode, command: info.command, isTransient: isTransient(err),
    });
    expect(failureOf(failure)).toBe(failure);
  });

  it('leaves a TransferError as it is', () => {
    const own = new TransferError({ kind: 'integrity', message: 'mismatch', isTransient: false });
    expect(asTransferError(own)).toBe(own);
  });

  it("converts a factory's refusal to open a session", async () => {
    const factory = failingAsTransferErrors(async () => {
      throw new FtpReplyError(421, 'Too many connections from your IP');
    });
    await expect(factory('site', 'transfer-1')).rejects.toMatchObject({ name: 'TransferError', kind: 'reply', code: 421, isTransient: true });
  });
});
