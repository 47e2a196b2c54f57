/**
 * Speed as a moving average over the last few seconds of byte counts, and the ETA derived from
 * it. Fed with cumulative byte counts and a clock, so it is deterministic under fake timers.
 */

/** Length of the averaging window. */
const WINDOW_MS = 5_000;
/** Samples closer together than this are merged (progress arrives per chunk). */
const MIN_SAMPLE_GAP_MS = 200;

/** Moving-average speed of one transfer. */
export class SpeedMeter {
  private readonly samples: Array<{ t: number; bytes: number }> = [];

  /** Starts measuring at `bytes` already present (a resumed transfer does not count them as speed). */
  constructor(nowMs: number, bytes: number) {
    this.samples.push({ t: nowMs, bytes });
  }

  /** Records the cumulative byte count at a time. */
  sample(nowMs: number, bytes: number): void {
    const last = this.samples[this.samples.length - 1];
    if (nowMs - last.t < MIN_SAMPLE_GAP_MS && this.samples.length > 1) {
      last.bytes = bytes;
      last.t = Math.max(last.t, nowMs);
    } else {
      this.samples.push({ t: nowMs, bytes });
    }
    while (this.samples.length > 2 && nowMs - this.samples[1].t > WINDOW_MS) this.samples.shift();
  }

  /** Bytes per second over the window ending now; undefined until any time has passed. */
  speedBps(nowMs: number): number | undefined {
    const first = this.samples[0];
    const last = this.samples[this.samples.length - 1];
    const spanMs = Math.max(nowMs, last.t) - first.t;
    if (spanMs <= 0) return undefined;
    return ((last.bytes - first.bytes) * 1000) / spanMs;
  }
}

/** Seconds left at a speed, or undefined when unknown or nothing flows. */
export function etaSeconds(remainingBytes: number | undefined, speedBps: number | undefined): number | undefined {
  if (remainingBytes === undefined || speedBps === undefined || speedBps <= 0) return undefined;
  return Math.max(0, Math.ceil(remainingBytes / speedBps));
}
