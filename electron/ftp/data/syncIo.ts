/**
 * Optional synchronous side doors on the local end of a transfer. A download target that can
 * take bytes synchronously (a local file written with writeSync) lets the engine read the data
 * connection into one reused buffer instead of a freshly allocated buffer per read; an upload
 * source that can be read synchronously lets it send from a few reused buffers instead of a new
 * buffer per chunk. On loopback that takes a third off the CPU time of a plain download
 * (docs/benchmarks.md, Measurements behind the code). Streams without them go through the
 * ordinary stream pipeline.
 * The keys are registered symbols, so a stream can offer them without importing the engine.
 * Must not import electron or React.
 */

/** Key of a download target's synchronous write. */
export const WRITE_SYNC: unique symbol = Symbol.for('ferry.ftp.writeSync');
/** Key of an upload source's synchronous read. */
export const READ_SYNC: unique symbol = Symbol.for('ferry.ftp.readSync');

/**
 * A download target (a Writable) that also takes bytes synchronously: `[WRITE_SYNC]` must have
 * consumed (written or copied) `data[offset, offset + length)` when it returns, because the engine
 * reuses the buffer at once; it throws on failure. The engine still ends the stream (`end()`) when
 * the download is complete and destroys it with the error when it fails, as a pipeline would.
 */
export interface SyncWriteTarget {
  [WRITE_SYNC](data: Buffer, offset: number, length: number): void;
}

/**
 * An upload source (a Readable) that can also be read synchronously: `[READ_SYNC]` fills
 * `into[offset, offset + length)` from where the last read ended and returns the number of bytes,
 * 0 at the end; it throws on failure. The engine destroys the stream when the upload is over.
 */
export interface SyncReadSource {
  [READ_SYNC](into: Buffer, offset: number, length: number): number;
}

/** Whether a download target offers a synchronous write. */
export function canWriteSync(target: unknown): target is SyncWriteTarget {
  return typeof (target as Partial<SyncWriteTarget> | null)?.[WRITE_SYNC] === 'function';
}

/** Whether an upload source offers a synchronous read. */
export function canReadSync(source: unknown): source is SyncReadSource {
  return typeof (source as Partial<SyncReadSource> | null)?.[READ_SYNC] === 'function';
}
