/**
 * One attempt of a deletion item (a sync's orphan): a remote file, a remote folder with what it
 * holds (removeTree), or a local file or folder. A path already gone counts as deleted, so a
 * retry after a broken connection finishes instead of failing on what the first attempt did.
 * No sockets here: everything goes through the interfaces.
 */
import type { TransferItem } from '../../shared/domain';
import { removeTree } from './removeTree';
import { remoteBaseName, remoteParent } from './safeName';
import type { LocalFs, TransferSession } from './types';

/** What a deletion attempt needs; `session` only for a remote one. */
export interface DeleteContext {
  item: TransferItem;
  session?: TransferSession;
  fs: LocalFs;
  signal: AbortSignal;
}

/** The path an item acts on: the source of a copy, or the path a deletion removes. */
export function subjectOf(item: TransferItem): string {
  if (item.deleteSide) return item.deleteSide === 'remote' ? item.remotePath : item.localPath;
  return item.direction === 'download' ? item.remotePath : item.localPath;
}

/** Deletes what the item names; throws when it is still there. */
export async function runDelete(ctx: DeleteContext): Promise<void> {
  const { item, session, fs, signal } = ctx;
  if (item.deleteSide === 'local') return fs.removeTree(item.localPath);
  if (!session) throw new Error('a remote deletion needs a session');
  try {
    if (item.isFolder) await removeTree(session, item.remotePath, signal);
    else await session.delete(item.remotePath);
  } catch (err) {
    if (signal.aborted || !(await isGone(session, item.remotePath))) throw err;
  }
}

/** Whether the parent folder's listing no longer holds the name; unknown (false) when it cannot be listed. */
async function isGone(session: TransferSession, remotePath: string): Promise<boolean> {
  const name = remoteBaseName(remotePath);
  try {
    return !(await session.list(remoteParent(remotePath))).some((e) => e.name === name);
  } catch {
    return false;
  }
}
