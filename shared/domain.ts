/**
 * Domain types shared by the main process and the renderer: plain data only
 * (numbers for times and sizes, no classes), so they cross IPC and WebSocket unchanged.
 * Must not import node:*, the DOM or React.
 */

import type { ServerType } from './serverType';
import type { DetectedClock } from './serverClock';

/** How precisely a modification time is known: MLSD, MDTM and local files to the second, LIST to the minute or the day. */
export type TimePrecision = 'second' | 'minute' | 'day';

/** What kind of thing a directory entry is. */
export type EntryType = 'file' | 'dir' | 'link' | 'other';

/** One entry of a local or remote directory listing. */
export interface FileEntry {
  /** The name as the server has it; commands about the entry use exactly this. */
  name: string;
  /**
   * The name for people to read, when it differs: the server's octets are UTF-8 but the session
   * reads names as ISO-8859-1 (a server whose other names are not UTF-8), or the listing names an
   * entry by an id and gives a readable name beside it (a JES job: `MYJOB.JOB12345`).
   */
  displayName?: string;
  type: EntryType;
  /** Size in bytes when known (folders and some listings have none). */
  sizeBytes?: number;
  /** Last modification, milliseconds since the epoch, when known. */
  modifiedMs?: number;
  /** How precisely modifiedMs is known when not to the second: LIST lines show minutes, or only the day for older files. */
  timePrecision?: TimePrecision;
  /** Symbolic permissions such as `rwxr-xr-x` (Unix listings, local POSIX files). */
  permissions?: string;
  owner?: string;
  group?: string;
  /** Target of a symbolic link when the listing reveals it. */
  linkTarget?: string;
  /** For links: what the target is, when it could be resolved. */
  targetType?: EntryType;
  /** Hidden by convention (dot files, or the OS hidden flag). */
  isHidden?: boolean;
}

/** A local directory listing. */
export interface LocalListing {
  path: string;
  parent: string | null;
  entries: FileEntry[];
}

/** A remote directory listing. */
export interface RemoteListing {
  sessionId: string;
  path: string;
  parent: string | null;
  entries: FileEntry[];
}

/** The protocol a connection speaks: FTP (with or without TLS, see TlsMode) or SFTP over SSH. */
export type Protocol = 'ftp' | 'sftp';

/** How to reach and log in to a server, as the user typed it or a site holds it. */
export interface ConnectParams {
  /** FTP when absent. */
  protocol?: Protocol;
  host: string;
  port?: number;
  /** No user means anonymous. */
  user?: string;
  password?: string;
  tls: TlsMode;
  dataMode: DataMode;
  /** SHA-256 fingerprint of a certificate the user trusts. */
  trustedFingerprint?: string;
  /** Trust that certificate for this server from now on, not only for this run (quick connect; a saved site keeps its own). */
  trustAlways?: boolean;
  /** The saved site this connection is for, if any. */
  siteId?: string;
  /** How names and replies are encoded; Auto when absent (UTF-8 unless the server's names are not). */
  encoding?: 'utf8' | 'latin1';
  /** The system whose listing forms to read; Auto (detected from the lines) when absent. */
  serverType?: ServerType;
  /**
   * The user's answer when "TLS if available" found no TLS: go on without it for this run
   * (`once`) or from now on (`always`). Without an answer such a server gets no password.
   */
  allowPlain?: PlainAnswer;
  /** SFTP: the private key file to log in with. */
  keyFile?: string;
  /** SFTP: the passphrase of that key, typed or saved for this connection. */
  passphrase?: string;
  /** SFTP: offer the keys of the SSH agent (SSH_AUTH_SOCK, or Pageant on Windows). */
  useAgent?: boolean;
  /** SFTP: the host key fingerprint (`SHA256:…`) the user chose to trust; `trustAlways` keeps it in Ferry's known hosts. */
  trustedHostKey?: string;
}

/** Going on without TLS with a server that offers none: for this run, or always. */
export type PlainAnswer = 'once' | 'always';

/** A connected browsing session, as the window shows it. */
export interface RemoteSessionInfo {
  sessionId: string;
  host: string;
  port: number;
  user: string;
  /** The folder the server put us in after login. */
  homePath: string;
  isSecure: boolean;
  certificate?: CertificateDetails;
  system?: string;
  /** FTP when absent. */
  protocol?: Protocol;
  /** SFTP: the host key the server proved it holds. */
  hostKey?: HostKeyDetails;
}

/** How the control connection is secured. */
export type TlsMode = 'none' | 'explicit-if-available' | 'explicit' | 'implicit';

/** Which side opens data connections. */
export type DataMode = 'auto' | 'passive' | 'active';

/** A concrete data-connection strategy. */
export type DataStrategy = 'EPSV' | 'PASV' | 'EPRT' | 'PORT';

/** Direction of a log line. */
export type LogKind = 'command' | 'reply' | 'status' | 'error';

/** One line of the message log. */
export interface LogEntry {
  /** Increasing sequence number, unique within a process run. */
  seq: number;
  timeMs: number;
  /** Which connection said it (e.g. `browse-1`, `transfer-3`): an id, unique per run. */
  connectionId: string;
  /** The connection as a user reads it: the server and what it does (`ftp.example.com · browsing`). */
  connectionLabel?: string;
  kind: LogKind;
  text: string;
  /** The reply code, for replies. */
  code?: number;
  /** A short plain-language explanation of lines that matter (fallbacks, 425, 530, ...). */
  hint?: string;
  /** A negative reply that was expected and harmless (a probe, an optional setting): shown as information. */
  isExpected?: boolean;
  /** The queue item a line is about, so the log can link to its row. */
  itemId?: string;
}

/** Direction of a transfer. */
export type TransferDirection = 'download' | 'upload';

/** States of a queued transfer. */
export type TransferState = 'queued' | 'connecting' | 'transferring' | 'paused' | 'done' | 'failed' | 'cancelled';

/** An error as shown to a user: what kind, what the server said, and which command provoked it. */
export interface ErrorInfo {
  kind: string;
  message: string;
  ftpCode?: number;
  command?: string;
  /** For an untrusted TLS certificate: its details, so the user can decide to trust it. */
  certificate?: CertificateDetails;
  /** For rejected input: every bad field, so a form can mark each one. */
  issues?: { field: string; message: string }[];
  /** For an SSH host key Ferry does not know, or one that changed: its details, so the user can decide. */
  hostKey?: HostKeyDetails;
}

/** What a user needs to decide whether to trust a server's SSH host key. */
export interface HostKeyDetails {
  host: string;
  port: number;
  /** The key's type as OpenSSH names it (`ssh-ed25519`, `ecdsa-sha2-nistp256`, `rsa-sha2-512`). */
  type: string;
  /** `SHA256:` and the unpadded base64 of the key's SHA-256, as `ssh-keygen -lf` prints it. */
  fingerprint: string;
  /** For a key that changed: the key known before for this server, the file and line that hold it, and the command that removes it. */
  previous?: { type: string; fingerprint: string; source: string; removeCommand: string };
}

/** What a user needs to decide whether to trust a server certificate. */
export interface CertificateDetails {
  /** SHA-256 of the DER certificate, upper-case hex with colons. */
  fingerprint256: string;
  subject: string;
  issuer: string;
  validTo: string;
  /** Validity, ms since the epoch, shown in the user's locale. */
  validFromMs?: number;
  validToMs?: number;
  /** The names the certificate is for (`DNS:ftp.example.com`, `IP Address:192.0.2.1`). */
  altNames?: string[];
  /** The public key, e.g. `RSA 2048 bits` or `EC P-256`. */
  keyType?: string;
  /** Whether the certificate names the host the user connected to. */
  isHostMatch?: boolean;
}

/** One item of the transfer queue. */
export interface TransferItem {
  id: string;
  direction: TransferDirection;
  localPath: string;
  remotePath: string;
  siteId: string;
  sizeBytes?: number;
  transferredBytes: number;
  state: TransferState;
  attempts: number;
  lastError?: ErrorInfo;
  /** Bytes per second, moving average, while transferring. */
  speedBps?: number;
  /** Seconds left, while transferring and the size is known. */
  etaSeconds?: number;
  createdMs: number;
  startedMs?: number;
  finishedMs?: number;
  /** What to do when the target already exists; absent means the queue's policy. */
  onExists?: FileExistsPolicy;
  /** Set when the file-exists policy skipped this item (its state is then `done`). */
  isSkipped?: boolean;
  /** When a failed attempt will be retried, milliseconds since the epoch. */
  nextRetryMs?: number;
  /** Source file's modification time when known (drives the `newer` policy). */
  modifiedMs?: number;
  /** TYPE A (line endings converted) or TYPE I, decided when queued; absent: binary. */
  transferType?: 'ascii' | 'binary';
  /**
   * Set on an item that deletes instead of copying (a sync's orphans): which side's path it
   * removes. Its direction is the one whose target side that is (upload: the server).
   */
  deleteSide?: 'local' | 'remote';
  /** For a deletion: the path is a folder, removed with everything in it. */
  isFolder?: boolean;
}

/** What to do when a transfer's target already exists (FileZilla's choices, plus `ask`). */
export type FileExistsPolicy = 'ask' | 'overwrite' | 'newer' | 'size-differs' | 'resume' | 'rename' | 'skip';

/**
 * Logon types, as FileZilla names them: `key` (a private key file), `agent` (the SSH agent's
 * keys) and `interactive` (the server's own questions, answered by the user) are SFTP's alone.
 */
export type LogonType = 'anonymous' | 'normal' | 'ask' | 'key' | 'agent' | 'interactive';

/** A saved site (bookmark). The password is never part of it: secrets live in the secret store. */
export interface Site {
  id: string;
  name: string;
  /** Folder path in the Site Manager tree, e.g. `Work/Clients`; empty for the top level. */
  folder: string;
  /** FTP when absent; `tls`, `dataMode`, `charset` and `serverType` are FTP's alone. */
  protocol?: Protocol;
  host: string;
  port?: number;
  tls: TlsMode;
  logonType: LogonType;
  user?: string;
  /** SFTP with logon type `key`: the private key file. */
  keyFile?: string;
  dataMode: DataMode;
  charset: 'auto' | 'utf8' | string;
  /** The system whose listing forms to read; Auto (detected from the lines) when absent. */
  serverType?: ServerType;
  localDir?: string;
  remoteDir?: string;
  /** Synchronized browsing from the start: the two default folders correspond (FileZilla's <SyncBrowsing>). */
  syncBrowsing?: boolean;
  maxConnections?: number;
  comments?: string;
  /** SHA-256 fingerprint of a certificate the user chose to trust always. */
  trustedFingerprint?: string;
  /** The server's clock offset the user set (server minus local, ms; 0 is "none"): wins over the detected one. */
  clockOverrideMs?: number;
  /** The server's clock offset Ferry detected from files it uploaded, and when; kept by the store, not edited. */
  clockDetected?: DetectedClock;
  /** Whether the site's secret is stored in the secret store: its password, or its key's passphrase for logon type `key`. */
  hasPassword?: boolean;
}
