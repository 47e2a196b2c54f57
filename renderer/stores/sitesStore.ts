/**
 * The Site Manager's state and I/O: the tree of folders and sites, the selection, the edit
 * form with its last saved state, password storage status and actions, FileZilla import and
 * export. Components read this store and call its actions; only this store calls the sites API.
 * Tree and form logic live in the pure modules `sitesTree.ts` and `sitesForm.ts`.
 */
import { create } from 'zustand';
import type { ErrorInfo, Site } from '../../shared/domain';
import type { Result } from '../../shared/result';
import type { ExportReport, ImportReport, SitesStatus } from '../../shared/sites';
import { getApi } from '../api/getApi';
import { useLocalPane } from './localPane';
import { connectSite } from './remoteConnection';
import { emptyForm, errorsFromResult, formToInput, isFormDirty, siteToForm, type FieldErrors, type SiteForm } from './sitesForm';
import {
  folderAncestors, folderKey, joinFolder, parentFolder, parseKey, rebaseFolder, siteKey, targetFolder, uniqueName, type TreeKey,
} from './sitesTree';

/** The dialog's tabs. */
export type SitesTab = 'sites' | 'passwords' | 'transfer';

/** The site being edited: a saved one (`siteId`) or a new one not yet saved (`null`). */
export interface SiteEditor {
  siteId: string | null;
  baseline: SiteForm;
  form: SiteForm;
}

/** What the user wanted to do when unsaved changes got in the way. */
export type LeaveIntent = { kind: 'select'; key: TreeKey } | { kind: 'close' } | { kind: 'new-site' };

/** A message above the dialog's content. */
export interface SitesBanner {
  tone: 'info' | 'error';
  text: string;
}

/** State and actions of the Site Manager. */
export interface SitesState {
  isOpen: boolean;
  tab: SitesTab;
  folders: string[];
  sites: Site[];
  status: SitesStatus | null;
  expanded: string[];
  selection: TreeKey | null;
  editor: SiteEditor | null;
  fieldErrors: FieldErrors;
  banner: SitesBanner | null;
  pendingLeave: LeaveIntent | null;
  isBusy: boolean;
  importReport: (ImportReport & { fileName: string }) | null;
  exportWarnings: ExportReport['warnings'] | null;
  open(): Promise<void>;
  /** Closes, or asks first when the form has unsaved changes. */
  close(): void;
  setTab(tab: SitesTab): void;
  refresh(): Promise<void>;
  select(key: TreeKey): void;
  toggleFolder(path: string): void;
  edit(patch: Partial<SiteForm>): void;
  newSite(): void;
  /** Saves the form; resolves false when it was refused (errors are then shown). */
  save(): Promise<boolean>;
  revert(): void;
  resolveLeave(choice: 'save' | 'discard' | 'stay'): Promise<void>;
  createFolder(name: string): Promise<boolean>;
  renameSelected(name: string): Promise<boolean>;
  duplicateSelected(): Promise<void>;
  deleteSelected(): Promise<void>;
  connect(siteId: string): Promise<void>;
  /** Forgets the clock offset detected for the edited site, so the next uploads detect it again. */
  detectClockAgain(): Promise<void>;
  setMasterPassword(password: string): Promise<boolean>;
  unlock(password: string): Promise<boolean>;
  lock(): Promise<void>;
  changeMasterPassword(current: string, next: string): Promise<boolean>;
  forgetPasswords(): Promise<void>;
  importXml(xml: string, fileName: string): Promise<void>;
  /** Returns the XML to download, or null when the export failed. */
  exportXml(includePasswords: boolean): Promise<string | null>;
}

/** Whether the editor holds unsaved changes. */
export function selectIsDirty(state: Pick<SitesState, 'editor'>): boolean {
  const e = state.editor;
  return e !== null && (e.siteId === null || isFormDirty(e.form, e.baseline));
}

/** The selected site, if a site is selected. */
export function selectSelectedSite(state: Pick<SitesState, 'selection' | 'sites'>): Site | undefined {
  if (!state.selection) return undefined;
  const parsed = parseKey(state.selection);
  return parsed.kind === 'site' ? state.sites.find((s) => s.id === parsed.id) : undefined;
}

const closedState = { editor: null, fieldErrors: {}, banner: null, pendingLeave: null, importReport: null, exportWarnings: null };

/** The Site Manager store. */
export const useSites = create<SitesState>()((set, get) => {
  /** Runs one API call with the busy flag; a failure becomes the banner and resolves null. */
  async function run<T>(call: () => Promise<Result<T>>, onError?: (error: ErrorInfo) => void): Promise<{ value: T } | null> {
    set({ isBusy: true });
    const result = await call();
    set({ isBusy: false });
    if (result.ok) return { value: result.value };
    if (onError) onError(result.error);
    else set({ banner: { tone: 'error', text: result.error.message } });
    return null;
  }

  const expand = (folder: string) => set((s) => ({ expanded: [...new Set([...s.expanded, ...folderAncestors(folder)])] }));

  function applySelection(key: TreeKey | null) {
    const parsed = key ? parseKey(key) : null;
    const site = parsed?.kind === 'site' ? get().sites.find((s) => s.id === parsed.id) : undefined;
    const editor = site ? { siteId: site.id, baseline: siteToForm(site), form: siteToForm(site) } : null;
    // A site that no longer exists cannot stay selected.
    set({ selection: parsed?.kind === 'site' && !site ? null : key, editor, fieldErrors: {}, pendingLeave: null });
  }

  /** Shows what the store keeps for the edited site (password flag, detected clock) without touching the user's edits. */
  function showStoreOwned(site: Site) {
    const editor = get().editor;
    if (editor?.siteId !== site.id) return;
    const owned = { hasSavedPassword: site.hasPassword === true, clockDetected: site.clockDetected };
    set({ editor: { ...editor, baseline: { ...editor.baseline, ...owned }, form: { ...editor.form, ...owned } } });
  }

  function startNewSite() {
    const folder = targetFolder(get().selection, get().sites);
    const names = get().sites.filter((s) => s.folder === folder).map((s) => s.name);
    const form = emptyForm(folder, uniqueName('New site', names));
    if (folder) expand(folder);
    set({ selection: null, editor: { siteId: null, baseline: form, form }, fieldErrors: {}, pendingLeave: null, banner: null });
  }

  /** Calls a password-storage action, then reloads status and the tree (the password flags may change). */
  async function secretAction(call: () => Promise<Result<void>>, done: string): Promise<boolean> {
    const ok = (await run(call)) !== null;
    if (ok) set({ banner: { tone: 'info', text: done } });
    await get().refresh();
    return ok;
  }

  return {
    isOpen: false,
    tab: 'sites',
    folders: [],
    sites: [],
    status: null,
    expanded: [],
    selection: null,
    isBusy: false,
    ...closedState,
    async open() {
      set({ isOpen: true, tab: 'sites' });
      await get().refresh();
      // Reopening shows the site selected last time, as saved now (e.g. with a fingerprint trusted since),
      // unless the user already started something while the list was loading.
      if (!get().editor) applySelection(get().selection);
    },
    close() {
      if (selectIsDirty(get())) return set({ pendingLeave: { kind: 'close' } });
      set({ isOpen: false, ...closedState });
    },
    setTab(tab) {
      set({ tab, banner: null });
    },
    async refresh() {
      const [list, status] = await Promise.all([getApi().sitesList({}), getApi().sitesStatus({})]);
      if (!list.ok || !status.ok) {
        const error = (!list.ok ? list.error : !status.ok ? status.error : null)!;
        return set({ banner: { tone: 'error', text: `Could not load sites: ${error.message}` } });
      }
      set({ folders: list.value.folders, sites: list.value.sites, status: status.value });
      const { editor, selection } = get();
      const selected = selection ? parseKey(selection) : null;
      if (selected?.kind === 'folder' && !list.value.folders.includes(selected.path)) set({ selection: null });
      if (!editor?.siteId) return;
      // A site edited here may have gained or lost its saved password or its detected clock (or been deleted elsewhere).
      const site = list.value.sites.find((s) => s.id === editor.siteId);
      if (!site) return applySelection(null);
      const hasSavedPassword = site.hasPassword === true;
      if (editor.baseline.hasSavedPassword !== hasSavedPassword || editor.baseline.clockDetected?.atMs !== site.clockDetected?.atMs) {
        showStoreOwned(site);
      }
    },
    select(key) {
      if (key === get().selection && (get().editor || parseKey(key).kind === 'folder')) return;
      if (selectIsDirty(get())) return set({ pendingLeave: { kind: 'select', key } });
      applySelection(key);
    },
    toggleFolder(path) {
      set((s) => ({ expanded: s.expanded.includes(path) ? s.expanded.filter((p) => p !== path) : [...s.expanded, path] }));
    },
    edit(patch) {
      const editor = get().editor;
      if (!editor) return;
      const fieldErrors = { ...get().fieldErrors };
      for (const key of Object.keys(patch)) delete fieldErrors[key === 'charsetName' || key === 'charsetMode' ? 'charset' : key];
      set({ editor: { ...editor, form: { ...editor.form, ...patch } }, fieldErrors });
    },
    newSite() {
      if (selectIsDirty(get())) return set({ pendingLeave: { kind: 'new-site' } });
      startNewSite();
    },
    async save() {
      const editor = get().editor;
      if (!editor) return false;
      const converted = formToInput(editor.form);
      if (!converted.ok) {
        set({ fieldErrors: converted.errors, banner: { tone: 'error', text: 'Some fields need fixing' } });
        return false;
      }
      const { site: input, password } = converted;
      const showErrors = (error: ErrorInfo) => {
        const { fields, general } = errorsFromResult(error);
        set({ fieldErrors: fields, banner: { tone: 'error', text: general ?? 'Some fields need fixing' } });
      };
      const saved = await run(
        () =>
          editor.siteId === null
            ? getApi().sitesCreate(password ? { site: input, password } : { site: input })
            : getApi().sitesUpdate(password === undefined ? { id: editor.siteId, patch: input } : { id: editor.siteId, patch: input, password }),
        showErrors,
      );
      if (!saved) return false;
      const form = siteToForm(saved.value);
      set({
        editor: { siteId: saved.value.id, baseline: form, form },
        selection: siteKey(saved.value.id),
        fieldErrors: {},
        banner: { tone: 'info', text: `Saved ${saved.value.name}` },
      });
      if (saved.value.folder) expand(saved.value.folder);
      await get().refresh();
      return true;
    },
    revert() {
      const editor = get().editor;
      if (!editor) return;
      if (editor.siteId === null) return applySelection(null);
      set({ editor: { ...editor, form: editor.baseline }, fieldErrors: {}, banner: null });
    },
    async resolveLeave(choice) {
      const intent = get().pendingLeave;
      if (!intent || choice === 'stay') return set({ pendingLeave: null });
      if (choice === 'save' && !(await get().save())) return set({ pendingLeave: null });
      if (choice === 'discard') set({ editor: null });
      if (intent.kind === 'close') set({ isOpen: false, ...closedState });
      else if (intent.kind === 'new-site') startNewSite();
      else applySelection(intent.key);
    },
    async createFolder(name) {
      const path = joinFolder(targetFolder(get().selection, get().sites), name.trim());
      const created = await run(() => getApi().sitesCreateFolder({ folder: path }));
      if (!created) return false;
      expand(parentFolder(created.value));
      await get().refresh();
      // Unsaved edits stay on screen; the new folder is then visible but not selected.
      if (!selectIsDirty(get())) applySelection(folderKey(created.value));
      return true;
    },
    async renameSelected(name) {
      const selection = get().selection;
      if (!selection) return false;
      const parsed = parseKey(selection);
      if (parsed.kind === 'site') {
        const updated = await run(() => getApi().sitesUpdate({ id: parsed.id, patch: { name } }));
        if (!updated) return false;
        const site = updated.value;
        const editor = get().editor;
        if (editor?.siteId === site.id) {
          set({ editor: { ...editor, baseline: { ...editor.baseline, name: site.name }, form: { ...editor.form, name: site.name } } });
        }
        await get().refresh();
        return true;
      }
      const renamed = await run(() => getApi().sitesRenameFolder({ folder: parsed.path, newName: name.trim() }));
      if (!renamed) return false;
      const to = renamed.value;
      set((s) => ({ expanded: s.expanded.map((p) => rebaseFolder(p, parsed.path, to)), selection: folderKey(to) }));
      await get().refresh();
      return true;
    },
    async duplicateSelected() {
      const site = selectSelectedSite(get());
      if (!site) return;
      // The copy is made from what is saved: save pending edits first so it matches what the user sees.
      if (selectIsDirty(get()) && !(await get().save())) return;
      const copy = await run(() => getApi().sitesDuplicate({ id: site.id }));
      if (!copy) return;
      await get().refresh();
      applySelection(siteKey(copy.value.id));
    },
    async deleteSelected() {
      const selection = get().selection;
      if (!selection) return;
      const parsed = parseKey(selection);
      const done = await run(() =>
        parsed.kind === 'site' ? getApi().sitesDelete({ id: parsed.id }) : getApi().sitesDeleteFolder({ folder: parsed.path, recursive: true }),
      );
      if (!done) return;
      applySelection(null);
      await get().refresh();
    },
    async connect(siteId) {
      const site = get().sites.find((s) => s.id === siteId);
      if (!site) return;
      // Connect with what the user sees: unsaved edits of this site are saved first.
      if (get().editor?.siteId === siteId && selectIsDirty(get()) && !(await get().save())) return;
      const current = get().sites.find((s) => s.id === siteId) ?? site;
      set({ isOpen: false, ...closedState });
      // Awaited: synchronized browsing starts from the folders both panes show once connected.
      if (current.localDir) await useLocalPane.getState().navigate(current.localDir);
      await connectSite(siteId, { host: current.host, name: current.name, remoteDir: current.remoteDir, syncBrowsing: current.syncBrowsing });
    },
    async detectClockAgain() {
      const siteId = get().editor?.siteId;
      if (!siteId) return;
      const updated = await run(() => getApi().sitesDetectClockAgain({ id: siteId }));
      if (!updated) return;
      showStoreOwned(updated.value);
      set({ banner: { tone: 'info', text: "The server's clock will be detected again after the next upload" } });
      await get().refresh();
    },
    setMasterPassword: (password) => secretAction(() => getApi().sitesSetMasterPassword({ password }), 'Master password set: passwords you save are now encrypted with it'),
    unlock: (password) => secretAction(() => getApi().sitesUnlock({ password }), 'Saved passwords unlocked'),
    async lock() {
      await secretAction(() => getApi().sitesLock({}), 'Saved passwords locked');
    },
    changeMasterPassword: (current, next) => secretAction(() => getApi().sitesChangeMasterPassword({ current, next }), 'Master password changed'),
    async forgetPasswords() {
      await secretAction(() => getApi().sitesForgetPasswords({}), 'All saved passwords and the master password were deleted');
    },
    async importXml(xml, fileName) {
      set({ importReport: null, banner: null });
      const result = await run(() => getApi().sitesImport({ xml }));
      if (!result) return;
      const report = result.value;
      set({ importReport: { ...report, fileName } });
      for (const site of report.imported) if (site.folder) expand(site.folder);
      await get().refresh();
    },
    async exportXml(includePasswords) {
      set({ exportWarnings: null, banner: null });
      const result = await run(() => getApi().sitesExport({ includePasswords }));
      if (!result) return null;
      set({ exportWarnings: result.value.warnings });
      return result.value.xml;
    },
  };
});
