/**
 * The pipelined reader behind SftpSession.download: keeps many READ requests in flight on one
 * open handle and writes what comes back to the target in file order, with backpressure.
 *
 * SFTP has no stream: each READ asks for `length` bytes at an offset and the answer may be short.
 * The size (FSTAT, asked beside the first READs) bounds the requests; before it arrives only two
 * are in flight, so a small file costs one round trip. A short answer that ends at or past that
 * size is the end of the file; one that ends before it is a server's cap on the read length: the
 * rest is asked again and later requests use the smaller length. One READ at the size itself
 * confirms the end (EOF) or finds that the file grew, and then reading goes on until EOF.
 * Imports only node:* and this folder.
 */
import type { Writable } from 'node:stream';
import { SftpAbortedError } from './errors';

/** What the reader needs of the SFTP channel. */
export interface ReadChannel {
  /** Reads up to `length` bytes at `position`; `isEof` when the server answered SSH_FX_EOF. */
  read(position: number, length: number, done: (err: Error | undefined, data: Buffer | undefined, isEof: boolean) => void): void;
}

/** How one pipelined read runs. */
export interface PipelinedReadOptions {
  /** First byte to read. */
  offset: number;
  /** The file's size when known (FSTAT), or a promise of it; undefined when it cannot be known. */
  size: Promise<number | undefined>;
  /** Bytes asked per READ. */
  chunkBytes: number;
  /** Most READ requests in flight. */
  maxInFlight: number;
  signal?: AbortSignal;
  /** Hears the bytes written to the target so far. */
  onProgress?: (bytes: number) => void;
}

/** What a finished read did, for the log's summary line. */
export interface ReadSummary {
  bytes: number;
  requests: number;
  /** The most requests that were in flight at once. */
  peakInFlight: number;
  /** The READ length the server's answers settled on (smaller than asked when the server caps it). */
  chunkBytes: number;
}

/** Requests before the size is known: one for the data and one to find the end of a small file. */
const SLOW_START = 2;

/** Reads from `channel` into `to` from `opts.offset` to the end of the file; resolves once all is handed to `to` (not ended). */
export function pipelinedRead(channel: ReadChannel, to: Writable, opts: PipelinedReadOptions): Promise<ReadSummary> {
  return new Promise<ReadSummary>((resolve, reject) => {
    let chunkBytes = opts.chunkBytes;
    let size: number | undefined;
    let isSizeKnown = false;
    /** Where new requests start. */
    let nextOffset = opts.offset;
    /** The next byte the target is owed. */
    let writeOffset = opts.offset;
    /** The end of the file as far as the answers have shown it. */
    let endAt: number | undefined;
    /** Whether the READ at the size (the probe for the end) has been sent. */
    let isProbeSent = false;
    /** Ranges a short answer left out, asked again before anything new. */
    const gaps: Array<{ offset: number; length: number }> = [];
    /** Short answers waiting for the size to tell an end from a cap: where each ended and how much was asked. */
    const undecided: Array<{ offset: number; length: number }> = [];
    const received = new Map<number, Buffer>();
    let inFlight = 0;
    let peakInFlight = 0;
    let requests = 0;
    let written = 0;
    let isBlocked = false;
    let isSettled = false;

    const onAbort = () => fail(new SftpAbortedError());
    const onDrain = () => {
      isBlocked = false;
      pump();
    };
    const onError = (err: Error) => fail(err);
    opts.signal?.addEventListener('abort', onAbort, { once: true });
    to.on('drain', onDrain);
    to.on('error', onError);

    function cleanUp(): void {
      isSettled = true;
      opts.signal?.removeEventListener('abort', onAbort);
      to.off('drain', onDrain);
      to.off('error', onError);
    }

    function fail(err: Error): void {
      if (isSettled) return;
      cleanUp();
      reject(err);
    }

    function noteEnd(at: number): void {
      endAt = endAt === undefined ? at : Math.min(endAt, at);
    }

    /** A short answer ending at `end` (asked up to `end + length`): the end of the file, or a cap to ask past. */
    function decideShort(end: number, length: number): void {
      if (size !== undefined && end >= size) {
        noteEnd(end);
        return;
      }
      gaps.push({ offset: end, length });
    }

    function send(offset: number, length: number): void {
      inFlight++;
      requests++;
      peakInFlight = Math.max(peakInFlight, inFlight);
      channel.read(offset, length, (err, data, isEof) => {
        inFlight--;
        if (isSettled) return;
        if (err) return fail(err);
        if (isEof || !data || data.length === 0) noteEnd(offset);
        else {
          received.set(offset, data);
          if (data.length < length) {
            const end = offset + data.length;
            // A server that answers less than asked before the end caps its READs: ask for no more than it gives.
            if (size !== undefined && end < size) chunkBytes = Math.min(chunkBytes, data.length);
            if (isSizeKnown) decideShort(end, length - data.length);
            else undecided.push({ offset: end, length: length - data.length });
          } else if (isSizeKnown && size !== undefined && offset + data.length > size) {
            // More than FSTAT said: the file grows while it is read; read on until EOF.
            size = undefined;
          }
        }
        pump();
      });
    }

    function mayAsk(offset: number): boolean {
      return endAt === undefined || offset < endAt;
    }

    function issue(): void {
      if (isBlocked) return;
      // An answer before the size that shows an end: the size decides whether to ask on, not another round trip.
      if (!isSizeKnown && (endAt !== undefined || undecided.length > 0)) return;
      const cap = isSizeKnown ? opts.maxInFlight : SLOW_START;
      while (inFlight < cap) {
        const gap = gaps.shift();
        if (gap) {
          if (mayAsk(gap.offset)) send(gap.offset, Math.min(gap.length, chunkBytes));
          if (gap.length > chunkBytes) gaps.unshift({ offset: gap.offset + chunkBytes, length: gap.length - chunkBytes });
          continue;
        }
        if (!mayAsk(nextOffset)) return;
        if (isSizeKnown && size !== undefined && nextOffset >= size) {
          // A request that spans the size already tells where the file ends; otherwise one READ at
          // the size does: EOF confirms the end, data means the file grew.
          if (isProbeSent || (size >= opts.offset && size < nextOffset)) return;
          isProbeSent = true;
        }
        send(nextOffset, chunkBytes);
        nextOffset += chunkBytes;
      }
    }

    function flush(): void {
      let chunk = received.get(writeOffset);
      while (chunk && !isBlocked) {
        received.delete(writeOffset);
        writeOffset += chunk.length;
        written += chunk.length;
        if (!to.write(chunk)) isBlocked = true;
        opts.onProgress?.(written);
        chunk = received.get(writeOffset);
      }
    }

    function pump(): void {
      if (isSettled) return;
      flush();
      issue();
      if (inFlight === 0 && gaps.length === 0 && received.size === 0 && endAt !== undefined && writeOffset >= endAt) {
        cleanUp();
        resolve({ bytes: written, requests, peakInFlight, chunkBytes });
      } else if (inFlight === 0 && !isBlocked && received.size > 0 && !received.has(writeOffset) && gaps.length === 0 && endAt !== undefined) {
        // Answers past a hole that nothing will fill: the file shrank while it was read.
        cleanUp();
        resolve({ bytes: written, requests, peakInFlight, chunkBytes });
      }
    }

    opts.size.then(
      (known) => {
        if (isSettled) return;
        size = known;
        isSizeKnown = true;
        for (const short of undecided.splice(0)) decideShort(short.offset, short.length);
        pump();
      },
      () => {
        if (isSettled) return;
        isSizeKnown = true;
        for (const short of undecided.splice(0)) decideShort(short.offset, short.length);
        pump();
      },
    );
    if (opts.signal?.aborted) return fail(new SftpAbortedError());
    pump();
  });
}
