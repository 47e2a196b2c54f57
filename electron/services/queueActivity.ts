/**
 * What the desktop shows of the queue outside the window: the taskbar progress fraction,
 * and one "finished" notice when a busy queue runs dry. Pure, so it is tested without
 * Electron. Must not import electron.
 */
import type { QueueTotals } from '../../shared/queue';

/** Taskbar progress: a fraction 0..1 while transferring, or -1 to remove the bar. */
export function taskbarProgress(totals: QueueTotals): number {
  const pending = totals.queuedCount + totals.activeCount;
  if (pending === 0 || totals.totalBytes <= 0) return -1;
  return Math.min(1, totals.transferredBytes / totals.totalBytes);
}

/** A notice for the user when the queue has finished. */
export interface FinishedNotice {
  title: string;
  body: string;
}

/** Watches totals and says once when a queue that was working has nothing left to do. */
export class QueueActivity {
  private wasBusy = false;

  /** Returns a notice when this change finished the queue, else null. */
  update(totals: QueueTotals): FinishedNotice | null {
    const isBusy = totals.queuedCount + totals.activeCount > 0;
    const finished = this.wasBusy && !isBusy;
    this.wasBusy = isBusy;
    if (!finished) return null;
    const failed = totals.failedCount;
    return {
      title: failed ? 'Transfers finished with errors' : 'Transfers finished',
      body: failed
        ? `${totals.doneCount} succeeded, ${failed} failed. See the Failed transfers tab.`
        : `${totals.doneCount} file${totals.doneCount === 1 ? '' : 's'} transferred.`,
    };
  }
}
