/**
 * Lists a local folder as plain `FileEntry` data: type, size and modification time from
 * lstat (symlinks are reported as links, with what they point at), POSIX permissions.
 * Must not import electron.
 */
import { lstat, readdir, stat } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import type { EntryType, FileEntry, LocalListing } from '../../shared/domain';

/** How many lstat calls run at once; a folder of 100,000 files must not open them all. */
const STAT_CONCURRENCY = 64;

/** Resolves `~`, relative paths and trailing separators to an absolute, normalised path. */
export function resolveLocalPath(input: string | undefined): string {
  if (!input || input === '~') return os.homedir();
  const expanded = input.startsWith('~/') ? path.join(os.homedir(), input.slice(2)) : input;
  return path.resolve(expanded);
}

/** Lists the folder at `input` (the home folder when omitted). */
export async function listLocal(input?: string): Promise<LocalListing> {
  const dir = resolveLocalPath(input);
  const dirents = await readdir(dir, { withFileTypes: true });
  const entries: FileEntry[] = new Array(dirents.length);
  let next = 0;
  const worker = async () => {
    while (next < dirents.length) {
      const i = next++;
      entries[i] = await describe(dir, dirents[i].name);
    }
  };
  await Promise.all(Array.from({ length: Math.min(STAT_CONCURRENCY, dirents.length) }, worker));
  const parent = path.dirname(dir);
  return { path: dir, parent: parent === dir ? null : parent, entries: entries.filter(Boolean) };
}

async function describe(dir: string, name: string): Promise<FileEntry> {
  const full = path.join(dir, name);
  const entry: FileEntry = { name, type: 'other', isHidden: name.startsWith('.') };
  let st: Stats;
  try {
    st = await lstat(full);
  } catch {
    // Vanished between readdir and lstat, or unreadable: still show the name.
    return entry;
  }
  entry.type = typeOf(st);
  entry.modifiedMs = Math.round(st.mtimeMs);
  entry.permissions = symbolicMode(st.mode);
  if (entry.type === 'file') entry.sizeBytes = st.size;
  if (entry.type === 'link') {
    try {
      const target = await stat(full);
      entry.targetType = typeOf(target);
      if (entry.targetType === 'file') entry.sizeBytes = target.size;
    } catch {
      entry.targetType = 'other'; // a dangling link
    }
  }
  return entry;
}

function typeOf(st: Stats): EntryType {
  if (st.isSymbolicLink()) return 'link';
  if (st.isDirectory()) return 'dir';
  if (st.isFile()) return 'file';
  return 'other';
}

/** Formats the permission bits of a mode as `rwxr-xr-x`. */
export function symbolicMode(mode: number): string {
  const bits = 'rwxrwxrwx';
  let out = '';
  for (let i = 0; i < 9; i++) out += mode & (1 << (8 - i)) ? bits[i] : '-';
  return out;
}
