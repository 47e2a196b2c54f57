/**
 * The IPC contract: every method and event between the renderer and the main process,
 * declared once with runtime input schemas (zod) and output types. Both transports
 * (Electron IPC and the browser-mode WebSocket) and both sides use it.
 * Must not import node:*, the DOM or React.
 */
import { z } from 'zod';
import type { LocalListing, LogEntry, RemoteListing, RemoteSessionInfo, Site } from './domain';
import type { ExportReport, ImportReport, SitesStatus, SiteTree } from './sites';
import type { EnqueueReport, ExistsQuestionInfo, QueueChange, QueueSettings, QueueSnapshot } from './queue';
import type { MethodName, EventName } from './contractNames';
import type { AppliedClock } from './serverClock';
import { SERVER_TYPES } from './serverType';
import { appSettingsSchema, type AppSettings } from './settings';
import type { KeepUpToDateStatus } from './keepUpToDate';
import type { EditInfo, EditOpened } from './edit';
import type { SyncPreview, SyncRunStart, SyncRunStatus, SyncServerInfo } from './syncPreview';
import { MAX_SSH_PROMPTS, type SshQuestion } from './ssh';

/** A method's declaration: its input schema, and its output type carried as a phantom. */
export interface MethodDef<I extends z.ZodType, O> {
  input: I;
  /** Never set: carries the output type for inference. */
  readonly output?: O;
}

function method<O>() {
  return <I extends z.ZodType>(input: I): MethodDef<I, O> => ({ input });
}

const path = z.string().min(1).max(4096).refine((p) => !p.includes('\0'), 'path contains a NUL byte');
// CR and LF would end an FTP command early: refuse them at the boundary as well as in the engine.
const remotePath = path.refine((p) => !/[\r\n]/.test(p), 'path contains a line break');
const sessionId = z.string().min(1).max(64);
const tls = z.enum(['none', 'explicit-if-available', 'explicit', 'implicit']);
const dataMode = z.enum(['auto', 'passive', 'active']);
const host = z
  .string()
  .trim()
  .min(1, 'host is required')
  .max(255)
  .regex(/^[A-Za-z0-9.:%[\]_-]+$/, 'host may contain only letters, digits, dots, dashes, colons and brackets');

const protocol = z.enum(['ftp', 'sftp']);
/** An SSH host key fingerprint as `ssh-keygen -lf` prints it: `SHA256:` and 43 characters of unpadded base64. */
const hostKeyFingerprint = z.string().regex(/^SHA256:[A-Za-z0-9+/]{43}$/, 'not a SHA256: host key fingerprint');
/** A local file path (a private key). */
const localFile = z.string().min(1).max(4096).refine((p) => !/[\0\r\n]/.test(p), 'path contains a line break or NUL');

/** Connection parameters, as the quick-connect bar and the Site Manager send them. */
export const connectParamsSchema = z
  .object({
    protocol: protocol.optional(),
    host,
    port: z.number().int().min(1).max(65535).optional(),
    user: z.string().max(256).refine((u) => !/[\r\n\0]/.test(u), 'user contains a line break').optional(),
    password: z.string().max(1024).refine((p) => !/[\r\n\0]/.test(p), 'password contains a line break').optional(),
    tls,
    dataMode,
    trustedFingerprint: z.string().regex(/^[0-9A-Fa-f:]{64,95}$/).optional(),
    trustAlways: z.boolean().optional(),
    siteId: z.string().max(64).optional(),
    encoding: z.enum(['utf8', 'latin1']).optional(),
    serverType: z.enum(SERVER_TYPES).optional(),
    allowPlain: z.enum(['once', 'always']).optional(),
    keyFile: localFile.optional(),
    passphrase: z.string().max(1024).optional(),
    useAgent: z.boolean().optional(),
    trustedHostKey: hostKeyFingerprint.optional(),
  })
  .strict();

const siteId = z.string().min(1).max(64);
/** One name inside a folder: no separator, NUL or line break, not `.` or `..`. */
const plainName = z.string().min(1).max(1024).refine((n) => !/[/\\\0\r\n]/.test(n) && n !== '.' && n !== '..', 'not a plain file name');
const itemIds = z.array(z.string().min(1).max(64)).max(100_000);
const existsPolicy = z.enum(['ask', 'overwrite', 'newer', 'size-differs', 'resume', 'rename', 'skip']);
const folderPath = z.string().max(1024);
const editId = z.string().min(1).max(64);
// A password ends up in PASS: CR, LF or NUL would end that command early.
const secret = z.string().max(1024).refine((p) => !/[\r\n\0]/.test(p), 'password contains a line break');

// A glob is matched, never sent to a server; still no control characters that a log line would carry.
const globPattern = z.string().trim().min(1).max(1024).refine((p) => !/[\0\r\n]/.test(p), 'pattern contains a line break');
const previewId = z.string().min(1).max(64);

/** What the Synchronize dialog asks a preview with. */
export const syncSettingsSchema = z
  .object({
    direction: z.enum(['upload', 'download', 'both']),
    method: z.enum(['size-time', 'checksum']),
    deleteOrphans: z.boolean(),
    include: z.array(globPattern).max(200),
    exclude: z.array(globPattern).max(200),
    followLocalLinks: z.boolean(),
  })
  .strict();

/** A site as the Site Manager sends it; the sites module validates every field in depth. */
export const siteInputSchema = z
  .object({
    name: z.string().max(256),
    folder: folderPath.optional(),
    protocol: protocol.optional(),
    host: z.string().max(255),
    port: z.number().int().nullable().optional(),
    tls: tls.optional(),
    logonType: z.enum(['anonymous', 'normal', 'ask', 'key', 'agent', 'interactive']).optional(),
    user: z.string().max(256).optional(),
    keyFile: z.string().max(4096).optional(),
    dataMode: dataMode.optional(),
    charset: z.string().max(40).optional(),
    serverType: z.enum(SERVER_TYPES).optional(),
    localDir: z.string().max(4096).optional(),
    remoteDir: z.string().max(4096).optional(),
    syncBrowsing: z.boolean().optional(),
    maxConnections: z.number().int().nullable().optional(),
    comments: z.string().max(10_000).optional(),
    trustedFingerprint: z.string().max(200).nullable().optional(),
    clockOverrideMs: z.number().int().nullable().optional(),
  })
  .strict();

/** What the main process says about itself. */
export interface AppInfo {
  version: string;
  transport: 'electron' | 'browser';
  platform: string;
  homeDir: string;
}

/** All methods. Names are flat so the preload can expose one function per method. */
export const methods = {
  appInfo: method<AppInfo>()(z.object({}).strict()),
  localList: method<LocalListing>()(z.object({ path: path.optional() }).strict()),
  localMkdir: method<void>()(z.object({ path }).strict()),
  localRename: method<void>()(z.object({ from: path, to: path }).strict()),
  localDelete: method<void>()(z.object({ paths: z.array(path).min(1).max(100_000) }).strict()),
  remoteConnect: method<RemoteSessionInfo>()(connectParamsSchema),
  remoteDisconnect: method<void>()(z.object({ sessionId }).strict()),
  remoteList: method<RemoteListing>()(z.object({ sessionId, path: remotePath.optional() }).strict()),
  remoteMkdir: method<void>()(z.object({ sessionId, path: remotePath }).strict()),
  remoteRename: method<void>()(z.object({ sessionId, from: remotePath, to: remotePath }).strict()),
  remoteDelete: method<void>()(
    z.object({ sessionId, targets: z.array(z.object({ path: remotePath, isFolder: z.boolean() }).strict()).min(1).max(100_000) }).strict(),
  ),
  remoteChmod: method<void>()(
    z.object({ sessionId, path: remotePath, mode: z.string().regex(/^[0-7]{3,4}$/, 'mode must be octal, like 644') }).strict(),
  ),
  /** The clock offset applied to the times of the session's server (the site's override, else the detected one). */
  remoteClock: method<AppliedClock>()(z.object({ sessionId }).strict()),
  remoteConnectSite: method<RemoteSessionInfo>()(
    z
      .object({
        siteId,
        /** For "ask for password" sites, or to override the saved one for this connection. */
        password: secret.optional(),
        trustedFingerprint: z.string().regex(/^[0-9A-Fa-f:]{64,95}$/).optional(),
        /** Remember this fingerprint with the site (the user chose "trust always"). */
        trustAlways: z.boolean().optional(),
        /** The user's answer when the site offers no TLS though it asks for it if available. */
        allowPlain: z.enum(['once', 'always']).optional(),
        /** SFTP: the host key the user chose to trust (with `trustAlways`, kept in Ferry's known hosts). */
        trustedHostKey: hostKeyFingerprint.optional(),
      })
      .strict(),
  ),
  sitesStatus: method<SitesStatus>()(z.object({}).strict()),
  sitesList: method<SiteTree>()(z.object({}).strict()),
  sitesCreate: method<Site>()(z.object({ site: siteInputSchema, password: secret.optional() }).strict()),
  sitesUpdate: method<Site>()(
    z.object({ id: siteId, patch: siteInputSchema.partial(), password: secret.nullable().optional() }).strict(),
  ),
  sitesDuplicate: method<Site>()(z.object({ id: siteId }).strict()),
  /** Forgets the clock offset detected for the site, so the next uploads detect it again. */
  sitesDetectClockAgain: method<Site>()(z.object({ id: siteId }).strict()),
  sitesDelete: method<void>()(z.object({ id: siteId }).strict()),
  sitesMove: method<Site>()(z.object({ id: siteId, folder: folderPath }).strict()),
  sitesCreateFolder: method<string>()(z.object({ folder: folderPath.min(1) }).strict()),
  sitesRenameFolder: method<string>()(z.object({ folder: folderPath.min(1), newName: z.string().min(1).max(256) }).strict()),
  sitesDeleteFolder: method<void>()(z.object({ folder: folderPath.min(1), recursive: z.boolean() }).strict()),
  sitesImport: method<ImportReport>()(
    z.object({ xml: z.string().max(20 * 1024 * 1024), targetFolder: folderPath.optional() }).strict(),
  ),
  sitesExport: method<ExportReport>()(z.object({ includePasswords: z.boolean().optional(), folder: folderPath.optional() }).strict()),
  sitesSetMasterPassword: method<void>()(z.object({ password: secret }).strict()),
  sitesUnlock: method<void>()(z.object({ password: secret }).strict()),
  sitesLock: method<void>()(z.object({}).strict()),
  sitesChangeMasterPassword: method<void>()(z.object({ current: secret, next: secret }).strict()),
  sitesForgetPasswords: method<void>()(z.object({}).strict()),
  queueAdd: method<EnqueueReport>()(
    z
      .object({
        /** The browsing session whose server the files go to or come from. */
        sessionId,
        direction: z.enum(['download', 'upload']),
        items: z
          .array(
            z
              .object({
                name: plainName,
                /** A remote entry's readable name (FileEntry.displayName), which its local copy gets. */
                displayName: plainName.optional(),
                isFolder: z.boolean(),
                sizeBytes: z.number().int().nonnegative().optional(),
                modifiedMs: z.number().optional(),
              })
              .strict(),
          )
          .min(1)
          .max(100_000),
        localFolder: path,
        remoteFolder: remotePath,
        onExists: existsPolicy.optional(),
      })
      .strict(),
  ),
  queueList: method<QueueSnapshot>()(z.object({}).strict()),
  queuePause: method<void>()(z.object({ ids: itemIds.optional() }).strict()),
  queueResume: method<void>()(z.object({ ids: itemIds.optional() }).strict()),
  queueCancel: method<void>()(z.object({ ids: itemIds.optional(), deletePartial: z.boolean().optional() }).strict()),
  queueRetry: method<void>()(z.object({ ids: itemIds.optional() }).strict()),
  queueRemove: method<void>()(z.object({ ids: itemIds }).strict()),
  queueMove: method<void>()(z.object({ ids: itemIds, to: z.enum(['up', 'down', 'top', 'bottom']) }).strict()),
  queueClearFinished: method<void>()(z.object({ states: z.array(z.enum(['done', 'failed', 'cancelled'])).min(1) }).strict()),
  queueAnswerExists: method<void>()(
    z.object({ questionId: z.string().min(1).max(64), action: existsPolicy.exclude(['ask']), applyToAll: z.boolean() }).strict(),
  ),
  queueSetOptions: method<QueueSettings>()(
    z
      .object({
        defaultSiteLimit: z.number().int().min(1).max(10).optional(),
        onExists: existsPolicy.optional(),
        downloadLimitBps: z.number().int().nonnegative().optional(),
        uploadLimitBps: z.number().int().nonnegative().optional(),
      })
      .strict(),
  ),
  /**
   * Starts uploading every change in a local folder to a folder of the browsing session's server
   * (WinSCP's "Keep remote directory up to date"); refused for a folder pair already kept.
   */
  keepUpToDateStart: method<KeepUpToDateStatus>()(
    z
      .object({
        sessionId,
        localFolder: path,
        remoteFolder: remotePath,
        options: z.object({ deleteOnServer: z.boolean(), exclude: z.array(globPattern).max(200), syncFirst: z.boolean() }).strict(),
      })
      .strict(),
  ),
  /** Stops a watch (its queued uploads still run). */
  keepUpToDateStop: method<void>()(z.object({ watchId: z.string().min(1).max(64) }).strict()),
  /** What the browsing session's server offers a sync: checksum, clock offset, connections. */
  syncInfo: method<SyncServerInfo>()(z.object({ sessionId }).strict()),
  /**
   * Compares the pane's folders over the session's server and plans the sync; the plan is kept
   * under `previewId` (chosen by the window, so it can cancel the preview while it runs).
   */
  syncPreview: method<SyncPreview>()(
    z.object({ previewId, sessionId, localDir: path, remoteDir: remotePath, settings: syncSettingsSchema }).strict(),
  ),
  /** Stops a preview that is still listing; it then fails with kind `cancelled`. */
  syncCancelPreview: method<void>()(z.object({ previewId }).strict()),
  /** Runs the ticked steps (indexes into the preview's plan) through the transfer queue. */
  syncRun: method<SyncRunStart>()(
    z.object({ previewId, checked: z.array(z.number().int().nonnegative()).max(1_000_000) }).strict(),
  ),
  settingsGet: method<AppSettings>()(z.object({}).strict()),
  /** Replaces the settings; a folder that does not exist is refused (`settings-invalid` with the field). */
  settingsUpdate: method<AppSettings>()(z.object({ settings: appSettingsSchema }).strict()),
  /** Downloads a remote file into a private copy and opens it in the desktop's editor or returns its text. */
  editOpen: method<EditOpened>()(z.object({ sessionId, path: remotePath, mode: z.enum(['external', 'builtin']) }).strict()),
  editList: method<EditInfo[]>()(z.object({}).strict()),
  /** Shows an open edit again: its copy in the desktop's editor, or its text for the built-in one. */
  editShow: method<EditOpened>()(z.object({ editId, mode: z.enum(['external', 'builtin']) }).strict()),
  /** The built-in editor's save: the text goes into the copy and is uploaded after the conflict check. */
  editSave: method<EditInfo>()(z.object({ editId, text: z.string().max(16 * 1024 * 1024) }).strict()),
  editAnswerOffer: method<EditInfo>()(z.object({ editId, answer: z.enum(['once', 'always', 'not-now']) }).strict()),
  editResolveConflict: method<EditOpened>()(
    z
      .object({
        editId,
        answer: z.enum(['overwrite', 'keep-theirs', 'save-as']),
        /** With keep-theirs: load the server's file into the copy. */
        reload: z.boolean().optional(),
        /** With save-as: the name in the same folder. */
        name: plainName.optional(),
      })
      .strict(),
  ),
  /** Ends an edit and removes its copy; refused while it has changes not uploaded unless `discardChanges`. */
  editClose: method<void>()(z.object({ editId, discardChanges: z.boolean().optional() }).strict()),
  /**
   * Answers an SSH login's question: one answer per prompt, or the passphrase (`remember` saves it
   * with the site); no answers gives up, and the login fails.
   */
  sshAnswer: method<void>()(
    z
      .object({
        questionId: z.string().min(1).max(64),
        answers: z.array(z.string().max(1024)).max(MAX_SSH_PROMPTS).optional(),
        remember: z.boolean().optional(),
      })
      .strict(),
  ),
} satisfies Record<MethodName, MethodDef<z.ZodType, unknown>>;

/** Payload of each event the main process pushes (already batched). */
export interface EventPayloads {
  log: LogEntry[];
  queue: QueueChange;
  /** Every file-exists question still waiting, oldest first (sent whenever the list changes). */
  queueQuestions: ExistsQuestionInfo[];
  /** The settings after a change (from any window, the queue bar, or the dialog). */
  settings: AppSettings;
  /** Watches of folders kept up to date whose state or counts changed (each window shows its own). */
  keepUpToDate: KeepUpToDateStatus[];
  /** A sync run moved on (a phase began, or it ended). */
  syncStatus: SyncRunStatus;
  /** A command from the desktop app's menu for the window to run. */
  appCommand: AppCommand;
  /** Every file being edited, after any of them changed. */
  edits: EditInfo[];
  /** Every SSH login question still waiting, oldest first (sent whenever the list changes). */
  sshQuestions: SshQuestion[];
}

/** Commands the desktop menu sends to the window. */
export type AppCommand = 'openSettings' | 'synchronize';

/** The methods' table type. */
export type Methods = typeof methods;
/** The validated input of method K. */
export type MethodInput<K extends MethodName> = z.infer<Methods[K]['input']>;
/** The output of method K. */
export type MethodOutput<K extends MethodName> = Exclude<Methods[K]['output'], undefined>;

// Compile-time check that every event has a payload type and no stray ones exist.
type _EventsMatch = [EventName] extends [keyof EventPayloads]
  ? [keyof EventPayloads] extends [EventName]
    ? true
    : never
  : never;
export const eventsMatch: _EventsMatch = true;

export type { MethodName, EventName };
