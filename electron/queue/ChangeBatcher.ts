/**
 * Coalesces item changes into batches delivered at most once per interval (250 ms = 4 per second)
 * however many items change, so a thousand parallel chunks never become a thousand IPC messages.
 */

/** Collects changed and removed ids and flushes them at a bounded rate. */
export class ChangeBatcher {
  private readonly changed = new Set<string>();
  private readonly removed = new Set<string>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private lastFlushMs = -Infinity;

  constructor(
    private readonly onFlush: (changedIds: string[], removedIds: string[]) => void,
    private readonly intervalMs = 250,
    private readonly now: () => number = Date.now,
  ) {}

  /** Notes that an item changed. */
  mark(id: string): void {
    this.changed.add(id);
    this.schedule();
  }

  /** Notes that an item was removed. */
  markRemoved(id: string): void {
    this.changed.delete(id);
    this.removed.add(id);
    this.schedule();
  }

  /** Requests a flush even if nothing is marked (totals changed). */
  touch(): void {
    this.schedule();
  }

  /** Delivers what is pending now, ignoring the rate (used on close). */
  flushNow(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.flush();
  }

  /** Stops the timer without delivering. */
  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private schedule(): void {
    if (this.timer) return;
    const wait = Math.max(0, this.lastFlushMs + this.intervalMs - this.now());
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.flush();
    }, wait);
  }

  private flush(): void {
    this.lastFlushMs = this.now();
    const changed = [...this.changed];
    const removed = [...this.removed];
    this.changed.clear();
    this.removed.clear();
    this.onFlush(changed, removed);
  }
}
