/**
 * When the queue file is written: debounced after changes, one write at a time (a change during
 * a write causes exactly one more), less often for long queues because each write holds all.
 */
import type { PersistedQueue, QueueStore } from './types';

/** Debounced, serialised saving of snapshots to a store. */
export class QueuePersister {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private saving: Promise<void> | undefined;
  private isSaveAgain = false;
  private isStopped = false;

  constructor(
    private readonly store: QueueStore | undefined,
    private readonly snapshot: () => PersistedQueue,
    private readonly onError: (err: unknown) => void,
  ) {}

  /** Saves after `baseDelayMs`, stretched for long queues (10,000 items: 2.5 s). */
  schedule(baseDelayMs: number, itemCount: number): void {
    if (!this.store || this.isStopped || this.timer) return;
    const delayMs = Math.max(baseDelayMs, Math.min(5_000, itemCount / 4));
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.saveNow();
    }, delayMs);
  }

  /** Writes now, or joins the write in progress (and makes it write once more). */
  saveNow(): Promise<void> {
    const store = this.store;
    if (!store) return Promise.resolve();
    if (this.saving) {
      this.isSaveAgain = true;
      return this.saving;
    }
    this.saving = (async () => {
      do {
        this.isSaveAgain = false;
        try {
          await store.save(this.snapshot());
        } catch (err) {
          this.onError(err);
        }
      } while (this.isSaveAgain);
    })().finally(() => {
      this.saving = undefined;
    });
    return this.saving;
  }

  /** Cancels a pending save and refuses new schedules (explicit saveNow still works). */
  stop(): void {
    this.isStopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }
}
