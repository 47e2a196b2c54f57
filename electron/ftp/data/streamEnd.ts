/**
 * Waiting for one side of a stream to end, with three listeners instead of stream.finished's
 * machinery (end-of-stream attaches about ten listeners and builds closures per call, which a
 * queue of small files pays for twice per file). Only for the plain cases the direct data path
 * has: a socket whose readable side must end, a writable that must finish.
 * Must not import electron or React.
 */
import type { Duplex, Writable } from 'node:stream';

type Side = 'readable' | 'writable';

function isDone(stream: Duplex | Writable, side: Side): boolean {
  return side === 'readable' ? (stream as Duplex).readableEnded : stream.writableFinished;
}

function prematureClose(side: Side): Error {
  const error = new Error(side === 'readable' ? 'The connection closed before the end of the data' : 'The stream closed before it finished writing');
  (error as NodeJS.ErrnoException).code = 'ERR_STREAM_PREMATURE_CLOSE';
  return error;
}

function whenDone(stream: Duplex | Writable, side: Side): Promise<void> {
  if (isDone(stream, side)) return Promise.resolve();
  if (stream.destroyed) return Promise.reject(stream.errored ?? prematureClose(side));
  const event = side === 'readable' ? 'end' : 'finish';
  return new Promise<void>((resolve, reject) => {
    const onDone = () => {
      cleanup();
      resolve();
    };
    const onError = (error: Error) => {
      cleanup();
      reject(error);
    };
    const onClose = () => {
      cleanup();
      if (isDone(stream, side)) resolve();
      else reject(stream.errored ?? prematureClose(side));
    };
    const cleanup = () => {
      stream.off(event, onDone);
      stream.off('error', onError);
      stream.off('close', onClose);
    };
    stream.on(event, onDone);
    stream.on('error', onError);
    stream.on('close', onClose);
  });
}

/** Resolves when the readable side of `stream` has ended; rejects on an error or a close before the end. */
export function whenReadEnded(stream: Duplex): Promise<void> {
  return whenDone(stream, 'readable');
}

/** Resolves when `stream` has finished writing (after end()); rejects on an error or a close before that. */
export function whenWriteFinished(stream: Writable): Promise<void> {
  return whenDone(stream, 'writable');
}
