/**
 * The local filesystem of the command line's folder transfers (get -r, put -r, mirror): the
 * queue's LocalFs contract with plain synchronous system calls instead of thread-pool round
 * trips. For small files those round trips were most of the queue's cost: a download made nine
 * of them (stat, stat, mkdir, open, write, close, stat, rename, utimes), each a hand-over to a
 * worker thread and back, while the same calls made directly take microseconds on a page-cache
 * write. The command line has nothing else to keep responsive, so blocking for that long is
 * fine; the app's queue keeps the asynchronous `nodeLocalFs` (a slow disk must not freeze its
 * main process). Hashing a whole file stays asynchronous and streamed.
 * The streams deliberately do not offer the engine's synchronous side doors (ftp/data/syncIo.ts)
 * yet: behind them the engine allocates a 1 MiB buffer per download and 3 MiB per upload, which
 * cost a small file more than the stream pipeline they avoid (README, Benchmarks).
 * Must not import electron.
 */
import {
  closeSync, fstatSync, ftruncateSync, mkdirSync, openSync, readSync, readdirSync, realpathSync, renameSync, rmSync, statSync,
  utimesSync, writevSync, type Stats,
} from 'node:fs';
import path from 'node:path';
import { Readable, Writable } from 'node:stream';
import { nodeLocalFs, type LocalFs } from '../queue';

/** How much a write stream gathers (without copying) before one writev. */
const GATHER_BYTES = 1 << 20;
/** Largest read of an upload's source. */
const READ_BYTES = 256 * 1024;
/** Where a read at the expected end of a file goes (it normally reads nothing); copied out if not. */
const END_PROBE = Buffer.allocUnsafe(64 * 1024);

type EntryType = 'file' | 'dir' | 'link' | 'other';

function typeOf(st: Stats | { isFile(): boolean; isDirectory(): boolean; isSymbolicLink(): boolean }): EntryType {
  if (st.isFile()) return 'file';
  if (st.isDirectory()) return 'dir';
  if (st.isSymbolicLink()) return 'link';
  return 'other';
}

/** Opens for writing, creating the parent folder when it is missing. */
function openCreatingFolder(filePath: string, flags: string): number {
  try {
    return openSync(filePath, flags);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  mkdirSync(path.dirname(filePath), { recursive: true });
  return openSync(filePath, flags);
}

/** Writes every byte of `chunks` at the file's position (writev may write less than asked). */
function writeAll(fd: number, chunks: Buffer[]): void {
  let rest = chunks;
  while (rest.length > 0) {
    let written = writevSync(fd, rest);
    const next: Buffer[] = [];
    for (const chunk of rest) {
      if (written >= chunk.length) {
        written -= chunk.length;
      } else {
        next.push(written > 0 ? chunk.subarray(written) : chunk);
        written = 0;
      }
    }
    rest = next;
  }
}

/**
 * A file written synchronously: chunks are gathered by reference and written with one writev per
 * MiB (and at the end), so a small file costs one write and a big one no per-chunk system call.
 * A destroyed stream still writes what it gathered, so a later resume continues from the true size.
 */
class GatheringFileWriter extends Writable {
  private fd: number | undefined;
  private gathered: Buffer[] = [];
  private gatheredBytes = 0;

  constructor(fd: number) {
    super({ highWaterMark: GATHER_BYTES });
    this.fd = fd;
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    this.gathered.push(chunk);
    this.gatheredBytes += chunk.length;
    if (this.gatheredBytes < GATHER_BYTES) return callback();
    try {
      this.flush();
      callback();
    } catch (err) {
      callback(err as Error);
    }
  }

  override _final(callback: (error?: Error | null) => void): void {
    try {
      this.flush();
      this.closeFile();
      callback();
    } catch (err) {
      callback(err as Error);
    }
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    try {
      this.flush();
    } catch {
      // Already failing: the original error matters more than leftovers that could not be written.
    }
    try {
      this.closeFile();
    } catch {
      // Same.
    }
    callback(error);
  }

  private flush(): void {
    if (this.gatheredBytes === 0 || this.fd === undefined) return;
    const chunks = this.gathered;
    this.gathered = [];
    this.gatheredBytes = 0;
    writeAll(this.fd, chunks);
  }

  private closeFile(): void {
    if (this.fd === undefined) return;
    const fd = this.fd;
    this.fd = undefined;
    closeSync(fd);
  }
}

/** A file read synchronously from an offset, in reads no bigger than what is left. */
class FileReader extends Readable {
  private fd: number | undefined;
  private position: number;
  private readonly sizeBytes: number;

  /** Opens at once, so a missing or unreadable file throws before any transfer starts. */
  constructor(filePath: string, offset: number) {
    super({ highWaterMark: READ_BYTES });
    this.fd = openSync(filePath, 'r');
    this.position = offset;
    this.sizeBytes = fstatSync(this.fd).size;
  }

  override _read(): void {
    if (this.fd === undefined) return;
    try {
      // The size is a hint for the buffer; the file may have grown, so read until a read gives 0.
      // At the expected end that last read goes into a shared probe buffer instead of a new one.
      const left = this.sizeBytes - this.position;
      const buffer = left > 0 ? Buffer.allocUnsafe(Math.min(READ_BYTES, left)) : END_PROBE;
      const n = readSync(this.fd, buffer, 0, buffer.length, this.position);
      if (n === 0) {
        this.closeFile();
        this.push(null);
        return;
      }
      this.position += n;
      if (buffer === END_PROBE) this.push(Buffer.from(buffer.subarray(0, n)));
      else this.push(n === buffer.length ? buffer : buffer.subarray(0, n));
    } catch (err) {
      this.destroy(err as Error);
    }
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    try {
      this.closeFile();
    } catch {
      // Already ending.
    }
    callback(error);
  }

  private closeFile(): void {
    if (this.fd === undefined) return;
    const fd = this.fd;
    this.fd = undefined;
    closeSync(fd);
  }
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
  createReadStream: (p, offset) => new FileReader(p, offset),
  async createWriteStream(p, offset) {
    if (offset === 0) return new GatheringFileWriter(openCreatingFolder(p, 'w'));
    const fd = openSync(p, 'r+');
    try {
      // Drop whatever followed the offset (an abandoned longer attempt), then append from there.
      ftruncateSync(fd, offset);
    } finally {
      closeSync(fd);
    }
    return new GatheringFileWriter(openSync(p, 'a'));
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
