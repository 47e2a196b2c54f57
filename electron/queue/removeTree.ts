/**
 * Deleting a remote folder with everything in it, depth first: its files, its subfolders, then
 * itself. A link to a folder is deleted as a link, never followed, so nothing outside the tree
 * can be reached through one. Used by the remote pane's Delete and by the queue's deletion
 * items; protocol-neutral, it needs only the three operations below.
 */
import type { FileEntry } from '../../shared/domain';
import { joinRemotePath } from '../../shared/remotePath';

/** The operations removeTree needs of a session. */
export interface TreeRemover {
  list(path: string): Promise<FileEntry[]>;
  delete(path: string): Promise<void>;
  rmdir(path: string): Promise<void>;
}

/** Deletes `folder` and what it holds; an abort stops it between two commands. */
export async function removeTree(session: TreeRemover, folder: string, signal?: AbortSignal): Promise<void> {
  const entries = await session.list(folder);
  for (const e of entries) {
    if (e.name === '.' || e.name === '..') continue;
    signal?.throwIfAborted();
    const child = joinRemotePath(folder, e.name);
    if (e.type === 'dir') await removeTree(session, child, signal);
    else await session.delete(child);
  }
  await session.rmdir(folder);
}
