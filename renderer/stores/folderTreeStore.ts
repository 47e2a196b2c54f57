/**
 * The folder tree beside a pane's list: which folders are known (from every listing the pane
 * shows, and from expanding a node, which lists that folder) and which are expanded. It
 * follows the pane: the folder shown and the folders above it are always expanded.
 */
import { create, type StoreApi, type UseBoundStore } from 'zustand';
import type { FileEntry } from '../../shared/domain';
import { ancestorsOf, recordFolders, type FolderTree, type TreeFolder } from '../lib/folderTree';
import { isFolderLike } from '../lib/sortEntries';
import type { PaneStore } from './createPaneStore';

/** State and actions of a pane's folder tree. */
export interface FolderTreeState {
  tree: FolderTree;
  expanded: ReadonlySet<string>;
  /** Folders being listed because the user expanded them. */
  loading: ReadonlySet<string>;
  /** Shows a folder's sub-folders, listing the folder first when the tree does not know them yet. */
  expand(path: string): Promise<void>;
  collapse(path: string): void;
}

/** A folder tree store hook. */
export type FolderTreeStore = UseBoundStore<StoreApi<FolderTreeState>>;

function foldersIn(pane: PaneStore, folder: string, entries: readonly FileEntry[]): TreeFolder[] {
  const { childPath } = pane.getState();
  return entries.filter(isFolderLike).map((e) => ({ path: childPath(folder, e.name), name: e.displayName ?? e.name }));
}

/** Creates the tree store of the pane behind `pane`, kept in step with what that pane shows. */
export function createFolderTreeStore(pane: PaneStore): FolderTreeStore {
  const store = create<FolderTreeState>()((set, get) => ({
    tree: new Map(),
    expanded: new Set(),
    loading: new Set(),
    async expand(path) {
      set({ expanded: new Set(get().expanded).add(path) });
      if (get().tree.has(path) || get().loading.has(path)) return;
      set({ loading: new Set(get().loading).add(path) });
      const result = await pane.getState().listFolder(path);
      const loading = new Set(get().loading);
      loading.delete(path);
      if (result.ok) {
        set({ loading, tree: recordFolders(get().tree, result.value.path, foldersIn(pane, result.value.path, result.value.entries)) });
      } else {
        // An unreadable folder shows no sub-folders; the pane says why.
        set({ loading, tree: recordFolders(get().tree, path, []) });
        pane.getState().showError({ action: `List "${path}"`, error: result.error });
      }
    },
    collapse(path) {
      const expanded = new Set(get().expanded);
      expanded.delete(path);
      set({ expanded });
    },
  }));

  pane.subscribe((state, previous) => {
    if (state.path === previous.path && state.entries === previous.entries) return;
    if (!state.path) {
      // Disconnected: the next server has another tree.
      store.setState({ tree: new Map(), expanded: new Set(), loading: new Set() });
      return;
    }
    const expanded = new Set(store.getState().expanded);
    for (const folder of ancestorsOf(state.path)) expanded.add(folder);
    store.setState({ expanded, tree: recordFolders(store.getState().tree, state.path, foldersIn(pane, state.path, state.entries)) });
  });
  return store;
}
