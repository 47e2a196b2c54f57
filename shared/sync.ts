/**
 * Comparing a local and a remote folder, and the plan of a sync between them: plain data
 * shared by the main process (which computes them) and the window and command line (which
 * show them).
 */

import type { TimePrecision } from './domain';

export type { TimePrecision } from './domain';

/** One side of a compared entry. */
export interface SyncSide {
  kind: 'file' | 'folder';
  sizeBytes?: number;
  modifiedMs?: number;
  /** Absent when unknown: treated as to-the-second. */
  timePrecision?: TimePrecision;
  /** Lower-case hex digest, when the checksum comparison produced one. */
  checksum?: string;
}

/** An entry of a tree to compare, by its path relative to the compared folder ('/'-separated). */
export interface SyncEntry extends SyncSide {
  relPath: string;
}

/**
 * What a compared pair is. One verdict per pair, with the reason in words beside it.
 */
export type Verdict =
  /** Same kind, and every compared property agrees (within the time tolerance). */
  | 'identical'
  /** Only in the local folder. */
  | 'only-local'
  /** Only on the server. */
  | 'only-remote'
  /** The local file was modified later. */
  | 'newer-local'
  /** The server's file was modified later. */
  | 'newer-remote'
  /** Times agree (or are not compared) but the sizes differ. */
  | 'size-differs'
  /** The checksums differ. */
  | 'content-differs'
  /** A file on one side, a folder on the other. */
  | 'type-conflict';

/** What the comparison looks at: size and time, or content by checksum. */
export type CompareBy = 'size' | 'time' | 'checksum';

/** How to compare. */
export interface CompareOptions {
  by: readonly CompareBy[];
  /** Times within this many milliseconds are equal; the coarser side's precision widens it. */
  toleranceMs: number;
  /** The server's clock minus the local clock (added to local times before comparing). */
  clockOffsetMs: number;
}

/** One compared path. */
export interface ComparedPair {
  relPath: string;
  local?: SyncSide;
  remote?: SyncSide;
  verdict: Verdict;
  reason: string;
}

/** Which way a sync copies. */
export type SyncDirection = 'upload' | 'download' | 'both';

/** One step of a sync plan. */
export type SyncActionKind =
  /** Copy a file that the target lacks. */
  | 'upload'
  | 'download'
  /** Replace the target's file. */
  | 'overwrite-remote'
  | 'overwrite-local'
  /** Make a folder the target lacks. */
  | 'mkdir-remote'
  | 'mkdir-local'
  /** Remove what the source no longer has (only when deletions were asked for). */
  | 'delete-remote'
  | 'delete-local'
  /** Ferry will not decide: changed on both sides, a type clash, or the target is newer. */
  | 'conflict';

/** A step of the plan, ticked unless it needs the user's decision. */
export interface SyncAction {
  kind: SyncActionKind;
  relPath: string;
  /** Whether the path is a folder (on the side the step acts from). */
  isFolder: boolean;
  /** Bytes it moves (0 for folders and deletions). */
  bytes: number;
  reason: string;
  isChecked: boolean;
  /** For a conflict: what ticking it would do. */
  resolution?: Exclude<SyncActionKind, 'conflict'>;
}

/** A whole plan and its counts. */
export interface SyncPlan {
  direction: SyncDirection;
  actions: SyncAction[];
  counts: Record<SyncActionKind, number>;
  bytes: number;
}
