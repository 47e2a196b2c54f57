/**
 * Idle detection for the queue: callers waiting for idle are released by any check that finds
 * it idle, while the reaction to becoming idle runs once per transition, not on every check.
 */

/** Tracks idle transitions given a predicate the queue supplies. */
export class IdleWatch {
  private readonly waiters: Array<() => void> = [];
  /** Whether the last check found the queue idle. */
  private wasIdle = true;

  constructor(
    private readonly isIdle: () => boolean,
    private readonly onBecameIdle: () => void,
  ) {}

  /** Resolves now if idle, else at the next check that finds it idle. */
  whenIdle(): Promise<void> {
    if (this.isIdle()) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  /** Looks again after something that may have made the queue idle. */
  check(): void {
    const isIdle = this.isIdle();
    const wasIdle = this.wasIdle;
    this.wasIdle = isIdle;
    if (!isIdle) return;
    const waiters = this.waiters.splice(0);
    for (const w of waiters) w();
    if (wasIdle) return;
    this.onBecameIdle();
  }
}
