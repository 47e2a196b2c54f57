/**
 * The window's Compare mode (FileZilla's directory comparison): while on, each pane's rows are
 * marked by how they compare with the other pane's folder, by size and time (shared/compareTrees,
 * the same judge as `ferry compare`), and identical files can be hidden. The marks follow both
 * panes: they are computed again whenever either pane lists a folder. The server's times are
 * shifted by its clock offset (the site's override, else the one detected), which the main process
 * says for the connected session, asked again after each listing (an upload may just have detected
 * it) and each change of the saved sites. On/off and "hide identical" are remembered in the
 * window's localStorage.
 */
import { create } from 'zustand';
import { compareTrees, DEFAULT_COMPARE } from '../../shared/compareTrees';
import type { FileEntry } from '../../shared/domain';
import type { AppliedClock } from '../../shared/serverClock';
import type { SyncEntry, Verdict } from '../../shared/sync';
import { getApi } from '../api/getApi';
import { useLocalPane } from './localPane';
import { useRemotePane } from './remotePane';
import { useSession } from './sessionStore';
import { useSites } from './sitesStore';

/** How a row compares, seen from its own pane. */
export type CompareMark =
  /** Only in this pane's folder. */
  | 'lone'
  /** Modified later than the other side's copy. */
  | 'newer'
  /** Modified earlier than the other side's copy. */
  | 'older'
  /** Same time, different size. */
  | 'differs'
  /** A file here, a folder there (or the other way). */
  | 'conflict'
  /** The same size and time. */
  | 'same';

const KEY = 'ferry.compare';
const NO_MARKS: ReadonlyMap<string, CompareMark> = new Map();

/** The compare mode and the marks of each pane. */
export interface CompareState {
  isOn: boolean;
  hideIdentical: boolean;
  local: ReadonlyMap<string, CompareMark>;
  remote: ReadonlyMap<string, CompareMark>;
  /** The clock offset applied to the server's times; undefined until the main process said. */
  clock: AppliedClock | undefined;
  toggle(): void;
  setHideIdentical(hide: boolean): void;
}

function load(): Pick<CompareState, 'isOn' | 'hideIdentical'> {
  try {
    const saved = JSON.parse(localStorage.getItem(KEY) ?? '{}') as Partial<CompareState>;
    return { isOn: saved.isOn === true, hideIdentical: saved.hideIdentical === true };
  } catch {
    return { isOn: false, hideIdentical: false };
  }
}

function save({ isOn, hideIdentical }: Pick<CompareState, 'isOn' | 'hideIdentical'>): void {
  try {
    localStorage.setItem(KEY, JSON.stringify({ isOn, hideIdentical }));
  } catch {
    // A view preference is not worth an error.
  }
}

/** The compare store. */
export const useCompare = create<CompareState>()((set, get) => ({
  ...load(),
  local: NO_MARKS,
  remote: NO_MARKS,
  clock: undefined,
  toggle() {
    set({ isOn: !get().isOn });
    save(get());
  },
  setHideIdentical(hideIdentical) {
    set({ hideIdentical });
    save(get());
  },
}));

/** A pane entry as the compare sees it; special files and `..` are not compared. */
function syncEntryOf(e: FileEntry): SyncEntry | undefined {
  if (e.name === '..' || e.type === 'other') return undefined;
  const isFolder = e.type === 'dir' || (e.type === 'link' && e.targetType === 'dir');
  return isFolder
    ? { relPath: e.name, kind: 'folder' }
    : { relPath: e.name, kind: 'file', sizeBytes: e.sizeBytes, modifiedMs: e.modifiedMs, timePrecision: e.timePrecision };
}

/** Each verdict as the local and the remote row show it. */
const MARKS: Record<Verdict, [CompareMark | undefined, CompareMark | undefined]> = {
  identical: ['same', 'same'],
  'only-local': ['lone', undefined],
  'only-remote': [undefined, 'lone'],
  'newer-local': ['newer', 'older'],
  'newer-remote': ['older', 'newer'],
  'size-differs': ['differs', 'differs'],
  'content-differs': ['differs', 'differs'],
  'type-conflict': ['conflict', 'conflict'],
};

/** The marks of both panes for two listings; `clockOffsetMs` is the server's clock minus this computer's. */
export function marksOf(
  local: readonly FileEntry[],
  remote: readonly FileEntry[],
  clockOffsetMs = 0,
): { local: Map<string, CompareMark>; remote: Map<string, CompareMark> } {
  const pick = (entries: readonly FileEntry[]) => entries.map(syncEntryOf).filter((e): e is SyncEntry => e !== undefined);
  const marks = { local: new Map<string, CompareMark>(), remote: new Map<string, CompareMark>() };
  for (const pair of compareTrees(pick(local), pick(remote), { ...DEFAULT_COMPARE, clockOffsetMs })) {
    const [l, r] = MARKS[pair.verdict];
    if (l) marks.local.set(pair.relPath, l);
    if (r) marks.remote.set(pair.relPath, r);
  }
  return marks;
}

/** Identical files, which "hide identical" leaves out of a pane. */
function identicalFiles(marks: ReadonlyMap<string, CompareMark>, entries: readonly FileEntry[]): Set<string> {
  return new Set(entries.filter((e) => e.type !== 'dir' && marks.get(e.name) === 'same').map((e) => e.name));
}

const sameClock = (a: AppliedClock | undefined, b: AppliedClock | undefined) =>
  a?.offsetMs === b?.offsetMs && a?.source === b?.source && a?.detected?.atMs === b?.detected?.atMs;

/** Asks the main process which clock offset applies to the connected server, while Compare is on. */
async function refreshClock(): Promise<void> {
  const sessionId = useSession.getState().info?.sessionId;
  if (!useCompare.getState().isOn || !sessionId) return;
  const result = await getApi().remoteClock({ sessionId });
  // Disconnected meanwhile, or not told: the marks keep the offset they had.
  if (!result.ok || useSession.getState().info?.sessionId !== sessionId) return;
  if (!sameClock(result.value, useCompare.getState().clock)) useCompare.setState({ clock: result.value });
}

/** Keeps the marks in step with both panes; returns the unsubscribe. */
export function startCompare(): () => void {
  const update = () => {
    const { isOn, hideIdentical, clock } = useCompare.getState();
    const local = useLocalPane.getState();
    const remote = useRemotePane.getState();
    const isConnected = useSession.getState().status === 'connected' && remote.path !== '';
    const marks = isOn && isConnected ? marksOf(local.entries, remote.entries, clock?.offsetMs) : { local: NO_MARKS, remote: NO_MARKS };
    useCompare.setState({ local: marks.local, remote: marks.remote });
    local.setHiddenNames(isOn && hideIdentical ? identicalFiles(marks.local, local.entries) : new Set());
    remote.setHiddenNames(isOn && hideIdentical ? identicalFiles(marks.remote, remote.entries) : new Set());
  };
  // Only what the marks depend on: a selection or a scroll must not recompute them.
  const when = <T,>(store: { subscribe(l: (s: T, p: T) => void): () => void }, changed: (s: T, p: T) => boolean, run: () => void) =>
    store.subscribe((s, p) => {
      if (changed(s, p)) run();
    });
  const refresh = () => void refreshClock();
  const stops = [
    when(useLocalPane, (s, p) => s.entries !== p.entries, update),
    when(useRemotePane, (s, p) => s.entries !== p.entries || s.path !== p.path, update),
    when(useSession, (s, p) => s.status !== p.status, update),
    when(useCompare, (s, p) => s.isOn !== p.isOn || s.hideIdentical !== p.hideIdentical || s.clock !== p.clock, update),
    // Another server's offset must not linger on this one's marks.
    when(useSession, (s, p) => s.info?.sessionId !== p.info?.sessionId, () => useCompare.setState({ clock: undefined })),
    // A listing may follow an upload that detected the offset; a saved site may have a new override.
    when(useRemotePane, (s, p) => s.entries !== p.entries, refresh),
    when(useSession, (s, p) => s.info?.sessionId !== p.info?.sessionId, refresh),
    when(useSites, (s, p) => s.sites !== p.sites, refresh),
    when(useCompare, (s, p) => s.isOn !== p.isOn, refresh),
  ];
  update();
  refresh();
  return () => stops.forEach((stop) => stop());
}
