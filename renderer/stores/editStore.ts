/**
 * Remote files being edited, as the window shows them: the main process's list (kept current by
 * `edits` events), the file open in the built-in editor with the text it was given, the conflicts
 * the user put off for now, the last problem to show, and the actions (open, save, answer an
 * upload offer or a conflict, close). Holds no I/O but the API calls.
 */
import { create } from 'zustand';
import type { ErrorInfo } from '../../shared/domain';
import type { ConflictAnswer, EditInfo, EditMode, EditText, UploadOfferAnswer } from '../../shared/edit';
import { describeError } from '../../shared/errorText';
import { getApi } from '../api/getApi';

/** The file in the built-in editor. `version` grows when its text is replaced from outside (a reload). */
export interface EditorDoc {
  editId: string;
  text: EditText;
  version: number;
}

/** Something to tell about edits in the status bar. */
export interface EditNotice {
  text: string;
  isError: boolean;
  /** The edit it is about: the notice goes when the edit does. */
  editId?: string;
}

/** State and actions of the edits. */
export interface EditsState {
  edits: EditInfo[];
  editor: EditorDoc | null;
  /** Conflicts the user chose to decide later: their dialog waits until asked for from the list. */
  deferredConflicts: ReadonlySet<string>;
  /** Whether the list of files being edited is open. */
  isListOpen: boolean;
  /** The last problem or word about an edit, shown until dismissed or until that edit is closed. */
  notice: EditNotice | null;
  load(): Promise<void>;
  receive(edits: EditInfo[]): void;
  /** Opens a remote file for editing; resolves with the main process's refusal, if any. */
  open(sessionId: string, remotePath: string, mode: EditMode): Promise<ErrorInfo | undefined>;
  /** Shows an open edit again: its copy in the desktop's editor, or in the built-in editor. */
  reopen(editId: string, mode: EditMode): Promise<void>;
  /** The built-in editor's save: resolves with the edit after the upload or the conflict, or the error. */
  save(editId: string, text: string): Promise<{ edit?: EditInfo; error?: ErrorInfo }>;
  answerOffer(editId: string, answer: UploadOfferAnswer): Promise<void>;
  /** Answers a conflict; resolves with the refusal (a name already taken) so the dialog can stay. */
  resolveConflict(editId: string, answer: ConflictAnswer, options?: { reload?: boolean; name?: string }): Promise<ErrorInfo | undefined>;
  deferConflict(editId: string): void;
  /** Asks again about a conflict put off. */
  showConflict(editId: string): void;
  /** Ends an edit; with `discardChanges` also one whose changes were not uploaded. */
  close(editId: string, discardChanges?: boolean): Promise<ErrorInfo | undefined>;
  closeEditor(): void;
  setListOpen(isOpen: boolean): void;
  /** Shows a notice in the status bar. */
  tell(notice: EditNotice): void;
  dismissNotice(): void;
}

/** The edits store. */
export const useEdits = create<EditsState>()((set, get) => {
  const problem = (error: ErrorInfo, editId?: string) => set({ notice: { text: describeError(error), isError: true, ...(editId ? { editId } : {}) } });
  /** Replaces the built-in editor's text, if the edit is open there. */
  const showText = (editId: string, text: EditText) =>
    set((s) => ({ editor: { editId, text, version: (s.editor?.editId === editId ? s.editor.version : 0) + 1 } }));
  return {
    edits: [],
    editor: null,
    deferredConflicts: new Set(),
    isListOpen: false,
    notice: null,
    async load() {
      const r = await getApi().editList({});
      if (r.ok) get().receive(r.value);
    },
    receive(edits) {
      set((s) => {
        const ids = new Set(edits.map((e) => e.id));
        const inConflict = new Set(edits.filter((e) => e.state === 'conflict').map((e) => e.id));
        return {
          edits,
          // A closed edit leaves the editor; a settled conflict is no longer put off.
          editor: s.editor && ids.has(s.editor.editId) ? s.editor : null,
          notice: s.notice?.editId && !ids.has(s.notice.editId) ? null : s.notice,
          deferredConflicts: new Set([...s.deferredConflicts].filter((id) => inConflict.has(id))),
        };
      });
    },
    async open(sessionId, remotePath, mode) {
      const r = await getApi().editOpen({ sessionId, path: remotePath, mode });
      if (!r.ok) return r.error;
      get().receive([...get().edits.filter((e) => e.id !== r.value.edit.id), r.value.edit]);
      if (r.value.text) showText(r.value.edit.id, r.value.text);
      return undefined;
    },
    async reopen(editId, mode) {
      const r = await getApi().editShow({ editId, mode });
      if (!r.ok) return problem(r.error, editId);
      if (r.value.text) showText(editId, r.value.text);
    },
    async save(editId, text) {
      const r = await getApi().editSave({ editId, text });
      return r.ok ? { edit: r.value } : { error: r.error };
    },
    async answerOffer(editId, answer) {
      const r = await getApi().editAnswerOffer({ editId, answer });
      if (!r.ok) problem(r.error, editId);
    },
    async resolveConflict(editId, answer, options = {}) {
      const r = await getApi().editResolveConflict({ editId, answer, ...options });
      if (!r.ok) return r.error;
      if (r.value.text && get().editor?.editId === editId) showText(editId, r.value.text);
      return undefined;
    },
    deferConflict: (editId) => set((s) => ({ deferredConflicts: new Set([...s.deferredConflicts, editId]) })),
    showConflict: (editId) => set((s) => ({ deferredConflicts: new Set([...s.deferredConflicts].filter((id) => id !== editId)), isListOpen: false })),
    async close(editId, discardChanges) {
      const r = await getApi().editClose({ editId, ...(discardChanges ? { discardChanges } : {}) });
      if (!r.ok) return r.error;
      if (get().editor?.editId === editId) set({ editor: null });
      return undefined;
    },
    closeEditor: () => set({ editor: null }),
    setListOpen: (isListOpen) => set({ isListOpen }),
    tell: (notice) => set({ notice }),
    dismissNotice: () => set({ notice: null }),
  };
});
