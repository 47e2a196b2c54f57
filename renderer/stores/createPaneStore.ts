/**
 * A file pane's state (local now, remote with the same shape later): the folder shown,
 * its entries, sort order, loading and error. Listing goes through a `source`, never
 * through the API directly from a component.
 */
import { create, type StoreApi, type UseBoundStore } from 'zustand';
import type { ErrorInfo, FileEntry } from '../../shared/domain';
import type { Result } from '../../shared/result';
import { nextSortOrder, sortEntries, type SortKey, type SortOrder } from '../lib/sortEntries';
import { joinPath } from '../lib/paths';

/** A listing as a pane needs it. */
export interface PaneListing {
  path: string;
  parent: string | null;
  entries: FileEntry[];
}

/** Where a pane gets its listings from. */
export interface PaneSource {
  list(path: string | undefined): Promise<Result<PaneListing>>;
}

/** State and actions of one pane. */
export interface PaneState {
  path: string;
  parent: string | null;
  /** Entries in display order (already sorted). */
  entries: FileEntry[];
  sort: SortOrder;
  loading: boolean;
  error: ErrorInfo | null;
  /** The path that failed to load, so the path bar can show what was asked. */
  failedPath: string | null;
  navigate(path?: string): Promise<void>;
  open(entry: FileEntry): Promise<void>;
  up(): Promise<void>;
  refresh(): Promise<void>;
  setSort(key: SortKey): void;
  /** Forgets the folder and entries (e.g. after disconnecting). */
  reset(): void;
}

/** A pane store hook. */
export type PaneStore = UseBoundStore<StoreApi<PaneState>>;

/** Creates a pane store over a listing source. */
export function createPaneStore(source: PaneSource): PaneStore {
  let requestSeq = 0;
  const empty = { path: '', parent: null, entries: [], loading: false, error: null, failedPath: null };
  return create<PaneState>()((set, get) => ({
    ...empty,
    sort: { key: 'name', direction: 'asc' },
    async navigate(path) {
      const seq = ++requestSeq;
      set({ loading: true });
      const result = await source.list(path);
      // A slower earlier request must not overwrite a newer one's answer.
      if (seq !== requestSeq) return;
      if (result.ok) {
        const { path: shown, parent, entries } = result.value;
        set({ path: shown, parent, entries: sortEntries(entries, get().sort), loading: false, error: null, failedPath: null });
      } else {
        // Keep showing the last good folder: the user sees what failed and where they are.
        set({ loading: false, error: result.error, failedPath: path ?? null });
      }
    },
    async open(entry) {
      if (entry.type === 'dir' || (entry.type === 'link' && entry.targetType === 'dir')) {
        await get().navigate(joinPath(get().path, entry.name));
      }
    },
    async up() {
      const { parent } = get();
      if (parent !== null) await get().navigate(parent);
    },
    async refresh() {
      await get().navigate(get().path || undefined);
    },
    reset() {
      requestSeq++;
      set(empty);
    },
    setSort(key) {
      const sort = nextSortOrder(get().sort, key);
      set({ sort, entries: sortEntries(get().entries, sort) });
    },
  }));
}
