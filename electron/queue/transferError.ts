/**
 * How a failure reaches the queue, whichever protocol caused it: one small plain shape (what
 * failed, the server's reply code and the command it answered, whether a retry can help, the
 * words). Sessions throw it (each adapter in electron/sessions converts its engine's errors
 * where they leave the session, with the engine's own verdicts), and so do the queue's own checks
 * (integrity, refused names, local files). The queue reads these fields; it never classifies an
 * engine's errors itself. Must not import an engine.
 */
import type { ErrorInfo } from '../../shared/domain';

/** A failure as the queue sees it. */
export interface TransferFailure {
  /** What failed, for the window and `--json`: `reply`, `connection`, `timeout`, `integrity`, `local`… */
  readonly kind: string;
  /** The server's reply code, when a reply caused the failure. */
  readonly code?: number;
  /** The command that reply answered. */
  readonly command?: string;
  /** Whether retrying can help (a dropped connection, a 4xx reply, a file that arrived short). */
  readonly isTransient: boolean;
  readonly message: string;
}

/** A TransferFailure as thrown; `cause` keeps the engine's own error. */
export class TransferError extends Error implements TransferFailure {
  readonly kind: string;
  readonly code?: number;
  readonly command?: string;
  readonly isTransient: boolean;

  constructor(failure: TransferFailure, options?: { cause?: unknown }) {
    super(failure.message, options);
    this.name = 'TransferError';
    this.kind = failure.kind;
    if (failure.code !== undefined) this.code = failure.code;
    if (failure.command !== undefined) this.command = failure.command;
    this.isTransient = failure.isTransient;
  }
}

/**
 * The failure an error stands for. Anything but a TransferError came neither through a session
 * nor from a check of the queue's: a local call that failed, which no retry mends, or a bug.
 */
export function failureOf(err: unknown): TransferFailure {
  if (err instanceof TransferError) return err;
  if (!(err instanceof Error)) return { kind: 'unknown', message: String(err), isTransient: false };
  // Errors of the app's own layers name their kind (`credentials-needed`); Node's carry an errno code.
  const { kind, code } = err as { kind?: unknown; code?: unknown };
  return { kind: typeof kind === 'string' ? kind : typeof code === 'string' ? 'io' : 'unknown', message: err.message, isTransient: false };
}

/** An item's `lastError`: the failure as the plain data the window, the queue file and `--json` keep. */
export function errorInfoOf(failure: TransferFailure): ErrorInfo {
  const info: ErrorInfo = { kind: failure.kind, message: failure.message };
  if (failure.code !== undefined) info.ftpCode = failure.code;
  if (failure.command !== undefined) info.command = failure.command;
  return info;
}
