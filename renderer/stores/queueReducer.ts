/**
 * Pure updates of the window's copy of the queue: apply a batched change (items replaced
 * in place, new ones appended, removed ones dropped), and split items into the tabs.
 */
import type { TransferItem } from '../../shared/domain';
import { EMPTY_QUEUE_TOTALS, type QueueChange, type QueueSnapshot, type QueueTotals } from '../../shared/queue';

/** The window's copy of the queue. */
export interface QueueData {
  order: string[];
  byId: ReadonlyMap<string, TransferItem>;
  totals: QueueTotals;
}

/** An empty queue's totals. */
export const EMPTY_TOTALS = EMPTY_QUEUE_TOTALS;

/** Builds the copy from a full snapshot. */
export function fromSnapshot(snapshot: QueueSnapshot): QueueData {
  return {
    order: snapshot.items.map((i) => i.id),
    byId: new Map(snapshot.items.map((i) => [i.id, i])),
    totals: snapshot.totals,
  };
}

/** Applies one batched change. */
export function applyChange(data: QueueData, change: QueueChange): QueueData {
  const byId = new Map(data.byId);
  let order = data.order;
  const appended: string[] = [];
  for (const item of change.items) {
    if (!byId.has(item.id)) appended.push(item.id);
    byId.set(item.id, item);
  }
  if (change.removedIds.length) {
    const removed = new Set(change.removedIds);
    for (const id of removed) byId.delete(id);
    order = order.filter((id) => !removed.has(id));
  }
  if (appended.length) order = order.concat(appended);
  return { order, byId, totals: change.totals };
}

/** The queue's tabs, as FileZilla names them. */
export type QueueTab = 'queued' | 'failed' | 'done';

/** Which tab an item belongs to: unfinished work, failures (and cancellations), or successes. */
export function tabOf(item: TransferItem): QueueTab {
  if (item.state === 'done') return 'done';
  if (item.state === 'failed' || item.state === 'cancelled') return 'failed';
  return 'queued';
}

/** The items of one tab, in queue order. */
export function itemsOfTab(data: QueueData, tab: QueueTab): TransferItem[] {
  const out: TransferItem[] = [];
  for (const id of data.order) {
    const item = data.byId.get(id);
    if (item && tabOf(item) === tab) out.push(item);
  }
  return out;
}
