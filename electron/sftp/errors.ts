/**
 * Typed errors of the SFTP engine and the one place that decides whether a failure is transient
 * (a retry can help) or permanent, with a protocol-neutral description for the queue's adapter.
 * Owns: the error classes, isTransient(), describeSftpFailure(). Imports only this folder.
 */
import { MAX_LISTING_ENTRIES_ENV } from '../../shared/limits';
import type { HostKeyInfo } from './hostKey';
import { SSH_FX, statusName, statusWords } from './statusCodes';

/** The kinds of SFTP engine error. */
export type SftpErrorKind = 'sftp-status' | 'host-key' | 'auth' | 'connection' | 'timeout' | 'aborted' | 'protocol' | 'listing-too-large';

/** Base class of every error the engine throws on purpose. */
export class SftpError extends Error {
  readonly kind: SftpErrorKind;
  constructor(kind: SftpErrorKind, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.kind = kind;
    this.name = new.target.name;
  }
}

/** The server answered a request with a status other than OK: its code, its words and the request. */
export class SftpStatusError extends SftpError {
  /** The SSH_FX_* number. */
  readonly code: number;
  /** The SSH_FX_ name without its prefix, e.g. 'NO_SUCH_FILE'. */
  readonly codeName: string;
  /** The request it answered, e.g. 'OPEN /x (read)'. */
  readonly command: string;
  /** The server's own text, when it sent one. */
  readonly serverText: string;
  constructor(code: number, serverText: string, command: string) {
    const words = statusWords(code);
    const own = serverText.trim();
    const said = own && own.toLowerCase() !== words.toLowerCase() ? `${own} (${words})` : words;
    super('sftp-status', `${said} — ${command}`);
    this.code = code;
    this.codeName = statusName(code);
    this.command = command;
    this.serverText = own;
  }
}

/** The host key was not trusted (the verifyHostKey hook said no): no credential was sent. */
export class SftpHostKeyError extends SftpError {
  readonly key: HostKeyInfo;
  constructor(key: HostKeyInfo) {
    super('host-key', `The host key of ${key.host}:${key.port} (${key.type} ${key.fingerprint}) is not trusted; nothing was sent to the server`);
    this.key = key;
  }
}

/** Every authentication method was tried and refused (or none could be tried). */
export class SftpAuthError extends SftpError {
  /** The methods tried, in order ('agent', 'publickey', 'keyboard-interactive', 'password'). */
  readonly methodsTried: string[];
  /** What the server said it accepts, when it said so. */
  readonly methodsOffered: string[];
  constructor(message: string, methodsTried: string[], methodsOffered: string[] = []) {
    super('auth', message);
    this.methodsTried = methodsTried;
    this.methodsOffered = methodsOffered;
  }
}

/** The connection failed or closed unexpectedly; `code` is Node's errno when there is one. */
export class SftpConnectionError extends SftpError {
  readonly code?: string;
  constructor(message: string, options?: { cause?: unknown; code?: string }) {
    super('connection', message, options);
    this.code = options?.code ?? errnoOf(options?.cause);
  }
}

/** Nothing arrived within the allowed time (connect, login or a request). */
export class SftpTimeoutError extends SftpError {
  constructor(message: string) {
    super('timeout', message);
  }
}

/** The operation was cancelled by the caller. */
export class SftpAbortedError extends SftpError {
  constructor(message = 'Aborted') {
    super('aborted', message);
  }
}

/** The server broke the protocol (sent more than asked, or an answer that makes no sense). */
export class SftpProtocolError extends SftpError {
  constructor(message: string) {
    super('protocol', message);
  }
}

/** A folder listing went past the most entries a listing may have (SftpConnectOptions.maxListingEntries). */
export class SftpListingTooLargeError extends SftpError {
  constructor(path: string, limit: number) {
    super(
      'listing-too-large',
      `The listing of ${path} has more than ${limit.toLocaleString('en-US')} entries, the most Ferry reads of one folder; ` +
        `set ${MAX_LISTING_ENTRIES_ENV} to raise the limit`,
    );
  }
}

/** Errno codes of socket failures that may go away on retry. */
const TRANSIENT_ERRNO = new Set([
  'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ECONNREFUSED', 'ECONNABORTED', 'EHOSTUNREACH', 'ENETUNREACH',
  'ENETDOWN', 'EAI_AGAIN', 'ERR_STREAM_PREMATURE_CLOSE',
]);

function errnoOf(err: unknown): string | undefined {
  if (err && typeof err === 'object' && 'code' in err && typeof (err as { code: unknown }).code === 'string') {
    return (err as { code: string }).code;
  }
  return undefined;
}

/**
 * Whether a retry can help: a lost connection, a timeout and the statuses saying the connection
 * is gone are transient; every other status, authentication, host keys and aborts are not.
 */
export function isTransient(err: unknown): boolean {
  if (err instanceof SftpStatusError) return err.code === SSH_FX.NO_CONNECTION || err.code === SSH_FX.CONNECTION_LOST;
  if (err instanceof SftpConnectionError) return err.code === undefined || TRANSIENT_ERRNO.has(err.code);
  if (err instanceof SftpTimeoutError) return true;
  if (err instanceof SftpError) return false;
  const errno = errnoOf(err);
  return errno !== undefined && TRANSIENT_ERRNO.has(errno);
}

/** The engine's verdict on a failure as plain data: what failed, the status code and request, whether a retry can help, the words. */
export function describeSftpFailure(err: unknown): { kind: string; message: string; code?: number; command?: string; isTransient: boolean } {
  const transient = isTransient(err);
  if (err instanceof SftpStatusError) return { kind: err.kind, message: err.message, code: err.code, command: err.command, isTransient: transient };
  if (err instanceof SftpError) return { kind: err.kind, message: err.message, isTransient: transient };
  if (err instanceof Error) {
    const own = (err as { kind?: unknown }).kind;
    return { kind: typeof own === 'string' ? own : errnoOf(err) ? 'io' : 'unknown', message: err.message, isTransient: transient };
  }
  return { kind: 'unknown', message: String(err), isTransient: transient };
}
