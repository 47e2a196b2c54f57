/**
 * Stream wrappers between the engine and local files: they count bytes for progress and apply
 * the speed limit, keeping backpressure end to end (memory does not grow with file size).
 */
import { Transform, Writable, type Readable } from 'node:stream';
import type { RateLimiter } from './SpeedLimiter';

/**
 * Files up to this size may skip the counting and rate-limiting wrappers when no limit is set
 * as they start: they are done long before a limit set meanwhile could matter (a big file keeps
 * the wrappers, so a limit set during its transfer applies at once).
 */
export const DIRECT_MAX_BYTES = 1 << 20;

/** A writable the engine writes a download into, plus a promise for the file being closed. */
export interface CountingWriter {
  stream: Writable;
  /** The local file's own error (disk full, permissions), which is never the server's fault. */
  localError?: Error;
  /** Resolves once the underlying file is closed (after end or destroy). */
  closed: Promise<void>;
  /** Set when `stream` is the file itself: the session's running byte count goes here instead. */
  onProgress?: (bytes: number) => void;
}

/**
 * Whether an error on the local file stream is the file's own (a system call failed: disk full,
 * permissions). The engine destroys the stream with its own error when the data connection
 * breaks; that one is the connection's, and a retry may mend it.
 */
function isFileError(err: Error): boolean {
  return typeof (err as NodeJS.ErrnoException).syscall === 'string';
}

/**
 * Wraps a local file stream: each chunk waits for the rate budget, is written, then counted.
 * With `isDirect` the file itself is handed out (no wrapper, no limit) and bytes are counted
 * from the session's progress, which for a finished transfer equals what the file took.
 */
export function countingWriter(target: Writable, limiter: RateLimiter, onBytes: (n: number) => void, opts: { isDirect?: boolean } = {}): CountingWriter {
  const closed = new Promise<void>((resolve) => {
    if (target.closed) resolve();
    else target.once('close', () => resolve());
  });
  if (opts.isDirect) {
    let counted = 0;
    const direct: CountingWriter = {
      stream: target,
      closed,
      onProgress: (bytes) => {
        onBytes(bytes - counted);
        counted = bytes;
      },
    };
    target.on('error', (err) => {
      if (isFileError(err)) direct.localError ??= err;
    });
    return direct;
  }
  const pass = (chunk: Buffer, cb: (err?: Error | null) => void) => {
    // The engine may have torn the pipeline down (reset, abort) while we waited.
    if (stream.destroyed || target.destroyed) return cb();
    const isOk = target.write(chunk, (err) => {
      if (err) return;
      onBytes(chunk.length);
    });
    if (isOk) cb();
    else target.once('drain', () => cb());
  };
  const stream = new Writable({
    highWaterMark: 256 * 1024,
    write(chunk: Buffer, _enc, cb) {
      // Without a limit there is nothing to wait for: no promise per chunk.
      if (!limiter.isLimited) return pass(chunk, cb);
      limiter
        .take(chunk.length)
        .then(() => pass(chunk, cb))
        .catch(cb);
    },
    final(cb) {
      target.end(() => cb());
    },
    destroy(err, cb) {
      if (!target.destroyed) target.destroy();
      cb(err);
    },
  });
  const writer: CountingWriter = { stream, closed };
  target.on('error', (err) => {
    // Errors after our own teardown are consequences, not disk failures.
    if (stream.destroyed) return;
    if (isFileError(err)) writer.localError = err;
    stream.destroy(err);
  });
  return writer;
}

/** Wraps a local file read stream for an upload: waits for the rate budget and counts bytes. */
export function countingReader(source: Readable, limiter: RateLimiter, onBytes: (n: number) => void): Readable {
  // Small buffers: bytes are counted as they enter, so what waits here is counted before it is sent.
  const counter = new Transform({
    highWaterMark: 64 * 1024,
    transform(chunk: Buffer, _enc, cb) {
      if (!limiter.isLimited) {
        onBytes(chunk.length);
        return cb(null, chunk);
      }
      limiter
        .take(chunk.length)
        .then(() => {
          onBytes(chunk.length);
          cb(null, chunk);
        })
        .catch(cb);
    },
  });
  // Plain pipe plus teardown both ways (pipeline would cost an AbortController per file): a
  // failing file fails the counter, and the engine destroying the counter closes the file.
  source.on('error', (err) => counter.destroy(err));
  counter.on('close', () => {
    if (!source.destroyed) source.destroy();
  });
  source.pipe(counter);
  return counter;
}
