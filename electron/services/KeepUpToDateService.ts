/**
 * The folders kept up to date (WinSCP's "Keep remote directory up to date"): starts and stops
 * watches (KeepUpToDateWatch), one per folder pair, each uploading through the app's transfer
 * queue for a browsing connection's server; stops a connection's watches when it closes and a
 * window's when it goes away; tells the windows how each watch is doing (the `keepUpToDate`
 * event, at most one status per watch per turn of the event loop). Must not import electron.
 */
import { randomUUID } from 'node:crypto';
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import type { MethodInput } from '../../shared/contract';
import type { KeepUpToDateStatus, KeepUpToDateStopKind } from '../../shared/keepUpToDate';
import { normalizeRemotePath, remoteBaseName, remoteParent } from '../../shared/remotePath';
import type { TreeWatcherOptions } from '../sync/TreeWatcher';
import type { EventHub } from './EventHub';
import type { LogFeed } from './LogFeed';
import { KeepUpToDateWatch } from './KeepUpToDateWatch';
import type { QueueService } from './QueueService';
import type { RemoteSessions } from './RemoteSessions';

/** What the service works with. */
export interface KeepUpToDateDeps {
  hub: EventHub;
  log: LogFeed;
  remote: RemoteSessions;
  queue: QueueService;
  /** The server's clock offset for a browsing connection's server (ServerClocks). */
  clockOffsetMs(sessionId: string): Promise<number>;
  /** Watcher timing, for tests; the defaults suit people. */
  watcherOptions?: Omit<TreeWatcherOptions, 'exclude' | 'partSuffix'>;
}

/** A start the service refuses, in words. */
export class KeepUpToDateError extends Error {
  constructor(
    readonly kind: 'not-a-folder' | 'already-kept' | 'not-watchable' | 'unknown-watch',
    message: string,
  ) {
    super(message);
  }
}

/** Every running watch of every window. */
export class KeepUpToDateService {
  private readonly watches = new Map<string, KeepUpToDateWatch>();
  private readonly unsent = new Map<string, KeepUpToDateStatus>();
  private isSendScheduled = false;

  constructor(private readonly deps: KeepUpToDateDeps) {
    // One listener for every watch: each counts only its own items.
    const queue = deps.queue.queue;
    queue.on('transition', ({ id, to }) => {
      for (const watch of this.watches.values()) watch.itemMoved(id, to);
    });
    queue.on('changed', ({ removedIds }) => {
      for (const id of removedIds) for (const watch of this.watches.values()) watch.itemMoved(id, 'removed');
    });
  }

  /** Starts keeping `remoteFolder` of the session's server up to date from `localFolder`, for the window `clientId`. */
  async start(input: MethodInput<'keepUpToDateStart'>, clientId: string): Promise<KeepUpToDateStatus> {
    const { queue } = this.deps;
    // Throws "not connected" for a session that is gone.
    const siteId = queue.siteIdFor(input.sessionId);
    const localFolder = path.resolve(input.localFolder);
    const remoteFolder = normalizeRemotePath(input.remoteFolder);
    await this.checkFolder(localFolder);
    const twin = [...this.watches.values()].find((w) => w.spec.localFolder === localFolder && w.spec.remoteFolder === remoteFolder && w.siteId === siteId);
    if (twin) throw new KeepUpToDateError('already-kept', `${remoteFolder} is already kept up to date from ${localFolder}`);
    const spec = { watchId: randomUUID(), ownerClientId: clientId, sessionId: input.sessionId, localFolder, remoteFolder, options: input.options };
    let watch: KeepUpToDateWatch;
    try {
      watch = await KeepUpToDateWatch.start(
        spec,
        {
          queue: queue.queue,
          siteId,
          transferType: queue.transferTypeFor(input.sessionId),
          makeRemoteFolder: (dir) => this.makeRemoteFolder(input.sessionId, dir),
          openSession: () => queue.openSession(siteId),
          parallel: queue.queue.settings.defaultSiteLimit,
          clockOffsetMs: () => this.deps.clockOffsetMs(input.sessionId),
          onStatus: (status) => this.send(status),
          log: (text, isError) => this.deps.log.status(input.sessionId, text, isError ? 'error' : 'status'),
        },
        { ...this.deps.watcherOptions, partSuffix: queue.queue.settings.partSuffix },
      );
    } catch (err) {
      throw new KeepUpToDateError('not-watchable', `${localFolder} cannot be watched: ${(err as Error).message}`);
    }
    this.watches.set(spec.watchId, watch);
    return watch.snapshot;
  }

  /** Stops a watch at the user's word. */
  stop(watchId: string): void {
    const watch = this.watches.get(watchId);
    if (!watch) throw new KeepUpToDateError('unknown-watch', 'That folder is not kept up to date any more');
    this.end(watch, 'user', 'stopped');
  }

  /** Stops the watches of a browsing connection that is closing. */
  stopForSession(sessionId: string): void {
    for (const watch of [...this.watches.values()]) {
      if (watch.spec.sessionId === sessionId) this.end(watch, 'disconnected', 'the connection to the server was closed');
    }
  }

  /** Stops the watches a window started (it closed, reloaded or crashed). */
  stopOwnedBy(clientId: string): void {
    for (const watch of [...this.watches.values()]) {
      if (watch.spec.ownerClientId === clientId) this.end(watch, 'closing', 'the window that started it closed');
    }
  }

  /** Stops every watch (Ferry is closing). */
  closeAll(): void {
    for (const watch of [...this.watches.values()]) this.end(watch, 'closing', 'Ferry closed');
  }

  /** The statuses of the running watches. */
  list(): KeepUpToDateStatus[] {
    return [...this.watches.values()].map((w) => w.snapshot);
  }

  private end(watch: KeepUpToDateWatch, kind: KeepUpToDateStopKind, message: string): void {
    watch.stop(kind, message);
    this.watches.delete(watch.spec.watchId);
  }

  private async checkFolder(localFolder: string): Promise<void> {
    const stat = await fsp.stat(localFolder).catch(() => undefined);
    if (!stat) throw new KeepUpToDateError('not-a-folder', `The local folder ${localFolder} does not exist`);
    if (!stat.isDirectory()) throw new KeepUpToDateError('not-a-folder', `${localFolder} is not a folder`);
  }

  /** Makes a folder over the browsing connection; a refusal is fine when the folder is there already. */
  private async makeRemoteFolder(sessionId: string, dir: string): Promise<void> {
    try {
      await this.deps.remote.mkdir(sessionId, dir, { mayExist: true });
    } catch (err) {
      const parent = remoteParent(dir) ?? '/';
      // Servers answer 550 to MKD of a folder that exists, and FTP has no portable "exists": the listing says.
      const listing = await this.deps.remote.list(sessionId, parent).catch(() => undefined);
      if (!listing?.entries.some((e) => e.name === remoteBaseName(dir) && e.type === 'dir')) throw err;
    }
  }

  /** Sends statuses once per turn, the last of each watch; a watch that stopped is forgotten after its last word. */
  private send(status: KeepUpToDateStatus): void {
    this.unsent.set(status.watchId, status);
    if (status.state === 'stopped') this.watches.delete(status.watchId);
    if (this.isSendScheduled) return;
    this.isSendScheduled = true;
    setImmediate(() => {
      this.isSendScheduled = false;
      for (const s of this.unsent.values()) this.deps.hub.push('keepUpToDate', s);
      this.unsent.clear();
    });
  }
}
