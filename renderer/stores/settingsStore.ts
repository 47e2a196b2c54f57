/**
 * The app settings as the window holds them: loaded once, replaced by every `settings` event (a
 * change from this window, another one, or the queue bar), saved through `settingsUpdate`. The
 * theme is applied to the page as soon as it is known. Whether the Settings dialog is open lives
 * here too, so a shortcut, a button and the desktop menu open the same dialog.
 */
import { create } from 'zustand';
import type { ErrorInfo } from '../../shared/domain';
import type { AppSettings, Theme } from '../../shared/settings';
import { getApi } from '../api/getApi';

/** State and actions of the settings. */
export interface SettingsState {
  /** The settings in force; null until loaded. */
  settings: AppSettings | null;
  isDialogOpen: boolean;
  load(): Promise<void>;
  receive(settings: AppSettings): void;
  /** Saves; resolves with the main process's refusal (field by field) when it did not save. */
  save(settings: AppSettings): Promise<ErrorInfo | undefined>;
  openDialog(): void;
  closeDialog(): void;
}

/** Sets the page's colours: `data-theme` on <html> for Light or Dark, none to follow the system. */
export function applyTheme(theme: Theme, root: HTMLElement = document.documentElement): void {
  if (theme === 'system') delete root.dataset.theme;
  else root.dataset.theme = theme;
}

export const useSettings = create<SettingsState>((set, get) => ({
  settings: null,
  isDialogOpen: false,
  async load() {
    const r = await getApi().settingsGet({});
    // An event may have brought newer settings while the request was on its way.
    if (r.ok && !get().settings) get().receive(r.value);
  },
  receive(settings) {
    applyTheme(settings.theme);
    set({ settings });
  },
  async save(settings) {
    const r = await getApi().settingsUpdate({ settings });
    if (!r.ok) return r.error;
    get().receive(r.value);
    return undefined;
  },
  openDialog: () => set({ isDialogOpen: true }),
  closeDialog: () => set({ isDialogOpen: false }),
}));
