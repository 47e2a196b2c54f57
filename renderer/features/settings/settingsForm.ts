/**
 * The Settings dialog's form: the settings as fields a user edits (numbers and the extension list
 * as text), turned back into settings with one clear message per bad field, by the same schema
 * the main process checks with. No React here, so it is tested on its own.
 */
import { appSettingsSchema, parseExtensionList, type AppSettings, type Theme, type TransferTypeSetting } from '../../../shared/settings';

/** What the dialog's fields hold. */
export interface SettingsForm {
  type: TransferTypeSetting;
  extensions: string;
  isNoExtensionAscii: boolean;
  isDotfileAscii: boolean;
  perServer: string;
  defaultLocalFolder: string;
  timeoutSeconds: string;
  isKeepAlive: boolean;
  keepAliveSeconds: string;
  showRawReplies: boolean;
  showHints: boolean;
  theme: Theme;
  confirmDelete: boolean;
  confirmCancelAll: boolean;
  editorCommand: string;
}

/** A field of the form that can be wrong. */
export type FormField = 'extensions' | 'perServer' | 'defaultLocalFolder' | 'timeoutSeconds' | 'keepAliveSeconds' | 'editorCommand';

/** A message per bad field. */
export type FormErrors = Partial<Record<FormField, string>>;

/** The form showing `settings`. */
export function formOf(settings: AppSettings): SettingsForm {
  const { transfers, connection, log, confirm } = settings;
  return {
    type: transfers.type,
    extensions: transfers.asciiExtensions.join(', '),
    isNoExtensionAscii: transfers.isNoExtensionAscii,
    isDotfileAscii: transfers.isDotfileAscii,
    perServer: String(transfers.perServer),
    defaultLocalFolder: transfers.defaultLocalFolder,
    timeoutSeconds: String(connection.timeoutSeconds),
    isKeepAlive: connection.isKeepAlive,
    keepAliveSeconds: String(connection.keepAliveSeconds),
    showRawReplies: log.showRawReplies,
    showHints: log.showHints,
    theme: settings.theme,
    confirmDelete: confirm.delete,
    confirmCancelAll: confirm.cancelAll,
    editorCommand: settings.edit.editorCommand,
  };
}

/** A typed number: blank is not zero. */
const numberOf = (text: string) => (text.trim() === '' ? Number.NaN : Number(text.trim()));

/** Where a schema issue (by its dotted path) is shown. */
const FIELD_BY_PATH: Record<string, FormField> = {
  'transfers.asciiExtensions': 'extensions',
  'transfers.perServer': 'perServer',
  'transfers.defaultLocalFolder': 'defaultLocalFolder',
  'connection.timeoutSeconds': 'timeoutSeconds',
  'connection.keepAliveSeconds': 'keepAliveSeconds',
  'edit.editorCommand': 'editorCommand',
};

/** The form field of an issue the schema or the main process reported, if it is one of the form's. */
export function fieldOf(path: string): FormField | undefined {
  const key = Object.keys(FIELD_BY_PATH).find((p) => path === p || path.startsWith(`${p}.`));
  return key ? FIELD_BY_PATH[key] : undefined;
}

/** The settings the form stands for, or a message for each bad field (nothing is saved then). */
export function settingsFromForm(form: SettingsForm): { settings: AppSettings } | { errors: FormErrors } {
  const extensions = parseExtensionList(form.extensions);
  const candidate = {
    transfers: {
      type: form.type,
      asciiExtensions: extensions,
      isNoExtensionAscii: form.isNoExtensionAscii,
      isDotfileAscii: form.isDotfileAscii,
      perServer: numberOf(form.perServer),
      defaultLocalFolder: form.defaultLocalFolder.trim(),
    },
    connection: { timeoutSeconds: numberOf(form.timeoutSeconds), isKeepAlive: form.isKeepAlive, keepAliveSeconds: numberOf(form.keepAliveSeconds) },
    log: { showRawReplies: form.showRawReplies, showHints: form.showHints },
    theme: form.theme,
    confirm: { delete: form.confirmDelete, cancelAll: form.confirmCancelAll },
    edit: { editorCommand: form.editorCommand.trim() },
  };
  const parsed = appSettingsSchema.safeParse(candidate);
  if (parsed.success) return { settings: parsed.data };
  const errors: FormErrors = {};
  for (const issue of parsed.error.issues) {
    const field = fieldOf(issue.path.join('.'));
    if (!field || errors[field]) continue;
    const index = field === 'extensions' ? issue.path[2] : undefined;
    errors[field] = typeof index === 'number' ? `Entry ${index + 1}${extensions[index] ? ` (“${extensions[index]}”)` : ''}: ${issue.message}` : issue.message;
  }
  return { errors };
}
