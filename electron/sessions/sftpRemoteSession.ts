/**
 * A logged-in SftpSession as a protocol-neutral RemoteSession: the home folder the server put the
 * session in, SSH protection with the host key it proved, times always kept (setstat), an octal
 * mode as SFTP's number, streams of any kind, and the queue's face from the engine's adapter.
 * SFTP (version 3) moves bytes as they are, so an ASCII transfer is sent unchanged.
 * Must not import electron.
 */
import { Readable, Writable } from 'node:stream';
import type { SftpSession } from '../sftp';
import type { TransferSession } from '../queue';
import type { RemoteSession } from './RemoteSession';
import { fromSftpSession } from './sftpSessionAdapter';

/** `stream` as a Node Readable (a plain ReadableStream, such as a test's, is wrapped). */
function readableOf(stream: NodeJS.ReadableStream): Readable {
  return stream instanceof Readable ? stream : new Readable().wrap(stream);
}

/** `stream` as a Node Writable. */
function writableOf(stream: NodeJS.WritableStream): Writable {
  if (stream instanceof Writable) return stream;
  return new Writable({
    write: (chunk: Buffer, _encoding, callback) => (stream.write(chunk) ? callback() : stream.once('drain', () => callback())),
    final: (callback) => stream.end(() => callback()),
  });
}

/** Wraps a logged-in SftpSession; `transfer` is the queue's face of it when the caller already made one. */
export function sftpRemoteSession(session: SftpSession, transfer?: TransferSession): RemoteSession {
  let transferFace = transfer;
  const { hostKey } = session;
  return {
    protocol: 'sftp',
    protection: { kind: 'ssh', hostKey: { host: hostKey.host, port: hostKey.port, type: hostKey.type, fingerprint: hostKey.fingerprint } },
    system: session.serverVersion,
    keepsModifiedTime: true,
    learnt: { isCharsetLatin1: false, isLoginOneByOne: false },
    get isClosed() {
      return session.isClosed;
    },
    homePath: async () => session.homeDirectory,
    list: (path) => session.list(path ?? session.homeDirectory),
    listStream: async function* (path) {
      yield* await session.list(path ?? session.homeDirectory);
    },
    mkdir: (path, opts) => session.mkdir(path, opts),
    rmdir: (path) => session.rmdir(path),
    delete: (path) => session.delete(path),
    rename: (from, to) => session.rename(from, to),
    chmod: (path, mode) => session.chmod(path, parseInt(mode, 8)),
    size: (path) => session.size(path),
    checksum: (path) => session.checksum(path),
    download: (remotePath, to, opts = {}) => session.download(remotePath, writableOf(to), { signal: opts.signal }),
    upload: async (from, remotePath, opts = {}) => {
      let bytes = 0;
      await session.upload(readableOf(from), remotePath, { signal: opts.signal, onProgress: (sent) => (bytes = sent) });
      return { bytes };
    },
    asTransferSession: () => (transferFace ??= fromSftpSession(session)),
    close: () => session.close(),
    destroy: () => session.destroy(),
  };
}
