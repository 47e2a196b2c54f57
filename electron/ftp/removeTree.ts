/**
 * Deleting a remote folder with everything in it, depth first: its files, its subfolders, then
 * itself. A link to a folder is deleted as a link, never followed, so nothing outside the tree
 * can be reached through one. Used by the remote pane's Delete and by a sync's deletions.
 */
import type { FileEntry } from '../../shared/domain';
import { joinRemotePath } from '../../shared/remotePath';

/** The operations removeTree needs of a session. */
export interface TreeRemover {
  list(path: string): Promise<FileEntry[]>;
  delete(path: string): Promise<void>;
  rmdir(path: string): Promise<void>;
}

/** Deletes `folder` and what it holds. */
export async function removeTree(session: TreeRemover, folder: string): Promise<void> {
  const entries = await session.list(folder);
  for (const e of entries) {
    if (e.name === '.' || e.name === '..') continue;
    const child = joinRemotePath(folder, e.name);
    if (e.type === 'dir') await removeTree(session, child);
    else await session.delete(child);
  }
  await session.rmdir(folder);
}
