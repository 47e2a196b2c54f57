/**
 * Opens an SSH connection up to a ready SFTP channel: TCP connect, key exchange, the host key
 * put to the caller's verifyHostKey before any credential is sent, authentication (sftpAuth.ts),
 * then the `sftp` subsystem. Every way this can fail ends as one of the engine's errors.
 * Imports only ssh2, node:* and this folder.
 */
// ssh2 is CommonJS: Node's ESM loader (the app's main bundle keeps it external) gives its
// exports reliably only as the default import.
import ssh2, { type Client as SshClient, type SFTPWrapper } from 'ssh2';
import { SftpAbortedError, SftpConnectionError, SftpError, SftpHostKeyError, SftpTimeoutError } from './errors';
import { hostKeyInfo, type HostKeyInfo } from './hostKey';
import { authPlan, readPrivateKey } from './sftpAuth';
import type { SftpLog } from './sftpLog';
import type { SftpConnectOptions, SftpHooks } from './sessionTypes';

/** The default for SftpConnectOptions.timeoutMs. */
export const DEFAULT_TIMEOUT_MS = 30_000;

/** A logged-in SSH connection with its SFTP channel open. */
export interface SshConnection {
  client: SshClient;
  sftp: SFTPWrapper;
  hostKey: HostKeyInfo;
  /** The server's identification string, e.g. 'SSH-2.0-OpenSSH_9.2p1 Debian-2'. */
  serverVersion: string;
}

/** The parts of ssh2's Client this module reads that its types leave out. */
interface ClientInternals {
  _remoteVer?: string;
  _protocol?: { _remoteIdentRaw?: Buffer | string };
}

/** Connects, checks the host key, logs in and opens SFTP; rejects with SftpHostKeyError, SftpAuthError, SftpTimeoutError or SftpConnectionError. */
export async function openSshConnection(options: SftpConnectOptions, hooks: SftpHooks, log: SftpLog): Promise<SshConnection> {
  const port = options.port ?? 22;
  const where = `${options.host}:${port}`;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  if (hooks.signal?.aborted) throw new SftpAbortedError();
  const key = await readPrivateKey(options, hooks);
  const plan = authPlan(options, hooks, key, log);
  const client = new ssh2.Client();
  let hostKey: HostKeyInfo | undefined;
  let isHostKeyRefused = false;

  log.status(`Connecting to ${where}`);
  return new Promise<SshConnection>((resolve, reject) => {
    let isSettled = false;
    const onAbort = () => finish(new SftpAbortedError());
    function finish(err: Error | undefined, sftp?: SFTPWrapper): void {
      if (isSettled) return;
      isSettled = true;
      hooks.signal?.removeEventListener('abort', onAbort);
      if (err || !sftp || !hostKey) {
        client.removeAllListeners();
        // A late socket error after giving up must not become an unhandled 'error' event.
        client.on('error', () => undefined);
        client.destroy();
        if (err instanceof SftpError) log.error(err.message);
        reject(err ?? new SftpConnectionError(`The connection to ${where} closed during login`));
        return;
      }
      const internals = client as unknown as ClientInternals;
      const ident = internals._protocol?._remoteIdentRaw;
      const serverVersion = ident ? ident.toString().trim() : `SSH-2.0-${internals._remoteVer ?? 'unknown'}`;
      resolve({ client, sftp, hostKey, serverVersion });
    }

    function connectError(err: Error & { level?: string; code?: string }): Error {
      if (isHostKeyRefused && hostKey) return new SftpHostKeyError(hostKey);
      if (err.level === 'client-authentication') return plan.failure();
      if (err.level === 'client-timeout') return new SftpTimeoutError(`No answer from ${where} within ${Math.round(timeoutMs / 1000)} s while connecting and logging in`);
      if (err.level === 'client-socket' || err.code) return new SftpConnectionError(`Cannot connect to ${where}: ${err.message}`, { cause: err, code: err.code });
      return new SftpConnectionError(`SSH with ${where} failed: ${err.message}`, { cause: err });
    }

    hooks.signal?.addEventListener('abort', onAbort, { once: true });
    client.on('handshake', (negotiated) => {
      log.status(`SSH ${negotiated.kex}, ${negotiated.cs.cipher}${negotiated.cs.mac ? ` ${negotiated.cs.mac}` : ''}, host key ${negotiated.serverHostKey}`);
    });
    client.on('ready', () => {
      log.status(`Logged in as ${options.user}`);
      log.command('SUBSYSTEM sftp');
      client.sftp((err, sftp) => {
        if (err) finish(new SftpConnectionError(`${where} refused the SFTP subsystem: ${err.message}`, { cause: err }));
        else finish(undefined, sftp);
      });
    });
    client.on('error', (err) => finish(connectError(err)));
    client.on('close', () => finish(isHostKeyRefused && hostKey ? new SftpHostKeyError(hostKey) : undefined));
    client.connect({
      host: options.host,
      port,
      username: options.user,
      readyTimeout: timeoutMs,
      keepaliveInterval: options.keepAliveMs && options.keepAliveMs > 0 ? options.keepAliveMs : 0,
      keepaliveCountMax: 3,
      authHandler: plan.handler,
      hostVerifier: (blob: Buffer, verify: (isTrusted: boolean) => void) => {
        const presented = hostKeyInfo(options.host, port, blob);
        hostKey = presented;
        log.status(`Host key ${presented.type} ${presented.fingerprint}`);
        Promise.resolve()
          .then(() => hooks.verifyHostKey(presented))
          .then((isTrusted) => isTrusted === true, () => false)
          .then((isTrusted) => {
            if (!isTrusted) {
              isHostKeyRefused = true;
              log.error(`Host key ${presented.fingerprint} not trusted: disconnecting before logging in`);
            }
            verify(isTrusted);
          });
      },
    });
    // SFTP pipelines small requests (FSTAT beside READs, CLOSE behind WRITEs): with Nagle's
    // algorithm on, each small packet after the first would wait for the previous one's ACK.
    client.setNoDelay(true);
  });
}
