/**
 * A file pane's state, the same for the local and the remote pane: the folder shown, its
 * sorted entries and the view of them (filter, hidden toggle), the selection, back/forward
 * history, and the file operations with their errors. All I/O goes through a `source`; no
 * component calls the API.
 */
import { create, type StoreApi, type UseBoundStore } from 'zustand';
import type { ErrorInfo, FileEntry } from '../../shared/domain';
import type { Result } from '../../shared/result';
import { isFolderLike, nextSortOrder, sortEntries, type SortKey, type SortOrder } from '../lib/sortEntries';
import { joinPath } from '../lib/paths';
import { buildView, PARENT_NAME, type PaneView } from '../lib/paneView';
import { EMPTY_HISTORY, backTarget, forwardTarget, recordVisit, type History, type HistoryMove } from '../lib/history';
import {
  EMPTY_SELECTION,
  moveTarget,
  pruneSelection,
  selectAll,
  selectRow,
  selectedEntries,
  type SelectMode,
  type Selection,
} from '../lib/selection';

/** A listing as a pane needs it. */
export interface PaneListing {
  path: string;
  parent: string | null;
  entries: FileEntry[];
}

/** Something to delete: its full path, and whether it is a folder to remove with its contents. */
export interface DeleteTarget {
  path: string;
  isFolder: boolean;
}

/** The file operations a pane's side supports. */
export interface PaneOps {
  mkdir(path: string): Promise<Result<void>>;
  rename(from: string, to: string): Promise<Result<void>>;
  remove(targets: DeleteTarget[]): Promise<Result<void>>;
  /** Only servers have it (SITE CHMOD); mode is octal text such as `644`. */
  chmod?(path: string, mode: string): Promise<Result<void>>;
}

/** Where a pane gets its listings from, and how it changes files. */
export interface PaneSource {
  list(path: string | undefined): Promise<Result<PaneListing>>;
  /** Joins a folder and a name the way this side spells paths (default: the folder's own separator). */
  join?(folder: string, name: string): string;
  ops?: PaneOps;
}

/** A failed file operation, shown in the pane until dismissed. */
export interface OperationError {
  /** What was being done, e.g. `Delete "old.txt"`. */
  action: string;
  error: ErrorInfo;
}

/** How a navigation treats history, selection and the cursor. */
export interface NavigateOptions {
  /** Default `push`; Back and Forward move through the stacks instead. */
  move?: HistoryMove;
  /** Put the cursor on this name (e.g. the folder we came up from, or a new folder). */
  focus?: string;
  /** Also select the `focus` row. */
  selectFocus?: boolean;
  /** Keep the selection (a refresh of the same folder). */
  keepSelection?: boolean;
}

/** State and actions of one pane. */
export interface PaneState {
  path: string;
  parent: string | null;
  /** Entries in display order (already sorted), all of them. */
  entries: FileEntry[];
  /** What is shown: `..`, then the entries that pass the filter and hidden toggle. */
  view: PaneView;
  sort: SortOrder;
  showHidden: boolean;
  filter: string;
  /** Files left out of the view by Compare's "hide identical". */
  hiddenNames: ReadonlySet<string>;
  selection: Selection;
  history: History;
  loading: boolean;
  /** An operation in progress, e.g. `Deleting 3 items…`. */
  busy: string | null;
  error: ErrorInfo | null;
  /** The path that failed to load, so the path bar can show what was asked. */
  failedPath: string | null;
  opError: OperationError | null;
  navigate(path?: string, options?: NavigateOptions): Promise<boolean>;
  open(entry: FileEntry): Promise<void>;
  up(): Promise<void>;
  back(): Promise<void>;
  forward(): Promise<void>;
  refresh(): Promise<void>;
  setSort(key: SortKey): void;
  setFilter(filter: string): void;
  setShowHidden(showHidden: boolean): void;
  setHiddenNames(names: ReadonlySet<string>): void;
  /** Click semantics on row `index` of the view. */
  select(index: number, mode?: SelectMode): void;
  /** Puts the keyboard cursor on the first row when there is none, selecting nothing (the list got the focus). */
  placeCursor(): void;
  /** Keyboard cursor move: a row delta or `home`/`end`; `extend` grows the range (Shift). */
  moveCursor(move: number | 'home' | 'end', extend?: boolean): void;
  selectAll(): void;
  clearSelection(): void;
  /** The selected entries in view order, or the cursor's entry when nothing is selected. */
  selectedEntries(): FileEntry[];
  /** The full path of a name in the shown folder. */
  pathOf(name: string): string;
  /** The full path of a name in any folder, spelled the way this side spells paths. */
  childPath(folder: string, name: string): string;
  /** Lists a folder without showing it (for the folder tree). */
  listFolder(path: string): Promise<Result<PaneListing>>;
  mkdir(name: string): Promise<boolean>;
  rename(entry: FileEntry, newName: string): Promise<boolean>;
  remove(entries: FileEntry[]): Promise<boolean>;
  chmod(entries: FileEntry[], mode: string): Promise<boolean>;
  canChmod: boolean;
  /** Shows an error of something done outside the store (e.g. a drop it could not use). */
  showError(error: OperationError): void;
  /** Hides the listing or operation error. */
  dismissError(): void;
  /** Forgets the folder and entries (e.g. after disconnecting). */
  reset(): void;
}

/** A pane store hook. */
export type PaneStore = UseBoundStore<StoreApi<PaneState>>;

/** Options of a pane store. */
export interface PaneStoreOptions {
  /** Names the `ferry:listing-arrived:<id>` performance mark, used to measure time to show. */
  id?: string;
}

const EMPTY_VIEW = buildView([], false, '', true);

function lastSegment(path: string): string | undefined {
  return path.split(/[\\/]/).filter(Boolean).pop();
}

function describe(entries: FileEntry[]): string {
  return entries.length === 1 ? `"${entries[0].name}"` : `${entries.length} items`;
}

/** Creates a pane store over a listing source. */
export function createPaneStore(source: PaneSource, options: PaneStoreOptions = {}): PaneStore {
  let requestSeq = 0;
  const join = source.join ?? joinPath;
  const mark = `ferry:listing-arrived:${options.id ?? 'pane'}`;
  const empty = {
    path: '',
    parent: null,
    hiddenNames: new Set<string>(),
    entries: [],
    view: EMPTY_VIEW,
    selection: EMPTY_SELECTION,
    history: EMPTY_HISTORY,
    loading: false,
    busy: null,
    error: null,
    failedPath: null,
    opError: null,
  };
  return create<PaneState>()((set, get) => {
    /** Rebuilds the view after entries, filter or hidden toggle changed; drops selected rows no longer shown. */
    const withView = (patch: Partial<PaneState>): Partial<PaneState> => {
      const s = { ...get(), ...patch };
      const view = buildView(s.entries, s.parent !== null, s.filter, s.showHidden, s.hiddenNames);
      return { ...patch, view, selection: pruneSelection(s.selection, view.indexOf) };
    };

    /** Runs an operation: shows it as busy, records its error, and refreshes the folder after it. */
    const operate = async (busy: string, action: string, run: () => Promise<Result<void>>, after: NavigateOptions = {}) => {
      set({ busy, opError: null });
      let result: Result<void>;
      try {
        result = await run();
      } catch (e) {
        result = { ok: false, error: { kind: 'unexpected', message: e instanceof Error ? e.message : String(e) } };
      }
      set({ busy: null, opError: result.ok ? null : { action, error: result.error } });
      // Refresh even after a failure: part of a multi-item delete may have happened.
      await get().navigate(get().path || undefined, result.ok ? after : { keepSelection: true });
      return result.ok;
    };

    return {
      ...empty,
      sort: { key: 'name', direction: 'asc' },
      showHidden: true,
      filter: '',
      canChmod: typeof source.ops?.chmod === 'function',
      async navigate(path, opts = {}) {
        const seq = ++requestSeq;
        set({ loading: true });
        const result = await source.list(path);
        // A slower earlier request must not overwrite a newer one's answer.
        if (seq !== requestSeq) return false;
        if (!result.ok) {
          // Keep showing the last good folder: the user sees what failed and where they are.
          set({ loading: false, error: result.error, failedPath: path ?? null });
          return false;
        }
        performance.clearMarks(mark);
        performance.mark(mark, { detail: { path: result.value.path, count: result.value.entries.length } });
        const prev = get();
        const { path: shown, parent, entries } = result.value;
        const sameFolder = shown === prev.path;
        // A filter typed for one folder would silently hide files in the next (FileZilla keeps it; we clear it).
        const filter = sameFolder ? prev.filter : '';
        let selection: Selection = opts.keepSelection && sameFolder ? prev.selection : EMPTY_SELECTION;
        if (opts.focus !== undefined) {
          selection = { selected: opts.selectFocus ? new Set([opts.focus]) : new Set(), anchor: opts.focus, focus: opts.focus };
        }
        set({
          ...withView({ path: shown, parent, entries: sortEntries(entries, prev.sort), selection, filter }),
          history: recordVisit(prev.history, prev.path, shown, opts.move ?? 'push'),
          loading: false,
          error: null,
          failedPath: null,
        });
        return true;
      },
      async open(entry) {
        if (entry.name === PARENT_NAME) return get().up();
        if (isFolderLike(entry)) await get().navigate(join(get().path, entry.name));
      },
      async up() {
        const { parent, path } = get();
        if (parent !== null) await get().navigate(parent, { focus: lastSegment(path) });
      },
      async back() {
        const target = backTarget(get().history);
        if (target !== undefined) await get().navigate(target, { move: 'back' });
      },
      async forward() {
        const target = forwardTarget(get().history);
        if (target !== undefined) await get().navigate(target, { move: 'forward' });
      },
      async refresh() {
        // A listing already on its way is fresh; refreshing the old folder now would undo that navigation.
        if (get().loading) return;
        await get().navigate(get().path || undefined, { keepSelection: true });
      },
      reset() {
        requestSeq++;
        // A filter typed for one server's folder means nothing on the next connection.
        set({ ...empty, filter: '' });
      },
      setSort(key) {
        const sort = nextSortOrder(get().sort, key);
        set(withView({ sort, entries: sortEntries(get().entries, sort) }));
      },
      setFilter(filter) {
        set(withView({ filter }));
      },
      setShowHidden(showHidden) {
        set(withView({ showHidden }));
      },
      setHiddenNames(hiddenNames) {
        if (hiddenNames.size === 0 && get().hiddenNames.size === 0) return;
        set(withView({ hiddenNames }));
      },
      select(index, mode) {
        const { selection, view } = get();
        set({ selection: selectRow(selection, view.rows, view.indexOf, index, mode) });
      },
      placeCursor() {
        const { selection, view } = get();
        if (selection.focus !== null || view.rows.length === 0) return;
        const first = view.rows[0].name;
        set({ selection: { ...selection, anchor: first, focus: first } });
      },
      moveCursor(move, extend = false) {
        const { selection, view } = get();
        const target = moveTarget(selection, view.rows.length, view.indexOf, move);
        if (target >= 0) set({ selection: selectRow(selection, view.rows, view.indexOf, target, { extend }) });
      },
      selectAll() {
        set({ selection: selectAll(get().selection, get().view.rows) });
      },
      clearSelection() {
        set({ selection: { ...get().selection, selected: new Set() } });
      },
      selectedEntries() {
        const { selection, view } = get();
        return selectedEntries(selection, view.rows, view.indexOf);
      },
      pathOf(name) {
        return join(get().path, name);
      },
      childPath(folder, name) {
        return join(folder, name);
      },
      listFolder(path) {
        return source.list(path);
      },
      async mkdir(name) {
        const ops = source.ops;
        if (!ops) return false;
        return operate('Creating folder…', `Create folder "${name}"`, () => ops.mkdir(join(get().path, name)), { focus: name, selectFocus: true });
      },
      async rename(entry, newName) {
        const ops = source.ops;
        if (!ops) return false;
        const { path } = get();
        return operate('Renaming…', `Rename "${entry.name}" to "${newName}"`, () => ops.rename(join(path, entry.name), join(path, newName)), {
          focus: newName,
          selectFocus: true,
        });
      },
      async remove(entries) {
        const ops = source.ops;
        if (!ops || entries.length === 0) return false;
        const { path, view, selection } = get();
        // The cursor stays where the deleted rows were, as file managers do.
        const cursorIndex = Math.max(0, view.indexOf(selection.focus ?? entries[0].name));
        // A link to a folder is deleted as a link: never recurse into what it points at.
        const targets = entries.map((e) => ({ path: join(path, e.name), isFolder: e.type === 'dir' }));
        const ok = await operate(`Deleting ${describe(entries)}…`, `Delete ${describe(entries)}`, () => ops.remove(targets));
        const rows = get().view.rows;
        const focus = rows[Math.min(cursorIndex, rows.length - 1)]?.name;
        if (ok && focus !== undefined) set({ selection: { selected: new Set(), anchor: focus, focus } });
        return ok;
      },
      async chmod(entries, mode) {
        const chmod = source.ops?.chmod;
        if (!chmod || entries.length === 0) return false;
        const { path } = get();
        return operate(`Changing permissions of ${describe(entries)}…`, `Change permissions of ${describe(entries)} to ${mode}`, async () => {
          for (const e of entries) {
            const result = await chmod(join(path, e.name), mode);
            if (!result.ok) return result;
          }
          return { ok: true, value: undefined };
        }, { keepSelection: true });
      },
      showError(opError) {
        set({ opError });
      },
      dismissError() {
        set({ error: null, failedPath: null, opError: null });
      },
    };
  });
}
