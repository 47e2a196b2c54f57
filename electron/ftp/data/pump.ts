/**
 * A lighter stream.pipeline for one transfer: pipe() between the streams, and the first error
 * (or premature close) of any of them destroys them all and rejects. Node's pipeline does the
 * same but makes an AbortController, and a DOMException with a stack trace when it finishes,
 * for every call: 0.1–0.2 ms of CPU per transfer, which a queue of small files feels
 * (docs/benchmarks.md, Measurements behind the code).
 * Must not import electron or React.
 */
import { finished } from 'node:stream';

type AnyStream = NodeJS.ReadableStream | NodeJS.WritableStream;

function destroy(stream: AnyStream, error: Error): void {
  const destroyable = stream as AnyStream & { destroy?: (error?: Error) => void; destroyed?: boolean };
  if (typeof destroyable.destroy === 'function' && !destroyable.destroyed) destroyable.destroy(error);
}

/**
 * Pipes `streams` into one another; resolves when the last has finished (all data written), or
 * rejects with the first failure after destroying every stream with it.
 */
export function pump(...streams: [NodeJS.ReadableStream, ...NodeJS.ReadWriteStream[], NodeJS.WritableStream]): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const last = streams.length - 1;
    let isSettled = false;
    // The listeners stay: a late error of a stream (a reset after the end) is then swallowed here.
    const settle = (error?: Error) => {
      if (isSettled) return;
      isSettled = true;
      if (!error) {
        resolve();
        return;
      }
      for (const stream of streams) destroy(stream, error);
      reject(error);
    };
    streams.forEach((stream, index) => {
      finished(stream, { readable: index < last, writable: index > 0 }, (error) => {
        if (error) settle(error);
        else if (index === last) settle();
      });
    });
    for (let index = 0; index < last; index++) {
      (streams[index] as NodeJS.ReadableStream).pipe(streams[index + 1] as NodeJS.WritableStream);
    }
  });
}
