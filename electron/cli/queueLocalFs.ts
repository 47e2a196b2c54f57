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
import {
  closeSync, ftruncateSync, mkdirSync, openSync, readdirSync, realpathSync, renameSync, rmSync, statSync, utimesSync, type Stats,
} from 'node:fs';
import path from 'node:path';
import { nodeLocalFs, type LocalFs } from '../queue';
import { FileSink } from './fileSink';
import { FileSource } from './fileSource';

type EntryType = 'file' | 'dir' | 'link' | 'other';

function typeOf(st: Stats | { isFile(): boolean; isDirectory(): boolean; isSymbolicLink(): boolean }): EntryType {
  if (st.isFile()) return 'file';
  if (st.isDirectory()) return 'dir';
  if (st.isSymbolicLink()) return 'link';
  return 'other';
}

/** A sink for a new file, creating the parent folder when it is missing. */
function createCreatingFolder(filePath: string): FileSink {
  try {
    return new FileSink(filePath);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  mkdirSync(path.dirname(filePath), { recursive: true });
  return new FileSink(filePath);
}

/** LocalFs over synchronous node:fs calls, for the command line. */
export const queueLocalFs: LocalFs = {
  async stat(p) {
    try {
      const st = statSync(p, { throwIfNoEntry: false });
      return st && { type: typeOf(st), sizeBytes: st.size, modifiedMs: st.mtimeMs };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOTDIR') return undefined;
      throw err;
    }
  },
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
  async createWriteStream(p, offset) {
    if (offset === 0) return createCreatingFolder(p);
    const fd = openSync(p, 'r+');
    try {
      // Drop whatever followed the offset (an abandoned longer attempt), then append from there.
      ftruncateSync(fd, offset);
    } finally {
      closeSync(fd);
    }
    return new FileSink(p, { isAppend: true });
  },
  async rename(from, to) {
    renameSync(from, to);
  },
  async remove(p) {
    rmSync(p, { force: true });
  },
  async setModifiedTime(p, modifiedMs) {
    const t = new Date(modifiedMs);
    utimesSync(p, t, t);
  },
  hashFile: (p, algorithm) => nodeLocalFs.hashFile(p, algorithm),
};
