/**
 * The app's transfer queue: the queue module wired to the engine, the local filesystem,
 * the saved queue file, the message log, and the window (batched changes, file-exists
 * questions). Transfers to a saved site get their credentials from the site store each
 * time; quick-connect servers from the browsing session, in memory only.
 * Must not import electron.
 */
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import {
  FileQueueStore,
  TransferQueue,
  nodeLocalFs,
  partialSuffixes,
  type ExistsAnswer,
  type ExistsQuestion,
} from '../queue';
import type { SessionFactory, TransferSession } from '../queue/types';
import { remoteSessionFactory, type RemoteLogEvent } from '../sessions';
import type { ConnectParams } from '../../shared/domain';
import type { EnqueueReport, ExistsAction, ExistsQuestionInfo, QueueSettings, QueueSnapshot } from '../../shared/queue';
import type { MethodInput } from '../../shared/contract';
import { joinRemotePath } from '../../shared/remotePath';
import { accountKeyOf } from '../../shared/serverAccount';
import type { EventHub } from './EventHub';
import { serverLabel, type LogFeed } from './LogFeed';
import type { RemoteSessions } from './RemoteSessions';
import type { SiteService } from '../sites';
import { siteConnectParams } from './siteConnect';
import { portOf, type ConnectOptionsBuilder } from './connectOptions';
import type { SettingsService } from './SettingsService';
import type { AppSettings } from '../../shared/settings';
import { loadQueueSettings, optionsOf, saveQueueSettings, settingsOf } from './queueSettings';

/** The queue's site id of a server reached without a saved site: `quick:user@host:port`. */
export function quickSiteIdOf(params: ConnectParams): string {
  return `quick:${accountKeyOf(params)}`;
}

/** A quick-connect server's transfers need the browsing session's credentials, which only live in memory. */
export class CredentialsGoneError extends Error {
  readonly kind = 'credentials-needed';
  constructor(siteId: string) {
    super(`Connect to ${siteId.replace(/^quick:/, '')} again to continue this transfer (its password is not saved)`);
  }
}

/** Dependencies of the queue service. */
export interface QueueServiceDeps {
  dataDir: string;
  hub: EventHub;
  log: LogFeed;
  remote: RemoteSessions;
  sites: SiteService;
  /** Each connection's engine options (TLS consent, habits, host keys, timeouts), for the protocol its parameters name. */
  options: ConnectOptionsBuilder;
  /** The app settings: transfers per server, the transfer type. */
  settings: SettingsService;
}

/** Owns the app's TransferQueue and translates between it and the contract. */
export class QueueService {
  readonly queue: TransferQueue;
  /** How this run's browsing sessions logged in, by site: typed passwords and once-trusted certificates live only here. */
  private readonly sessionParams = new Map<string, ConnectParams>();
  /** Transfer connections already named in the log. */
  private readonly namedConnections = new Set<string>();
  /** File-exists questions waiting for the user, in the order asked. */
  private readonly questions = new Map<string, { info: ExistsQuestionInfo; resolve: (answer: ExistsAnswer) => void }>();
  /** The window (client) that queued each item, while it is open: its questions are asked there. */
  private readonly queuedBy = new Map<string, string>();

  /** Opens logged-in transfer connections, for the queue and for a compare's listings. */
  private readonly openTransferSession: SessionFactory;
  private sideConnections = 0;

  constructor(private readonly deps: QueueServiceDeps) {
    this.openTransferSession = remoteSessionFactory((siteId) => this.connectOptionsFor(siteId), { onLog: (siteId, e) => this.logTransfer(siteId, e) });
    this.queue = new TransferQueue({
      sessions: this.openTransferSession,
      fs: nodeLocalFs,
      store: new FileQueueStore(path.join(deps.dataDir, 'queue.json')),
      resolveExists: (q) => this.ask(q),
    });
    this.queue.on('changed', (change) => {
      deps.hub.emit('queue', change);
      for (const id of change.removedIds) {
        this.withdrawQuestionsOf(id);
        this.queuedBy.delete(id);
      }
    });
    // A question about an item the user paused, cancelled or removed answers itself: skip for now.
    this.queue.on('transition', ({ id, to }) => {
      if (to !== 'connecting' && to !== 'transferring') this.withdrawQuestionsOf(id);
    });
    this.queue.on('log', (line) => deps.log.status('queue', line.text, line.level === 'error' ? 'error' : 'status', line.itemId));
    this.applyAppSettings(deps.settings.get());
    deps.settings.onChange((next) => this.applyAppSettings(next));
  }

  /** What the queue takes from the app settings: transfers per server and the transfer type rule. */
  private applyAppSettings(settings: AppSettings): void {
    const { perServer, type, asciiExtensions, isNoExtensionAscii, isDotfileAscii } = settings.transfers;
    this.queue.setOptions({ defaultSiteLimit: perServer, transferType: { type, asciiExtensions, isNoExtensionAscii, isDotfileAscii } });
  }

  /** Loads the saved queue; interrupted transfers continue from their partial bytes. */
  async restore(): Promise<void> {
    const saved = await loadQueueSettings(this.deps.dataDir, (message) => this.deps.log.status('queue', message, 'error'));
    if (saved) {
      const { defaultSiteLimit, ...rest } = saved;
      this.queue.setOptions(optionsOf(rest));
      // Transfers per server were kept here before they became one of the app settings: carried over once.
      const { settings } = this.deps;
      if (defaultSiteLimit !== undefined && settings.isFirstStart) {
        await settings.update({ ...settings.get(), transfers: { ...settings.get().transfers, perServer: defaultSiteLimit } });
      }
    }
    for (const site of this.deps.sites.list().sites) this.applySiteLimit(site.id);
    await this.queue.restore();
  }

  /**
   * Queues files and folders between a browsing session's server and a local folder, for the
   * window `clientId`. `clockOffsetMs` is the server's clock offset: downloads keep their times as
   * this computer counts them, so a downloaded copy compares as identical to its original.
   */
  async add(input: MethodInput<'queueAdd'>, clientId: string, clockOffsetMs = 0): Promise<EnqueueReport> {
    const siteId = this.siteIdOf(input.sessionId);
    const isDownload = input.direction === 'download';
    const offset = isDownload ? clockOffsetMs : 0;
    // A download's local copy gets the readable name; an upload's is the local file itself.
    const localName = (i: { name: string; displayName?: string }) => (isDownload ? (i.displayName ?? i.name) : i.name);
    // Downloads picked together (x and x.part, say) must not share a partial file.
    const suffixes = partialSuffixes(input.items.map(localName), input.items.map((i) => isDownload && !i.isFolder), this.queue.settings.partSuffix);
    const report: EnqueueReport = { addedCount: 0, folderCount: 0, refused: [] };
    const transferType = this.transferTypeFor(input.sessionId);
    // The folder the remote pane shows exists: no MKD to find that out again.
    if (!isDownload) this.queue.noteRemoteFolder(siteId, input.remoteFolder);
    const added = this.queue.addFiles(
      input.items.flatMap((f, i) =>
        f.isFolder
          ? []
          : [{
              direction: input.direction,
              siteId,
              localPath: path.join(input.localFolder, localName(f)),
              remotePath: joinRemotePath(input.remoteFolder, f.name),
              sizeBytes: f.sizeBytes,
              modifiedMs: f.modifiedMs === undefined ? undefined : f.modifiedMs - offset,
              onExists: input.onExists,
              ...(suffixes[i] ? { partSuffix: suffixes[i] } : {}),
              ...(transferType ? { transferType } : {}),
            }],
      ),
    );
    report.addedCount += added.length;
    for (const item of added) this.queuedBy.set(item.id, clientId);
    for (const folder of input.items.filter((i) => i.isFolder)) {
      const expanded = await this.queue.addFolder({
        direction: input.direction,
        siteId,
        localDir: path.join(input.localFolder, localName(folder)),
        remoteDir: joinRemotePath(input.remoteFolder, folder.name),
        onExists: input.onExists,
        ...(offset ? { clockOffsetMs: offset } : {}),
        ...(transferType ? { transferType } : {}),
      });
      report.addedCount += expanded.addedIds.length;
      for (const id of expanded.addedIds) this.queuedBy.set(id, clientId);
      report.folderCount += expanded.folderCount;
      report.refused.push(...expanded.refused);
    }
    return report;
  }

  /** Everything in the queue and the questions waiting, for the window `clientId` that just opened or reloaded. */
  snapshot(clientId: string): QueueSnapshot {
    return { items: this.queue.list(), totals: this.queue.totals(), questions: this.pendingQuestions(), settings: settingsOf(this.queue.settings), clientId };
  }

  /**
   * A window closed (or reloaded, or crashed): the questions it was to show as a dialog belong to
   * no window now, so every open window shows them as a dialog; inline in a queue row alone, such
   * a question could wait unseen while its transfer holds a connection.
   */
  clientGone(clientId: string): void {
    for (const [itemId, owner] of this.queuedBy) if (owner === clientId) this.queuedBy.delete(itemId);
    let isChanged = false;
    for (const q of this.questions.values()) {
      if (q.info.ownerClientId !== clientId) continue;
      q.info = { ...q.info, ownerClientId: undefined };
      isChanged = true;
    }
    if (isChanged) this.deps.hub.emit('queueQuestions', this.pendingQuestions());
  }

  /** Changes the queue settings the window offers and saves them for the next start. */
  async changeSettings(change: MethodInput<'queueSetOptions'>): Promise<QueueSettings> {
    const { defaultSiteLimit, ...queueOnly } = change;
    // Transfers per server is the app setting the Settings dialog edits too: one value, saved there.
    if (defaultSiteLimit !== undefined) {
      const current = this.deps.settings.get();
      await this.deps.settings.update({ ...current, transfers: { ...current.transfers, perServer: defaultSiteLimit } });
    }
    this.queue.setOptions(optionsOf(queueOnly));
    const settings = settingsOf(this.queue.settings);
    await saveQueueSettings(this.deps.dataDir, settings);
    return settings;
  }

  /** Answers a file-exists question (from whichever window answers first). */
  answer(questionId: string, action: ExistsAction, applyToAll: boolean): void {
    const pending = this.questions.get(questionId);
    if (!pending) throw Object.assign(new Error('That question was already answered'), { kind: 'stale-question' });
    this.questions.delete(questionId);
    pending.resolve({ action, applyToAll });
    this.deps.hub.emit('queueQuestions', this.pendingQuestions());
  }

  /** Saves the queue and stops its transfers (they resume on the next start). */
  async close(): Promise<void> {
    // Nobody will answer now; unanswered items are asked again after the next start.
    for (const id of [...this.questions.keys()]) this.withdraw(id);
    await this.queue.close();
  }

  private pendingQuestions(): ExistsQuestionInfo[] {
    return [...this.questions.values()].map((q) => q.info);
  }

  private withdrawQuestionsOf(itemId: string): void {
    for (const [id, q] of this.questions) if (q.info.item.id === itemId) this.withdraw(id);
  }

  private withdraw(questionId: string): void {
    const pending = this.questions.get(questionId);
    if (!pending) return;
    this.questions.delete(questionId);
    pending.resolve({ action: 'skip' });
    this.deps.hub.emit('queueQuestions', this.pendingQuestions());
  }

  /** A saved site's own connection limit (FileZilla's "maximum connections") overrides the default. */
  private applySiteLimit(siteId: string): void {
    const limit = this.deps.sites.list().sites.find((s) => s.id === siteId)?.maxConnections;
    if (limit) this.queue.setOptions({ siteLimits: { [siteId]: limit } });
  }

  /**
   * A logged-in connection to a site outside the queue's pool (a compare lists trees on it),
   * with the credentials the queue's own connections use; the caller closes it.
   */
  openSession(siteId: string): Promise<TransferSession> {
    return this.openTransferSession(siteId, `listing-${++this.sideConnections}`);
  }

  /**
   * The transfer type every file of a session's server goes with, when its protocol decides it:
   * SFTP (version 3) has no text mode, so its files go byte for byte whatever the rule says;
   * undefined for FTP, whose files the queue's rule decides by name.
   */
  transferTypeFor(sessionId: string): 'binary' | undefined {
    return this.deps.remote.paramsOf(sessionId).protocol === 'sftp' ? 'binary' : undefined;
  }

  /** The site whose transfers a browsing session's go to (saved, or an in-memory quick site). */
  siteIdFor(sessionId: string): string {
    return this.siteIdOf(sessionId);
  }

  /** Connections at once to a site: its own limit, else the default transfers per server. */
  siteLimitOf(siteId: string): number {
    return this.queue.settings.siteLimits[siteId] ?? this.queue.settings.defaultSiteLimit;
  }

  /** Transfers of a session's server belong to its saved site, or to an in-memory quick site. */
  private siteIdOf(sessionId: string): string {
    const params = this.deps.remote.paramsOf(sessionId);
    const siteId = params.siteId ?? quickSiteIdOf(params);
    if (params.siteId) this.applySiteLimit(params.siteId);
    this.sessionParams.set(siteId, params);
    return siteId;
  }

  /**
   * A browsing session logged in: transfers to its server that failed after a restart only for
   * want of its password (a quick-connect server's or an "ask" site's, never saved) continue now.
   */
  sessionConnected(sessionId: string): void {
    const siteId = this.siteIdOf(sessionId);
    const isWaiting = (kind?: string) => kind === 'credentials-needed' || kind === 'password-required';
    const waiting = this.queue.list().filter((i) => i.siteId === siteId && i.state === 'failed' && isWaiting(i.lastError?.kind));
    if (waiting.length > 0) this.queue.retry(waiting.map((i) => i.id));
  }

  /** A transfer connection's log line; the first one names the connection by its server. */
  private logTransfer(siteId: string, event: RemoteLogEvent): void {
    if (!this.namedConnections.has(event.connectionId)) {
      this.namedConnections.add(event.connectionId);
      const [, role, number] = /^(transfer|listing)-(\d+)$/.exec(event.connectionId) ?? [];
      this.deps.log.name(event.connectionId, this.serverOf(siteId), role ? `${role} ${number}` : 'transfer');
    }
    this.deps.log.sink(event);
  }

  /** The server a site's transfers go to, as the log names it. */
  private serverOf(siteId: string): string {
    const params = this.sessionParams.get(siteId);
    if (params) return serverLabel(params.host, portOf(params));
    try {
      const site = this.deps.sites.get(siteId);
      return serverLabel(site.host, portOf(site));
    } catch {
      return siteId;
    }
  }

  /** Logs transfers in as the browsing session did; after a restart, saved sites use the site store. */
  private async connectOptionsFor(siteId: string) {
    const params = this.sessionParams.get(siteId);
    if (params) return this.deps.options.build(params);
    if (siteId.startsWith('quick:')) throw new CredentialsGoneError(siteId);
    return this.deps.options.build(await siteConnectParams(this.deps.sites, siteId, {}));
  }

  private ask(q: ExistsQuestion): Promise<ExistsAnswer> {
    const questionId = randomUUID();
    const ownerClientId = this.queuedBy.get(q.item.id);
    return new Promise((resolve) => {
      this.questions.set(questionId, { info: { questionId, item: q.item, source: q.source, target: q.target, ...(ownerClientId ? { ownerClientId } : {}) }, resolve });
      this.deps.hub.emit('queueQuestions', this.pendingQuestions());
    });
  }
}
