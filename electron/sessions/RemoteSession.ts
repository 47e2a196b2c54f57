/**
 * One logged-in connection to a server, whatever its protocol: what the remote pane, View/Edit and
 * the command line do on it (list, make and remove folders, delete, rename, permissions, sizes,
 * checksums, streams each way), what the window shows about it (home folder, how it is protected,
 * the server's system), and the queue's TransferSession over the same connection. Each engine has
 * its implementation beside this file; openRemoteSession.ts picks one from the connection options.
 * Must not import electron.
 */
import type { CertificateDetails, FileEntry, HostKeyDetails, Protocol } from '../../shared/domain';
import type { TransferSession } from '../queue';

/** How the connection is protected from eavesdroppers. */
export type Protection =
  /** FTP over TLS, with the certificate accepted for it (when it was checked against a fingerprint or a CA). */
  | { kind: 'tls'; certificate?: CertificateDetails }
  /** SSH, with the host key the server proved it holds. */
  | { kind: 'ssh'; hostKey: HostKeyDetails }
  /** Plain FTP: passwords and files travel readable. */
  | { kind: 'none' };

/** What a connection learnt about its server that later connections to it should start from (FTP's habits). */
export interface LearntHabits {
  /** The server's names turned out to be ISO-8859-1, not UTF-8. */
  isCharsetLatin1: boolean;
  /** The server left commands sent together at login unanswered: log in one command at a time. */
  isLoginOneByOne: boolean;
}

/** A logged-in connection of any protocol; operations run one at a time. */
export interface RemoteSession {
  readonly protocol: Protocol;
  readonly protection: Protection;
  /** The server's own description (FTP's SYST reply, SSH's identification string). */
  readonly system?: string;
  /** The algorithm of the checksums the server computes (FTP: HASH or an X-command from FEAT), when it offers one. */
  readonly checksumAlgorithm?: string;
  /** Whether an upload's modification time is kept when sent (FTP: MFMT; SFTP: always). */
  readonly keepsModifiedTime: boolean;
  readonly learnt: LearntHabits;
  readonly isClosed: boolean;
  /** The folder the server put the user in after login. */
  homePath(): Promise<string>;
  /** A folder's entries (the login folder when `path` is omitted). */
  list(path?: string): Promise<FileEntry[]>;
  /** A folder's entries as they arrive, for listings too big to hold. */
  listStream(path?: string): AsyncIterable<FileEntry>;
  /** Creates one folder; with `mayExist` a refusal is logged as expected. */
  mkdir(path: string, opts?: { mayExist?: boolean }): Promise<void>;
  /** Removes one empty folder. */
  rmdir(path: string): Promise<void>;
  /** Deletes one file. */
  delete(path: string): Promise<void>;
  /** Renames or moves a file or folder. */
  rename(from: string, to: string): Promise<void>;
  /** Changes permissions to an octal mode written as text (`644`). */
  chmod(path: string, mode: string): Promise<void>;
  /** A file's size in bytes; rejects when there is no such file. */
  size(path: string): Promise<number>;
  /** The server's checksum of a file, or undefined when it offers none. */
  checksum(path: string): Promise<{ algorithm: string; hex: string } | undefined>;
  /** Streams a whole file into `to` (which is ended). */
  download(remotePath: string, to: NodeJS.WritableStream, opts?: { signal?: AbortSignal; type?: 'ascii' | 'binary' }): Promise<void>;
  /** Streams `from` into a remote file, which it creates or replaces; resolves with the bytes taken. */
  upload(from: NodeJS.ReadableStream, remotePath: string, opts?: { signal?: AbortSignal; type?: 'ascii' | 'binary' }): Promise<{ bytes: number }>;
  /** The queue's face of this same connection (its transfers, checks and partial files). */
  asTransferSession(): TransferSession;
  /** Says goodbye politely. */
  close(): Promise<void>;
  /** Drops the connection at once. */
  destroy(): void;
}

/** Whether an error is the server's refusal of one request (a reply or status), not a lost connection. */
export function isServerRefusal(err: unknown): boolean {
  const kind = (err as { kind?: unknown } | null)?.kind;
  return kind === 'reply' || kind === 'sftp-status';
}
