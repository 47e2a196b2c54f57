/**
 * Reads the two trees a compare needs as flat lists of entries by relative path: the local one
 * from the filesystem, the remote one by listing folders over several connections at once
 * (within the site's limit). Names a hostile server could use to escape the folder are refused
 * and reported; remote links and special files are left out and counted, never followed.
 */
import { promises as fsp, type Dirent } from 'node:fs';
import path from 'node:path';
import type { FileEntry } from '../../shared/domain';
import type { SyncEntry } from '../../shared/sync';
import { joinRemote, unsafeNameReason } from '../queue/safeName';
import type { TransferSession } from '../queue/types';

/** A tree read for a compare, and what was left out of it. */
export interface ListedTree {
  entries: SyncEntry[];
  /** Entries not compared, with why: a refused name, a link not followed, a special file. */
  skipped: Array<{ relPath: string; reason: string }>;
}

/** How deep to read. */
export interface TreeOptions {
  /** Every level below the folder, or only its own entries. */
  isRecursive: boolean;
  signal?: AbortSignal;
}

const join = (parent: string, name: string) => (parent ? `${parent}/${name}` : name);

/** Reads a local folder; folder links are followed only with `followLinks`, and each real folder once. */
export async function listLocalTree(root: string, options: TreeOptions & { followLinks?: boolean }): Promise<ListedTree> {
  const tree: ListedTree = { entries: [], skipped: [] };
  const seen = new Set<string>([await fsp.realpath(root)]);
  const walk = async (dir: string, rel: string): Promise<void> => {
    options.signal?.throwIfAborted();
    const names: Dirent[] = await fsp.readdir(dir, { withFileTypes: true });
    const folders: Array<[string, string]> = [];
    for (const d of names) {
      const full = path.join(dir, d.name);
      const relPath = join(rel, d.name);
      let stat;
      try {
        stat = d.isSymbolicLink() ? await fsp.stat(full) : await fsp.lstat(full);
      } catch (err) {
        tree.skipped.push({ relPath, reason: d.isSymbolicLink() ? 'a link to nothing' : `cannot be read: ${(err as Error).message}` });
        continue;
      }
      if (stat.isDirectory()) {
        if (d.isSymbolicLink() && !options.followLinks) {
          tree.skipped.push({ relPath, reason: 'a link to a folder, not followed' });
          continue;
        }
        const real = d.isSymbolicLink() ? await fsp.realpath(full) : full;
        if (d.isSymbolicLink() && seen.has(real)) {
          tree.skipped.push({ relPath, reason: 'a link to a folder already compared' });
          continue;
        }
        seen.add(real);
        tree.entries.push({ relPath, kind: 'folder', modifiedMs: stat.mtimeMs });
        folders.push([full, relPath]);
      } else if (stat.isFile()) {
        tree.entries.push({ relPath, kind: 'file', sizeBytes: stat.size, modifiedMs: Math.floor(stat.mtimeMs) });
      } else {
        tree.skipped.push({ relPath, reason: 'not a file or folder' });
      }
    }
    if (options.isRecursive) for (const [full, relPath] of folders) await walk(full, relPath);
  };
  await walk(root, '');
  return tree;
}

/** The compared side of a remote listing entry, or why it is left out. */
function remoteEntry(e: FileEntry, relPath: string): SyncEntry | string {
  const unsafe = unsafeNameReason(e.name);
  if (unsafe) return `refused: ${unsafe}`;
  if (e.type === 'dir') return { relPath, kind: 'folder', modifiedMs: e.modifiedMs, timePrecision: e.timePrecision };
  if (e.type === 'file') return { relPath, kind: 'file', sizeBytes: e.sizeBytes, modifiedMs: e.modifiedMs, timePrecision: e.timePrecision };
  return e.type === 'link' ? 'a link on the server, not followed' : 'not a file or folder';
}

/** Opens one more listing connection (logged in, at the site's start folder). */
export type OpenListingSession = () => Promise<TransferSession>;

/**
 * Reads a remote folder with up to `parallel` connections: the first lists the top folder, and
 * more are opened while folders wait to be listed. Each connection lists one folder at a time.
 */
export async function listRemoteTree(root: string, openSession: OpenListingSession, options: TreeOptions & { parallel: number }): Promise<ListedTree> {
  const tree: ListedTree = { entries: [], skipped: [] };
  const waiting: Array<[string, string]> = [[root, '']];
  const sessions: TransferSession[] = [];
  const running: Promise<void>[] = [];
  const sleepers: Array<() => void> = [];
  let listing = 0;
  let opening = 0;
  let failure: unknown;

  const wakeAll = () => sleepers.splice(0).forEach((wake) => wake());

  const listOne = async (session: TransferSession, remoteDir: string, rel: string) => {
    let cutShort: string | undefined;
    const listed = await session.list(remoteDir, (reply) => (cutShort = reply));
    // A compare on part of a folder would call the rest "only here", and a sync would act on that.
    if (cutShort !== undefined) throw new Error(`the server listed only part of ${remoteDir} ("${cutShort}"), so it cannot be compared`);
    for (const e of listed) {
      const relPath = join(rel, e.name);
      const entry = remoteEntry(e, relPath);
      if (typeof entry === 'string') {
        tree.skipped.push({ relPath, reason: entry });
        continue;
      }
      tree.entries.push(entry);
      if (entry.kind === 'folder' && options.isRecursive) waiting.push([joinRemote(remoteDir, e.name), relPath]);
    }
  };

  const worker = async (session: TransferSession): Promise<void> => {
    for (;;) {
      if (failure !== undefined) return;
      const next = waiting.shift();
      if (!next) {
        // Nothing to list now, but a folder being listed may bring more.
        if (listing === 0) return wakeAll();
        await new Promise<void>((wake) => sleepers.push(wake));
        continue;
      }
      listing++;
      try {
        options.signal?.throwIfAborted();
        await listOne(session, ...next);
      } catch (err) {
        failure ??= err;
      } finally {
        listing--;
      }
      wakeAll();
      grow();
    }
  };

  const open = async (isFirst: boolean): Promise<void> => {
    opening++;
    try {
      const session = await openSession();
      sessions.push(session);
      running.push(worker(session));
    } catch (err) {
      // Extra connections are a speed-up: a refused one leaves the work to those already open.
      if (isFirst) failure ??= err;
    } finally {
      opening--;
    }
  };

  // Another connection pays off only while more folders wait than idle connections can take.
  function grow() {
    while (failure === undefined && sessions.length + opening < options.parallel && waiting.length > sleepers.length + opening) {
      running.push(open(false));
    }
  }

  running.push(open(true));
  for (let settled = 0; settled < running.length; ) {
    const batch = running.slice(settled);
    await Promise.all(batch);
    settled += batch.length;
  }
  await Promise.all(sessions.map((s) => s.close().catch(() => s.destroy())));
  if (failure !== undefined) throw failure;
  return tree;
}
