/**
 * Waiting for a set of queue items to end, whatever else the queue does meanwhile: each item
 * ends when it is done, failed (its retries spent), cancelled, or removed from the queue. A
 * paused item has not ended; the wait goes on until the user resumes or cancels it.
 * Must not import electron.
 */
import type { TransferQueue } from '../queue';

/** How an item ended. */
export type ItemEnd = 'done' | 'failed' | 'cancelled' | 'removed';

const FINAL = new Set<string>(['done', 'failed', 'cancelled']);

/** Resolves with each item's end once every one of `ids` has ended (at once for none). */
export function whenItemsEnd(queue: TransferQueue, ids: readonly string[]): Promise<Map<string, ItemEnd>> {
  const ends = new Map<string, ItemEnd>();
  const pending = new Set(ids);
  return new Promise((resolve) => {
    const settle = (id: string, end: ItemEnd) => {
      if (!pending.delete(id)) return;
      ends.set(id, end);
      if (pending.size > 0) return;
      queue.off('transition', onTransition);
      queue.off('changed', onChanged);
      resolve(ends);
    };
    // Transitions come one by one as they happen; removals only in the batched change.
    const onTransition = ({ id, to }: { id: string; to: string }) => {
      if (FINAL.has(to)) settle(id, to as ItemEnd);
    };
    const onChanged = ({ removedIds }: { removedIds: string[] }) => {
      for (const id of removedIds) settle(id, 'removed');
    };
    queue.on('transition', onTransition);
    queue.on('changed', onChanged);
    // Items may have ended (or gone) before anyone listened.
    for (const id of ids) {
      const item = queue.get(id);
      if (!item) settle(id, 'removed');
      else if (FINAL.has(item.state)) settle(id, item.state as ItemEnd);
    }
    if (ids.length === 0) {
      queue.off('transition', onTransition);
      queue.off('changed', onChanged);
      resolve(ends);
    }
  });
}
