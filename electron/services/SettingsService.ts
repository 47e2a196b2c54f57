/**
 * The app settings (shared/settings.ts) in the main process: loaded from `settings.json` at start
 * (defaults when missing, a damaged file set aside), checked and saved on change, and every change
 * handed to the parts that apply it and pushed to every open window. Must not import electron.
 */
import { stat } from 'node:fs/promises';
import { appSettingsSchema, DEFAULT_SETTINGS, SETTINGS_FILE_NAME, SETTINGS_VERSION, type AppSettings } from '../../shared/settings';
import { resolveLocalPath } from '../local/listLocal';
import { loadSettingsFile, saveSettingsFile, type SettingsFileSpec } from './settingsFile';

const SETTINGS_FILE = { fileName: SETTINGS_FILE_NAME, version: SETTINGS_VERSION, what: 'the settings', schema: appSettingsSchema } satisfies SettingsFileSpec<typeof appSettingsSchema>;

/** Settings a user sent that cannot be saved; `issues` names each bad field (dotted path) for the dialog. */
export class SettingsInvalidError extends Error {
  readonly kind = 'settings-invalid';
  constructor(readonly issues: { field: string; message: string }[]) {
    super(issues.map((i) => i.message).join('; '));
  }
}

/** Hears every saved change. */
export type SettingsListener = (next: AppSettings, previous: AppSettings) => void;

/** Owns the settings object and its file. */
export class SettingsService {
  private readonly listeners = new Set<SettingsListener>();

  private constructor(
    private readonly dataDir: string,
    private current: AppSettings,
    /** Whether no settings file was there (a first start, or one from before the file existed). */
    readonly isFirstStart: boolean,
  ) {}

  /** Loads the saved settings, or the defaults. */
  static async open(dataDir: string, onDamaged: (message: string) => void): Promise<SettingsService> {
    let isMissing = false;
    const saved = await loadSettingsFile(dataDir, SETTINGS_FILE, onDamaged).then((s) => {
      isMissing = s === undefined;
      return s;
    });
    return new SettingsService(dataDir, saved ?? structuredClone(DEFAULT_SETTINGS), isMissing);
  }

  /** The settings in force. */
  get(): AppSettings {
    return structuredClone(this.current);
  }

  /** Checks, saves and applies `next`; throws SettingsInvalidError (nothing saved) when a value cannot be used. */
  async update(next: AppSettings): Promise<AppSettings> {
    const parsed = appSettingsSchema.safeParse(next);
    if (!parsed.success) throw new SettingsInvalidError(parsed.error.issues.map((i) => ({ field: i.path.join('.'), message: i.message })));
    const settings = parsed.data;
    settings.transfers.asciiExtensions = [...new Set(settings.transfers.asciiExtensions.map((e) => e.toLowerCase()))];
    const folder = settings.transfers.defaultLocalFolder.trim();
    settings.transfers.defaultLocalFolder = folder;
    if (folder && folder !== this.current.transfers.defaultLocalFolder && !(await isFolder(folder))) {
      throw new SettingsInvalidError([{ field: 'transfers.defaultLocalFolder', message: `The folder ${folder} does not exist` }]);
    }
    await saveSettingsFile(this.dataDir, SETTINGS_FILE, settings);
    const previous = this.current;
    this.current = settings;
    for (const listener of this.listeners) listener(this.get(), previous);
    return this.get();
  }

  /** Listens for saved changes; returns the function that stops listening. */
  onChange(listener: SettingsListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * The folder the local pane opens in: the default local folder, or the home folder when none is
   * set or it no longer exists (`onMissing` says so).
   */
  async startFolder(onMissing: (message: string) => void): Promise<string | undefined> {
    const folder = this.current.transfers.defaultLocalFolder;
    if (!folder) return undefined;
    if (await isFolder(folder)) return folder;
    onMissing(`The default local folder ${folder} does not exist any more; showing the home folder instead (change it in Settings)`);
    return undefined;
  }
}

async function isFolder(folder: string): Promise<boolean> {
  try {
    return (await stat(resolveLocalPath(folder))).isDirectory();
  } catch {
    return false;
  }
}
