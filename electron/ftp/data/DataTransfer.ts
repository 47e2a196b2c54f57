/**
 * One data command in flight over one data connection, and the rule for when it is done: the
 * local side of the data stream has finished AND the final reply (226/250) has arrived, in either
 * order. Also the abort sequence (ABOR, close the data connection, drain 426/226/225 in order).
 * Owns: completion, error precedence and aborting of a single transfer. Must not import electron or React.
 */
import type net from 'node:net';
import type { DataStrategy } from '../../../shared/domain';
import type { ControlConnection } from '../control/ControlConnection';
import { FtpAbortedError, FtpConnectionError, FtpError, FtpReplyError, FtpTimeoutError } from '../errors';
import { isNegative, type FtpReply } from '../reply';

type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown };

function settle<T>(promise: Promise<T>): Promise<Settled<T>> {
  return promise.then((value) => ({ ok: true as const, value }), (error: unknown) => ({ ok: false as const, error }));
}

/**
 * How long a download's data connection may go on delivering after the server refused to finish
 * the transfer (426): long enough for the bytes already on their way, short enough that a server
 * which keeps the connection open does not hold the user up.
 */
const DRAIN_AFTER_REFUSAL_MS = 2000;

/** What a DataTransfer is made of, once its data connection is open. */
export interface DataTransferInit {
  control: ControlConnection;
  /** The data command as sent (RETR x, STOR x, MLSD, ...). */
  command: string;
  socket: net.Socket;
  strategy: DataStrategy;
  /** The 1yz reply that announced the transfer, if it came before the connection was handed over. */
  preliminary?: FtpReply;
  /** The data command's final reply. */
  finalReply: Promise<FtpReply>;
  timeoutMs: number;
}

/** A transfer whose data connection is open; call complete() with the local stream's completion. */
export class DataTransfer {
  readonly socket: net.Socket;
  readonly strategy: DataStrategy;
  readonly command: string;
  private readonly control: ControlConnection;
  private readonly finalReply: Promise<Settled<FtpReply>>;
  private readonly timeoutMs: number;
  private aborted?: Promise<unknown>;
  /** The first error seen on either side, and where: pipeline re-raises it on every stream, so only the first tells the origin. */
  private firstError?: { error: unknown; isFromSocket: boolean };
  private finalArrived = false;
  private markFinished!: () => void;
  /** Settles when complete() has finished (successfully or not): the session is in step again. */
  readonly finished: Promise<void> = new Promise((resolve) => (this.markFinished = resolve));
  /** The 1yz reply (e.g. `150 Opening BINARY mode data connection for x (1234 bytes)`). */
  preliminary?: FtpReply;

  constructor(init: DataTransferInit) {
    this.socket = init.socket;
    this.strategy = init.strategy;
    this.command = init.command;
    this.control = init.control;
    this.preliminary = init.preliminary;
    this.timeoutMs = init.timeoutMs;
    this.finalReply = settle(init.finalReply).then((s) => {
      this.finalArrived = true;
      return s;
    });
    this.socket.on('error', (error) => {
      this.firstError ??= { error, isFromSocket: true };
    });
    // A stalled data connection must not hang the session forever.
    this.socket.setTimeout(init.timeoutMs, () => {
      this.socket.destroy(new FtpTimeoutError(`The data connection was idle for ${init.timeoutMs} ms`));
    });
  }

  /** Watches a local stream of the pipeline (the file being written or read) so its failures are told apart from the data connection's. */
  watchLocal(stream: NodeJS.EventEmitter): void {
    stream.on('error', (error: unknown) => {
      this.firstError ??= { error, isFromSocket: false };
    });
  }

  /**
   * Records where a failure of a transfer that does not run through a stream pipeline came from,
   * unless an earlier one is known: a local failure (disk full, unreadable source) is not retried.
   */
  noteError(error: unknown, isFromSocket: boolean): void {
    this.firstError ??= { error, isFromSocket };
  }

  /** Whether this command receives a file (RETR), whose partial data is worth keeping. */
  private get isDownload(): boolean {
    return /^RETR /i.test(this.command);
  }

  /** Waits for `work` to settle, at most `ms`. */
  private async settleWithin(work: Promise<unknown>, ms: number): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const elapsed = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, ms);
    });
    try {
      await Promise.race([work, elapsed]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Whether abort() was called. */
  get isAborted(): boolean {
    return this.aborted !== undefined;
  }

  /**
   * Aborts the transfer: sends ABOR (RFC 959 §4.1.3, followed by a NOOP to find the end of the
   * abort's replies) and closes the data connection. The server answers the data command (426, or
   * 226 if it had finished) and ABOR (226 or 225), or both with one 226; the session is usable
   * afterwards. complete() then rejects with FtpAbortedError.
   */
  abort(): void {
    if (this.aborted) return;
    if (this.finalArrived || this.control.isClosed) {
      this.aborted = Promise.resolve();
    } else {
      this.aborted = settle(this.control.abortAndSync(this.finalReply));
    }
    this.socket.destroy();
  }

  /**
   * Resolves with the final 2xx reply once `localDone` (the pipeline feeding or draining the data
   * socket) has finished and the server confirmed; rejects with the most telling typed error otherwise.
   */
  async complete(localDone: Promise<unknown>): Promise<FtpReply> {
    const local = settle(localDone);
    try {
      const first = await Promise.race([local.then(() => 'local' as const), this.finalReply.then(() => 'reply' as const)]);
      if (first === 'reply') {
        const final = await this.finalReply;
        if (!final.ok || isNegative(final.value)) {
          // The server gave up (426, 451, ...). What it sent before that is real data: a download
          // keeps it (a resume continues after it), so its data connection may still deliver what
          // is in flight; a connection that does not end soon is closed. Anything else stops now.
          if (final.ok && this.isDownload) await this.settleWithin(local, Math.min(this.timeoutMs, DRAIN_AFTER_REFUSAL_MS));
          this.socket.destroy();
          await local;
          return await this.fail(final);
        }
        const localResult = await local;
        if (!localResult.ok || this.aborted) return await this.fail(final, localResult.ok ? undefined : localResult.error);
        return final.value;
      }
      const localResult = await local;
      if (!localResult.ok) {
        // Closing the data connection makes the server finish the command (426 or 226).
        this.socket.destroy();
        return await this.fail(await this.waitFinal(), localResult.error);
      }
      const final = await this.waitFinal();
      if (!final.ok || isNegative(final.value) || this.aborted) return await this.fail(final);
      return final.value;
    } finally {
      this.socket.destroy();
      this.markFinished();
    }
  }

  private async waitFinal(): Promise<Settled<FtpReply>> {
    if (this.finalArrived) return this.finalReply;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<Settled<FtpReply>>((resolve) => {
      timer = setTimeout(() => {
        const error = new FtpTimeoutError(`No final reply to ${this.command} within ${this.timeoutMs} ms after the data connection closed`);
        // Replies can no longer be paired reliably: give up the control connection.
        this.control.destroy(error);
        resolve({ ok: false, error });
      }, this.timeoutMs);
    });
    try {
      return await Promise.race([this.finalReply, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  private async fail(final: Settled<FtpReply>, localError?: unknown): Promise<never> {
    if (this.aborted) {
      await this.aborted;
      throw new FtpAbortedError(`${this.command} aborted`);
    }
    const isLocalStreamError = this.firstError !== undefined && !this.firstError.isFromSocket && localError === this.firstError.error;
    const isDataError = localError !== undefined && !isLocalStreamError;
    // A local failure (disk full, unreadable source) is the real reason even though the server
    // then answers 426 for the connection we closed; retrying would not help.
    if (localError !== undefined && !isDataError) throw localError;
    if (final.ok && isNegative(final.value)) {
      throw new FtpReplyError(final.value.code, final.value.text, this.command);
    }
    if (localError !== undefined) {
      if (localError instanceof FtpError) throw localError;
      throw new FtpConnectionError(`Data connection failed during ${this.command}: ${(localError as Error).message}`, { cause: localError });
    }
    throw final.ok ? new FtpConnectionError(`${this.command} failed`) : final.error;
  }
}
