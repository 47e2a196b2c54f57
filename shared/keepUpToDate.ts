/**
 * "Keep remote folder up to date" (WinSCP's feature) as it crosses the contract: what a watch
 * is started with, and how it is doing (the window's bar shows it, the event carries it).
 * Plain data. Must not import node:*, the DOM or React.
 */

/** What the user chose in the dialog. */
export interface KeepUpToDateOptions {
  /** Delete on the server what is deleted (or renamed away) here; off unless the user turns it on. */
  deleteOnServer: boolean;
  /** Paths left out, as a sync's exclude patterns (`*.tmp`, `build/`, `docs/**`). */
  exclude: string[];
  /** Upload what differs (and, with deleteOnServer, delete what is only on the server) before watching: WinSCP's "synchronize on start". */
  syncFirst: boolean;
}

/** Where a watch is. */
export type KeepUpToDateState =
  /** Comparing the folders and queuing what differs, before (and while) changes are watched. */
  | 'syncing'
  /** Uploading each change as it settles. */
  | 'watching'
  /** Over; `stop` says why. */
  | 'stopped';

/** Why a watch stopped. */
export type KeepUpToDateStopKind =
  /** The user pressed Stop. */
  | 'user'
  /** The browsing connection it uploads for was closed. */
  | 'disconnected'
  /** The watched local folder was removed or renamed: nothing was deleted on the server. */
  | 'folder-gone'
  /** The system would not watch the folder any more. */
  | 'watch-failed'
  /** Ferry is closing. */
  | 'closing';

/** How a watch is doing. */
export interface KeepUpToDateStatus {
  watchId: string;
  /** The window that started it: only that window shows it, and it stops when that window closes. */
  ownerClientId: string;
  sessionId: string;
  localFolder: string;
  remoteFolder: string;
  options: KeepUpToDateOptions;
  state: KeepUpToDateState;
  /** Changes seen here (files and folders created, changed, renamed, removed). */
  seenCount: number;
  /** Files uploaded to the server since the start. */
  uploadedCount: number;
  /** Files and folders deleted on the server since the start. */
  deletedCount: number;
  /** Uploads and deletions that failed (the queue's Failed tab says why). */
  failedCount: number;
  /** Uploads and deletions queued or running now. */
  pendingCount: number;
  /** What it cannot watch or do, in words, newest last (a few at most). */
  problems: string[];
  /** When it stopped: why, in words and as a kind. */
  stop?: { kind: KeepUpToDateStopKind; message: string };
}
