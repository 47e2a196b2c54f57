/**
 * Plain data of the transfer queue as it crosses the contract: batched changes with
 * totals, and the file-exists question the user answers.
 * Must not import node:*, the DOM or React.
 */
import type { FileExistsPolicy, TransferItem } from './domain';

/** Totals over unfinished items, plus counts for the Queued / Failed / Successful tabs. */
export interface QueueTotals {
  queuedCount: number;
  activeCount: number;
  doneCount: number;
  failedCount: number;
  cancelledCount: number;
  pausedCount: number;
  totalBytes: number;
  transferredBytes: number;
  /** Bytes per second of the whole queue while it transfers. */
  speedBps: number;
  /** Time until the running and queued transfers are done. */
  eta: QueueEta;
}

/** The queue's time left. */
export type QueueEta =
  /** Nothing is transferring. */
  | { kind: 'none' }
  /** Transfers run, but too little has been seen for a number that would hold. */
  | { kind: 'estimating' }
  /** About this many seconds (at least 1). */
  | { kind: 'known'; seconds: number };

/** Totals of an empty queue. */
export const EMPTY_QUEUE_TOTALS: Readonly<QueueTotals> = {
  queuedCount: 0,
  activeCount: 0,
  doneCount: 0,
  failedCount: 0,
  cancelledCount: 0,
  pausedCount: 0,
  totalBytes: 0,
  transferredBytes: 0,
  speedBps: 0,
  eta: { kind: 'none' },
};

/** A batch of changed items, removed ids, and the new totals. */
export interface QueueChange {
  items: TransferItem[];
  removedIds: string[];
  totals: QueueTotals;
}

/** The whole queue, its settings and its waiting questions, for a window that just opened. */
export interface QueueSnapshot {
  items: TransferItem[];
  totals: QueueTotals;
  questions: ExistsQuestionInfo[];
  settings: QueueSettings;
  /** The window that asked for the snapshot, as questions name their owner. */
  clientId: string;
}

/** The queue's settings as the window shows and changes them (kept across restarts). */
export interface QueueSettings {
  /** What happens when a target exists, for transfers without their own policy (`ask`: the dialog). */
  onExists: FileExistsPolicy;
  /** Bytes per second over all downloads; 0: no limit. */
  downloadLimitBps: number;
  /** Bytes per second over all uploads; 0: no limit. */
  uploadLimitBps: number;
  /** Transfers at once per server (1..10), for sites without their own limit. */
  defaultSiteLimit: number;
}

/** One side of a file-exists conflict. */
export interface ExistsSideInfo {
  path: string;
  sizeBytes?: number;
  modifiedMs?: number;
}

/** The target of a transfer exists: what should happen? */
export interface ExistsQuestionInfo {
  questionId: string;
  item: TransferItem;
  source: ExistsSideInfo;
  target: ExistsSideInfo;
  /**
   * The window that queued the transfer: it asks with a dialog, the others in the queue's row.
   * Absent when that window is gone (or the item was queued before a restart): every window asks with a dialog.
   */
  ownerClientId?: string;
}

/** What to do about an existing target (every policy but `ask`). */
export type ExistsAction = Exclude<FileExistsPolicy, 'ask'>;

/** What queuing from the panes did. */
export interface EnqueueReport {
  addedCount: number;
  folderCount: number;
  refused: { path: string; reason: string }[];
}
