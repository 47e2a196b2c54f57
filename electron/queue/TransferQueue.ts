/**
 * The transfer queue: items and their states (queued → connecting → transferring → done | failed |
 * cancelled, plus paused), scheduling under global and per-site limits, retries with backoff that
 * always resume, user control (pause, resume, cancel, retry, reorder, clear), persistence and
 * batched progress events. It owns no sockets and imports no Electron: sessions, the local
 * filesystem and the store are injected, so tests run it with fakes or with the real engine.
 * Runs and their endings are in ItemRunner, the entries' order and counts in EntryBook.
 */
import { EventEmitter } from 'node:events';
import path from 'node:path';
import type { TransferDirection, TransferItem, TransferState } from '../../shared/domain';
import { ChangeBatcher } from './ChangeBatcher';
import { EntryBook } from './EntryBook';
import { EtaEstimator } from './EtaEstimator';
import { expandFolder } from './expandFolder';
import { ExistsAsker } from './ExistsAsker';
import { IdleWatch } from './IdleWatch';
import { ItemRunner } from './ItemRunner';
import { newDeleteEntry, newFileEntry, publicCopy, refusedEntry, restoredItem, snapshotOf, type Entry } from './queueEntry';
import { DEFAULT_QUEUE_OPTIONS, patchOf, type QueueOptions, type TransferQueueDeps } from './queueOptions';
import { RemoteDirCache } from './remoteDirs';
import { Scheduler } from './Scheduler';
import { SessionPool } from './SessionPool';
import { RateLimiter } from './SpeedLimiter';
import { QueuePersister } from './QueuePersister';
import { ACTIVE_STATES as ACTIVE, FINISHED_STATES as FINISHED, computeTotals } from './queueTotals';
import { canMove, IllegalTransitionError } from './transferStates';
import { reorder, type MoveTarget } from './reorder';
import { remoteBaseName } from './safeName';
import { transferTypeOf } from '../../shared/settings';
import type { AddDeleteRequest, AddFileRequest, AddFolderRequest, ExpandReport, QueueEvents, QueueLogLine, QueueTotals } from './types';

export type { QueueOptions, TransferQueueDeps, MoveTarget };

/** The transfer queue service; see the module header. */
export class TransferQueue extends EventEmitter<QueueEvents> {
  private readonly book = new EntryBook();
  private readonly options: QueueOptions;
  private readonly scheduler: Scheduler;
  private readonly pool: SessionPool;
  private readonly remoteDirs = new RemoteDirCache();
  private readonly limiters: Record<TransferDirection, RateLimiter>;
  private readonly batcher: ChangeBatcher;
  private readonly now: () => number;
  private readonly random: () => number;
  private readonly idleWatch = new IdleWatch(() => this.isIdle(), () => this.onBecameIdle());
  private readonly asker: ExistsAsker;
  private readonly eta = new EtaEstimator();
  private readonly persister: QueuePersister;
  private readonly runner: ItemRunner;
  private isPumpScheduled = false;
  private isClosed = false;

  constructor(private readonly deps: TransferQueueDeps) {
    super();
    this.options = { ...DEFAULT_QUEUE_OPTIONS, ...deps.options };
    this.now = deps.now ?? Date.now;
    this.random = deps.random ?? Math.random;
    this.scheduler = new Scheduler({ globalLimit: this.options.globalLimit, defaultSiteLimit: this.options.defaultSiteLimit });
    for (const [siteId, n] of Object.entries(this.options.siteLimits)) this.scheduler.setSiteLimit(siteId, n);
    this.pool = new SessionPool(deps.sessions, { idleTimeoutMs: this.options.idleSessionMs });
    this.limiters = {
      download: new RateLimiter(this.options.speedLimits.downloadBps, this.now),
      upload: new RateLimiter(this.options.speedLimits.uploadBps, this.now),
    };
    this.batcher = new ChangeBatcher((changed, removed) => this.flushChanges(changed, removed), 250, this.now);
    this.asker = new ExistsAsker(deps.resolveExists, (q) => this.log('warn', `${q.target.path} exists and nobody can be asked: skipped`, q.item.id));
    this.persister = new QueuePersister(deps.store, () => snapshotOf(this.book.entries), (err) => this.log('error', `could not save the queue: ${(err as Error).message}`));
    this.runner = new ItemRunner({
      deps,
      options: this.options,
      pool: this.pool,
      scheduler: this.scheduler,
      limiters: this.limiters,
      remoteDirs: this.remoteDirs,
      asker: this.asker,
      eta: this.eta,
      batcher: this.batcher,
      now: () => this.now(),
      random: this.random,
      isClosed: () => this.isClosed,
      hasQueuedFor: (siteId) => !this.isClosed && this.options.isProcessing && this.book.queuedFor(siteId) > 0,
      setState: (entry, state) => this.setState(entry, state),
      log: (level, text, itemId) => this.log(level, text, itemId),
      schedulePersist: () => this.schedulePersist(),
      schedulePump: () => this.schedulePump(),
    });
  }

  // ---- reading -------------------------------------------------------------------------------

  /** All items in queue order, as plain data. */
  list(): TransferItem[] {
    return this.book.entries.map((e) => publicCopy(e.item));
  }

  /** One item as plain data, or undefined. */
  get(id: string): TransferItem | undefined {
    const e = this.book.get(id);
    return e && publicCopy(e.item);
  }

  /** Counts, bytes, speed and ETA over the whole queue. */
  totals(): QueueTotals {
    const now = this.now();
    return computeTotals(
      this.book.entries.map((e) => e.item),
      (remaining) => ({ speedBps: this.eta.throughputBps(now), eta: this.eta.estimate(now, remaining) }),
    );
  }

  // ---- adding --------------------------------------------------------------------------------

  /** Loads the saved queue; items that were running resume from their partial bytes. */
  async restore(): Promise<void> {
    const saved = await this.deps.store?.load();
    if (!saved) return;
    for (const { item, meta } of saved.items) {
      if (this.book.has(item.id)) continue;
      this.insert({ item: restoredItem(item), meta: { ...meta } });
    }
    this.schedulePump();
  }

  /** Queues files; returns the new items. */
  addFiles(requests: AddFileRequest[]): TransferItem[] {
    return this.enqueue(requests).map((e) => publicCopy(e.item));
  }

  /** Queues deletions (a sync's orphans), each an item with its own state; returns the new items. */
  addDeletes(requests: AddDeleteRequest[]): TransferItem[] {
    return this.enqueueEntries(requests.map((r) => newDeleteEntry(r, this.now))).map((e) => publicCopy(e.item));
  }

  /** Queues files; returns their entries (no copies: a folder of 10,000 files needs only the ids). */
  private enqueue(requests: AddFileRequest[]): Entry[] {
    return this.enqueueEntries(
      requests.map((r) => {
        // FileZilla decides by the source's name: the local file's for an upload, the server's for a download.
        const name = r.direction === 'upload' ? path.basename(r.localPath) : remoteBaseName(r.remotePath);
        return newFileEntry({ ...r, transferType: r.transferType ?? transferTypeOf(name, this.options.transferType) }, this.now);
      }),
    );
  }

  private enqueueEntries(added: Entry[]): Entry[] {
    for (const entry of added) this.insert(entry);
    this.schedulePersist();
    this.schedulePump();
    return added;
  }

  /** Records that a remote folder exists (the one a pane shows), so uploads into it make no MKD for it. */
  noteRemoteFolder(siteId: string, dir: string): void {
    this.remoteDirs.note(siteId, dir);
  }

  /**
   * Queues a folder recursively, creating its folders on the other side. Names a server sends
   * that would escape the target are not queued for transfer: each becomes a failed item saying why.
   */
  async addFolder(request: AddFolderRequest): Promise<ExpandReport> {
    const lease = await this.pool.acquire(request.siteId);
    let isHealthy = false;
    try {
      // Transfers are coming: their connections log in while the walk goes on.
      const onFiles = (found: number) => {
        if (this.options.isProcessing) this.pool.warm(request.siteId, Math.min(found, this.scheduler.limitFor(request.siteId), this.options.globalLimit));
      };
      const tree = await expandFolder(request.direction, lease.session, this.deps.fs, this.remoteDirs, { ...request, partSuffix: this.options.partSuffix, onFiles });
      isHealthy = true;
      const { transferType } = request;
      const added = this.enqueue(transferType ? tree.files.map((f) => ({ ...f, transferType })) : tree.files);
      for (const r of tree.refused) this.addRefused(request, r.path, r.reason);
      for (const r of tree.incomplete) this.addRefused(request, r.path, r.reason, 'incomplete-listing');
      for (const l of tree.skippedLinks) this.log('warn', `not following link ${l}`);
      return { addedIds: added.map((e) => e.item.id), folderCount: tree.folderCount, refused: [...tree.refused, ...tree.incomplete], skippedLinks: tree.skippedLinks };
    } finally {
      this.pool.release(lease, isHealthy);
    }
  }

  private addRefused(request: AddFolderRequest, remotePath: string, reason: string, kind?: 'incomplete-listing'): void {
    const entry = refusedEntry(request, remotePath, reason, this.now, kind);
    this.insert(entry);
    this.log('error', kind ? `${remotePath}: ${reason}` : `refused ${remotePath}: ${reason}`, entry.item.id);
    this.schedulePersist();
  }

  // ---- control -------------------------------------------------------------------------------

  /** Starts processing queued items (the default). */
  start(): void {
    this.options.isProcessing = true;
    this.schedulePump();
  }

  /** Stops starting new items; running ones finish. */
  stop(): void {
    this.options.isProcessing = false;
    this.idleWatch.check();
  }

  /** Pauses items (all unfinished ones when `ids` is omitted); running ones stop their data connection. */
  pause(ids?: string[]): void {
    for (const e of this.book.select(ids)) {
      if (e.item.state !== 'queued' && !ACTIVE.has(e.item.state)) continue;
      this.runner.stop(e, 'pause');
      this.runner.clearRetry(e);
      this.setState(e, 'paused');
    }
    this.afterControl();
  }

  /** Resumes paused items (all when `ids` is omitted); they continue from their offset. */
  resume(ids?: string[]): void {
    for (const e of this.book.select(ids)) {
      if (e.item.state !== 'paused') continue;
      this.setState(e, 'queued');
    }
    this.afterControl();
  }

  /** Cancels unfinished items; the partial file is kept for a later retry unless `deletePartial`. */
  cancel(ids?: string[], opts: { deletePartial?: boolean } = {}): void {
    for (const e of this.book.select(ids)) {
      if (FINISHED.has(e.item.state)) continue;
      this.runner.clearRetry(e);
      if (e.run) {
        this.runner.stop(e, 'cancel');
        e.run.deletePartial = opts.deletePartial;
      } else if (opts.deletePartial) {
        void this.runner.deletePartial(e);
      }
      this.setState(e, 'cancelled');
      e.item.finishedMs = this.now();
    }
    this.afterControl();
  }

  /** Queues failed and cancelled items again (all when `ids` is omitted), with a fresh retry budget. */
  retry(ids?: string[]): void {
    for (const e of this.book.select(ids)) {
      if (e.item.state !== 'failed' && e.item.state !== 'cancelled') continue;
      // A refused name stays refused (retrying cannot make it safe), as does a folder not listed in full (queue the folder again).
      if (e.meta.refusedReason !== undefined) continue;
      e.meta.failuresInRow = 0;
      e.item.lastError = undefined;
      e.item.finishedMs = undefined;
      this.setState(e, 'queued');
    }
    this.afterControl();
  }

  /** Removes items from the queue, stopping running ones (partials are kept). */
  remove(ids: string[]): void {
    const removed = new Set<Entry>();
    for (const id of ids) {
      const e = this.book.get(id);
      if (!e) continue;
      this.runner.clearRetry(e);
      this.runner.stop(e, 'remove');
      this.eta.ended(id, this.now(), e.item.transferredBytes, false);
      this.book.detach(e);
      removed.add(e);
      this.batcher.markRemoved(id);
    }
    if (removed.size > 0) this.book.dropAll(removed);
    this.afterControl();
  }

  /** Removes finished items in the given states (default: done). */
  clearFinished(states: Array<'done' | 'failed' | 'cancelled'> = ['done']): void {
    const wanted = new Set<TransferState>(states);
    this.remove(this.book.entries.filter((e) => wanted.has(e.item.state)).map((e) => e.item.id));
  }

  /** Moves items up or down one place among the unfinished ones, or to the top or bottom, keeping their relative order. */
  move(ids: string[], to: MoveTarget): void {
    const chosen = new Set(ids);
    const next = reorder(this.book.entries, (e) => chosen.has(e.item.id), to, (e) => !FINISHED.has(e.item.state));
    this.book.replaceOrder(next);
    for (const id of chosen) if (this.book.has(id)) this.batcher.mark(id);
    this.afterControl();
  }

  /** Changes settings at run time (limits, retry policy, file-exists policy, speed limits: see patchOf). */
  setOptions(change: Partial<QueueOptions>): void {
    const patch = patchOf(this.options, change);
    Object.assign(this.options, patch);
    if (patch.globalLimit !== undefined) this.scheduler.setGlobalLimit(patch.globalLimit);
    if (patch.defaultSiteLimit !== undefined) this.scheduler.setDefaultSiteLimit(patch.defaultSiteLimit);
    if (patch.siteLimits) for (const [siteId, n] of Object.entries(patch.siteLimits)) this.scheduler.setSiteLimit(siteId, n);
    if (patch.speedLimits) {
      this.limiters.download.setRate(patch.speedLimits.downloadBps);
      this.limiters.upload.setRate(patch.speedLimits.uploadBps);
    }
    if (patch.onExists) this.asker.reset();
    this.schedulePump();
  }

  /** The current settings. */
  get settings(): Readonly<QueueOptions> {
    return this.options;
  }

  /** The queue order: ids from first to last. */
  get ids(): string[] {
    return this.book.entries.map((e) => e.item.id);
  }

  /** Resolves when nothing is queued, connecting or transferring (paused items do not count). */
  whenIdle(): Promise<void> {
    return this.idleWatch.whenIdle();
  }

  /** Stops everything for a quit: running items stay "running" in the file and resume on restore. */
  async close(): Promise<void> {
    if (this.isClosed) return;
    this.stopAllForShutdown();
    this.isClosed = true;
    await Promise.allSettled(this.runner.inFlight());
    this.persister.stop();
    await this.persistNow();
    this.batcher.flushNow();
    this.batcher.dispose();
    await this.pool.closeAll();
  }

  /** Drops everything without saving, as a crash would (for tests of restore); resolves once attempts have unwound. */
  async destroy(): Promise<void> {
    this.isClosed = true;
    this.stopAllForShutdown();
    this.persister.stop();
    this.batcher.dispose();
    const closing = this.pool.closeAll();
    await Promise.allSettled([...this.runner.inFlight(), closing]);
  }

  private stopAllForShutdown(): void {
    for (const e of this.book.entries) {
      this.runner.clearRetry(e);
      this.runner.stop(e, 'shutdown');
    }
  }

  // ---- running -------------------------------------------------------------------------------

  private schedulePump(): void {
    if (this.isPumpScheduled || this.isClosed) return;
    this.isPumpScheduled = true;
    queueMicrotask(() => {
      this.isPumpScheduled = false;
      this.pump();
    });
  }

  private pump(): void {
    if (this.isClosed || !this.options.isProcessing) return this.idleWatch.check();
    if (this.book.count('queued') > 0) {
      const picked = this.scheduler.pick(this.book.startable(this.now()), this.book.queuedSiteCount);
      for (const c of picked) this.runner.start(c.entry);
    }
    this.idleWatch.check();
  }

  // ---- bookkeeping ---------------------------------------------------------------------------

  private insert(entry: Entry): void {
    this.book.add(entry);
    this.batcher.mark(entry.item.id);
  }

  /** Moves an item to `state`, as TRANSITIONS (transferStates.ts) allows, and tells the listeners. */
  private setState(entry: Entry, state: TransferState): void {
    if (!canMove(entry.item.state, state)) throw new IllegalTransitionError(entry.item.id, entry.item.state, state);
    const from = this.book.setState(entry, state);
    if (from !== state) this.emit('transition', { id: entry.item.id, from, to: state });
    // A deletion moves no bytes: its time would spoil the transfers' time per file.
    const isCopy = entry.item.deleteSide === undefined;
    if (isCopy && from !== state && state === 'transferring') this.eta.started(entry.item.id, this.now(), entry.item.transferredBytes);
    if (isCopy && from === 'transferring' && state !== 'transferring') this.eta.ended(entry.item.id, this.now(), entry.item.transferredBytes, state === 'done');
    if (!ACTIVE.has(state)) {
      entry.item.speedBps = undefined;
      entry.item.etaSeconds = undefined;
    }
    this.batcher.mark(entry.item.id);
  }

  private afterControl(): void {
    this.schedulePersist();
    this.schedulePump();
    this.idleWatch.check();
  }

  private isIdle(): boolean {
    if (this.runner.isBusy) return false;
    for (const state of ACTIVE) if (this.book.count(state) > 0) return false;
    return !(this.book.count('queued') > 0 && this.options.isProcessing && !this.isClosed);
  }

  private onBecameIdle(): void {
    // A run has ended: limits learnt from 421, folders known to exist and "apply to all" answers
    // (like FileZilla's "apply to current queue only") apply to that run only.
    this.scheduler.resetLearntLimits();
    this.asker.reset();
    this.remoteDirs.clear();
    this.batcher.touch();
    this.emit('idle');
  }

  private flushChanges(changedIds: string[], removedIds: string[]): void {
    const ids = new Set(changedIds);
    const isActive = this.runner.refreshLive(this.now(), ids);
    const items: TransferItem[] = [];
    for (const id of ids) {
      const e = this.book.get(id);
      if (e) items.push(publicCopy(e.item));
    }
    if (items.length > 0 || removedIds.length > 0) this.emit('changed', { items, removedIds, totals: this.totals() });
    if (isActive && !this.isClosed) this.batcher.touch();
  }

  private log(level: QueueLogLine['level'], text: string, itemId?: string): void {
    this.emit('log', { timeMs: this.now(), itemId, level, text });
  }

  // ---- persistence ---------------------------------------------------------------------------

  private schedulePersist(): void {
    if (!this.isClosed) this.persister.schedule(this.options.persistDelayMs, this.book.entries.length);
  }

  /** Writes the queue now (one write at a time; a change during a write causes one more). */
  persistNow(): Promise<void> {
    return this.persister.saveNow();
  }
}
