/**
 * Debouncing and batching of a watched folder's events. A touched path waits until no event has
 * come for it for `quietMs`, then is looked at (the injected probe): a file counts as settled
 * when its size and time are what the previous look found, or when its time is already `quietMs`
 * old (nothing wrote it since); otherwise it waits another quiet period. A file written for a
 * minute is thus sent once, when the writing stops, not on every write event.
 * Settled paths gather into one batch, handed over when nothing is left waiting (so a burst of
 * thousands of files is one batch) or, while something keeps changing, every `maxBatchMs`.
 * The clock and timers are injected; no I/O here.
 */
import type { Probe, SettledPath } from './treeChanges';

/** Time and timers, so tests can drive them. */
export interface WatchClock {
  now(): number;
  /** Calls `fn` after `ms`; returns the function that cancels it. */
  setTimer(fn: () => void, ms: number): () => void;
}

/** The system clock. */
export const SYSTEM_CLOCK: WatchClock = {
  now: () => Date.now(),
  setTimer(fn, ms) {
    const timer = setTimeout(fn, ms);
    return () => clearTimeout(timer);
  },
};

/** How the settler decides and whom it tells. */
export interface SettlerOptions {
  /** How long a path must have had no event before it is looked at. */
  quietMs: number;
  /** The longest a settled path waits for others still changing before its batch goes. */
  maxBatchMs: number;
  probe(relPath: string): Promise<Probe>;
  onBatch(batch: SettledPath[]): void;
  clock: WatchClock;
}

/** Where one touched path is. */
type Phase =
  /** Waiting for its quiet period to pass. */
  | 'waiting'
  /** Being looked at. */
  | 'probing';

interface Pending {
  phase: Phase;
  dueMs: number;
  /** What the previous look found, when the path was not settled then. */
  lastProbe?: Probe;
  /** An event came while it was being looked at: that look does not count. */
  isTouchedWhileProbing: boolean;
}

const isSameFile = (a: Probe | undefined, b: Probe) =>
  a?.kind === 'file' && b.kind === 'file' && a.sizeBytes === b.sizeBytes && a.modifiedMs === b.modifiedMs && a.ino === b.ino;

/** Collects touched paths and hands over batches of settled ones. */
export class ChangeSettler {
  private readonly pending = new Map<string, Pending>();
  private batch: SettledPath[] = [];
  private batchStartedMs = 0;
  private cancelTimer: (() => void) | undefined;
  private timerDueMs = Infinity;
  private isClosed = false;

  constructor(private readonly options: SettlerOptions) {}

  /** How many paths are waiting or being looked at. */
  get pendingCount(): number {
    return this.pending.size;
  }

  /** An event for `relPath`: it waits a quiet period again. */
  touch(relPath: string): void {
    if (this.isClosed) return;
    const dueMs = this.options.clock.now() + this.options.quietMs;
    const entry = this.pending.get(relPath);
    if (!entry) this.pending.set(relPath, { phase: 'waiting', dueMs, isTouchedWhileProbing: false });
    else {
      entry.dueMs = dueMs;
      if (entry.phase === 'probing') entry.isTouchedWhileProbing = true;
    }
    this.arm();
  }

  /** Stops: nothing more is looked at or handed over. */
  close(): void {
    this.isClosed = true;
    this.cancelTimer?.();
    this.cancelTimer = undefined;
    this.pending.clear();
    this.batch = [];
  }

  /** Sets the one timer for the earliest moment something is due. */
  private arm(): void {
    let next = this.batch.length > 0 ? this.batchStartedMs + this.options.maxBatchMs : Infinity;
    for (const p of this.pending.values()) if (p.phase === 'waiting' && p.dueMs < next) next = p.dueMs;
    if (next === this.timerDueMs) return;
    this.cancelTimer?.();
    this.cancelTimer = undefined;
    this.timerDueMs = next;
    if (next === Infinity) return;
    this.cancelTimer = this.options.clock.setTimer(() => this.onTimer(), Math.max(0, next - this.options.clock.now()));
  }

  private onTimer(): void {
    this.cancelTimer = undefined;
    this.timerDueMs = Infinity;
    if (this.isClosed) return;
    const now = this.options.clock.now();
    for (const [relPath, p] of this.pending) {
      if (p.phase !== 'waiting' || p.dueMs > now) continue;
      p.phase = 'probing';
      p.isTouchedWhileProbing = false;
      void this.options.probe(relPath).then(
        (probe) => this.judge(relPath, p, probe),
        (err: unknown) => this.judge(relPath, p, { kind: 'unreadable', message: (err as Error).message }),
      );
    }
    this.maybeHandOver();
    this.arm();
  }

  /** Decides whether a looked-at path has settled. */
  private judge(relPath: string, p: Pending, probe: Probe): void {
    if (this.isClosed || this.pending.get(relPath) !== p) return;
    const now = this.options.clock.now();
    p.phase = 'waiting';
    const isOldEnough = probe.kind === 'file' && now - probe.modifiedMs >= this.options.quietMs;
    if (!p.isTouchedWhileProbing && (probe.kind !== 'file' || isOldEnough || isSameFile(p.lastProbe, probe))) {
      this.pending.delete(relPath);
      if (this.batch.length === 0) this.batchStartedMs = now;
      this.batch.push({ relPath, probe });
    } else {
      // Still being written (or touched again meanwhile): look once more after another quiet period.
      p.lastProbe = probe;
      if (!p.isTouchedWhileProbing) p.dueMs = now + this.options.quietMs;
    }
    this.maybeHandOver();
    this.arm();
  }

  private maybeHandOver(): void {
    if (this.batch.length === 0) return;
    const isAllSettled = this.pending.size === 0;
    if (!isAllSettled && this.options.clock.now() - this.batchStartedMs < this.options.maxBatchMs) return;
    const batch = this.batch;
    this.batch = [];
    this.options.onBatch(batch);
  }
}
