/**
 * Serialises a session's operations, since a control connection carries one command exchange
 * at a time, and sends NOOP after a quiet spell so that servers and NAT boxes keep an idle
 * session open. The keep-alive waits while anything runs: a running operation is traffic already.
 * Must not import electron or React.
 */
import { FtpAbortedError, FtpConnectionError } from './errors';

/** One operation at a time, plus the keep-alive timer that only runs while none does. */
export class OperationLock {
  private tail: Promise<void> = Promise.resolve();
  private busy = 0;
  private keepAliveTimer?: NodeJS.Timeout;

  constructor(
    private readonly isClosed: () => boolean,
    /** Idle time before a keep-alive; 0 = off. */
    private readonly keepAliveMs: number,
    private readonly sendKeepAlive: () => Promise<unknown>,
  ) {}

  /** Whether no operation is running or waiting. */
  get isIdle(): boolean {
    return this.busy === 0;
  }

  /** Waits for the operations before this one; resolves with the function that lets the next one run. */
  async acquire(signal?: AbortSignal): Promise<() => void> {
    if (signal?.aborted) throw new FtpAbortedError();
    const previous = this.tail;
    let release!: () => void;
    this.tail = new Promise((resolve) => (release = resolve));
    this.busy++;
    clearTimeout(this.keepAliveTimer);
    await previous;
    if (this.isClosed()) {
      this.busy--;
      release();
      throw new FtpConnectionError('The session is closed');
    }
    return () => {
      this.busy--;
      release();
      this.scheduleKeepAlive();
    };
  }

  /** Runs `fn` when the operations before it are done. */
  async exclusive<T>(fn: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    const release = await this.acquire(signal);
    try {
      return await fn();
    } finally {
      release();
    }
  }

  /** (Re)starts the idle timer, unless keep-alive is off, an operation runs or the session is closed. */
  scheduleKeepAlive(): void {
    clearTimeout(this.keepAliveTimer);
    if (this.keepAliveMs <= 0 || this.busy > 0 || this.isClosed()) return;
    this.keepAliveTimer = setTimeout(() => {
      if (this.busy > 0 || this.isClosed()) return;
      this.exclusive(this.sendKeepAlive).catch(() => undefined);
    }, this.keepAliveMs);
    // Keep-alive alone must not keep a process running.
    this.keepAliveTimer.unref();
  }

  /** Stops the idle timer (closing). */
  stopKeepAlive(): void {
    clearTimeout(this.keepAliveTimer);
  }
}
