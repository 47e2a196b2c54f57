/**
 * A passive data connection that starts TLS as soon as it connects, for a download read straight
 * into a DirectReceiver's buffer: Node applies a socket's `onread` buffer only to a TLS socket it
 * dials itself, not to one layered over an existing socket. The ClientHello then goes out before
 * the data command, as curl does; the server reads it when it starts TLS on the connection. The
 * control connection's TLS session is resumed (RFC 4217 §10.2), as with startTls.
 * Owns: dialing a TLS data connection and waiting for its handshake. Must not import electron or React.
 */
import net from 'node:net';
import type tls from 'node:tls';
import { tlsModule } from '../control/tlsModule';
import { FtpAbortedError, FtpConnectionError, FtpTimeoutError, FtpTlsError } from '../errors';
import type { DirectReceiver } from './receiveDirect';

/** What connectPassiveTls needs. */
export interface PassiveTlsOptions {
  /** Where to connect. */
  host: string;
  port: number;
  /** The server's name as the user gave it (SNI when it is not an IP address). */
  serverName: string;
  /** The control connection's TLS session, to resume. */
  session?: Buffer;
  timeoutMs: number;
  signal?: AbortSignal;
  receiver: DirectReceiver;
}

/** A TCP-connected TLS data socket whose handshake is under way. */
export interface PassiveTlsSocket {
  socket: tls.TLSSocket;
  /** Resolves once the handshake is done; rejects with FtpTlsError, FtpTimeoutError (after timeoutMs) or FtpConnectionError (aborted). */
  handshake(timeoutMs: number, signal?: AbortSignal): Promise<tls.TLSSocket>;
}

/** Connects to host:port and starts TLS; rejects like connectPassive when the TCP connection cannot be made. */
export function connectPassiveTls(opts: PassiveTlsOptions): Promise<PassiveTlsSocket> {
  return new Promise((resolve, reject) => {
    if (opts.signal?.aborted) {
      reject(new FtpAbortedError());
      return;
    }
    const { host, port } = opts;
    const socket = opts.receiver.dial((onread) => {
      // `onread` is documented for tls.connect (used when it dials the socket itself) but missing from @types/node.
      const options: tls.ConnectionOptions & { onread: net.OnReadOpts } = {
        host,
        port,
        // SNI must not be an IP address (RFC 6066 §3); Node warns if it is.
        servername: net.isIP(opts.serverName) ? undefined : opts.serverName,
        session: opts.session,
        // Trust is decided by the caller, as with startTls (a resumed session or the control's certificate).
        rejectUnauthorized: false,
        onread,
      };
      return tlsModule().connect(options);
    });
    // The handshake's outcome, recorded from the start so it cannot be missed.
    let outcome: { error?: Error } | undefined;
    const waiters: Array<() => void> = [];
    const decide = (result: { error?: Error }) => {
      if (outcome) return;
      outcome = result;
      socket.off('close', onHandshakeClose);
      for (const waiter of waiters.splice(0)) waiter();
    };
    const onHandshakeClose = () => decide({ error: new FtpTlsError('The connection closed during the TLS handshake') });
    socket.once('secureConnect', () => decide({}));
    socket.on('error', (err: Error) => {
      // Until the transfer attaches its own handlers, an error must not crash the process.
      if (!outcome) decide({ error: err instanceof FtpTlsError ? err : new FtpTlsError(`TLS handshake failed: ${err.message}`, { cause: err }) });
    });

    const timer = setTimeout(() => fail(new FtpTimeoutError(`Data connection to ${host}:${port} timed out after ${opts.timeoutMs} ms`)), opts.timeoutMs);
    const onAbort = () => fail(new FtpAbortedError());
    opts.signal?.addEventListener('abort', onAbort, { once: true });
    const cleanup = () => {
      clearTimeout(timer);
      opts.signal?.removeEventListener('abort', onAbort);
      socket.off('error', onConnectError);
    };
    const fail = (err: Error) => {
      cleanup();
      socket.destroy();
      reject(err);
    };
    const onConnectError = (err: Error) => fail(new FtpConnectionError(`Data connection to ${host}:${port} failed: ${err.message}`, { cause: err }));
    socket.once('error', onConnectError);
    socket.once('connect', () => {
      cleanup();
      socket.once('close', onHandshakeClose);
      resolve({ socket, handshake: (timeoutMs, signal) => waitHandshake(socket, () => outcome, waiters, timeoutMs, signal) });
    });
  });
}

function waitHandshake(
  socket: tls.TLSSocket,
  outcome: () => { error?: Error } | undefined,
  waiters: Array<() => void>,
  timeoutMs: number,
  signal?: AbortSignal,
): Promise<tls.TLSSocket> {
  return new Promise((resolve, reject) => {
    const settle = (error?: Error) => {
      if (error) {
        socket.destroy();
        reject(error);
      } else {
        resolve(socket);
      }
    };
    const known = outcome();
    if (known) {
      settle(known.error);
      return;
    }
    let isDone = false;
    const finish = (error?: Error) => {
      if (isDone) return;
      isDone = true;
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      settle(error);
    };
    const onAbort = () => finish(new FtpConnectionError('TLS handshake aborted'));
    const timer = setTimeout(
      () => finish(new FtpTimeoutError(`TLS handshake with ${socket.remoteAddress ?? 'the server'} timed out after ${timeoutMs} ms`)),
      timeoutMs,
    );
    signal?.addEventListener('abort', onAbort, { once: true });
    waiters.push(() => finish(outcome()?.error));
  });
}
