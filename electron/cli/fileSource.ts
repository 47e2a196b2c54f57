/**
 * The local file an upload reads from: a Readable over a file opened at once (so a refusal shows
 * before any transfer), reading in 1 MiB slices (Node's 64 KiB default costs a thread-pool round
 * trip per small slice: at 1 MiB an upload over loopback takes half the CPU time). It can also be
 * read synchronously (READ_SYNC), which lets the engine send a binary upload from a few reused
 * buffers instead of a new buffer per slice (docs/benchmarks.md, Measurements behind the code).
 * Blocking on a page-cache read is fine for a one-transfer command line; the app's queue has its
 * own streams.
 * Must not import electron.
 */
import { closeSync, openSync, read, readSync } from 'node:fs';
import { Readable } from 'node:stream';
import { READ_SYNC, type SyncReadSource } from '../ftp';

/** Size of each read. */
const BUFFER_BYTES = 1 << 20;

/** An upload source file, read from `start` to its end. */
export class FileSource extends Readable implements SyncReadSource {
  private fd?: number;
  private position: number;
  /** A thread-pool read in flight: the file is closed only after it (the descriptor could be reused otherwise). */
  private pendingRead?: Promise<void>;

  /** Opens `path` now; throws the errno error when it cannot be read. */
  constructor(path: string, opts: { start?: number } = {}) {
    super({ highWaterMark: BUFFER_BYTES });
    this.fd = openSync(path, 'r');
    this.position = opts.start ?? 0;
  }

  /** Reads the next bytes into `into[offset, offset + length)`; returns how many, 0 at the end of the file. */
  [READ_SYNC](into: Buffer, offset: number, length: number): number {
    if (this.fd === undefined) throw new Error('The file is already closed');
    const bytes = readSync(this.fd, into, offset, length, this.position);
    this.position += bytes;
    return bytes;
  }

  override _read(): void {
    if (this.fd === undefined) return;
    const buffer = Buffer.allocUnsafe(BUFFER_BYTES);
    this.pendingRead = new Promise((resolve) => {
      read(this.fd!, buffer, 0, buffer.length, this.position, (error, bytes) => {
        this.pendingRead = undefined;
        resolve();
        if (this.destroyed) return;
        if (error) {
          this.destroy(error);
          return;
        }
        this.position += bytes;
        this.push(bytes === 0 ? null : buffer.subarray(0, bytes));
      });
    });
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    const fd = this.fd;
    this.fd = undefined;
    if (fd === undefined) {
      callback(error);
      return;
    }
    const close = () => {
      try {
        closeSync(fd);
      } catch (closeError) {
        callback(error ?? (closeError as Error));
        return;
      }
      callback(error);
    };
    if (this.pendingRead) void this.pendingRead.then(close);
    else close();
  }
}
