/**
 * Refreshes a pane when transfers into the folder it shows (or below it) finish, as FileZilla
 * does after an upload, so new files appear without pressing F5. Debounced: a folder of
 * many files causes one listing, not one per file.
 */
import { paneStore } from '../../commands/panes';
import type { PaneId } from '../../commands/types';
import { useQueue } from '../../stores/queueStore';

/** Waits for a burst of completions to settle before listing again. */
const DEBOUNCE_MS = 300;

/** Whether `path` is `folder` or inside it (either separator). */
export function isInFolder(path: string, folder: string): boolean {
  if (!folder) return false;
  if (path === folder) return true;
  const base = folder.endsWith('/') || folder.endsWith('\\') ? folder : null;
  return base ? path.startsWith(base) : path.startsWith(folder + '/') || path.startsWith(folder + '\\');
}

/** Starts watching the queue for pane `paneId`; returns the function that stops it. */
export function watchFinishedTransfers(paneId: PaneId): () => void {
  const direction = paneId === 'remote' ? 'upload' : 'download';
  let seen = new Set<string>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  for (const [id, item] of useQueue.getState().byId) if (item.state === 'done') seen.add(id);

  const unsubscribe = useQueue.subscribe((state, previous) => {
    if (state.loadCount !== previous.loadCount) {
      // A reload (window opened, queue reordered) shows old work, not work that just finished.
      seen = new Set([...state.byId].filter(([, item]) => item.state === 'done').map(([id]) => id));
      return;
    }
    // Progress batches arrive several times a second; only a change in finished work matters.
    if (state.totals.doneCount <= previous.totals.doneCount) return;
    const folder = paneStore(paneId).getState().path;
    let isAffected = false;
    const nowDone = new Set<string>();
    for (const [id, item] of state.byId) {
      if (item.state !== 'done') continue;
      nowDone.add(id);
      if (seen.has(id) || item.direction !== direction) continue;
      if (isInFolder(direction === 'upload' ? item.remotePath : item.localPath, folder)) isAffected = true;
    }
    seen = nowDone;
    if (!isAffected) return;
    clearTimeout(timer);
    timer = setTimeout(() => void paneStore(paneId).getState().refresh(), DEBOUNCE_MS);
  });
  return () => {
    clearTimeout(timer);
    unsubscribe();
  };
}
