/**
 * The window's Synchronize as it crosses the contract: the settings a preview is asked with,
 * what the server offers for it, the plan it returns, and how a run that goes through the
 * transfer queue is doing. Plain data; the plan itself is shared/sync.ts's SyncPlan.
 * Must not import node:*, the DOM or React.
 */
import type { AppliedClock } from './serverClock';
import type { SyncAction, SyncDirection, SyncPlan } from './sync';

/** How the two folders are compared: size and time, or content by checksum. */
export type SyncMethod = 'size-time' | 'checksum';

/** What the user chose in the dialog. */
export interface SyncSettings {
  direction: SyncDirection;
  method: SyncMethod;
  /** Remove what the source side does not have; off unless the user turns it on. */
  deleteOrphans: boolean;
  /** Glob patterns of what to compare (files only; empty: everything). */
  include: string[];
  /** Glob patterns left out, as `ferry sync --exclude` takes them. */
  exclude: string[];
  /** Whether links to folders in the local folder are followed. */
  followLocalLinks: boolean;
}

/** The settings a dialog opens with the first time. */
export const DEFAULT_SYNC_SETTINGS: Readonly<SyncSettings> = {
  direction: 'upload',
  method: 'size-time',
  deleteOrphans: false,
  include: [],
  exclude: [],
  followLocalLinks: false,
};

/** Whether a step can be ticked: every step but a conflict that ticking would not resolve (a file against a folder). */
export function isTickable(a: SyncAction): boolean {
  return a.kind !== 'conflict' || a.resolution !== undefined;
}

/** What the server of a browsing session offers a sync, for the dialog to say before a preview. */
export interface SyncServerInfo {
  /** The server's checksum algorithm; absent when it offers none (a checksum compare then uses size). */
  checksumAlgorithm?: string;
  /** The server's clock offset the compare allows for, and where it comes from. */
  clock: AppliedClock;
  /** Connections a preview lists the server with at most (the site's limit). */
  connections: number;
}

/** Something the compare left out, and why (a link not followed, a refused name). */
export interface SkippedEntry {
  side: 'local' | 'remote';
  relPath: string;
  reason: string;
}

/** A plan for two folders; the main process keeps it under `previewId` until it runs or is replaced. */
export interface SyncPreview {
  previewId: string;
  localDir: string;
  remoteDir: string;
  settings: SyncSettings;
  plan: SyncPlan;
  skipped: SkippedEntry[];
  /** The checksum algorithm the compare used; absent when none was used or the server offers none. */
  checksumAlgorithm?: string;
  /** The server's clock offset the compare allowed for. */
  clock: AppliedClock;
  /** Paths compared (present on either side). */
  comparedCount: number;
  timings: { listMs: number; checksumMs: number; compareMs: number };
}

/** What a run put in motion. */
export interface SyncRunStart {
  runId: string;
  folderCount: number;
  copyCount: number;
  deleteCount: number;
  /** Conflicts not ticked: left as they are, and reported at the end. */
  conflictsLeft: number;
}

/** Where a run is. */
export type SyncRunPhase =
  /** Making the folders the plan needs, before any copy. */
  | 'folders'
  /** Copies queued; waiting until each has finished. */
  | 'copying'
  /** Deletions queued, once every copy succeeded; waiting for them. */
  | 'deleting'
  /** Comparing the pair again to keep its state for the next "both" sync. */
  | 'checking'
  /** Over; `outcome` says how. */
  | 'ended';

/** How a run ended. */
export type SyncOutcome =
  /** Every ticked step done, nothing left. */
  | 'done'
  /** Every ticked step done; conflicts were left as they are. */
  | 'conflicts'
  /** Some step failed or was cancelled (deletions then wait for the next sync). */
  | 'failed';

/** A run's progress as the window shows it in the status bar and the log. */
export interface SyncRunStatus {
  runId: string;
  phase: SyncRunPhase;
  localDir: string;
  remoteDir: string;
  /** The state in words. */
  text: string;
  /** Set when the phase is `ended`. */
  outcome?: SyncOutcome;
}
