/**
 * The folder a one-way sync copies into is made when it is missing, as lftp's mirror and rsync
 * make theirs: the local folder before a download, the server folder (one MKD, on the first
 * listing connection, its refusal expected when the folder is there) before an upload. A dry run
 * makes nothing. Must not import electron.
 */
import { promises as fsp } from 'node:fs';
import type { SessionFactory } from '../queue/types';
import type { SyncDirection } from '../../shared/sync';

/** Makes the local target folder; returns the session factory that makes the server's. */
export async function makingTarget(direction: SyncDirection, folders: { localDir: string; remoteDir: string }, sessions: SessionFactory): Promise<SessionFactory> {
  if (direction === 'download') {
    await fsp.mkdir(folders.localDir, { recursive: true });
    return sessions;
  }
  if (direction !== 'upload' || folders.remoteDir === '.' || folders.remoteDir === '/') return sessions;
  let made: Promise<void> | undefined;
  return async (siteId, label) => {
    const session = await sessions(siteId, label);
    // A folder that cannot be made shows up as the listing's own error, which says more.
    made ??= session.mkdir(folders.remoteDir, { mayExist: true }).catch(() => undefined);
    await made;
    return session;
  };
}
