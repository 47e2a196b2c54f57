import { describe, expect, it } from 'vitest';
import {
  FtpAbortedError, FtpConnectionError, FtpInvalidInputError, FtpProtocolError, FtpReplyError, FtpTimeoutError, FtpTlsError,
  isTransient, toErrorInfo,
} from '../../../electron/ftp/errors';

function errno(code: string): Error {
  return Object.assign(new Error(code), { code });
}

describe('isTransient', () => {
  it.each([
    ['421 closing', new FtpReplyError(421, 'Too many users'), true],
    ['425 no data connection', new FtpReplyError(425, 'Cannot open data connection'), true],
    ['426 aborted transfer', new FtpReplyError(426, 'Connection closed'), true],
    ['450 busy', new FtpReplyError(450, 'busy'), true],
    ['452 no space', new FtpReplyError(452, 'full'), true],
    ['500 syntax', new FtpReplyError(500, 'unknown'), false],
    ['530 login', new FtpReplyError(530, 'Login incorrect'), false],
    ['550 missing', new FtpReplyError(550, 'No such file'), false],
    ['reset', new FtpConnectionError('reset', { errno: 'ECONNRESET' }), true],
    ['broken pipe', new FtpConnectionError('pipe', { cause: errno('EPIPE') }), true],
    ['unexpected close', new FtpConnectionError('closed'), true],
    ['unknown host', new FtpConnectionError('dns', { errno: 'ENOTFOUND' }), false],
    ['timeout', new FtpTimeoutError('slow'), true],
    ['protocol', new FtpProtocolError('garbage'), false],
    ['aborted', new FtpAbortedError(), false],
    ['tls trust', new FtpTlsError('untrusted'), false],
    ['bad input', new FtpInvalidInputError('CR'), false],
    ['raw ECONNRESET', errno('ECONNRESET'), true],
    ['raw ENOSPC', errno('ENOSPC'), false],
    ['a string', 'boom', false],
  ])('%s → %s', (_name, err, expected) => {
    expect(isTransient(err)).toBe(expected);
  });
});

describe('toErrorInfo', () => {
  it('keeps code and command of a reply error', () => {
    expect(toErrorInfo(new FtpReplyError(550, 'No such file', 'RETR x'))).toEqual({
      kind: 'reply', message: '550 No such file (after RETR x)', ftpCode: 550, command: 'RETR x',
    });
  });
  it('gives the kind of other engine errors', () => {
    expect(toErrorInfo(new FtpTimeoutError('slow'))).toEqual({ kind: 'timeout', message: 'slow' });
  });
  it('handles foreign errors and non-errors', () => {
    expect(toErrorInfo(errno('ENOSPC'))).toEqual({ kind: 'io', message: 'ENOSPC' });
    expect(toErrorInfo(new Error('x'))).toEqual({ kind: 'unknown', message: 'x' });
    expect(toErrorInfo(42)).toEqual({ kind: 'unknown', message: '42' });
  });
  it('carries the certificate of a TLS trust failure', () => {
    const err = new FtpTlsError('untrusted', { certificate: { fingerprint256: 'AB:CD', subject: 'CN=x', issuer: 'CN=x', validTo: 'soon' } });
    expect(err.fingerprint256).toBe('AB:CD');
  });
});
