/**
 * Bridges the SFTP engine's SftpSession to the queue's TransferSession, and builds a
 * SessionFactory from "how to connect to site X" and the hooks that decide about host keys and
 * answer prompts. Engine errors leave as the queue's TransferError with the engine's verdict
 * (describeSftpFailure): a missing file or a refusal is permanent, a lost connection or a timeout
 * transient, so the queue's retries, resume from `.part` and size checks work as for FTP.
 */
import { describeSftpFailure, SftpSession, type SftpConnectOptions, type SftpHooks, type SftpLogEvent } from '../sftp';
import { TransferError, type SessionFactory, type TransferSession } from '../queue';

/** The TransferError an SFTP engine error stands for (a TransferError stays as it is). */
export function asSftpTransferError(err: unknown): TransferError {
  if (err instanceof TransferError) return err;
  return new TransferError(describeSftpFailure(err), { cause: err });
}

function rethrow(err: unknown): never {
  throw asSftpTransferError(err);
}

/**
 * Wraps a logged-in SftpSession. SFTP moves bytes as they are (version 3 has no text mode), so a
 * transfer the queue marks ASCII is sent unchanged; an upload from an offset writes after the
 * bytes the server has, and the server offers no checksum the queue could ask after each file.
 */
export function fromSftpSession(session: SftpSession): TransferSession {
  return {
    list: (p) => session.list(p).catch(rethrow),
    size: (p, opts) => session.size(p, opts).catch(rethrow),
    modifiedTime: (p) => session.modifiedTime(p).catch(rethrow),
    mkdir: (p, opts) => session.mkdir(p, opts).catch(rethrow),
    delete: (p) => session.delete(p).catch(rethrow),
    rmdir: (p) => session.rmdir(p).catch(rethrow),
    download: (remote, to, opts) => session.download(remote, to, { offset: opts.offset, signal: opts.signal, onProgress: opts.onProgress }).catch(rethrow),
    upload: (from, remote, opts) =>
      session.upload(from, remote, { offset: opts.offset, signal: opts.signal, onProgress: opts.onProgress, modifiedMs: opts.modifiedMs }).catch(rethrow),
    checksum: (p) => session.checksum(p).catch(rethrow),
    offersChecksum: false,
    get isClosed() {
      return session.isClosed;
    },
    close: () => session.close(),
    destroy: () => session.destroy(),
  };
}

/** Options of sftpSessionFactory. */
export interface SftpSessionFactoryOptions {
  /** Receives every request and answer of transfer connections (for the log and `--verbose`). */
  onLog?: (siteId: string, event: SftpLogEvent) => void;
  /** Called with each session once logged in. */
  onConnected?: (siteId: string, session: SftpSession) => void;
}

/**
 * A SessionFactory that connects with the SFTP engine, asking `connectOptionsFor` for host and
 * credentials each time; `hooks` (or the hooks for a site) decide about host keys and prompts.
 */
export function sftpSessionFactory(
  connectOptionsFor: (siteId: string) => SftpConnectOptions | Promise<SftpConnectOptions>,
  hooks: SftpHooks | ((siteId: string) => SftpHooks),
  opts: SftpSessionFactoryOptions = {},
): SessionFactory {
  return async (siteId, connectionLabel) => {
    try {
      const connect = await connectOptionsFor(siteId);
      const siteHooks = typeof hooks === 'function' ? hooks(siteId) : hooks;
      const onLog = opts.onLog ? (event: SftpLogEvent) => opts.onLog!(siteId, event) : siteHooks.onLog;
      const session = await SftpSession.connect({ ...connect, connectionId: connectionLabel }, { ...siteHooks, onLog });
      opts.onConnected?.(siteId, session);
      return fromSftpSession(session);
    } catch (err) {
      throw asSftpTransferError(err);
    }
  };
}
