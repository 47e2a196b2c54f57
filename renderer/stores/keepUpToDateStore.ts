/**
 * Folders this window keeps up to date (WinSCP's "Keep remote directory up to date"): the dialog
 * that starts a watch for the two folders the panes show, each watch's state and counts from the
 * main process's `keepUpToDate` events, and the actions (start, stop, dismiss a stopped one).
 * Holds no I/O beyond its API calls.
 */
import { create } from 'zustand';
import type { KeepUpToDateOptions, KeepUpToDateStatus } from '../../shared/keepUpToDate';
import { describeError } from '../../shared/errorText';
import { getApi } from '../api/getApi';
import { useQueue } from './queueStore';
import { useSession } from './sessionStore';

/** The two folders the dialog is about. */
export interface KeepUpToDatePair {
  localFolder: string;
  remoteFolder: string;
}

/** State and actions of the watches. */
export interface KeepUpToDateState {
  /** This window's watches, oldest first; one that stopped by itself stays until dismissed, saying why. */
  watches: KeepUpToDateStatus[];
  /** The folders of the open dialog, or null while it is closed. */
  dialog: KeepUpToDatePair | null;
  /** Opens the dialog for these folders. */
  openDialog(pair: KeepUpToDatePair): void;
  closeDialog(): void;
  /** Starts a watch of the dialog's folders over the connected session; resolves with the refusal in words, or null. */
  start(options: KeepUpToDateOptions): Promise<string | null>;
  stop(watchId: string): Promise<void>;
  /** Forgets a stopped watch. */
  dismiss(watchId: string): void;
  /** Takes statuses from the main process (this window's only). */
  receive(statuses: KeepUpToDateStatus[]): void;
}

/** Puts `status` in place of the watch's older one, or adds it. */
function upsert(watches: KeepUpToDateStatus[], status: KeepUpToDateStatus): KeepUpToDateStatus[] {
  const at = watches.findIndex((w) => w.watchId === status.watchId);
  if (at < 0) return [...watches, status];
  const next = [...watches];
  next[at] = status;
  return next;
}

/** The watches store. */
export const useKeepUpToDate = create<KeepUpToDateState>()((set, get) => ({
  watches: [],
  dialog: null,
  openDialog(pair) {
    set({ dialog: pair });
  },
  closeDialog() {
    set({ dialog: null });
  },
  async start(options) {
    const { dialog } = get();
    const sessionId = useSession.getState().info?.sessionId;
    if (!dialog) return null;
    if (!sessionId) return 'Connect to a server first';
    const r = await getApi().keepUpToDateStart({ sessionId, localFolder: dialog.localFolder, remoteFolder: dialog.remoteFolder, options });
    if (!r.ok) return describeError(r.error);
    set({ watches: upsert(get().watches, r.value), dialog: null });
    return null;
  },
  async stop(watchId) {
    // Stopped at the user's word: nothing to say about it, so its line goes at once.
    set({ watches: get().watches.filter((w) => w.watchId !== watchId) });
    const r = await getApi().keepUpToDateStop({ watchId });
    // Already stopped on its own: its last status says why, and arrives as an event.
    if (!r.ok && r.error.kind !== 'unknown-watch') console.error('Could not stop keeping a folder up to date', r.error);
  },
  dismiss(watchId) {
    set({ watches: get().watches.filter((w) => w.watchId !== watchId || w.state !== 'stopped') });
  },
  receive(statuses) {
    const clientId = useQueue.getState().clientId;
    let watches = get().watches;
    for (const status of statuses) {
      const isMine = status.ownerClientId === clientId || watches.some((w) => w.watchId === status.watchId);
      if (!isMine) continue;
      watches = status.stop?.kind === 'user' ? watches.filter((w) => w.watchId !== status.watchId) : upsert(watches, status);
    }
    if (watches !== get().watches) set({ watches });
  },
}));

