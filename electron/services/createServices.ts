/**
 * Builds the main-process services once and the handler table over them. Both Electron
 * and browser mode call this, so both serve the same behaviour; they differ only in where
 * passwords are kept (`openSecrets`). Must not import electron.
 */
import os from 'node:os';
import type { Handlers } from '../../shared/api';
import { EventHub } from './EventHub';
import { listLocal } from '../local/listLocal';
import { deleteLocal, makeLocalDir, renameLocal } from '../local/localOps';
import { APP_VERSION } from './appVersion';
import { LogFeed } from './LogFeed';
import { RemoteSessions } from './RemoteSessions';
import { MasterPasswordSecretStore, SiteService, SiteStore, type SecretStore } from '../sites';
import { siteConnectParams } from './siteConnect';
import { QueueService, quickSiteIdOf } from './QueueService';
import { KeepUpToDateService } from './KeepUpToDateService';
import { ServerHabits } from './ServerHabits';
import { TlsMemory } from './TlsMemory';
import { HostKeys } from './HostKeys';
import { SshQuestions } from './SshQuestions';
import { SettingsService } from './SettingsService';
import { ConnectOptionsBuilder, portOf, timingOf } from './connectOptions';
import { ServerClocks } from './ServerClocks';
import { EditService } from './EditService';
import { EditTempFolder } from './EditTempFolder';
import { hasUnuploadedChanges, type EditInfo } from '../../shared/edit';
import { SyncService } from './SyncService';

/** Options for the services: where Ferry keeps its files, and how it keeps passwords. */
export interface ServiceOptions {
  /** Folder for sites, queue and secrets. */
  dataDir: string;
  /** Opens the password store; default: a master-password store (browser mode). */
  openSecrets?: (dataDir: string) => Promise<SecretStore>;
  /**
   * Opens an edited copy in the desktop's editor: the system's default application, or the
   * editor command chosen in Settings when there is one. Absent in browser mode, whose window
   * edits in its own editor.
   */
  openInEditor?: (localPath: string, editorCommand: string) => Promise<void>;
  /** Where the private folders of edited copies are made; default: the OS temporary folder. */
  editTempDir?: string;
  /** The home folder whose ~/.ssh/known_hosts is read; default: the user's. */
  homeDir?: string;
}

/** The running services: the handler table, the event hub, and a way to stop them. */
export interface Services {
  handlers: Handlers;
  hub: EventHub;
  sites: SiteService;
  /** The files being edited whose copies hold changes the server does not have (quitting would lose them). */
  unsavedEdits(): EditInfo[];
  /** Releases what a window held (its browsing sessions, its questions) when it closes, reloads or crashes. */
  closeClient(clientId: string): Promise<void>;
  close(): Promise<void>;
}

/** Creates the services and the handler table that serves the contract. */
export async function createServices(options: ServiceOptions): Promise<Services> {
  const hub = new EventHub();
  const log = new LogFeed(hub);
  const tls = await TlsMemory.open(options.dataDir, (message) => log.status('ferry', message, 'error'));
  const habits = new ServerHabits();
  const settings = await SettingsService.open(options.dataDir, (message) => log.status('ferry', message, 'error'));
  settings.onChange((next) => hub.emit('settings', next));
  const openSecrets = options.openSecrets ?? ((dir: string) => MasterPasswordSecretStore.open(dir));
  const sites = await SiteService.create(await SiteStore.open(options.dataDir), await openSecrets(options.dataDir));
  const sshQuestions = new SshQuestions((questions) => hub.emit('sshQuestions', questions));
  const connectOptions = new ConnectOptionsBuilder({
    tls,
    habits,
    timing: () => timingOf(settings.get().connection),
    hostKeys: new HostKeys(options.dataDir, options.homeDir, (message) => log.status('ferry', message, 'error')),
    questions: sshQuestions,
    rememberPassphrase: (siteId) => (sites.secrets.canStore() ? (passphrase) => sites.update(siteId, {}, passphrase).then(() => undefined) : undefined),
    hasAgent: () => process.platform === 'win32' || Boolean(process.env.SSH_AUTH_SOCK),
  });
  const remote = new RemoteSessions(log, tls, habits, connectOptions);
  const queue = new QueueService({ dataDir: options.dataDir, hub, log, remote, sites, options: connectOptions, settings });
  await queue.restore();
  const clocks = new ServerClocks({ sites, dataDir: options.dataDir, log });
  clocks.watch(queue.queue);
  const keep = new KeepUpToDateService({ hub, log, remote, queue, clockOffsetMs: async (sessionId) => (await clocks.clockOffsetFor(remote.paramsOf(sessionId))).offsetMs });
  const edits = await openEdits(options, remote, log, hub, () => settings.get().edit.editorCommand);
  const sync = new SyncService({ dataDir: options.dataDir, hub, log, remote, queue, clocks });

  const handlers = {
    appInfo: async (_input, ctx) => ({
      version: APP_VERSION,
      transport: ctx.transport,
      platform: process.platform,
      homeDir: os.homedir(),
    }),
    // The local pane's first listing asks for no folder: it opens in the default local folder.
    localList: async ({ path }) => listLocal(path ?? (await settings.startFolder((message) => log.status('ferry', message)))),
    localMkdir: async ({ path }) => makeLocalDir(path),
    localRename: async ({ from, to }) => renameLocal(from, to),
    localDelete: async ({ paths }) => deleteLocal(paths),
    remoteConnect: async (params, ctx) => {
      const info = await remote.connect(params, ctx.clientId);
      queue.sessionConnected(info.sessionId);
      edits.connectionsChanged();
      return info;
    },
    remoteDisconnect: async ({ sessionId }) => {
      keep.stopForSession(sessionId);
      await remote.disconnect(sessionId);
      edits.connectionsChanged();
    },
    remoteList: async ({ sessionId, path }) => {
      const listing = await remote.list(sessionId, path);
      await clocks.observeListing(remote.paramsOf(sessionId), listing, remote.keepsModifiedTime(sessionId));
      return listing;
    },
    remoteClock: async ({ sessionId }) => clocks.clockOffsetFor(remote.paramsOf(sessionId)),
    remoteMkdir: async ({ sessionId, path }) => remote.mkdir(sessionId, path),
    remoteRename: async ({ sessionId, from, to }) => remote.rename(sessionId, from, to),
    remoteDelete: async ({ sessionId, targets }) => remote.delete(sessionId, targets),
    remoteChmod: async ({ sessionId, path, mode }) => remote.chmod(sessionId, path, mode),
    remoteConnectSite: async ({ siteId, password, trustedFingerprint, trustAlways, allowPlain, trustedHostKey }, ctx) => {
      const params = {
        ...(await siteConnectParams(sites, siteId, { password, trustedFingerprint, trustedHostKey })),
        ...(allowPlain ? { allowPlain } : {}),
        // A host key trusted always goes to Ferry's known_hosts, for every connection to the server.
        ...(trustAlways && trustedHostKey ? { trustAlways } : {}),
      };
      const info = await remote.connect(params, ctx.clientId);
      if (trustAlways && trustedFingerprint) {
        // The connection is up either way; failing to remember only means being asked again.
        await sites.update(siteId, { trustedFingerprint }).catch((err: unknown) => {
          log.status(info.sessionId, `Could not remember the certificate for this site: ${(err as Error).message}`, 'error');
        });
      }
      queue.sessionConnected(info.sessionId);
      edits.connectionsChanged();
      return info;
    },
    sitesStatus: async () => sites.status(),
    sitesList: async () => sites.list(),
    sitesCreate: async ({ site, password }) => sites.create(site, password),
    sitesUpdate: async ({ id, patch, password }) => sites.update(id, patch, password),
    sitesDuplicate: async ({ id }) => sites.duplicate(id),
    sitesDetectClockAgain: async ({ id }) => clocks.detectAgain(id),
    sitesDelete: async ({ id }) => sites.delete(id),
    sitesMove: async ({ id, folder }) => sites.move(id, folder),
    sitesCreateFolder: async ({ folder }) => sites.createFolder(folder),
    sitesRenameFolder: async ({ folder, newName }) => sites.renameFolder(folder, newName),
    sitesDeleteFolder: async ({ folder, recursive }) => {
      await sites.deleteFolder(folder, { recursive });
    },
    sitesImport: async ({ xml, targetFolder }) => sites.importFileZilla(xml, { targetFolder }),
    sitesExport: async ({ includePasswords, folder }) => sites.exportFileZilla({ includePasswords, folder }),
    sitesSetMasterPassword: async ({ password }) => sites.setMasterPassword(password),
    sitesUnlock: async ({ password }) => sites.unlockPasswords(password),
    sitesLock: async () => sites.lockPasswords(),
    sitesChangeMasterPassword: async ({ current, next }) => sites.changeMasterPassword(current, next),
    sitesForgetPasswords: async () => sites.forgetAllPasswords(),
    queueAdd: async (input, ctx) => queue.add(input, ctx.clientId, (await clocks.clockOffsetFor(remote.paramsOf(input.sessionId))).offsetMs),
    queueList: async (_input, ctx) => queue.snapshot(ctx.clientId),
    queuePause: async ({ ids }) => queue.queue.pause(ids),
    queueResume: async ({ ids }) => queue.queue.resume(ids),
    queueCancel: async ({ ids, deletePartial }) => queue.queue.cancel(ids, { deletePartial }),
    queueRetry: async ({ ids }) => queue.queue.retry(ids),
    queueRemove: async ({ ids }) => queue.queue.remove(ids),
    queueMove: async ({ ids, to }) => queue.queue.move(ids, to),
    queueClearFinished: async ({ states }) => queue.queue.clearFinished(states),
    queueAnswerExists: async ({ questionId, action, applyToAll }) => queue.answer(questionId, action, applyToAll),
    queueSetOptions: (change) => queue.changeSettings(change),
    keepUpToDateStart: (input, ctx) => keep.start(input, ctx.clientId),
    keepUpToDateStop: async ({ watchId }) => keep.stop(watchId),
    syncInfo: async ({ sessionId }) => sync.info(sessionId),
    syncPreview: async (input, ctx) => sync.preview(input, ctx.clientId),
    syncCancelPreview: async ({ previewId }) => sync.cancelPreview(previewId),
    syncRun: async (input) => sync.run(input),
    settingsGet: async () => settings.get(),
    settingsUpdate: async ({ settings: next }) => settings.update(next),
    editOpen: async ({ sessionId, path, mode }) => edits.open(sessionId, path, mode),
    editList: async () => edits.list(),
    editShow: async ({ editId, mode }) => edits.show(editId, mode),
    editSave: async ({ editId, text }) => edits.save(editId, text),
    editAnswerOffer: async ({ editId, answer }) => edits.answerOffer(editId, answer),
    editResolveConflict: async ({ editId, answer, reload, name }) => edits.resolveConflict(editId, answer, { reload, name }),
    editClose: async ({ editId, discardChanges }) => edits.close(editId, discardChanges),
    sshAnswer: async ({ questionId, answers, remember }) => sshQuestions.answer(questionId, answers, remember),
  } satisfies Handlers;
  return {
    handlers,
    hub,
    sites,
    unsavedEdits: () => edits.list().filter(hasUnuploadedChanges),
    closeClient: async (clientId) => {
      keep.stopOwnedBy(clientId);
      queue.clientGone(clientId);
      sync.clientGone(clientId);
      sshQuestions.clientGone(clientId);
      await remote.closeOwnedBy(clientId);
      edits.connectionsChanged();
    },
    close: async () => {
      keep.closeAll();
      sync.close();
      await queue.close();
      await edits.closeAll();
      await remote.closeAll();
      hub.flush();
      hub.close();
    },
  };
}

/**
 * The edit service over the browsing sessions, after removing what a crashed run left in the
 * temporary folder. Edits open in the desktop's editor where `openInEditor` is given.
 */
async function openEdits(options: ServiceOptions, remote: RemoteSessions, log: LogFeed, hub: EventHub, editorCommand: () => string): Promise<EditService> {
  const baseDir = options.editTempDir ?? os.tmpdir();
  const removed = await EditTempFolder.removeLeftovers(baseDir).catch(() => []);
  if (removed.length > 0) log.status('ferry', `Removed ${removed.length} folder${removed.length === 1 ? '' : 's'} of edited copies left by a Ferry that did not quit normally`);
  const { openInEditor } = options;
  return new EditService({
    remote: {
      use: (sessionId, op) => remote.withTransferSession(sessionId, op),
      serverOf: (sessionId) => {
        const params = remote.paramsOf(sessionId);
        return { key: params.siteId ?? quickSiteIdOf(params), label: `${params.user || 'anonymous'}@${params.host}:${portOf(params)}` };
      },
      sessionIds: () => remote.sessionIds(),
    },
    folder: new EditTempFolder(baseDir),
    log: (connectionId, text, kind) => log.status(connectionId, text, kind),
    emit: (list) => hub.emit('edits', list),
    ...(openInEditor ? { openExternally: (localPath: string) => openInEditor(localPath, editorCommand()) } : {}),
  });
}
