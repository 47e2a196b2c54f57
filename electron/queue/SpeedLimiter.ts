/**
 * Optional speed limit per direction: one shared budget of bytes per second that all transfers
 * of that direction draw from, applied as backpressure on the local stream (so the socket slows
 * down too and memory stays flat).
 */

/** A shared rate budget; a rate of 0 means unlimited. */
export class RateLimiter {
  private nextFreeMs = 0;

  constructor(private rateBps = 0, private readonly now: () => number = Date.now) {}

  /** Changes the rate; takes effect for the next chunk. */
  setRate(rateBps: number | undefined): void {
    this.rateBps = Math.max(0, rateBps ?? 0);
  }

  /** Whether a limit is set. */
  get isLimited(): boolean {
    return this.rateBps > 0;
  }

  /** Waits until `bytes` may pass (reserving their share of the rate in arrival order). */
  async take(bytes: number): Promise<void> {
    if (this.rateBps <= 0) return;
    const now = this.now();
    if (this.nextFreeMs < now) this.nextFreeMs = now;
    const waitMs = this.nextFreeMs - now;
    this.nextFreeMs += (bytes * 1000) / this.rateBps;
    if (waitMs > 0) await new Promise((resolve) => setTimeout(resolve, waitMs));
  }
}
