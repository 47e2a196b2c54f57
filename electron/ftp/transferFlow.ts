/**
 * How a transfer's bytes move between the data socket and the local stream once the data
 * connection is open: counting for progress, and the direct (synchronous I/O) path's endings,
 * which must leave the local stream as a pipeline would.
 * Must not import electron or React.
 */
import type { Readable, Writable } from 'node:stream';
import type { DataTransfer } from './data/DataTransfer';
import type { DirectReceiver } from './data/receiveDirect';
import type { DirectSender } from './data/sendDirect';
import { whenWriteFinished } from './data/streamEnd';
import { FtpAbortedError, FtpConnectionError } from './errors';
import type { FtpReply } from './reply';

/**
 * Counts the bytes a readable emits and reports progress. A 'data' listener rather than a Transform
 * in the pipeline: one stream hop less per chunk, and pipe's pause() still applies backpressure.
 */
export function countBytes(stream: NodeJS.ReadableStream, onProgress?: (bytes: number) => void): { readonly bytes: number } {
  const counter = { bytes: 0 };
  stream.on('data', (chunk: Buffer | string) => {
    counter.bytes += typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk.length;
    onProgress?.(counter.bytes);
  });
  return counter;
}

/**
 * Runs a download through a DirectReceiver, then ends the target. A failure destroys the target
 * with the error, as a pipeline would, after telling the transfer where it came from.
 */
export async function receiveDirect(transfer: DataTransfer, receiver: DirectReceiver, to: NodeJS.WritableStream): Promise<void> {
  try {
    await receiver.receive(transfer.socket);
  } catch (error) {
    transfer.noteError(error, receiver.localError === undefined);
    (to as Partial<Writable>).destroy?.(error as Error);
    throw error;
  }
  await endWritable(to);
}

/** Runs an upload through a DirectSender; the source is destroyed afterwards (closing its file), as a pipeline would. */
export async function sendDirect(transfer: DataTransfer, sender: DirectSender, from: NodeJS.ReadableStream): Promise<void> {
  try {
    await sender.send(transfer.socket);
  } catch (error) {
    transfer.noteError(error, sender.localError === undefined);
    (from as Partial<Readable>).destroy?.(error as Error);
    throw error;
  }
  (from as Partial<Readable>).destroy?.();
}

/**
 * Reads a data connection to its end, feeding each chunk (then undefined at the end) to `consume`
 * and yielding what it returns. `onEnd` runs first once reading stops, however it stops;
 * `onFinal` hears the server's final reply when the transfer succeeded.
 */
export async function* readToEnd<T>(
  transfer: DataTransfer,
  consume: (chunk: Buffer | undefined) => Iterable<T>,
  onEnd: () => void,
  onFinal?: (reply: FtpReply) => void,
): AsyncGenerator<T> {
  let isSettled = false;
  try {
    let readError: unknown;
    try {
      for await (const chunk of transfer.socket as AsyncIterable<Buffer>) yield* consume(chunk);
    } catch (err) {
      readError = err ?? new FtpConnectionError('Data connection failed');
    }
    isSettled = true;
    const final = await transfer.complete(readError === undefined ? Promise.resolve() : Promise.reject(readError));
    onFinal?.(final);
    yield* consume(undefined);
  } finally {
    onEnd();
    if (!isSettled) {
      // The consumer stopped early: abort so the control connection stays in step.
      transfer.abort();
      await transfer.complete(Promise.reject(new FtpAbortedError())).catch(() => undefined);
    }
  }
}

/** Ends a writable and waits until it has finished (or failed). */
function endWritable(stream: NodeJS.WritableStream): Promise<void> {
  const done = whenWriteFinished(stream as Writable);
  stream.end();
  return done;
}
