/**
 * A logged-in FtpSession as a protocol-neutral RemoteSession: the engine's calls as they are, the
 * home folder from the PWD after login, TLS with its certificate, MFMT for kept times, and the
 * habits the connection learnt (charset, login one command at a time). Must not import electron.
 */
import { chooseChecksumMethod, type FtpSession } from '../ftp';
import type { TransferSession } from '../queue';
import { fromFtpSession } from './ftpSessionAdapter';
import type { Protection, RemoteSession } from './RemoteSession';

/** Wraps a logged-in FtpSession; `transfer` is the queue's face of it when the caller already made one. */
export function ftpRemoteSession(session: FtpSession, transfer?: TransferSession): RemoteSession {
  let transferFace = transfer;
  return {
    protocol: 'ftp',
    get protection(): Protection {
      if (!session.isSecure) return { kind: 'none' };
      return session.certificate ? { kind: 'tls', certificate: { ...session.certificate } } : { kind: 'tls' };
    },
    system: session.system,
    checksumAlgorithm: chooseChecksumMethod(session.features)?.algorithm,
    get keepsModifiedTime() {
      return session.features.has('MFMT');
    },
    get learnt() {
      return { isCharsetLatin1: session.isCharsetLearnt, isLoginOneByOne: session.isLoginPipeliningRefused };
    },
    get isClosed() {
      return session.isClosed;
    },
    homePath: async () => session.initialDirectory ?? (await session.pwd()),
    list: (path) => session.list(path),
    listStream: (path) => session.listStream(path),
    mkdir: (path, opts) => session.mkdir(path, opts),
    rmdir: (path) => session.rmdir(path),
    delete: (path) => session.delete(path),
    rename: (from, to) => session.rename(from, to),
    chmod: (path, mode) => session.chmod(path, mode),
    size: (path) => session.size(path),
    checksum: (path) => session.checksum(path),
    download: async (remotePath, to, opts = {}) => {
      await session.download(remotePath, to, opts);
    },
    upload: (from, remotePath, opts = {}) => session.upload(from, remotePath, opts),
    asTransferSession: () => (transferFace ??= fromFtpSession(session)),
    close: () => session.close(),
    destroy: () => session.destroy(),
  };
}
