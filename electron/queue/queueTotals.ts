/**
 * Totals over the queue for the status bar and the tabs: counts per state, bytes of the
 * unfinished items, and the work left for the queue's speed and ETA (EtaEstimator). Pure.
 */
import type { TransferItem, TransferState } from '../../shared/domain';
import type { QueueEta } from '../../shared/queue';
import type { RemainingWork } from './EtaEstimator';
import type { QueueTotals } from './types';
import { EMPTY_QUEUE_TOTALS } from '../../shared/queue';

/** States of an item that holds a connection. */
export const ACTIVE_STATES: ReadonlySet<TransferState> = new Set(['connecting', 'transferring']);
/** States an item ends in (kept for the Successful and Failed views). */
export const FINISHED_STATES: ReadonlySet<TransferState> = new Set(['done', 'failed', 'cancelled']);

/** The queue's speed and time left for the work that remains. */
export type Pace = (remaining: RemainingWork) => { speedBps: number; eta: QueueEta };

/** Counts, bytes, speed and ETA over `items`; paused items wait for the user, so the ETA leaves them out. */
export function computeTotals(items: Iterable<TransferItem>, pace: Pace): QueueTotals {
  const t: QueueTotals = { ...EMPTY_QUEUE_TOTALS };
  const remaining: RemainingWork = { files: 0, bytes: 0, unsizedFiles: 0 };
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
    // Deletions are quick and move no bytes: the time left is the transfers'.
    if ((item.state === 'queued' || item.state === 'connecting') && item.deleteSide === undefined) {
      remaining.files++;
      if (item.sizeBytes === undefined) remaining.unsizedFiles++;
    }
    if ((item.state === 'queued' || ACTIVE_STATES.has(item.state)) && item.sizeBytes !== undefined) {
      remaining.bytes += Math.max(0, item.sizeBytes - item.transferredBytes);
    }
  }
  return { ...t, ...pace(remaining) };
}
