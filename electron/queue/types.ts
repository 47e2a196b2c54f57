/**
 * The interfaces the transfer queue depends on (sessions, local filesystem, persistence) and the
 * shapes of its options and events; sessions fail with the TransferError of transferError.ts. The queue never opens a socket itself, so
 * unit tests pass fakes and the app passes the real engine through `ftpSessionAdapter`.
 * Must not import `electron` or node:net/tls.
 */
import type { Readable, Writable } from 'node:stream';
import type { FileEntry, FileExistsPolicy, TransferDirection, TransferItem, TransferState } from '../../shared/domain';
import type { PartialFile } from '../local/partialFile';

/** A logged-in control connection used for exactly one transfer at a time. */
export interface TransferSession {
  /**
   * Lists a remote folder (used only for folder expansion, never by the remote pane);
   * `onCutShort` hears the final reply when the server says it left entries out.
   */
  list(path: string, onCutShort?: (reply: string) => void): Promise<FileEntry[]>;
  /** The remote file's size in bytes; rejects (typically 550) when it does not exist. */
  /** With `isProbe` (is something there?) the session treats a refusal as the expected answer. */
  size(path: string, opts?: { isProbe?: boolean }): Promise<number>;
  /** The remote file's modification time in ms since the epoch, when the server tells. */
  modifiedTime(path: string): Promise<number | undefined>;
  /** Creates one remote folder (its parent exists). */
  /** With `mayExist` the session treats a refusal as expected (the folder may be there already). */
  mkdir(path: string, opts?: { mayExist?: boolean }): Promise<void>;
  /** Deletes one remote file. */
  delete(path: string): Promise<void>;
  /** Removes one empty remote folder. */
  rmdir(path: string): Promise<void>;
  /**
   * Downloads `remotePath` into `to`, starting at byte `offset` (REST when > 0). `onProgress`,
   * when given, hears the bytes received so far.
   */
  download(remotePath: string, to: Writable, opts: TransferOptions): Promise<void>;
  /**
   * Uploads `from` to `remotePath`; `offset` > 0 means the remote already holds that many bytes
   * and the session continues after them however its protocol can (FTP: REST+STOR or APPE).
   * `onProgress`, when given, hears the bytes taken from `from` so far.
   */
  upload(from: Readable, remotePath: string, opts: TransferOptions): Promise<void>;
  /**
   * Another transfer follows on this session at once: the session may ask for its data
   * connection now, while the queue finishes the previous file. Optional: a session without it
   * just starts the next transfer from scratch.
   */
  prepareNextTransfer?(): void;
  /** The server's checksum of a remote file, or undefined when it offers none. */
  checksum(path: string): Promise<{ algorithm: string; hex: string } | undefined>;
  /** Whether checksum() asks the server (a command after each file); undefined: assume it does. */
  readonly offersChecksum?: boolean;
  /** Whether the control connection is gone (then the pool drops it). */
  readonly isClosed: boolean;
  /** Says goodbye politely (QUIT). */
  close(): Promise<void>;
  /** Drops the connection at once. */
  destroy(): void;
}

/** How one transfer of a TransferSession runs. */
export interface TransferOptions {
  offset: number;
  signal: AbortSignal;
  onProgress?: (bytes: number) => void;
  /** ASCII (line endings converted) or binary, the default. */
  type?: 'ascii' | 'binary';
  /**
   * Another transfer is expected on this session right after this one: the session may ask for
   * the next data connection behind this transfer's command, so its answer is waiting when this
   * one ends.
   */
  isFollowed?: boolean;
  /** For an upload: the local file's modification time, which the remote copy is to keep where the server can set it. */
  modifiedMs?: number;
}

/** Opens a new logged-in session for a site; credentials come from here, never from the queue file. */
export type SessionFactory = (siteId: string, connectionLabel: string) => Promise<TransferSession>;

/** What the queue needs to know about a local path. */
export interface LocalStat {
  type: 'file' | 'dir' | 'link' | 'other';
  sizeBytes: number;
  modifiedMs: number;
}

/** One entry of a local folder as seen by `lstat` (links are reported as links). */
export interface LocalDirEntry {
  name: string;
  type: 'file' | 'dir' | 'link' | 'other';
}

/** The local filesystem as the queue uses it; `nodeLocalFs` is the real one. */
export interface LocalFs {
  /** Stats a path following links, or undefined when it does not exist. */
  stat(path: string): Promise<LocalStat | undefined>;
  /** Stats a path without following a link (type `link` for one), or undefined when it does not exist. */
  lstat(path: string): Promise<LocalStat | undefined>;
  /** Lists a folder without following links. */
  readDir(path: string): Promise<LocalDirEntry[]>;
  /** Resolves links to a canonical path (used to refuse symlink loops). */
  realPath(path: string): Promise<string>;
  /** Creates a folder and its parents. */
  mkdirp(path: string): Promise<void>;
  /** A stream that reads the file from byte `offset`. */
  createReadStream(path: string, offset: number): Readable;
  /** What is at a download's partial-file name, without following a link; undefined when nothing is. */
  inspectPartial(path: string): Promise<PartialFile | undefined>;
  /**
   * A stream that writes a download's partial file from byte `offset`. At 0 the file is created
   * anew, exclusively and never through a link (whatever had the name is removed); past 0 the
   * existing file is continued only if it is a regular file of this user's (else it rejects with
   * code EUNSAFEPARTIAL), cut to `offset` first. It may create a missing parent folder itself; if
   * it rejects with ENOENT instead, the queue creates the folder and asks once more.
   */
  createWriteStream(path: string, offset: number): Promise<Writable>;
  /** Renames, replacing the target if it exists. */
  rename(from: string, to: string): Promise<void>;
  /** Deletes a file; a missing file is not an error. */
  remove(path: string): Promise<void>;
  /** Deletes a file or a folder with everything in it, never following a link; a missing path is not an error. */
  removeTree(path: string): Promise<void>;
  /** Sets the modification time (keeps `newer` decisions stable across mirrors). */
  setModifiedTime(path: string, modifiedMs: number): Promise<void>;
  /** Hex digest of a file for the server's algorithm name, or undefined if unsupported. */
  hashFile(path: string, algorithm: string): Promise<string | undefined>;
}

/** Internal per-item bookkeeping that is persisted beside the public item. */
export interface ItemMeta {
  /** Whether any attempt has started, so a `.part` or remote partial is ours to resume. */
  hasStarted: boolean;
  /** Consecutive failures since the last progress or manual retry. */
  failuresInRow: number;
  /** Whether the file-exists decision has already been taken for this item. */
  isExistsResolved: boolean;
  /**
   * The download's own partial-file suffix when the queue's (`.part`) would give a name the same
   * listing holds (`x` beside `x.part`), so the two files cannot write over each other.
   */
  partSuffix?: string;
}

/** What is written to disk: items in queue order plus their bookkeeping; never credentials. */
export interface PersistedQueue {
  version: 1;
  items: Array<{ item: TransferItem; meta: ItemMeta }>;
}

/** Saves and loads the queue file. */
export interface QueueStore {
  /** Loads the saved queue, or undefined when there is none. */
  load(): Promise<PersistedQueue | undefined>;
  /** Replaces the saved queue atomically. */
  save(data: PersistedQueue): Promise<void>;
}

/** Facts about one side of a file-exists conflict. */
export interface ExistsSide {
  path: string;
  sizeBytes?: number;
  modifiedMs?: number;
}

/** A question for the UI or CLI: the target of `item` already exists. */
export interface ExistsQuestion {
  item: TransferItem;
  source: ExistsSide;
  target: ExistsSide;
}

/** The answer: what to do, and whether to do the same for every later conflict of this run. */
export interface ExistsAnswer {
  action: Exclude<FileExistsPolicy, 'ask'>;
  applyToAll?: boolean;
}

/** Answers file-exists questions for the `ask` policy. */
export type ExistsResolver = (question: ExistsQuestion) => Promise<ExistsAnswer>;

/** Capped exponential backoff settings. */
export interface RetryPolicy {
  /** Retries after the first failure of a run of failures (0 = never retry). */
  maxRetries: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

/** Bytes per second per direction; 0 or absent means unlimited. */
export interface SpeedLimits {
  downloadBps?: number;
  uploadBps?: number;
}

// Totals and batched changes are what the window receives, so they are the contract's own types.
import type { QueueChange } from '../../shared/queue';
export type { QueueChange, QueueTotals } from '../../shared/queue';

/** A human-readable line about what the queue did (resume offsets, retries, refusals). */
export interface QueueLogLine {
  timeMs: number;
  itemId?: string;
  level: 'info' | 'warn' | 'error';
  text: string;
}

/** Events the queue emits. */
export interface QueueEvents {
  changed: [QueueChange];
  log: [QueueLogLine];
  /** Emitted when nothing is queued, connecting or transferring any more. */
  idle: [];
  /** Every state change as it happens, unbatched (for the CLI and tests; not meant for IPC). */
  transition: [{ id: string; from: TransferState; to: TransferState }];
}

/** A file to queue. */
export interface AddFileRequest {
  direction: TransferDirection;
  siteId: string;
  localPath: string;
  remotePath: string;
  sizeBytes?: number;
  modifiedMs?: number;
  onExists?: FileExistsPolicy;
  /** A download's partial-file suffix when the queue's would clash with a listed name (ItemMeta.partSuffix). */
  partSuffix?: string;
  /** The transfer type; absent: the queue's rule decides by the file's name. */
  transferType?: 'ascii' | 'binary';
}

/** A file or folder to delete, on the server or here (a sync's orphan). */
export interface AddDeleteRequest {
  siteId: string;
  side: 'local' | 'remote';
  /** The local path (the one deleted when `side` is local; shown beside the other otherwise). */
  localPath: string;
  /** The remote path (the one deleted when `side` is remote). */
  remotePath: string;
  isFolder: boolean;
}

/** A folder to queue recursively. */
export interface AddFolderRequest {
  direction: TransferDirection;
  siteId: string;
  localDir: string;
  remoteDir: string;
  onExists?: FileExistsPolicy;
  /**
   * For a download: the server's clock minus this computer's, taken off the listed times, so
   * the copies get their originals' times as this computer counts them.
   */
  clockOffsetMs?: number;
  /** The transfer type of every file; absent: the queue's rule decides by each file's name. */
  transferType?: 'ascii' | 'binary';
}

/** What a folder expansion did, including names it refused to write. */
export interface ExpandReport {
  addedIds: string[];
  folderCount: number;
  refused: Array<{ path: string; reason: string }>;
  skippedLinks: string[];
}
