/**
 * The local file a download is written to: a Writable that gathers the data connection's chunks
 * into one 1 MiB buffer and writes it with a plain synchronous write when full. Node's
 * fs.WriteStream costs a thread-pool round trip and a writev of up to 64 small buffers per batch
 * (TLS delivers 16 KiB records); on loopback this sink takes a quarter to a third off the CPU
 * time of an FTPS download and about a sixth off a plain one (docs/benchmarks.md, Measurements
 * behind the code). It also takes bytes synchronously (WRITE_SYNC), which lets the engine skip
 * the stream pipeline and read a plain data connection into one reused buffer. Blocking on a
 * page-cache write is fine for a one-transfer command line; the app's queue has its own streams.
 * Must not import electron.
 */
import { closeSync, fstatSync, openSync, writeSync } from 'node:fs';
import { Writable } from 'node:stream';
import { WRITE_SYNC, type SyncWriteTarget } from '../ftp';

/** How much the sink gathers before it writes. */
const BUFFER_BYTES = 1 << 20;
/** A chunk at least this big goes straight to the file when nothing is gathered (the engine hands over a few MiB at a time). */
const DIRECT_BYTES = 256 << 10;

/** A download target file; `bytesWritten` counts what reached the file. */
export class FileSink extends Writable implements SyncWriteTarget {
  /** Bytes written to the file by this sink (after the starting size when appending). */
  bytesWritten = 0;
  private fd?: number;
  /** Gathers small chunks of the stream interface; made on first use (a download on the engine's direct path never needs it). */
  private buffer?: Buffer;
  private used = 0;

  /**
   * Opens `path` now (so a refusal shows before any transfer), truncating it, or appending with
   * `isAppend`; or writes to `fd`, a file already opened for it (a partial file, local/partialFile.ts).
   */
  constructor(path: string, opts: { isAppend?: boolean; fd?: number } = {}) {
    super({ highWaterMark: BUFFER_BYTES });
    this.fd = opts.fd ?? openSync(path, opts.isAppend ? 'a' : 'w');
  }

  /** Size of the file on disk including what is still gathered in memory. */
  get sizeBytes(): number {
    return this.fd === undefined ? this.bytesWritten : fstatSync(this.fd).size + this.used;
  }

  /**
   * Takes `data[offset, offset + length)` now; throws on failure. The engine hands over slices of
   * 2 MiB or more (and the rest at the end), so they are written at once unless chunks are gathered.
   */
  [WRITE_SYNC](data: Buffer, offset: number, length: number): void {
    if (this.fd === undefined) throw new Error('The file is already closed');
    if (this.used > 0) {
      this.take(data, offset, offset + length);
      return;
    }
    let done = 0;
    while (done < length) done += this.writeOut(data, offset + done, length - done);
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    try {
      this.take(chunk, 0, chunk.length);
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
    // A failed transfer keeps what arrived, so --resume continues from the true size of the .part file.
    try {
      this.flush();
    } catch {
      // The original error matters more than a failed flush of its leftovers.
    }
    try {
      this.closeFile();
    } catch {
      // Same: already failing.
    }
    callback(error);
  }

  private take(chunk: Buffer, start: number, end: number): void {
    let offset = start;
    while (offset < end) {
      if (this.used === 0 && end - offset >= DIRECT_BYTES) {
        // A big chunk goes straight to the file, without a copy.
        offset += this.writeOut(chunk, offset, end - offset);
        continue;
      }
      this.buffer ??= Buffer.allocUnsafe(BUFFER_BYTES);
      const copied = chunk.copy(this.buffer, this.used, offset, end);
      this.used += copied;
      offset += copied;
      if (this.used === this.buffer.length) this.flush();
    }
  }

  private flush(): void {
    let offset = 0;
    while (this.buffer && offset < this.used) offset += this.writeOut(this.buffer, offset, this.used - offset);
    this.used = 0;
  }

  private writeOut(data: Buffer, offset: number, length: number): number {
    if (this.fd === undefined) throw new Error('The file is already closed');
    const written = writeSync(this.fd, data, offset, length);
    this.bytesWritten += written;
    return written;
  }

  private closeFile(): void {
    if (this.fd === undefined) return;
    const fd = this.fd;
    this.fd = undefined;
    closeSync(fd);
  }
}
