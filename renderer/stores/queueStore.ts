/**
 * The transfer queue as the window shows it: items and totals kept current from the main
 * process's batched `queue` events, the selected tab and rows, the file-exists question
 * waiting for an answer, and the actions (queue from the panes, pause, cancel, retry, move).
 */
import { create } from 'zustand';
import type { ErrorInfo } from '../../shared/domain';
import type { ExistsAction, ExistsQuestionInfo, QueueChange, QueueSettings } from '../../shared/queue';
import type { Result } from '../../shared/result';
import { getApi } from '../api/getApi';
import { describeError } from '../../shared/errorText';
import { useSession } from './sessionStore';
import { applyChange, EMPTY_TOTALS, fromSnapshot, tabOf, type QueueData, type QueueTab } from './queueReducer';

/** What the panes ask to transfer. */
export interface TransferRequest {
  direction: 'upload' | 'download';
  items: { name: string; displayName?: string; isFolder: boolean; sizeBytes?: number; modifiedMs?: number }[];
  /** The folder the items are in (local for uploads, remote for downloads). */
  fromFolder: string;
  /** The folder they go to (remote for uploads, local for downloads). */
  toFolder: string;
}

/** State and actions of the queue. */
export interface QueueState extends QueueData {
  tab: QueueTab;
  selected: ReadonlySet<string>;
  /** Questions waiting for the user, oldest first (in every window; questionPlace.ts says where each is shown). */
  questions: ExistsQuestionInfo[];
  /** This window's name with the main process, as questions name their owner; null until loaded. */
  clientId: string | null;
  /** A question this window chose to answer in the dialog though another window asks it there. */
  openedQuestionId: string | null;
  /** Shows a question in this window's dialog. */
  openQuestion(questionId: string): void;
  /** The last problem or report of queuing, shown above the queue. */
  notice: { text: string; isError: boolean } | null;
  /** The queue's settings (file-exists policy, speed limits, transfers per server); null until loaded. */
  settings: QueueSettings | null;
  /** Changes some settings; the main process applies and saves them. */
  changeSettings(change: Partial<QueueSettings>): Promise<void>;
  load(): Promise<void>;
  receive(change: QueueChange): void;
  /** Replaces the waiting questions with the main process's list. */
  setQuestions(questions: ExistsQuestionInfo[]): void;
  /** Answers a question; the main process tells every window that it is settled. */
  answer(questionId: string, action: ExistsAction, applyToAll: boolean): Promise<void>;
  setTab(tab: QueueTab): void;
  select(ids: string[]): void;
  enqueueTransfer(request: TransferRequest): Promise<void>;
  pause(ids?: string[]): Promise<void>;
  resume(ids?: string[]): Promise<void>;
  /** Cancels; `deletePartial` also removes what was transferred so far (else it stays for a later resume). */
  cancel(ids?: string[], deletePartial?: boolean): Promise<void>;
  retry(ids?: string[]): Promise<void>;
  move(ids: string[], to: 'up' | 'down' | 'top' | 'bottom'): Promise<void>;
  clearFinished(tab: Exclude<QueueTab, 'queued'>): Promise<void>;
  dismissNotice(): void;
  /** Shows an item's row: switches to its tab and selects it. */
  reveal(id: string): void;
  /** The item the queue panel should scroll to, set by `reveal`. */
  revealedId: string | null;
  /** Counts full reloads of the queue, so watchers can tell a reload from work finishing. */
  loadCount: number;
}

const describe = (e: ErrorInfo) => describeError(e);

/** The queue store. */
export const useQueue = create<QueueState>()((set, get) => {
  const report = async (result: Promise<Result<unknown>>) => {
    const r = await result;
    if (!r.ok) set({ notice: { text: describe(r.error), isError: true } });
  };
  return {
    order: [],
    byId: new Map(),
    totals: EMPTY_TOTALS,
    tab: 'queued',
    selected: new Set(),
    questions: [],
    clientId: null,
    openedQuestionId: null,
    notice: null,
    settings: null,
    async load() {
      const r = await getApi().queueList({});
      if (r.ok) set({ ...fromSnapshot(r.value), questions: r.value.questions, clientId: r.value.clientId, settings: r.value.settings, loadCount: get().loadCount + 1 });
    },
    async changeSettings(change) {
      const r = await getApi().queueSetOptions(change);
      if (r.ok) set({ settings: r.value });
      else set({ notice: { text: describe(r.error), isError: true } });
    },
    receive(change) {
      set((s) => {
        const next = applyChange(s, change);
        // "Queued 3 files" has said what it had to once the queue has nothing left to do.
        const { queuedCount, activeCount, pausedCount } = next.totals;
        if (s.notice && !s.notice.isError && queuedCount + activeCount + pausedCount === 0) return { ...next, notice: null };
        return next;
      });
    },
    setQuestions(questions) {
      set((s) => ({ questions, openedQuestionId: questions.some((q) => q.questionId === s.openedQuestionId) ? s.openedQuestionId : null }));
    },
    openQuestion(questionId) {
      set({ openedQuestionId: questionId });
    },
    async answer(questionId, action, applyToAll) {
      if (!get().questions.some((q) => q.questionId === questionId)) return;
      // Shown as answered at once; the main process's next list confirms it for every window.
      get().setQuestions(get().questions.filter((q) => q.questionId !== questionId));
      const r = await getApi().queueAnswerExists({ questionId, action, applyToAll });
      // Another window answered it first: nothing to report.
      if (!r.ok && r.error.kind !== 'stale-question') set({ notice: { text: describeError(r.error), isError: true } });
    },
    setTab: (tab) => set({ tab, selected: new Set() }),
    select: (ids) => set({ selected: new Set(ids) }),
    async enqueueTransfer({ direction, items, fromFolder, toFolder }) {
      const info = useSession.getState().info;
      if (!info) return set({ notice: { text: 'Connect to a server first', isError: true } });
      const [localFolder, remoteFolder] = direction === 'upload' ? [fromFolder, toFolder] : [toFolder, fromFolder];
      const r = await getApi().queueAdd({ sessionId: info.sessionId, direction, items, localFolder, remoteFolder });
      if (!r.ok) return set({ notice: { text: describe(r.error), isError: true } });
      const { addedCount, folderCount, refused } = r.value;
      const refusedText = refused.length ? `; refused ${refused.length}: ${refused.map((x) => `${x.path} (${x.reason})`).join(', ')}` : '';
      set({
        notice: {
          text: `Queued ${addedCount} file${addedCount === 1 ? '' : 's'}${folderCount ? ` in ${folderCount} folder${folderCount === 1 ? '' : 's'}` : ''}${refusedText}`,
          isError: refused.length > 0,
        },
      });
    },
    pause: (ids) => report(getApi().queuePause(ids ? { ids } : {})),
    resume: (ids) => report(getApi().queueResume(ids ? { ids } : {})),
    cancel: (ids, deletePartial) => report(getApi().queueCancel({ ...(ids ? { ids } : {}), ...(deletePartial ? { deletePartial } : {}) })),
    retry: (ids) => report(getApi().queueRetry(ids ? { ids } : {})),
    async move(ids, to) {
      await report(getApi().queueMove({ ids, to }));
      // Batched changes carry items, not their order: take the new order from a snapshot.
      await get().load();
    },
    async clearFinished(tab) {
      await report(getApi().queueClearFinished({ states: tab === 'done' ? ['done'] : ['failed', 'cancelled'] }));
      await get().load();
    },
    dismissNotice: () => set({ notice: null }),
    revealedId: null,
    loadCount: 0,
    reveal(id) {
      const item = get().byId.get(id);
      if (!item) return set({ notice: { text: 'That transfer is no longer in the queue', isError: false } });
      set({ tab: tabOf(item), selected: new Set([id]), revealedId: id });
    },
  };
});
