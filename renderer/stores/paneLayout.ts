/**
 * How each file pane is laid out, remembered in the window's localStorage: the widths of its
 * list columns and whether it shows its folder tree. (The tree/list splitter remembers its
 * own size.)
 */
import { create } from 'zustand';
import type { PaneId } from '../lib/paneId';
import { clampWidth, sanitizeWidths, type ColumnWidths } from '../lib/columnWidths';
import type { SortKey } from '../lib/sortEntries';

const KEY = 'ferry.paneLayout';

/** The remembered part of the layout. */
interface SavedLayout {
  columns: Record<PaneId, ColumnWidths>;
  isTreeShown: Record<PaneId, boolean>;
}

/** Layout of both panes and the changes to it. */
export interface PaneLayoutState extends SavedLayout {
  setColumnWidth(paneId: PaneId, key: SortKey, width: number): void;
  toggleTree(paneId: PaneId): void;
}

function load(): SavedLayout {
  let saved: Partial<Record<keyof SavedLayout, Partial<Record<PaneId, unknown>>>> = {};
  try {
    saved = JSON.parse(localStorage.getItem(KEY) ?? '{}') ?? {};
  } catch {
    // A damaged preference falls back to the defaults.
  }
  return {
    columns: { local: sanitizeWidths(saved.columns?.local), remote: sanitizeWidths(saved.columns?.remote) },
    // The tree is off until the user asks for it.
    isTreeShown: { local: saved.isTreeShown?.local === true, remote: saved.isTreeShown?.remote === true },
  };
}

function save({ columns, isTreeShown }: SavedLayout): void {
  try {
    localStorage.setItem(KEY, JSON.stringify({ columns, isTreeShown }));
  } catch {
    // A layout preference is not worth an error.
  }
}

/** The pane layout store. */
export const usePaneLayout = create<PaneLayoutState>()((set, get) => ({
  ...load(),
  setColumnWidth(paneId, key, width) {
    const { columns } = get();
    set({ columns: { ...columns, [paneId]: { ...columns[paneId], [key]: clampWidth(width) } } });
    save(get());
  },
  toggleTree(paneId) {
    const { isTreeShown } = get();
    set({ isTreeShown: { ...isTreeShown, [paneId]: !isTreeShown[paneId] } });
    save(get());
  },
}));
