/**
 * An entry: a queue item together with what only the queue may see (its meta, the run in
 * progress, the retry timer). Items leave the queue as copies, so callers cannot change its state.
 */
import { randomUUID } from 'node:crypto';
import type { TransferItem } from '../../shared/domain';
import { ACTIVE_STATES } from './queueTotals';
import type { SpeedMeter } from './SpeedMeter';
import type { AddDeleteRequest, AddFileRequest, AddFolderRequest, ItemMeta, PersistedQueue } from './types';

/** One attempt at an item, from its start until it settles. */
export interface Run {
  controller: AbortController;
  /** Set when the user (or shutdown) stopped the run, so its error is not a failure. */
  stopIntent?: 'pause' | 'cancel' | 'remove' | 'shutdown';
  deletePartial?: boolean;
  meter: SpeedMeter;
  /** Set once the run handed its session to the site's next item (ItemRunner.handOff): its connection no longer counts against the limits. */
  isConnectionFree?: boolean;
}

export interface Entry {
  item: TransferItem;
  meta: ItemMeta & { refusedReason?: string };
  run?: Run;
  retryTimer?: ReturnType<typeof setTimeout>;
  /** Whether the last failure already got the one free retry for a dead pooled session. */
  hasRetriedStale?: boolean;
}

/** The item as plain data the caller may keep or change. */
export function publicCopy(item: TransferItem): TransferItem {
  return { ...item, lastError: item.lastError && { ...item.lastError } };
}

/** A queued entry for one file to transfer. */
export function newFileEntry(r: AddFileRequest, now: () => number): Entry {
  const item: TransferItem = {
    id: randomUUID(),
    direction: r.direction,
    localPath: r.localPath,
    remotePath: r.remotePath,
    siteId: r.siteId,
    sizeBytes: r.sizeBytes,
    modifiedMs: r.modifiedMs,
    onExists: r.onExists,
    ...(r.transferType === 'ascii' ? { transferType: 'ascii' as const } : {}),
    transferredBytes: 0,
    state: 'queued',
    attempts: 0,
    createdMs: now(),
  };
  return { item, meta: { hasStarted: false, failuresInRow: 0, isExistsResolved: false, ...(r.partSuffix ? { partSuffix: r.partSuffix } : {}) } };
}

/** A queued entry that deletes a file or folder on one side. */
export function newDeleteEntry(r: AddDeleteRequest, now: () => number): Entry {
  const item: TransferItem = {
    id: randomUUID(),
    // The direction whose target side is the one deleted: the server's for an upload.
    direction: r.side === 'remote' ? 'upload' : 'download',
    deleteSide: r.side,
    isFolder: r.isFolder,
    localPath: r.localPath,
    remotePath: r.remotePath,
    siteId: r.siteId,
    transferredBytes: 0,
    state: 'queued',
    attempts: 0,
    createdMs: now(),
  };
  return { item, meta: { hasStarted: false, failuresInRow: 0, isExistsResolved: true } };
}

/**
 * A failed entry standing for a server name that would escape the target, or for a folder that
 * could not be listed in full (`incomplete-listing`: unreadable, or cut short by the server), saying why.
 */
export function refusedEntry(
  request: AddFolderRequest,
  remotePath: string,
  reason: string,
  now: () => number,
  kind: 'unsafe-name' | 'incomplete-listing' = 'unsafe-name',
): Entry {
  const item: TransferItem = {
    id: randomUUID(),
    direction: request.direction,
    localPath: request.localDir,
    remotePath,
    siteId: request.siteId,
    transferredBytes: 0,
    state: 'failed',
    attempts: 0,
    createdMs: now(),
    finishedMs: now(),
    lastError: kind === 'unsafe-name' ? { kind, message: `refused remote name: ${reason}` } : { kind, message: reason },
  };
  return { item, meta: { hasStarted: false, failuresInRow: 0, isExistsResolved: true, refusedReason: reason } };
}

/** The item without the values that only mean something while it runs. */
function withoutLiveValues(item: TransferItem): TransferItem {
  return { ...item, speedBps: undefined, etaSeconds: undefined, nextRetryMs: undefined };
}

/** What the store keeps of the entries, in queue order. */
export function snapshotOf(entries: readonly Entry[]): PersistedQueue {
  return {
    version: 1,
    items: entries.map((e) => ({ item: withoutLiveValues(publicCopy(e.item)), meta: { ...e.meta } })),
  };
}

/** A saved item as it re-enters the queue. */
export function restoredItem(item: TransferItem): TransferItem {
  const restored = withoutLiveValues(item);
  // A transfer interrupted by a crash or quit goes back to the queue; its partial is kept.
  if (ACTIVE_STATES.has(restored.state)) restored.state = 'queued';
  return restored;
}
