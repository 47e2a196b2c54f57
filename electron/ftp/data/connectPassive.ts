/**
 * Opens the TCP side of a passive data connection (EPSV/PASV) with a timeout.
 * Must not import electron or React.
 */
import net from 'node:net';
import { FtpAbortedError, FtpConnectionError, FtpTimeoutError } from '../errors';
import type { DirectReceiver } from './receiveDirect';

/**
 * Connects to host:port for data; rejects with FtpConnectionError (refused, unreachable) or FtpTimeoutError.
 * With a `receiver`, the socket reads into the receiver's buffer and stays paused until the receiver starts it.
 */
export function connectPassive(host: string, port: number, timeoutMs: number, signal?: AbortSignal, receiver?: DirectReceiver): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(new FtpAbortedError());
      return;
    }
    const socket = receiver ? receiver.dial((onread) => net.connect({ host, port, onread })) : net.connect({ host, port });
    // Paused before it connects: nothing is read into the receiver's buffer until the transfer is under way.
    if (receiver) socket.pause();
    const timer = setTimeout(() => fail(new FtpTimeoutError(`Data connection to ${host}:${port} timed out after ${timeoutMs} ms`)), timeoutMs);
    const onAbort = () => fail(new FtpAbortedError());
    signal?.addEventListener('abort', onAbort, { once: true });
    const cleanup = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      socket.off('error', onError);
    };
    const fail = (err: Error) => {
      cleanup();
      socket.destroy();
      reject(err);
    };
    const onError = (err: Error) => fail(new FtpConnectionError(`Data connection to ${host}:${port} failed: ${err.message}`, { cause: err }));
    socket.once('error', onError);
    socket.once('connect', () => {
      cleanup();
      // Until a transfer takes the socket over, a reset (the server refusing the command) must not crash the process.
      socket.on('error', () => undefined);
      resolve(socket);
    });
  });
}
