/**
 * What a watched folder's changes are, in words a sync acts on: a path found settled (its probe)
 * becomes created, changed, renamed or removed by comparing it with the tree as last seen.
 * A rename is told from a removal plus a creation by the file's identity (its inode) within one
 * batch; what lies inside a removed or renamed folder goes with it. Pure: no I/O, no clock.
 */
import type { IndexEntry, TreeIndex } from './TreeIndex';

/** What a path was when it was looked at. */
export type Probe =
  /** Nothing is there (deleted, or renamed away). */
  | { kind: 'missing' }
  /** A regular file (or a link to one). */
  | { kind: 'file'; sizeBytes: number; modifiedMs: number; ino: number }
  /** A folder. */
  | { kind: 'folder'; ino: number }
  /** Something else (a socket, a device, a link to a folder): never uploaded. */
  | { kind: 'other' }
  /** It could not be looked at (no permission): left as it was, and said. */
  | { kind: 'unreadable'; message: string };

/** A path that stopped changing, and what it is now. */
export interface SettledPath {
  /** Relative to the watched folder, '/'-separated. */
  relPath: string;
  probe: Probe;
}

/** One change of the watched tree. */
export type TreeChange =
  /** A new file or folder. */
  | { kind: 'created'; relPath: string; isFolder: boolean; sizeBytes?: number; modifiedMs?: number }
  /** A file whose content (size, time or the file itself, as after an editor's save) changed. */
  | { kind: 'changed'; relPath: string; isFolder: false; sizeBytes: number; modifiedMs: number }
  /** A file or folder now at `relPath` that was at `from`. */
  | { kind: 'renamed'; from: string; relPath: string; isFolder: boolean; sizeBytes?: number; modifiedMs?: number }
  /** A file or folder gone (with everything in it). */
  | { kind: 'removed'; relPath: string; isFolder: boolean };

const isInside = (relPath: string, folder: string) => relPath.startsWith(`${folder}/`);

function entryOf(probe: Probe): IndexEntry | undefined {
  if (probe.kind === 'file') return { isFolder: false, sizeBytes: probe.sizeBytes, modifiedMs: probe.modifiedMs, ino: probe.ino };
  if (probe.kind === 'folder') return { isFolder: true, sizeBytes: 0, modifiedMs: 0, ino: probe.ino };
  return undefined;
}

const sizeAndTime = (e: IndexEntry) => (e.isFolder ? {} : { sizeBytes: e.sizeBytes, modifiedMs: e.modifiedMs });

/**
 * The changes a batch of settled paths makes to the tree `index` knows, which is brought up to
 * date. Folders come before what they hold, removals last (but a path that turned from file to
 * folder or back is removed first).
 */
export function classifyChanges(index: TreeIndex, settled: readonly SettledPath[]): TreeChange[] {
  const removed = new Map<string, IndexEntry>();
  const appeared: Array<{ relPath: string; entry: IndexEntry; isNew: boolean }> = [];
  for (const { relPath, probe } of settled) {
    if (probe.kind === 'other' || probe.kind === 'unreadable') continue;
    const before = index.get(relPath);
    const now = entryOf(probe);
    if (before && (!now || now.isFolder !== before.isFolder)) {
      // A folder replaced by a file (or gone) takes what it held with it.
      for (const [path, e] of index.removeTree(relPath)) removed.set(path, e);
    }
    if (!now) continue;
    const isSame = before && before.isFolder === now.isFolder && before.ino === now.ino && before.sizeBytes === now.sizeBytes && before.modifiedMs === now.modifiedMs;
    if (isSame) continue;
    appeared.push({ relPath, entry: now, isNew: !before || before.isFolder !== now.isFolder });
    index.set(relPath, now);
  }

  // A path that appeared with the identity of one that went is that one, renamed.
  const goneByIno = new Map<number, string>();
  for (const [path, e] of removed) goneByIno.set(e.ino, path);
  const changes: TreeChange[] = [];
  const renamedFolders: string[] = [];
  for (const { relPath, entry, isNew } of appeared) {
    const from = isNew ? goneByIno.get(entry.ino) : undefined;
    const wasSame = from !== undefined && removed.get(from)?.isFolder === entry.isFolder;
    if (wasSame) {
      removed.delete(from);
      changes.push({ kind: 'renamed', from, relPath, isFolder: entry.isFolder, ...sizeAndTime(entry) });
      if (entry.isFolder) renamedFolders.push(from);
    } else if (isNew) {
      changes.push({ kind: 'created', relPath, isFolder: entry.isFolder, ...sizeAndTime(entry) });
    } else if (!entry.isFolder) {
      changes.push({ kind: 'changed', relPath, isFolder: false, sizeBytes: entry.sizeBytes, modifiedMs: entry.modifiedMs });
    }
  }

  // What moved with a renamed folder is new at its place; its old place goes with the folder.
  const inRenamed = (from: string) => renamedFolders.some((f) => isInside(from, f));
  const settledChanges = changes.map((c): TreeChange => (c.kind === 'renamed' && inRenamed(c.from) ? { kind: 'created', relPath: c.relPath, isFolder: c.isFolder, ...(c.isFolder ? {} : { sizeBytes: c.sizeBytes, modifiedMs: c.modifiedMs }) } : c));
  const goneFolders = [...removed].filter(([, e]) => e.isFolder).map(([p]) => p).concat(renamedFolders);
  const removals: TreeChange[] = [...removed]
    .filter(([path]) => !goneFolders.some((f) => isInside(path, f)))
    .map(([relPath, e]) => ({ kind: 'removed', relPath, isFolder: e.isFolder }));
  const depth = (c: TreeChange) => c.relPath.split('/').length;
  // A path that changed between file and folder must be cleared before the new kind is made.
  const replaced = new Set(settledChanges.map((c) => c.relPath));
  return [
    ...removals.filter((r) => replaced.has(r.relPath)),
    ...settledChanges.sort((a, b) => depth(a) - depth(b) || Number(b.isFolder) - Number(a.isFolder)),
    ...removals.filter((r) => !replaced.has(r.relPath)),
  ];
}
