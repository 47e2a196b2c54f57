/**
 * Typed errors of the FTP engine and the single place that decides whether a failure is
 * transient (worth a retry) or permanent.
 * Owns: the error classes, isTransient(), toErrorInfo(), describeFailure(). Must not import electron or React.
 */
import type { ErrorInfo } from '../../shared/domain';
import { MAX_LISTING_ENTRIES_ENV } from '../../shared/limits';

/** The kinds of engine error, as carried in ErrorInfo.kind. */
export type FtpErrorKind = 'reply' | 'connection' | 'timeout' | 'protocol' | 'aborted' | 'tls' | 'invalid-input' | 'listing-too-large' | 'tls-unavailable';

/** Base class of every error the engine throws on purpose. */
export class FtpError extends Error {
  readonly kind: FtpErrorKind;
  constructor(kind: FtpErrorKind, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.kind = kind;
    this.name = new.target.name;
  }
}

/** A 4xx or 5xx reply (or an unexpected reply) to a command; carries the code, the server's text and the command (PASS masked). */
export class FtpReplyError extends FtpError {
  readonly code: number;
  readonly text: string;
  readonly command?: string;
  constructor(code: number, text: string, command?: string, hint?: string) {
    const firstLine = text.split('\n')[0];
    super('reply', `${code} ${firstLine}${command ? ` (after ${command})` : ''}${hint ? ` — ${hint}` : ''}`);
    this.code = code;
    this.text = text;
    this.command = command;
  }
}

/** The control or data connection failed or closed unexpectedly (refused, reset, broken pipe, early close). */
export class FtpConnectionError extends FtpError {
  /** The Node errno code when there is one (ECONNRESET, ECONNREFUSED, ...). */
  readonly errno?: string;
  constructor(message: string, options?: { cause?: unknown; errno?: string }) {
    super('connection', message, options);
    this.errno = options?.errno ?? errnoOf(options?.cause);
  }
}

/** Nothing arrived within the allowed time (connect, reply, data accept or data idle). */
export class FtpTimeoutError extends FtpError {
  constructor(message: string) {
    super('timeout', message);
  }
}

/** The server broke the protocol (malformed reply, overlong line, unparseable PASV/EPSV reply). */
export class FtpProtocolError extends FtpError {
  constructor(message: string) {
    super('protocol', message);
  }
}

/** The operation was cancelled by the caller (AbortSignal or abort()). */
export class FtpAbortedError extends FtpError {
  constructor(message = 'Aborted') {
    super('aborted', message);
  }
}

/** Details of a certificate, for the UI to show when asking the user whether to trust it. */
export interface CertificateInfo {
  /** SHA-256 of the DER certificate, upper-case hex with colons (as Node prints it). */
  fingerprint256: string;
  subject: string;
  issuer: string;
  validTo: string;
  /** Validity, ms since the epoch, for showing in the user's locale; undefined when the certificate's text cannot be read. */
  validFromMs?: number;
  validToMs?: number;
  /** The names the certificate is for (subjectAltName: `DNS:ftp.example.com`, `IP Address:192.0.2.1`). */
  altNames?: string[];
  /** The public key, e.g. `RSA 2048 bits` or `EC P-256`. */
  keyType?: string;
  /** Whether the certificate names the host the user connected to (as a browser checks it). */
  isHostMatch?: boolean;
}

/** TLS failed: the server refused AUTH TLS, the handshake failed, or the certificate is not trusted (then `certificate` is set). */
export class FtpTlsError extends FtpError {
  readonly certificate?: CertificateInfo;
  /** Why verification failed, e.g. DEPTH_ZERO_SELF_SIGNED_CERT. */
  readonly reason?: string;
  constructor(message: string, options?: { certificate?: CertificateInfo; reason?: string; cause?: unknown }) {
    super('tls', message, { cause: options?.cause });
    this.certificate = options?.certificate;
    this.reason = options?.reason;
  }
  /** Fingerprint of the untrusted certificate, if that is why TLS failed. */
  get fingerprint256(): string | undefined {
    return this.certificate?.fingerprint256;
  }
}

/**
 * "TLS if available" found none (AUTH TLS refused), and plain login was not allowed: nothing
 * secret was sent. The app asks the user; `refusal` is the server's answer to AUTH TLS.
 */
export class FtpTlsUnavailableError extends FtpError {
  constructor(readonly refusal: string) {
    super('tls-unavailable', `The server does not support TLS (AUTH TLS: ${refusal}); your password and files would travel unencrypted`);
  }
}

/** A folder listing went past the most entries a listing may have (ConnectOptions.maxListingEntries). */
export class FtpListingTooLargeError extends FtpError {
  constructor(path: string, limit: number) {
    super(
      'listing-too-large',
      `The listing of ${path} has more than ${limit.toLocaleString('en-US')} entries, the most Ferry reads of one folder; ` +
        `set ${MAX_LISTING_ENTRIES_ENV} to raise the limit`,
    );
  }
}

/** The caller passed something the engine refuses to send (CR, LF or NUL in a command: injection). */
export class FtpInvalidInputError extends FtpError {
  constructor(message: string) {
    super('invalid-input', message);
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
 * Decides whether a failure is worth retrying: 4xx replies (incl. 421), resets, broken pipes,
 * timeouts and unexpected closes are transient; 5xx, authentication, TLS trust, aborts and bad input are not.
 */
export function isTransient(err: unknown): boolean {
  if (err instanceof FtpReplyError) return err.code >= 400 && err.code < 500;
  if (err instanceof FtpConnectionError) return err.errno === undefined || TRANSIENT_ERRNO.has(err.errno);
  if (err instanceof FtpTimeoutError) return true;
  if (err instanceof FtpError) return false;
  const errno = errnoOf(err);
  return errno !== undefined && TRANSIENT_ERRNO.has(errno);
}

/** Turns any thrown value into the plain ErrorInfo that crosses IPC (reply code and command kept). */
export function toErrorInfo(err: unknown): ErrorInfo {
  if (err instanceof FtpReplyError) {
    return { kind: err.kind, message: err.message, ftpCode: err.code, command: err.command };
  }
  if (err instanceof FtpError) return { kind: err.kind, message: err.message };
  if (err instanceof Error) {
    // Errors of the app's own layers name their kind (e.g. `credentials-needed`); keep it.
    const own = (err as { kind?: unknown }).kind;
    const errno = errnoOf(err);
    return { kind: typeof own === 'string' ? own : errno ? 'io' : 'unknown', message: err.message };
  }
  return { kind: 'unknown', message: String(err) };
}

/**
 * The engine's verdict on a failure as plain, protocol-neutral data: what failed, the reply code
 * and the command it answered, whether a retry can help, and the words (for the queue's
 * TransferError, which electron/sessions builds from it).
 */
export function describeFailure(err: unknown): { kind: string; message: string; code?: number; command?: string; isTransient: boolean } {
  const { kind, message, ftpCode, command } = toErrorInfo(err);
  return { kind, message, code: ftpCode, command, isTransient: isTransient(err) };
}
