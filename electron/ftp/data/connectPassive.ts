/**
 * Opens the TCP side of a passive data connection (EPSV/PASV) with a timeout.
 * Must not import electron or React.
 */
import net from 'node:net';
import { FtpAbortedError, FtpConnectionError, FtpTimeoutError } from '../errors';
import type { DirectReceiver } from './receiveDirect';

/** A passive data socket whose TCP connect is under way; `connected` settles with its outcome. */
export interface StartedPassive {
  socket: net.Socket;
  /** Resolves once connected; rejects with FtpConnectionError (refused, unreachable), FtpTimeoutError or FtpAbortedError. */
  connected: Promise<net.Socket>;
}

/**
 * Starts connecting to host:port for data and returns at once, so a command can go out while the
 * connection is made. With a `receiver`, the socket reads into the receiver's buffer and stays
 * paused until the receiver starts it.
 */
export function startPassive(host: string, port: number, timeoutMs: number, signal?: AbortSignal, receiver?: DirectReceiver): StartedPassive {
  const socket = receiver ? receiver.dial((onread) => net.connect({ host, port, onread })) : net.connect({ host, port });
  // Paused before it connects: nothing is read into the receiver's buffer until the transfer is under way.
  if (receiver) socket.pause();
  const connected = new Promise<net.Socket>((resolve, reject) => {
    if (signal?.aborted) {
      socket.destroy();
      reject(new FtpAbortedError());
      return;
    }
    const timer = setTimeout(() => fail(new FtpTimeoutError(`Data connection to ${host}:${port} timed out after ${timeoutMs} ms`)), timeoutMs);
    const onAbort = () => fail(new FtpAbortedError());
    signal?.addEventListener('abort', onAbort, { once: true });
    const cleanup = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      socket.off('error', onError);
      socket.off('close', onClose);
    };
    const fail = (err: Error) => {
      cleanup();
      socket.destroy();
      reject(err);
    };
    const onError = (err: Error) => fail(new FtpConnectionError(`Data connection to ${host}:${port} failed: ${err.message}`, { cause: err }));
    // Destroyed by its owner before it connected (a refused command, a failed REST).
    const onClose = () => fail(new FtpConnectionError(`Data connection to ${host}:${port} closed before it connected`));
    socket.once('error', onError);
    socket.once('close', onClose);
    socket.once('connect', () => {
      cleanup();
      // Until a transfer takes the socket over, a reset (the server refusing the command) must not crash the process.
      socket.on('error', () => undefined);
      resolve(socket);
    });
  });
  // Whoever started it may give the socket up before awaiting this.
  connected.catch(() => undefined);
  return { socket, connected };
}

/**
 * Connects to host:port for data; rejects with FtpConnectionError (refused, unreachable) or FtpTimeoutError.
 * With a `receiver`, the socket reads into the receiver's buffer and stays paused until the receiver starts it.
 */
export function connectPassive(host: string, port: number, timeoutMs: number, signal?: AbortSignal, receiver?: DirectReceiver): Promise<net.Socket> {
  return startPassive(host, port, timeoutMs, signal, receiver).connected;
}
