/** Turns rows of one pane into a transfer request for the queue: direction, items, folders. */
import type { FileEntry } from '../../shared/domain';
import { isFolderLike } from '../lib/sortEntries';
import { PARENT_NAME } from '../lib/paneView';
import type { PaneId } from './types';

/** One thing to transfer, named relative to `fromFolder`. */
export interface TransferItem {
  name: string;
  /** The readable name a remote entry has beside its server name (FileEntry.displayName): the local copy gets it. */
  displayName?: string;
  isFolder: boolean;
  sizeBytes?: number;
  /** Drives the queue's "overwrite if newer" choice. */
  modifiedMs?: number;
}

/** What the queue's `enqueueTransfer` takes. */
export interface TransferRequest {
  direction: 'upload' | 'download';
  items: TransferItem[];
  fromFolder: string;
  toFolder: string;
}

/** The request for moving `entries` of pane `from` (in `fromFolder`) to `toFolder`, or null when nothing can move. */
export function transferRequest(from: PaneId, entries: readonly FileEntry[], fromFolder: string, toFolder: string): TransferRequest | null {
  // Special files (devices, sockets) cannot be transferred; `..` is navigation, not content.
  const items = entries
    .filter((e) => e.name !== PARENT_NAME && e.type !== 'other')
    .map((e) => {
      const item: TransferItem = { name: e.name, isFolder: isFolderLike(e) };
      if (e.displayName !== undefined) item.displayName = e.displayName;
      if (e.sizeBytes !== undefined && !item.isFolder) item.sizeBytes = e.sizeBytes;
      if (e.modifiedMs !== undefined) item.modifiedMs = e.modifiedMs;
      return item;
    });
  if (items.length === 0 || !fromFolder || !toFolder) return null;
  return { direction: from === 'local' ? 'upload' : 'download', items, fromFolder, toFolder };
}
