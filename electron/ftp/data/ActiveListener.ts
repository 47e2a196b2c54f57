/**
 * The listening side of an active data connection (EPRT/PORT): listens on the control socket's
 * local address (the one the server can reach us on), accepts exactly one connection, and only
 * from the control connection's peer (anything else could be a third party racing the server).
 * Must not import electron or React.
 */
import net from 'node:net';
import { FtpAbortedError, FtpConnectionError, FtpTimeoutError } from '../errors';
import { normalizeAddress } from '../control/ControlConnection';
import type { HostPort } from './dataAddress';

/** A one-shot listener for an active-mode data connection. */
export class ActiveListener {
  private accepted?: net.Socket;
  private waiter?: (socket: net.Socket) => void;
  private closed = false;

  private constructor(
    private readonly server: net.Server,
    /** The address and port to announce with EPRT/PORT. */
    readonly address: HostPort,
    private readonly allowedPeer: string,
    private readonly onRejected: (peer: string) => void,
  ) {
    server.on('connection', (socket) => {
      const peer = normalizeAddress(socket.remoteAddress ?? '');
      if (this.accepted || peer !== this.allowedPeer) {
        if (!this.accepted) this.onRejected(peer);
        socket.destroy();
        return;
      }
      this.accepted = socket;
      // Until a transfer takes the socket over, a reset must not crash the process.
      socket.on('error', () => undefined);
      // Exactly one connection per data command: stop listening at once.
      this.close();
      this.waiter?.(socket);
    });
  }

  /** Listens on localAddress at a free port; only connections from allowedPeer will be accepted. */
  static open(localAddress: string, allowedPeer: string, onRejected: (peer: string) => void): Promise<ActiveListener> {
    return new Promise((resolve, reject) => {
      const server = net.createServer();
      server.once('error', (err) => reject(new FtpConnectionError(`Cannot listen for an active data connection: ${err.message}`, { cause: err })));
      server.listen({ host: localAddress, port: 0, backlog: 4 }, () => {
        const info = server.address() as net.AddressInfo;
        resolve(new ActiveListener(server, { host: normalizeAddress(info.address), port: info.port }, allowedPeer, onRejected));
      });
    });
  }

  /** Resolves with the server's connection, or rejects after timeoutMs or on abort. */
  accept(timeoutMs: number, signal?: AbortSignal): Promise<net.Socket> {
    if (this.accepted) return Promise.resolve(this.accepted);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.close();
        reject(new FtpTimeoutError(`The server did not open the active data connection within ${timeoutMs} ms`));
      }, timeoutMs);
      const onAbort = () => {
        clearTimeout(timer);
        this.close();
        reject(new FtpAbortedError());
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.waiter = (socket) => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        resolve(socket);
      };
    });
  }

  /** Stops listening (an accepted connection stays open). */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.server.close();
  }

  /** Closes the listener and any connection it accepted. */
  destroy(): void {
    this.close();
    this.accepted?.destroy();
  }
}
