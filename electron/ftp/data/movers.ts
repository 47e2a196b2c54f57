/**
 * The movers that plug into a DataCommand once its connection is handed over: they move the
 * bytes between the data socket and the local side and count them. A file goes by the direct
 * path (receiveDirect.ts, sendDirect.ts: synchronous local I/O, pooled buffers) when its local
 * end offers it and the transfer is binary, else through a stream pipeline (CRLF/LF conversion for
 * ASCII); a listing is read chunk by chunk (readToEnd). The direct path's endings leave the local
 * stream as a pipeline would. Must not import electron or React.
 */
import type { Readable, Writable } from 'node:stream';
import { FtpAbortedError, FtpConnectionError } from '../errors';
import type { FtpReply } from '../reply';
import { crlfToLf, lfToCrlf } from './asciiTransform';
import type { DataCommand } from './DataCommand';
import { pump } from './pump';
import { DirectReceiver } from './receiveDirect';
import { DirectSender } from './sendDirect';
import { whenWriteFinished } from './streamEnd';
import { canReadSync, canWriteSync } from './syncIo';

/** Moves one file's bytes over a handed-over data command. */
export interface FileMover {
  /** Bytes that went through the data connection so far. */
  readonly bytes: number;
  /** A download's direct receiver, which the data connection must be dialed for (DataLink). */
  readonly receiver?: DirectReceiver;
  /** Moves the data; settles when the local side is done (written and ended, or read and sent). */
  run(data: DataCommand): Promise<void>;
}

/** What a file mover needs to know. */
export interface MoverOptions {
  type?: 'binary' | 'ascii';
  /** Hears the bytes moved so far (before line-ending conversion). */
  onProgress?: (bytes: number) => void;
}

/**
 * Counts the bytes a readable emits and reports progress. A 'data' listener rather than a Transform
 * in the pipeline: one stream hop less per chunk, and pipe's pause() still applies backpressure.
 */
function countBytes(stream: NodeJS.ReadableStream, onProgress?: (bytes: number) => void): { readonly bytes: number } {
  const counter = { bytes: 0 };
  stream.on('data', (chunk: Buffer | string) => {
    counter.bytes += typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk.length;
    onProgress?.(counter.bytes);
  });
  return counter;
}

/** The mover of a download into `to`, which it ends. */
export function downloadMover(to: NodeJS.WritableStream, opts: MoverOptions): FileMover {
  const ascii = opts.type === 'ascii';
  if (!ascii && canWriteSync(to)) {
    const receiver = new DirectReceiver(to, opts.onProgress);
    return {
      receiver,
      get bytes() {
        return receiver.bytes;
      },
      run: (data) => {
        data.watchLocal(to);
        return receiveDirect(data, receiver, to);
      },
    };
  }
  let counter = { bytes: 0 };
  return {
    get bytes() {
      return counter.bytes;
    },
    run: (data) => {
      data.watchLocal(to);
      // Piped first, so the stream is piped before the counter's listener makes it flow.
      const done = ascii ? pump(data.socket, crlfToLf(), to) : pump(data.socket, to);
      counter = countBytes(data.socket, opts.onProgress);
      return done;
    },
  };
}

/** The mover of an upload from `from`, which it destroys afterwards (closing its file). */
export function uploadMover(from: NodeJS.ReadableStream, opts: MoverOptions): FileMover {
  const ascii = opts.type === 'ascii';
  if (!ascii && canReadSync(from)) {
    const sender = new DirectSender(from, opts.onProgress);
    return {
      get bytes() {
        return sender.bytes;
      },
      run: (data) => {
        data.watchLocal(from);
        return sendDirect(data, sender, from);
      },
    };
  }
  let counter = { bytes: 0 };
  return {
    get bytes() {
      return counter.bytes;
    },
    run: (data) => {
      data.watchLocal(from);
      const done = ascii ? pump(from, lfToCrlf(), data.socket) : pump(from, data.socket);
      counter = countBytes(from, opts.onProgress);
      return done;
    },
  };
}

/**
 * Runs a download through a DirectReceiver, then ends the target. A failure destroys the target
 * with the error, as a pipeline would, after telling the command where it came from.
 */
async function receiveDirect(data: DataCommand, receiver: DirectReceiver, to: NodeJS.WritableStream): Promise<void> {
  try {
    await receiver.receive(data.socket);
  } catch (error) {
    data.noteError(error, receiver.localError === undefined);
    (to as Partial<Writable>).destroy?.(error as Error);
    throw error;
  }
  const finished = whenWriteFinished(to as Writable);
  to.end();
  await finished;
}

/** Runs an upload through a DirectSender; the source is destroyed afterwards (closing its file), as a pipeline would. */
async function sendDirect(data: DataCommand, sender: DirectSender, from: NodeJS.ReadableStream): Promise<void> {
  try {
    await sender.send(data.socket);
  } catch (error) {
    data.noteError(error, sender.localError === undefined);
    (from as Partial<Readable>).destroy?.(error as Error);
    throw error;
  }
  (from as Partial<Readable>).destroy?.();
}

/**
 * Reads a data connection to its end, feeding each chunk (then undefined at the end) to `consume`
 * and yielding what it returns. `onEnd` runs first once reading stops, however it stops;
 * `onFinal` hears the server's final reply when the command succeeded.
 */
export async function* readToEnd<T>(
  data: DataCommand,
  consume: (chunk: Buffer | undefined) => Iterable<T>,
  onEnd: () => void,
  onFinal?: (reply: FtpReply) => void,
): AsyncGenerator<T> {
  let isSettled = false;
  try {
    let readError: unknown;
    try {
      for await (const chunk of data.socket as AsyncIterable<Buffer>) yield* consume(chunk);
    } catch (err) {
      readError = err ?? new FtpConnectionError('Data connection failed');
    }
    isSettled = true;
    const final = await data.complete(readError === undefined ? Promise.resolve() : Promise.reject(readError));
    onFinal?.(final);
    yield* consume(undefined);
  } finally {
    onEnd();
    if (!isSettled) {
      // The consumer stopped early: abort so the control connection stays in step.
      data.abort();
      await data.complete(Promise.reject(new FtpAbortedError())).catch(() => undefined);
    }
  }
}
