/**
 * The options and results of FtpSession's public methods, apart from the class so that the
 * connect sequence and the transfer code can use them without importing the session.
 * Must not import electron or React.
 */
import type { DataMode, DataStrategy, TlsMode } from '../../shared/domain';
import type { ServerType } from '../../shared/serverType';
import type { FtpLogEvent } from './control/logEvent';

/** How to reach and log in to a server. */
export interface ConnectOptions {
  host: string;
  /** Default 21, or 990 for implicit FTPS. */
  port?: number;
  /** No user means anonymous, with password `anonymous@`. */
  user?: string;
  password?: string;
  /** Sent with ACCT when the server asks for it (332). */
  account?: string;
  /** Default 'none'. */
  tls?: TlsMode;
  /**
   * With `tls: 'explicit-if-available'`: log in even when the server offers no TLS. Without it
   * such a server gets no USER or PASS and connect() rejects with FtpTlsUnavailableError, so the
   * user can be asked first (a refused AUTH TLS may also be an attacker stripping TLS).
   */
  allowPlainLogin?: boolean;
  /** Default 'auto': EPSV → PASV → EPRT → PORT. */
  dataMode?: DataMode;
  /** Use only this strategy. */
  dataStrategy?: DataStrategy;
  /**
   * Try this strategy first (the others of the mode still follow): what worked for the same
   * server before, so a new session does not wait out a strategy that cannot connect again.
   */
  preferredDataStrategy?: DataStrategy;
  /** SHA-256 of a server certificate the user trusts (hex, colons optional, any case). */
  trustedFingerprint?: string;
  /** Accept any certificate. */
  insecure?: boolean;
  /** Connect, reply and data-accept/idle timeout; default 20 s. */
  timeoutMs?: number;
  /** How long a data connection asked for ahead (prepareDataConnection) waits to be used before it is withdrawn; default 2 s. */
  preparedDataTtlMs?: number;
  /**
   * When another transfer follows (DownloadOptions.prepareNext), send its passive mode command
   * right behind the current data command, so its reply is waiting when the transfer ends
   * (default true). A server that answers it out of turn turns it off for the session
   * (FtpSession.isPipeliningRefused); false: what an earlier session learnt about this server.
   */
  pipelining?: boolean;
  /**
   * Send the commands that follow a login behind PASS, so logging in takes two round trips after
   * the greeting (default true). A server that leaves them unanswered is logged into again one
   * command at a time (OpenedSession.isLoginPipeliningRefused); false: what an earlier session learnt.
   */
  pipelinedLogin?: boolean;
  /** The system whose LIST forms to read (ListParseOptions.serverType); Auto when unset. */
  serverType?: ServerType;
  /** Send NOOP after this long idle; 0 or unset = off. */
  keepAliveMs?: number;
  /** Label of this connection in log events. */
  connectionId?: string;
  /**
   * Character set of names in commands, replies and listings: `auto` (the default) is UTF-8 when
   * the server announces it or while its names are valid UTF-8, else ISO-8859-1 (charset.ts).
   */
  encoding?: 'auto' | 'utf8' | 'latin1';
  /** Most entries one listing may have (default DEFAULT_MAX_LISTING_ENTRIES, shared/limits.ts). */
  maxListingEntries?: number;
}

/** Hooks for connect(): a log sink that also sees the login, and a signal to cancel connecting. */
export interface SessionHooks {
  onLog?: (event: FtpLogEvent) => void;
  signal?: AbortSignal;
}

/** Options of download(). */
export interface DownloadOptions {
  /** Start at this byte of the remote file (REST). */
  offset?: number;
  type?: 'binary' | 'ascii';
  signal?: AbortSignal;
  /** Called with the number of bytes received so far (before line-ending conversion). */
  onProgress?: (bytes: number) => void;
  /** Another transfer follows on the same connection: ask for its data connection behind this one's command (see FtpSession.prepareDataConnection). */
  prepareNext?: boolean;
}

/** Options of upload(). */
export interface UploadOptions {
  /** Start writing at this byte of the remote file (REST + STOR). */
  offset?: number;
  /** Append to the remote file (APPE). */
  append?: boolean;
  type?: 'binary' | 'ascii';
  signal?: AbortSignal;
  /** Called with the number of bytes sent so far (before line-ending conversion). */
  onProgress?: (bytes: number) => void;
  /** Another transfer follows on the same connection: ask for its data connection behind this one's command (see FtpSession.prepareDataConnection). */
  prepareNext?: boolean;
  /**
   * Set the remote file's modification time to this (ms since the epoch) after the upload, with
   * MFMT when the server offers it. Sent without waiting for its reply, so the next command rides
   * in the same round trip; a refusal is logged, and the upload stands.
   */
  modifiedMs?: number;
}

/** The result of a transfer. */
export interface TransferResult {
  /** Bytes that went through the data connection. */
  bytes: number;
}
