/**
 * The window's Synchronize: the dialog for the two folders the panes show (its settings, what the
 * server offers, the preview the main process computes and its checklist), Run, which hands the
 * ticked steps to the main process and the queue, and the status of the last run as `syncStatus`
 * events tell it. Settings but "delete orphans" are remembered in the window's localStorage.
 */
import { create } from 'zustand';
import { describeError } from '../../shared/errorText';
import type { SyncActionKind } from '../../shared/sync';
import { DEFAULT_SYNC_SETTINGS, type SyncPreview, type SyncRunStatus, type SyncServerInfo, type SyncSettings } from '../../shared/syncPreview';
import { getApi } from '../api/getApi';
import { isInFolder } from '../lib/paths';
import { checklistOf, checkedIndexes, setGroup, toggleFold, toggleStep, type Checklist } from './syncChecklist';
import { useLocalPane } from './localPane';
import { useQueue } from './queueStore';
import { useRemotePane } from './remotePane';
import { useSession } from './sessionStore';

/** Where the dialog is. */
export type SyncDialogPhase =
  /** No dialog. */
  | 'closed'
  /** Settings shown, no plan yet (or the settings changed since the last one). */
  | 'editing'
  /** The main process is comparing the folders. */
  | 'previewing'
  /** A plan is shown, ready to run. */
  | 'ready'
  /** Run pressed; waiting for the main process to take the steps. */
  | 'starting';

/** The folders and the session a dialog is for. */
export interface SyncTarget {
  sessionId: string;
  localDir: string;
  remoteDir: string;
}

/** State and actions of Synchronize. */
export interface SyncState {
  phase: SyncDialogPhase;
  target: SyncTarget | null;
  settings: SyncSettings;
  /** What the server offers; null until known. */
  info: SyncServerInfo | null;
  preview: SyncPreview | null;
  checklist: Checklist | null;
  /** The preview being computed, so it can be cancelled. */
  previewId: string | null;
  /** The last problem, in words. */
  problem: string | null;
  /** The last run's progress, from the main process. */
  runStatus: SyncRunStatus | null;
  /** Opens the dialog for the panes' folders (only while connected, and not again while open). */
  open(): void;
  /** Closes the dialog, stopping a preview on its way. */
  close(): void;
  change(patch: Partial<SyncSettings>): void;
  startPreview(): Promise<void>;
  cancelPreview(): void;
  toggleStep(index: number): void;
  setGroup(kind: SyncActionKind, isChecked: boolean): void;
  toggleFold(group: SyncActionKind | 'skipped'): void;
  run(): Promise<void>;
  receiveStatus(status: SyncRunStatus): void;
}

const KEY = 'ferry.sync';

/** The remembered settings; deleting orphans is never remembered: it is asked for each time. */
function loadSettings(): SyncSettings {
  try {
    const saved = JSON.parse(localStorage.getItem(KEY) ?? '{}') as Partial<SyncSettings>;
    const strings = (v: unknown) => (Array.isArray(v) ? v.filter((p): p is string => typeof p === 'string') : []);
    return {
      ...DEFAULT_SYNC_SETTINGS,
      direction: saved.direction === 'download' || saved.direction === 'both' ? saved.direction : 'upload',
      method: saved.method === 'checksum' ? 'checksum' : 'size-time',
      include: strings(saved.include),
      exclude: strings(saved.exclude),
      followLocalLinks: saved.followLocalLinks === true,
    };
  } catch {
    return { ...DEFAULT_SYNC_SETTINGS };
  }
}

function saveSettings({ deleteOrphans: _never, ...kept }: SyncSettings): void {
  try {
    localStorage.setItem(KEY, JSON.stringify(kept));
  } catch {
    // A preference is not worth an error.
  }
}

let previewSeq = 0;
/** A preview id unique in this window and across windows. */
function newPreviewId(): string {
  return `p${Date.now().toString(36)}-${(++previewSeq).toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

const NO_PLAN = { preview: null, checklist: null } as const;

/** The Synchronize store. */
export const useSync = create<SyncState>()((set, get) => ({
  phase: 'closed',
  target: null,
  settings: loadSettings(),
  info: null,
  ...NO_PLAN,
  previewId: null,
  problem: null,
  runStatus: null,

  open() {
    // Already open (the desktop menu's key reaches a window whatever has the focus): keep its plan.
    if (get().phase !== 'closed') return;
    const session = useSession.getState();
    const remoteDir = useRemotePane.getState().path;
    const localDir = useLocalPane.getState().path;
    if (session.status !== 'connected' || !session.info || !remoteDir || !localDir) return;
    const target = { sessionId: session.info.sessionId, localDir, remoteDir };
    set({ phase: 'editing', target, info: null, ...NO_PLAN, problem: null, settings: { ...get().settings, deleteOrphans: false } });
    void getApi()
      .syncInfo({ sessionId: target.sessionId })
      .then((r) => {
        if (get().target !== target) return;
        set(r.ok ? { info: r.value } : { problem: describeError(r.error) });
      });
  },

  close() {
    if (get().phase === 'previewing') get().cancelPreview();
    set({ phase: 'closed', target: null, ...NO_PLAN, previewId: null, problem: null });
  },

  change(patch) {
    const settings = { ...get().settings, ...patch };
    saveSettings(settings);
    // A plan is for the settings it was computed with: other settings need another preview.
    const phase = get().phase === 'ready' ? 'editing' : get().phase;
    set({ settings, phase, ...(phase === 'editing' ? NO_PLAN : {}) });
  },

  async startPreview() {
    const { target, settings, phase } = get();
    if (!target || phase === 'previewing' || phase === 'starting') return;
    const previewId = newPreviewId();
    set({ phase: 'previewing', previewId, problem: null, ...NO_PLAN });
    const r = await getApi().syncPreview({ previewId, ...target, settings });
    // Closed, cancelled or replaced meanwhile: this answer is for nobody.
    if (get().previewId !== previewId) return;
    if (!r.ok) {
      set({ phase: 'editing', previewId: null, problem: r.error.kind === 'cancelled' ? null : describeError(r.error) });
      return;
    }
    set({ phase: 'ready', previewId: null, preview: r.value, checklist: checklistOf(r.value.plan.actions) });
  },

  cancelPreview() {
    const { previewId } = get();
    if (!previewId) return;
    void getApi().syncCancelPreview({ previewId });
    set({ phase: 'editing', previewId: null });
  },

  toggleStep(index) {
    const { checklist } = get();
    if (checklist) set({ checklist: toggleStep(checklist, index) });
  },

  setGroup(kind, isChecked) {
    const { checklist } = get();
    if (checklist) set({ checklist: setGroup(checklist, kind, isChecked) });
  },

  toggleFold(group) {
    const { checklist } = get();
    if (checklist) set({ checklist: toggleFold(checklist, group) });
  },

  async run() {
    const { preview, checklist, phase } = get();
    if (phase !== 'ready' || !preview || !checklist) return;
    set({ phase: 'starting', problem: null });
    const r = await getApi().syncRun({ previewId: preview.previewId, checked: checkedIndexes(checklist) });
    if (!r.ok) {
      set({ phase: 'ready', problem: describeError(r.error) });
      return;
    }
    useQueue.getState().setTab('queued');
    get().close();
  },

  receiveStatus(status) {
    set({ runStatus: status });
    if (status.phase !== 'ended') return;
    // Deletions and new folders change what the panes show; copies alone refresh them already.
    const local = useLocalPane.getState();
    const remote = useRemotePane.getState();
    if (isInFolder(local.path, status.localDir)) void local.refresh();
    if (isInFolder(remote.path, status.remoteDir) && useSession.getState().status === 'connected') void remote.refresh();
  },
}));
