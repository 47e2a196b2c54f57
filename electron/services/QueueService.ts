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
  engineErrorPolicy,
  ftpSessionFactory,
  nodeLocalFs,
  type ExistsAnswer,
  type ExistsQuestion,
} from '../queue';
import type { ConnectParams } from '../../shared/domain';
import type { EnqueueReport, ExistsAction, QueueSnapshot } from '../../shared/queue';
import type { MethodInput } from '../../shared/contract';
import { joinRemotePath } from '../../shared/remotePath';
import type { EventHub } from './EventHub';
import type { LogFeed } from './LogFeed';
import type { RemoteSessions } from './RemoteSessions';
import type { SiteService } from '../sites';
import { siteConnectParams } from './siteConnect';
import { toConnectOptions } from './connectOptions';

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
}

/** Owns the app's TransferQueue and translates between it and the contract. */
export class QueueService {
  readonly queue: TransferQueue;
  private readonly quickSites = new Map<string, ConnectParams>();
  private readonly questions = new Map<string, (answer: ExistsAnswer) => void>();

  constructor(private readonly deps: QueueServiceDeps) {
    this.queue = new TransferQueue({
      sessions: ftpSessionFactory((siteId) => this.connectOptionsFor(siteId), { onLog: (_site, e) => deps.log.sink(e) }),
      fs: nodeLocalFs,
      errors: engineErrorPolicy,
      store: new FileQueueStore(path.join(deps.dataDir, 'queue.json')),
      resolveExists: (q) => this.ask(q),
    });
    this.queue.on('changed', (change) => deps.hub.emit('queue', change));
    this.queue.on('log', (line) => deps.log.status('queue', line.text, line.level === 'error' ? 'error' : 'status', line.itemId));
  }

  /** Loads the saved queue; interrupted transfers continue from their partial bytes. */
  async restore(): Promise<void> {
    for (const site of this.deps.sites.list().sites) this.applySiteLimit(site.id);
    await this.queue.restore();
  }

  /** Queues files and folders between a browsing session's server and a local folder. */
  async add(input: MethodInput<'queueAdd'>): Promise<EnqueueReport> {
    const siteId = this.siteIdOf(input.sessionId);
    const files = input.items.filter((i) => !i.isFolder);
    const report: EnqueueReport = { addedCount: 0, folderCount: 0, refused: [] };
    const added = this.queue.addFiles(
      files.map((f) => ({
        direction: input.direction,
        siteId,
        localPath: path.join(input.localFolder, f.name),
        remotePath: joinRemotePath(input.remoteFolder, f.name),
        sizeBytes: f.sizeBytes,
        modifiedMs: f.modifiedMs,
        onExists: input.onExists,
      })),
    );
    report.addedCount += added.length;
    for (const folder of input.items.filter((i) => i.isFolder)) {
      const expanded = await this.queue.addFolder({
        direction: input.direction,
        siteId,
        localDir: path.join(input.localFolder, folder.name),
        remoteDir: joinRemotePath(input.remoteFolder, folder.name),
        onExists: input.onExists,
      });
      report.addedCount += expanded.addedIds.length;
      report.folderCount += expanded.folderCount;
      report.refused.push(...expanded.refused);
    }
    return report;
  }

  /** Everything in the queue, for a window that just opened. */
  snapshot(): QueueSnapshot {
    return { items: this.queue.list(), totals: this.queue.totals() };
  }

  /** Answers a file-exists question the window was asked. */
  answer(questionId: string, action: ExistsAction, applyToAll: boolean): void {
    const resolve = this.questions.get(questionId);
    if (!resolve) throw Object.assign(new Error('That question was already answered'), { kind: 'stale-question' });
    this.questions.delete(questionId);
    resolve({ action, applyToAll });
  }

  /** Saves the queue and stops its transfers (they resume on the next start). */
  async close(): Promise<void> {
    await this.queue.close();
  }

  /** A saved site's own connection limit (FileZilla's "maximum connections") overrides the default. */
  private applySiteLimit(siteId: string): void {
    const limit = this.deps.sites.list().sites.find((s) => s.id === siteId)?.maxConnections;
    if (limit) this.queue.setOptions({ siteLimits: { [siteId]: limit } });
  }

  /** Transfers of a session's server belong to its saved site, or to an in-memory quick site. */
  private siteIdOf(sessionId: string): string {
    const params = this.deps.remote.paramsOf(sessionId);
    if (params.siteId) {
      this.applySiteLimit(params.siteId);
      return params.siteId;
    }
    const quickId = `quick:${params.user || 'anonymous'}@${params.host}:${params.port ?? (params.tls === 'implicit' ? 990 : 21)}`;
    this.quickSites.set(quickId, params);
    return quickId;
  }

  private async connectOptionsFor(siteId: string) {
    if (siteId.startsWith('quick:')) {
      const params = this.quickSites.get(siteId);
      if (!params) throw new CredentialsGoneError(siteId);
      return toConnectOptions(params);
    }
    return toConnectOptions(await siteConnectParams(this.deps.sites, siteId, {}));
  }

  private ask(q: ExistsQuestion): Promise<ExistsAnswer> {
    const questionId = randomUUID();
    return new Promise((resolve) => {
      this.questions.set(questionId, resolve);
      this.deps.hub.emit('queueQuestion', { questionId, item: q.item, source: q.source, target: q.target });
    });
  }
}
