/**
 * The local filesystem of the command line's folder transfers (get -r, put -r, mirror): the
 * queue's LocalFs contract with plain synchronous system calls instead of thread-pool round
 * trips. For small files those round trips would be most of the queue's cost: every local call
 * of a download (open, write, close, rename, utimes, and a stat or mkdir where needed) would be
 * a hand-over to a worker thread and back, while the same calls made directly take microseconds
 * on a page-cache write. The command line has nothing else to keep responsive, so blocking for that long is
 * fine; the app's queue keeps the asynchronous `nodeLocalFs` (a slow disk must not freeze its
 * main process). Files are the single-file commands' FileSink and FileSource, so the engine
 * reaches them through its synchronous side doors (ftp/data/syncIo.ts) and moves a small file
 * without a stream pipeline. Hashing a whole file stays asynchronous and streamed.
 * Must not import electron.
 */
import { lstatSync, mkdirSync, readdirSync, realpathSync, renameSync, rmSync, statSync, utimesSync, type Stats } from 'node:fs';
import path from 'node:path';
import { inspectPartialSync, openPartialSync } from '../local/partialFile';
import { nodeLocalFs } from '../queue/nodeLocalFs';
import type { LocalFs } from '../queue/types';
import { FileSink } from './fileSink';
import { FileSource } from './fileSource';

type EntryType = 'file' | 'dir' | 'link' | 'other';

function typeOf(st: Stats | { isFile(): boolean; isDirectory(): boolean; isSymbolicLink(): boolean }): EntryType {
  if (st.isFile()) return 'file';
  if (st.isDirectory()) return 'dir';
  if (st.isSymbolicLink()) return 'link';
  return 'other';
}

/** A sink for a fresh partial file (local/partialFile.ts), creating the parent folder when it is missing. */
function createCreatingFolder(filePath: string): FileSink {
  try {
    return new FileSink(filePath, { fd: openPartialSync(filePath, 0) });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  mkdirSync(path.dirname(filePath), { recursive: true });
  return new FileSink(filePath, { fd: openPartialSync(filePath, 0) });
}

/** A LocalStat from `statSync` or `lstatSync`, or undefined when nothing is at `p`. */
function statWith(call: typeof statSync | typeof lstatSync, p: string): { type: EntryType; sizeBytes: number; modifiedMs: number } | undefined {
  try {
    const st = call(p, { throwIfNoEntry: false });
    return st && { type: typeOf(st), sizeBytes: st.size, modifiedMs: st.mtimeMs };
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOTDIR') return undefined;
    throw err;
  }
}

/** LocalFs over synchronous node:fs calls, for the command line. */
export const queueLocalFs: LocalFs = {
  stat: async (p) => statWith(statSync, p),
  lstat: async (p) => statWith(lstatSync, p),
  async readDir(p) {
    return readdirSync(p, { withFileTypes: true }).map((d) => ({ name: d.name, type: typeOf(d) }));
  },
  async realPath(p) {
    return realpathSync(p);
  },
  async mkdirp(p) {
    mkdirSync(p, { recursive: true });
  },
  createReadStream: (p, offset) => new FileSource(p, { start: offset }),
  async inspectPartial(p) {
    return inspectPartialSync(p);
  },
  async createWriteStream(p, offset) {
    if (offset === 0) return createCreatingFolder(p);
    return new FileSink(p, { fd: openPartialSync(p, offset) });
  },
  async rename(from, to) {
    renameSync(from, to);
  },
  async remove(p) {
    rmSync(p, { force: true });
  },
  removeTree: (p) => nodeLocalFs.removeTree(p),
  async setModifiedTime(p, modifiedMs) {
    const t = new Date(modifiedMs);
    utimesSync(p, t, t);
  },
  hashFile: (p, algorithm) => nodeLocalFs.hashFile(p, algorithm),
};
