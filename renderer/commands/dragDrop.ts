/**
 * Drag and drop between the panes with HTML5 DnD: the dragged rows travel as JSON under a
 * Ferry MIME type, and the source pane is also encoded in a second type, because during
 * `dragover` a page may read the types but not the data.
 */
import type { FileEntry } from '../../shared/domain';
import { transferRequest, type TransferItem } from './transferRequest';
import { enqueueTransfer } from './transfer';
import type { PaneId } from './types';

/** The MIME type carrying a drag's `{pane, folder, items}`. */
export const PANE_ITEMS_MIME = 'application/x-ferry-pane-items';

const FROM_MIME_PREFIX = 'application/x-ferry-from-';

/** What a drag from a pane carries. */
export interface DragPayload {
  pane: PaneId;
  folder: string;
  items: TransferItem[];
}

/** Puts the dragged rows of a pane on the data transfer; false when there is nothing to drag. */
export function writeDrag(dt: DataTransfer, pane: PaneId, folder: string, entries: readonly FileEntry[], join: (name: string) => string): boolean {
  // The direction does not matter here; transferRequest only filters and shapes the items.
  const request = transferRequest(pane, entries, folder, folder);
  if (!request) return false;
  const payload: DragPayload = { pane, folder, items: request.items };
  dt.setData(PANE_ITEMS_MIME, JSON.stringify(payload));
  dt.setData(FROM_MIME_PREFIX + pane, '');
  // Paths as text, for dropping into an editor or terminal.
  dt.setData('text/plain', request.items.map((i) => join(i.name)).join('\n'));
  dt.effectAllowed = 'copy';
  return true;
}

/** The pane a drag comes from, read from its types (usable during dragover), or null for other drags. */
export function dragSourcePane(types: readonly string[]): PaneId | null {
  if (types.includes(FROM_MIME_PREFIX + 'local')) return 'local';
  if (types.includes(FROM_MIME_PREFIX + 'remote')) return 'remote';
  return null;
}

/** The payload of a drop, or null when it is not a well-formed pane drag. */
export function readDrag(dt: DataTransfer): DragPayload | null {
  const text = dt.getData(PANE_ITEMS_MIME);
  if (!text) return null;
  try {
    const value = JSON.parse(text) as Partial<DragPayload>;
    if ((value.pane !== 'local' && value.pane !== 'remote') || typeof value.folder !== 'string' || !Array.isArray(value.items)) return null;
    const items = value.items.filter((i): i is TransferItem => typeof i?.name === 'string' && typeof i.isFolder === 'boolean');
    return { pane: value.pane, folder: value.folder, items };
  } catch {
    return null;
  }
}

/** Queues the transfer for a drop of `payload` on pane `target` into `toFolder`; false when it makes no transfer. */
export function dropOnPane(target: PaneId, payload: DragPayload, toFolder: string, isConnected: boolean): boolean {
  if (payload.pane === target || !isConnected || payload.items.length === 0 || !toFolder) return false;
  enqueueTransfer({ direction: payload.pane === 'local' ? 'upload' : 'download', items: payload.items, fromFolder: payload.folder, toFolder });
  return true;
}
