/**
 * Totals over the queue for the status bar and the tabs: counts per state, bytes of the
 * unfinished items, summed speed and the ETA derived from it. Pure.
 */
import type { TransferItem, TransferState } from '../../shared/domain';
import { etaSeconds } from './SpeedMeter';
import type { QueueTotals } from './types';
import { EMPTY_QUEUE_TOTALS } from '../../shared/queue';

/** States of an item that holds a connection. */
export const ACTIVE_STATES: ReadonlySet<TransferState> = new Set(['connecting', 'transferring']);
/** States an item ends in (kept for the Successful and Failed views). */
export const FINISHED_STATES: ReadonlySet<TransferState> = new Set(['done', 'failed', 'cancelled']);

/** Counts, bytes, speed and ETA over `items`. */
export function computeTotals(items: Iterable<TransferItem>): QueueTotals {
  const t: QueueTotals = { ...EMPTY_QUEUE_TOTALS };
  for (const item of items) {
    if (item.state === 'queued') t.queuedCount++;
    else if (ACTIVE_STATES.has(item.state)) t.activeCount++;
    else if (item.state === 'done') t.doneCount++;
    else if (item.state === 'failed') t.failedCount++;
    else if (item.state === 'cancelled') t.cancelledCount++;
    else if (item.state === 'paused') t.pausedCount++;
    if (!FINISHED_STATES.has(item.state) && item.sizeBytes !== undefined) {
      t.totalBytes += item.sizeBytes;
      t.transferredBytes += Math.min(item.transferredBytes, item.sizeBytes);
    }
    if (ACTIVE_STATES.has(item.state)) t.speedBps += item.speedBps ?? 0;
  }
  t.etaSeconds = etaSeconds(t.totalBytes - t.transferredBytes, t.speedBps);
  return t;
}
