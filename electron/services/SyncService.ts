/**
 * The window's Synchronize: a preview compares the panes' two folders over the browsing
 * session's server (listing with up to the site's connection limit, on the queue's logged-in
 * connections, cancellable) and plans the sync (electron/sync/planSync, with the pair's state of
 * the last sync for "both"); the plan is kept here under its id until the user runs it, and a run
 * (SyncRun) carries out the ticked steps through the transfer queue. Progress goes to every
 * window as `syncStatus` events and to the message log. Must not import electron.
 */
import path from 'node:path';
import type { MethodInput } from '../../shared/contract';
import type { ComparedPair, CompareOptions, SyncPlan } from '../../shared/sync';
import type { AppliedClock } from '../../shared/serverClock';
import type { SyncPreview, SyncRunStart, SyncRunStatus, SyncServerInfo, SyncSettings } from '../../shared/syncPreview';
import { DEFAULT_TOLERANCE_MS } from '../../shared/compareTrees';
import { nodeLocalFs } from '../queue';
import { compareFolders, type FolderComparison } from '../sync/compareFolders';
import { planSync, stateAfter, type SyncState } from '../sync/planSync';
import { SyncStateStore, type FolderPairKey } from '../sync/syncStateStore';
import { runStepsOf, type FolderPaths } from '../sync/syncSteps';
import type { EventHub } from './EventHub';
import type { LogFeed } from './LogFeed';
import type { QueueService } from './QueueService';
import type { RemoteSessions } from './RemoteSessions';
import type { ServerClocks } from './ServerClocks';
import { SyncRun } from './SyncRun';
import { startText } from './syncRunText';

/** A plan that is gone: it ran, a newer preview replaced it, or its window closed. */
export class StalePreviewError extends Error {
  readonly kind = 'stale-preview';
  constructor() {
    super('This plan is no longer kept (it ran already, or a newer preview replaced it): preview again');
  }
}

/** A preview the user stopped. */
export class PreviewCancelledError extends Error {
  readonly kind = 'cancelled';
  constructor() {
    super('The preview was cancelled');
  }
}

/** Bad input that the contract's schema cannot see. */
class SyncInputError extends Error {
  readonly kind = 'invalid-input';
}

/** What the sync service works with. */
export interface SyncServiceDeps {
  dataDir: string;
  hub: EventHub;
  log: LogFeed;
  remote: RemoteSessions;
  queue: QueueService;
  /** The server clock offsets, detected or set per site (Compare and the queue's downloads use them too). */
  clocks: ServerClocks;
}

/** A plan waiting for Run, with what running it needs. */
interface KeptPreview {
  clientId: string;
  siteId: string;
  folders: FolderPaths;
  key: FolderPairKey;
  plan: SyncPlan;
  /** The server's clock offset the plan allowed for: a download's time is shifted by it. */
  clockOffsetMs: number;
  /** The transfer type of every copy when the protocol decides it (SFTP: binary). */
  transferType?: 'binary';
  /** The pair's state of the last sync, which the state after this one builds on. */
  state: SyncState;
  pairs: Map<string, ComparedPair>;
  /** Compares the pair again as the preview did (for the state kept after a run). */
  compareAgain(): Promise<FolderComparison>;
}

/** Previews and runs syncs for the windows. */
export class SyncService {
  private readonly previews = new Map<string, KeptPreview>();
  /** Previews still listing, and the window each is for. */
  private readonly listing = new Map<string, { clientId: string; controller: AbortController }>();
  private readonly states: SyncStateStore;
  private runSeq = 0;

  constructor(private readonly deps: SyncServiceDeps) {
    this.states = new SyncStateStore(deps.dataDir);
  }

  /** What the session's server offers a sync: checksum, clock offset, connections. */
  async info(sessionId: string): Promise<SyncServerInfo> {
    const siteId = this.deps.queue.siteIdFor(sessionId);
    const checksumAlgorithm = this.deps.remote.checksumAlgorithmOf(sessionId);
    return { ...(checksumAlgorithm ? { checksumAlgorithm } : {}), clock: await this.clockOf(sessionId), connections: this.deps.queue.siteLimitOf(siteId) };
  }

  /** The server clock offset a sync allows for: the one Compare and the queue's downloads use. */
  private clockOf(sessionId: string): Promise<AppliedClock> {
    return this.deps.clocks.clockOffsetFor(this.deps.remote.paramsOf(sessionId));
  }

  /** Compares the two folders and plans the sync; the plan is kept for `run`. */
  async preview(input: MethodInput<'syncPreview'>, clientId: string): Promise<SyncPreview> {
    const { previewId, sessionId, localDir, remoteDir, settings } = input;
    if (!path.isAbsolute(localDir)) throw new SyncInputError(`The local folder must be a full path (got "${localDir}")`);
    if (this.listing.has(previewId) || this.previews.has(previewId)) throw new SyncInputError('That preview id is in use');
    const siteId = this.deps.queue.siteIdFor(sessionId);
    // A window keeps one plan: a new preview replaces the one it showed.
    this.forgetPreviewsOf(clientId);
    // Registered before anything is awaited, so a cancel sent right after the call finds it.
    const controller = new AbortController();
    this.listing.set(previewId, { clientId, controller });
    const folders = { localDir, remoteDir };
    try {
      const clock = await this.clockOf(sessionId);
      const compare: CompareOptions = { by: settings.method === 'checksum' ? ['checksum'] : ['size', 'time'], toleranceMs: DEFAULT_TOLERANCE_MS, clockOffsetMs: clock.offsetMs };
      const compareNow = (signal?: AbortSignal) => this.compare(siteId, folders, settings, compare, signal);
      const comparison = await compareNow(controller.signal);
      const key: FolderPairKey = { server: siteId, localDir, remoteDir };
      const state: SyncState = await this.states.load(key);
      // Only "both" asks what changed since the last sync (one way, the source side wins); the state still carries over.
      const plan = planSync(comparison.pairs, { direction: settings.direction, deleteOrphans: settings.deleteOrphans, toleranceMs: compare.toleranceMs }, state);
      controller.signal.throwIfAborted();
      const pairs = new Map(comparison.pairs.map((p) => [p.relPath, p]));
      const transferType = this.deps.queue.transferTypeFor(sessionId);
      this.previews.set(previewId, { clientId, siteId, folders, key, plan, clockOffsetMs: clock.offsetMs, ...(transferType ? { transferType } : {}), state, pairs, compareAgain: () => compareNow() });
      return {
        previewId,
        localDir,
        remoteDir,
        settings,
        plan,
        skipped: [
          ...comparison.skipped.local.map((s) => ({ side: 'local' as const, ...s })),
          ...comparison.skipped.remote.map((s) => ({ side: 'remote' as const, ...s })),
        ],
        ...(comparison.checksumAlgorithm ? { checksumAlgorithm: comparison.checksumAlgorithm } : {}),
        clock,
        comparedCount: comparison.pairs.length,
        timings: comparison.timings,
      };
    } catch (err) {
      if (controller.signal.aborted) throw new PreviewCancelledError();
      throw err;
    } finally {
      this.listing.delete(previewId);
    }
  }

  /** Stops a preview that is still listing (it then fails as cancelled); nothing for one that ended. */
  cancelPreview(previewId: string): void {
    this.listing.get(previewId)?.controller.abort();
  }

  /** Runs the ticked steps (indexes into the plan) of a kept preview through the queue. */
  run(input: MethodInput<'syncRun'>): SyncRunStart {
    const kept = this.previews.get(input.previewId);
    if (!kept) throw new StalePreviewError();
    const count = kept.plan.actions.length;
    const bad = input.checked.find((i) => i >= count);
    if (bad !== undefined) throw new SyncInputError(`Step ${bad} is not in the plan (it has ${count})`);
    this.previews.delete(input.previewId);
    const ticked = new Set(input.checked);
    const steps = runStepsOf(kept.plan.actions, (i) => ticked.has(i));
    const runId = `sync-${++this.runSeq}`;
    const { folders } = kept;
    const run = new SyncRun(runId, steps, {
      queue: this.deps.queue.queue,
      fs: nodeLocalFs,
      openSession: () => this.deps.queue.openSession(kept.siteId),
      siteId: kept.siteId,
      clockOffsetMs: kept.clockOffsetMs,
      ...(kept.transferType ? { transferType: kept.transferType } : {}),
      folders,
      pairs: kept.pairs,
      keepState: async () => this.states.save(kept.key, stateAfter((await kept.compareAgain()).pairs, kept.state)),
      report: (status) => this.report(status),
      logError: (text) => this.deps.log.status('sync', text, 'error'),
    });
    const start: SyncRunStart = {
      runId,
      folderCount: steps.folders.length,
      copyCount: steps.copies.length,
      deleteCount: steps.deletions.length,
      conflictsLeft: steps.conflictsLeft.length,
    };
    this.deps.log.status('sync', `Synchronize ${folders.localDir} and ${folders.remoteDir}: ${startText(start)}`);
    void run.execute();
    return start;
  }

  /** A window went away: its plans and previews go with it (runs go on: their work is in the queue). */
  clientGone(clientId: string): void {
    this.forgetPreviewsOf(clientId);
    for (const { clientId: owner, controller } of this.listing.values()) if (owner === clientId) controller.abort();
  }

  /** Stops the previews still listing. */
  close(): void {
    for (const { controller } of this.listing.values()) controller.abort();
  }

  private forgetPreviewsOf(clientId: string): void {
    for (const [id, kept] of this.previews) if (kept.clientId === clientId) this.previews.delete(id);
  }

  private compare(siteId: string, folders: FolderPaths, settings: SyncSettings, compare: CompareOptions, signal?: AbortSignal): Promise<FolderComparison> {
    return compareFolders({
      ...folders,
      openSession: () => this.deps.queue.openSession(siteId),
      parallel: this.deps.queue.siteLimitOf(siteId),
      isRecursive: true,
      compare,
      patterns: { include: settings.include, exclude: settings.exclude },
      followLocalLinks: settings.followLocalLinks,
      hashLocal: (p, algorithm) => nodeLocalFs.hashFile(p, algorithm),
      signal,
    });
  }

  private report(status: SyncRunStatus): void {
    this.deps.hub.emit('syncStatus', status);
    if (status.phase === 'ended') this.deps.log.status('sync', status.text, status.outcome === 'failed' ? 'error' : 'status');
  }
}
