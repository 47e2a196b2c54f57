/**
 * Folder expansion: walks a remote folder (by listing) or a local one (by the filesystem) into
 * file requests, creating the folders on the other side. Remote names that could escape the
 * target (`..`, separators, NUL, drive letters) are refused and reported, never written; remote
 * folder links are not followed and local links are followed only to folders not seen before, so
 * a symlink loop cannot recurse forever.
 */
import path from 'node:path';
import type { FileExistsPolicy, TransferDirection } from '../../shared/domain';
import { naturalKey } from '../../shared/naturalKey';
import type { RemoteDirCache } from './remoteDirs';
import { partialSuffixes } from './partialNames';
import { childPath, joinRemote, unsafeNameReason } from './safeName';
import { failureOf } from './transferError';
import type { AddFileRequest, LocalFs, TransferSession } from './types';

/** The result of walking a tree: files to queue and what was refused or not followed. */
export interface ExpandedTree {
  files: AddFileRequest[];
  folderCount: number;
  refused: Array<{ path: string; reason: string }>;
  /**
   * Folders below the top one that could not be listed (a 550, an unreadable local folder), and
   * remote folders whose listing the server cut short: their files (past the listed ones) are not queued.
   */
  incomplete: Array<{ path: string; reason: string }>;
  skippedLinks: string[];
}

interface WalkOptions {
  siteId: string;
  localDir: string;
  remoteDir: string;
  onExists?: FileExistsPolicy;
  /** The queue's partial-file suffix for downloads (`.part`). */
  partSuffix?: string;
  /** Hears how many files the walk has found so far, before each folder after the first. */
  onFiles?: (found: number) => void;
  /** Taken off the listed times of a download (AddFolderRequest.clockOffsetMs). */
  clockOffsetMs?: number;
}


/**
 * Reads one folder of a walk. A folder below the top one that cannot be read for a lasting reason
 * (550 permission denied, EACCES) is recorded in `tree.incomplete` and skipped (undefined), so one
 * locked folder does not lose the rest of the tree; anything else (the top folder, a dropped
 * connection) fails the walk as before.
 */
async function readFolder<T>(tree: ExpandedTree, folder: string, isTop: boolean, read: () => Promise<T>): Promise<T | undefined> {
  try {
    return await read();
  } catch (err) {
    const failure = failureOf(err);
    if (isTop || failure.isTransient) throw err;
    tree.incomplete.push({ path: folder, reason: `could not read this folder, so its files were not queued: ${failure.message}` });
    return undefined;
  }
}

/**
 * Entries in the panes' name order (natural, case-insensitive; ties by the exact name), so a
 * folder transfers in the order a user sees it rather than in the server's or filesystem's
 * storage order.
 */
function byName<T extends { name: string }>(entries: readonly T[]): T[] {
  const keyed = entries.map((entry) => ({ entry, key: naturalKey(entry.name) }));
  keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.entry.name < b.entry.name ? -1 : a.entry.name > b.entry.name ? 1 : 0));
  return keyed.map((k) => k.entry);
}

/** Lists a remote tree and creates its folders locally; returns download requests. */
export async function expandRemote(session: TransferSession, fs: LocalFs, opts: WalkOptions): Promise<ExpandedTree> {
  const tree: ExpandedTree = { files: [], folderCount: 0, refused: [], incomplete: [], skippedLinks: [] };
  const root = path.resolve(opts.localDir);
  await fs.mkdirp(root);
  const stack: Array<{ remote: string; local: string }> = [{ remote: opts.remoteDir, local: root }];
  while (stack.length > 0) {
    const { remote, local } = stack.pop()!;
    if (tree.folderCount > 0) opts.onFiles?.(tree.files.length);
    tree.folderCount++;
    let cutShort: string | undefined;
    const listed = await readFolder(tree, remote, remote === opts.remoteDir, () => session.list(remote, (reply) => (cutShort = reply)));
    if (listed === undefined) continue;
    const entries = byName(listed).filter((e) => e.name !== '.' && e.name !== '..');
    // The local copy gets the readable name when the server's octets had to be kept apart from it.
    const localNames = entries.map((e) => e.displayName ?? e.name);
    const suffixes = partialSuffixes(localNames, entries.map((e) => e.type === 'file' || (e.type === 'link' && e.targetType !== 'dir')), opts.partSuffix ?? '.part');
    if (cutShort !== undefined) {
      tree.incomplete.push({ path: remote, reason: `the server listed only part of this folder (${cutShort}); the files it left out were not queued` });
    }
    const subdirs: Array<{ remote: string; local: string }> = [];
    // Some servers list `.` and `..` themselves; they are not content (filtered above).
    for (const [i, entry] of entries.entries()) {
      const remotePath = joinRemote(remote, entry.name);
      const localName = localNames[i];
      const reason = unsafeNameReason(entry.name) ?? unsafeNameReason(localName);
      // `local` is the root or a folder that passed this check, so a direct child stays inside the root.
      const localPath = reason === undefined ? childPath(local, localName) : undefined;
      if (localPath === undefined) {
        tree.refused.push({ path: remotePath, reason: reason ?? 'would leave the target folder' });
        continue;
      }
      if (entry.type === 'dir') {
        subdirs.push({ remote: remotePath, local: localPath });
      } else if (entry.type === 'link' && entry.targetType === 'dir') {
        // A remote link's real target cannot be compared, so folder links could loop: not followed.
        tree.skippedLinks.push(remotePath);
      } else if (entry.type === 'file' || entry.type === 'link') {
        const partSuffix = suffixes[i];
        tree.files.push({
          direction: 'download',
          siteId: opts.siteId,
          localPath,
          remotePath,
          sizeBytes: entry.sizeBytes,
          modifiedMs: entry.modifiedMs === undefined ? undefined : entry.modifiedMs - (opts.clockOffsetMs ?? 0),
          onExists: opts.onExists,
          ...(partSuffix ? { partSuffix } : {}),
        });
      }
    }
    const usable: typeof subdirs = [];
    for (const d of subdirs) {
      // A link (or a file) where a subfolder goes would take the tree's files outside the target:
      // someone could plant one in a shared download folder. That folder is refused, not followed.
      const existing = await fs.lstat(d.local);
      if (existing && existing.type !== 'dir') {
        const what = existing.type === 'link' ? 'a symbolic link' : 'not a folder';
        tree.refused.push({ path: d.remote, reason: `the local ${d.local} is ${what}; its files were not queued (Ferry does not write through links)` });
        continue;
      }
      if (!existing) await fs.mkdirp(d.local);
      usable.push(d);
    }
    // Reverse so the walk visits folders in name order.
    stack.push(...usable.reverse());
  }
  return tree;
}

/** How many local stats a folder expansion keeps in flight. */
const STAT_CONCURRENCY = 16;

/** `work` over `items` with at most `limit` running at once; results in input order. */
async function mapLimited<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/** Walks a local tree and creates its folders remotely; returns upload requests. */
export async function expandLocal(
  session: TransferSession,
  fs: LocalFs,
  remoteDirs: RemoteDirCache,
  opts: WalkOptions,
): Promise<ExpandedTree> {
  const tree: ExpandedTree = { files: [], folderCount: 0, refused: [], incomplete: [], skippedLinks: [] };
  const top = path.resolve(opts.localDir);
  const seen = new Set<string>();
  const stack: Array<{ remote: string; local: string }> = [{ remote: opts.remoteDir, local: top }];
  while (stack.length > 0) {
    const { remote, local } = stack.pop()!;
    const real = await fs.realPath(local);
    if (seen.has(real)) {
      tree.skippedLinks.push(local);
      continue;
    }
    seen.add(real);
    if (tree.folderCount > 0) opts.onFiles?.(tree.files.length);
    tree.folderCount++;
    await remoteDirs.ensure(opts.siteId, session, remote);
    // Recorded under the remote folder it would have filled; the error names the local one.
    const entries = await readFolder(tree, remote, local === top, () => fs.readDir(local));
    if (entries === undefined) continue;
    const subdirs: Array<{ remote: string; local: string }> = [];
    const candidates = byName(entries.filter((e) => e.type === 'dir' || e.type === 'file' || e.type === 'link'));
    // Sizes and times of a big folder's files are read several at a time (each stat is a
    // thread-pool round trip with the asynchronous filesystem), then used in listing order.
    const stats = await mapLimited(candidates, STAT_CONCURRENCY, (e) => (e.type === 'dir' ? Promise.resolve(undefined) : fs.stat(path.join(local, e.name))));
    for (const [i, entry] of candidates.entries()) {
      const localPath = path.join(local, entry.name);
      const remotePath = joinRemote(remote, entry.name);
      if (entry.type === 'dir') {
        subdirs.push({ remote: remotePath, local: localPath });
        continue;
      }
      const st = stats[i];
      if (!st) {
        // A dangling link: nothing to send.
        tree.skippedLinks.push(localPath);
      } else if (st.type === 'dir') {
        subdirs.push({ remote: remotePath, local: localPath });
      } else if (st.type === 'file') {
        tree.files.push({
          direction: 'upload',
          siteId: opts.siteId,
          localPath,
          remotePath,
          sizeBytes: st.sizeBytes,
          modifiedMs: st.modifiedMs,
          onExists: opts.onExists,
        });
      }
    }
    stack.push(...subdirs.reverse());
  }
  return tree;
}

/** Which walk a folder request needs. */
export function expandFolder(
  direction: TransferDirection,
  session: TransferSession,
  fs: LocalFs,
  remoteDirs: RemoteDirCache,
  opts: WalkOptions,
): Promise<ExpandedTree> {
  return direction === 'download' ? expandRemote(session, fs, opts) : expandLocal(session, fs, remoteDirs, opts);
}
