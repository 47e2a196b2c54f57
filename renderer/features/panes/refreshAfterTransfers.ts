/**
 * Refreshes a pane when transfers change the folder it shows, as FileZilla does: uploads (or
 * downloads) finishing in it or below it, so new files appear without pressing F5; and on the
 * remote pane, a download refused with 550 (the file vanished or cannot be read), so a file
 * that is gone is not listed any more. Debounced: a folder of many files causes one listing.
 */
import { paneStore } from '../../commands/panes';
import type { PaneId } from '../../commands/types';
import type { TransferItem } from '../../../shared/domain';
import { useQueue } from '../../stores/queueStore';
import { isInFolder } from '../../lib/paths';

/** Waits for a burst of completions to settle before listing again. */
const DEBOUNCE_MS = 300;

/** The reply of a server that has no such file (or will not say it has). */
const FILE_UNAVAILABLE = 550;

/** Whether a finished or failed item changed what pane `paneId` shows of `folder`. */
export function changesFolder(paneId: PaneId, item: TransferItem, folder: string): boolean {
  if (item.state === 'done') {
    const into = paneId === 'remote' ? 'upload' : 'download';
    return item.direction === into && isInFolder(into === 'upload' ? item.remotePath : item.localPath, folder);
  }
  return (
    item.state === 'failed' && paneId === 'remote' && item.direction === 'download' && item.lastError?.ftpCode === FILE_UNAVAILABLE && isInFolder(item.remotePath, folder)
  );
}

/** The ids of items whose end has been seen, with their state: an item retried and failing again counts again. */
function endedIds(byId: ReadonlyMap<string, TransferItem>): Map<string, string> {
  const ended = new Map<string, string>();
  for (const [id, item] of byId) if (item.state === 'done' || item.state === 'failed') ended.set(id, `${item.state}:${item.attempts}`);
  return ended;
}

/** Starts watching the queue for pane `paneId`; returns the function that stops it. */
export function watchFinishedTransfers(paneId: PaneId): () => void {
  let seen = endedIds(useQueue.getState().byId);
  let timer: ReturnType<typeof setTimeout> | undefined;

  const unsubscribe = useQueue.subscribe((state, previous) => {
    if (state.loadCount !== previous.loadCount) {
      // A reload (window opened, queue reordered) shows old work, not work that just ended.
      seen = endedIds(state.byId);
      return;
    }
    // Progress batches arrive several times a second; only a change in ended work matters.
    const { doneCount, failedCount } = state.totals;
    if (doneCount <= previous.totals.doneCount && failedCount <= previous.totals.failedCount) return;
    const folder = paneStore(paneId).getState().path;
    const nowEnded = endedIds(state.byId);
    let isAffected = false;
    for (const [id, mark] of nowEnded) {
      if (seen.get(id) === mark) continue;
      const item = state.byId.get(id);
      if (item && changesFolder(paneId, item, folder)) isAffected = true;
    }
    seen = nowEnded;
    if (!isAffected) return;
    clearTimeout(timer);
    timer = setTimeout(() => void paneStore(paneId).getState().refresh(), DEBOUNCE_MS);
  });
  return () => {
    clearTimeout(timer);
    unsubscribe();
  };
}
