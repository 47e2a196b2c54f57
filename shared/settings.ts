/**
 * The settings a user sets once (the Settings dialog): transfer type, default local folder,
 * timeouts and keep-alive, transfers per server, log detail, theme, confirmations and the editor
 * View/Edit uses. One typed
 * object with its defaults; the main process keeps it in `settings.json`, the window and the
 * command line read it. Must not import node:*, the DOM or React.
 */
// zod/mini: the same checks in a fraction of the size, since the window bundles this schema too.
import { z } from 'zod/mini';
import { splitCommandLine } from './commandLine';

/** How files are transferred. */
export const TRANSFER_TYPES = [
  // By name: ASCII for the listed extensions (and, if chosen, names without one and dotfiles), else binary.
  'auto',
  // Every file as text: TYPE A, line endings converted.
  'ascii',
  // Every file byte for byte: TYPE I.
  'binary',
] as const;
export type TransferTypeSetting = (typeof TRANSFER_TYPES)[number];

/** The type one transfer uses on the wire. */
export type TransferType = 'ascii' | 'binary';

/** The window's colours. */
export const THEMES = [
  // Follow the operating system's light or dark preference.
  'system',
  'light',
  'dark',
] as const;
export type Theme = (typeof THEMES)[number];

/** FileZilla's default list of ASCII extensions (Settings → Transfers → FTP: File Types). */
export const FILEZILLA_ASCII_EXTENSIONS: readonly string[] = [
  'am', 'asp', 'bat', 'c', 'cfm', 'cgi', 'conf', 'cpp', 'css', 'dhtml', 'diz', 'h', 'hpp', 'htm', 'html', 'in', 'inc', 'java', 'js', 'jsp',
  'lua', 'm4', 'mak', 'md5', 'nfo', 'nsh', 'nsi', 'pas', 'patch', 'pem', 'php', 'phtml', 'pl', 'po', 'pot', 'py', 'qmail', 'sh', 'sha1',
  'sha256', 'sha512', 'shtml', 'sql', 'svg', 'tcl', 'tpl', 'txt', 'vbs', 'xhtml', 'xml', 'xrc',
];

/** An extension as the list holds it: letters, digits, `_`, `-` or `+`, without the dot. */
export const extensionSchema = z
  .string()
  .check(
    z.trim(),
    z.minLength(1, 'an extension cannot be empty'),
    z.maxLength(32, 'an extension is at most 32 characters'),
    z.regex(/^[A-Za-z0-9_+-]+$/, 'an extension has letters, digits, _, - or + only, without the dot'),
  );

/** Limits of the numbers a user types, shared by the dialog and the check in the main process. */
export const SETTING_LIMITS = {
  timeoutSeconds: { min: 5, max: 600 },
  keepAliveSeconds: { min: 15, max: 3600 },
  transfersPerServer: { min: 1, max: 10 },
} as const;

const whole = (name: string, { min, max }: { min: number; max: number }) =>
  z
    .number({ error: `${name} must be a number` })
    .check(z.int(`${name} must be a whole number`), z.minimum(min, `${name} must be at least ${min}`), z.maximum(max, `${name} must be at most ${max}`));

/** The whole settings object, as saved and as sent over the contract. */
export const appSettingsSchema = z.strictObject({
    transfers: z.strictObject({
        type: z.enum(TRANSFER_TYPES),
        asciiExtensions: z.array(extensionSchema).check(z.maxLength(1000)),
        /** Auto: names without an extension (README, Makefile) go as ASCII, as in FileZilla. */
        isNoExtensionAscii: z.boolean(),
        /** Auto: dotfiles (.htaccess, .profile) go as ASCII, as in FileZilla. */
        isDotfileAscii: z.boolean(),
        /** Transfers at once per server, for sites without their own limit. */
        perServer: whole('Transfers per server', SETTING_LIMITS.transfersPerServer),
        /** Where the local pane opens; empty: the home folder. */
        defaultLocalFolder: z.string().check(z.maxLength(4096), z.refine((p) => !p.includes('\0'), 'the folder contains a NUL byte')),
      }),
    connection: z.strictObject({
        /** Connect and reply timeout of new connections. */
        timeoutSeconds: whole('The timeout', SETTING_LIMITS.timeoutSeconds),
        /** Whether idle connections send NOOP so servers and routers keep them open. */
        isKeepAlive: z.boolean(),
        keepAliveSeconds: whole('The keep-alive interval', SETTING_LIMITS.keepAliveSeconds),
      }),
    log: z.strictObject({
        /** Show the commands sent and the server's replies, not only the plain-words lines. */
        showRawReplies: z.boolean(),
        /** Show the explanations added to lines that matter. */
        showHints: z.boolean(),
      }),
    theme: z.enum(THEMES),
    confirm: z.strictObject({
        /** Ask before deleting files and folders from a pane. */
        delete: z.boolean(),
        /** Ask before cancelling every transfer of the queue at once. */
        cancelAll: z.boolean(),
      }),
    // Added after the first settings files were written: a file without it gets the default.
    edit: z._default(
      z.strictObject({
        /** The program View/Edit opens copies with in the desktop app (`%f`: the file); empty: the system's default application. */
        editorCommand: z.string().check(
          z.maxLength(1024, 'The editor command is at most 1024 characters'),
          z.refine((c) => !/[\r\n\0]/.test(c), 'The editor command is one line'),
          z.refine((c) => c.trim() === '' || 'argv' in splitCommandLine(c), { error: (issue) => problemOf(issue.input) }),
        ),
      }),
      { editorCommand: '' },
    ),
  });

/** What is wrong with an editor command, for the settings check. */
function problemOf(input: unknown): string {
  const split = splitCommandLine(String(input));
  return 'problem' in split ? split.problem : 'The editor command cannot be used';
}

export type AppSettings = z.infer<typeof appSettingsSchema>;

/** What a new installation starts with. */
export const DEFAULT_SETTINGS: AppSettings = {
  transfers: {
    type: 'auto',
    asciiExtensions: [...FILEZILLA_ASCII_EXTENSIONS],
    isNoExtensionAscii: true,
    isDotfileAscii: true,
    perServer: 2,
    defaultLocalFolder: '',
  },
  connection: { timeoutSeconds: 20, isKeepAlive: true, keepAliveSeconds: 60 },
  log: { showRawReplies: true, showHints: true },
  theme: 'system',
  confirm: { delete: true, cancelAll: true },
  edit: { editorCommand: '' },
};

/** What decides a file's transfer type: the setting and, for Auto, the rule's parts. */
export type TransferTypeRule = Pick<AppSettings['transfers'], 'type' | 'asciiExtensions' | 'isNoExtensionAscii' | 'isDotfileAscii'>;

/** The type a file of this name is transferred with (FileZilla's rule; extensions compared without case). */
export function transferTypeOf(fileName: string, rule: TransferTypeRule): TransferType {
  if (rule.type !== 'auto') return rule.type;
  const dot = fileName.lastIndexOf('.');
  if (dot === -1) return rule.isNoExtensionAscii ? 'ascii' : 'binary';
  if (dot === 0) return rule.isDotfileAscii ? 'ascii' : 'binary';
  const extension = fileName.slice(dot + 1).toLowerCase();
  return rule.asciiExtensions.some((e) => e.toLowerCase() === extension) ? 'ascii' : 'binary';
}

/**
 * A user's extension list ("txt, .HTML  md") as the settings hold it: separated by commas,
 * semicolons, bars or spaces, without dots, in lower case. An empty entry between two separators
 * ("txt,,md") is kept as '' so that `extensionSchema` can point at it instead of dropping it unseen.
 */
export function parseExtensionList(text: string): string[] {
  if (text.trim() === '') return [];
  return text.split(/[,;|]/).flatMap((piece) => {
    const words = piece.trim().split(/\s+/).filter(Boolean);
    return words.length === 0 ? [''] : words.map((e) => e.replace(/^\./, '').toLowerCase());
  });
}

/** The name of the settings file in the data folder, and the format version it is written in. */
export const SETTINGS_FILE_NAME = 'settings.json';
export const SETTINGS_VERSION = 1;

/** Reads a settings file's text without changing anything (the command line's view); a reason when it cannot be used. */
export function settingsFromJson(text: string): { settings: AppSettings } | { reason: string } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    return { reason: `not valid JSON: ${(err as Error).message}` };
  }
  if (!json || typeof json !== 'object' || (json as { version?: unknown }).version !== SETTINGS_VERSION) return { reason: `not a format ${SETTINGS_VERSION} settings file` };
  const { version: _version, ...content } = json as Record<string, unknown>;
  const parsed = appSettingsSchema.safeParse(content);
  return parsed.success ? { settings: parsed.data } : { reason: parsed.error.issues[0]?.message ?? 'unexpected content' };
}
