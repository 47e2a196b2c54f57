/**
 * The transfer queue: items and their states (queued → connecting → transferring → done | failed |
 * cancelled, plus paused), scheduling under global and per-site limits, retries with backoff that
 * always resume, user control (pause, resume, cancel, retry, reorder, clear), persistence and
 * batched progress events. It owns no sockets and imports no Electron: sessions, the local
 * filesystem and the store are injected, so tests run it with fakes or with the real engine.
 */
import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import type { FileExistsPolicy, TransferDirection, TransferItem, TransferState } from '../../shared/domain';
import { backoffDelayMs, canRetry, DEFAULT_RETRY_POLICY } from './backoff';
import { ChangeBatcher } from './ChangeBatcher';
import { expandFolder } from './expandFolder';
import { ExistsAsker } from './ExistsAsker';
import { QueueError, classifyTransient, describeError } from './queueErrors';
import { RemoteDirCache } from './remoteDirs';
import { runDownload, runUpload, type AttemptContext } from './runTransfer';
import { Scheduler, DEFAULT_SITE_LIMIT } from './Scheduler';
import { SessionPool, type Lease } from './SessionPool';
import { RateLimiter } from './SpeedLimiter';
import { SpeedMeter, etaSeconds } from './SpeedMeter';
import { QueuePersister } from './QueuePersister';
import { ACTIVE_STATES, FINISHED_STATES, computeTotals } from './queueTotals';
import { reorder, type MoveTarget } from './reorder';
import { describeError as errorLine } from '../../shared/errorText';
import type {
  AddFileRequest,
  AddFolderRequest,
  ErrorPolicy,
  ExistsResolver,
  ExpandReport,
  ItemMeta,
  LocalFs,
  PersistedQueue,
  QueueEvents,
  QueueStore,
  QueueTotals,
  RetryPolicy,
  SessionFactory,
  SpeedLimits,
} from './types';

/** Settings of a queue; all optional when constructing. */
export interface QueueOptions {
  /** Most transfers at once over all sites. */
  globalLimit: number;
  /** Per-site limit for sites without their own (1..10). */
  defaultSiteLimit: number;
  /** Per-site limits by site id (1..10). */
  siteLimits: Record<string, number>;
  retry: RetryPolicy;
  /** The queue's file-exists policy; items may override it. */
  onExists: FileExistsPolicy;
  speedLimits: SpeedLimits;
  /** Suffix of the temporary download file. */
  partSuffix: string;
  /** Whether queued items start on their own (false: only after `start()`). */
  isProcessing: boolean;
  /** Debounce of queue-file writes. */
  persistDelayMs: number;
  /** How long an unused transfer session stays open. */
  idleSessionMs: number;
}

/** What a queue is built from. */
export interface TransferQueueDeps {
  /** Opens logged-in transfer sessions; the only place credentials live. */
  sessions: SessionFactory;
  fs: LocalFs;
  /** The engine's transient/permanent policy (`engineErrorPolicy` in the app). */
  errors: ErrorPolicy;
  /** Where the queue is saved; none means in memory only (the CLI). */
  store?: QueueStore;
  /** Answers `ask` file-exists questions (UI dialog or CLI flag). */
  resolveExists?: ExistsResolver;
  options?: Partial<QueueOptions>;
  now?: () => number;
  random?: () => number;
}

export type { MoveTarget } from './reorder';

interface Run {
  controller: AbortController;
  /** Set when the user (or shutdown) stopped the run, so its error is not a failure. */
  stopIntent?: 'pause' | 'cancel' | 'remove' | 'shutdown';
  deletePartial?: boolean;
  meter: SpeedMeter;
}

interface Entry {
  item: TransferItem;
  meta: ItemMeta & { refusedReason?: string };
  run?: Run;
  retryTimer?: ReturnType<typeof setTimeout>;
  /** Whether the last failure already got the one free retry for a dead pooled session. */
  hasRetriedStale?: boolean;
}

const ACTIVE = ACTIVE_STATES;
const FINISHED = FINISHED_STATES;

const DEFAULTS: QueueOptions = {
  globalLimit: 8,
  defaultSiteLimit: DEFAULT_SITE_LIMIT,
  siteLimits: {},
  retry: DEFAULT_RETRY_POLICY,
  onExists: 'ask',
  speedLimits: {},
  partSuffix: '.part',
  isProcessing: true,
  persistDelayMs: 500,
  idleSessionMs: 30_000,
};

function publicCopy(item: TransferItem): TransferItem {
  return { ...item, lastError: item.lastError && { ...item.lastError } };
}

/** The transfer queue service; see the module header. */
export class TransferQueue extends EventEmitter<QueueEvents> {
  private readonly order: Entry[] = [];
  private readonly byId = new Map<string, Entry>();
  private readonly options: QueueOptions;
  private readonly scheduler: Scheduler;
  private readonly pool: SessionPool;
  private readonly remoteDirs = new RemoteDirCache();
  private readonly limiters: Record<TransferDirection, RateLimiter>;
  private readonly batcher: ChangeBatcher;
  private readonly now: () => number;
  private readonly random: () => number;
  private readonly runs = new Set<Promise<void>>();
  private readonly idleWaiters: Array<() => void> = [];
  private readonly asker: ExistsAsker;
  private readonly persister: QueuePersister;
  private isPumpScheduled = false;
  private isClosed = false;
  /**
   * Bookkeeping that keeps a pump and the idle check independent of the queue's length (a
   * 10,000-item queue pumps once per finished file): entries before `scanFrom` are known not to
   * be queued; counts of items per state, and of queued items per site; the running entries.
   */
  private scanFrom = 0;
  private readonly stateCounts = new Map<TransferState, number>();
  private readonly queuedBySite = new Map<string, number>();
  private readonly running = new Set<Entry>();
  /** Whether the last check found the queue idle, so `idle` fires once per transition. */
  private wasIdle = true;

  constructor(private readonly deps: TransferQueueDeps) {
    super();
    this.options = { ...DEFAULTS, ...deps.options };
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
    this.persister = new QueuePersister(deps.store, () => this.snapshot(), (err) => this.log('error', `could not save the queue: ${(err as Error).message}`));
  }

  // ---- reading -------------------------------------------------------------------------------

  /** All items in queue order, as plain data. */
  list(): TransferItem[] {
    return this.order.map((e) => publicCopy(e.item));
  }

  /** One item as plain data, or undefined. */
  get(id: string): TransferItem | undefined {
    const e = this.byId.get(id);
    return e && publicCopy(e.item);
  }

  /** Counts, bytes, speed and ETA over the whole queue. */
  totals(): QueueTotals {
    return computeTotals(this.order.map((e) => e.item));
  }

  // ---- adding --------------------------------------------------------------------------------

  /** Loads the saved queue; items that were running resume from their partial bytes. */
  async restore(): Promise<void> {
    const saved = await this.deps.store?.load();
    if (!saved) return;
    for (const { item, meta } of saved.items) {
      if (this.byId.has(item.id)) continue;
      const restored: TransferItem = { ...item, speedBps: undefined, etaSeconds: undefined, nextRetryMs: undefined };
      // A transfer interrupted by a crash or quit goes back to the queue; its partial is kept.
      if (ACTIVE.has(restored.state)) restored.state = 'queued';
      this.insert({ item: restored, meta: { ...meta } });
    }
    this.schedulePump();
  }

  /** Queues files; returns the new items. */
  addFiles(requests: AddFileRequest[]): TransferItem[] {
    return this.enqueue(requests).map((e) => publicCopy(e.item));
  }

  /** Queues files; returns their entries (no copies: a folder of 10,000 files needs only the ids). */
  private enqueue(requests: AddFileRequest[]): Entry[] {
    const added: Entry[] = [];
    for (const r of requests) {
      const item: TransferItem = {
        id: randomUUID(),
        direction: r.direction,
        localPath: r.localPath,
        remotePath: r.remotePath,
        siteId: r.siteId,
        sizeBytes: r.sizeBytes,
        modifiedMs: r.modifiedMs,
        onExists: r.onExists,
        transferredBytes: 0,
        state: 'queued',
        attempts: 0,
        createdMs: this.now(),
      };
      const entry: Entry = { item, meta: { hasStarted: false, failuresInRow: 0, isExistsResolved: false } };
      this.insert(entry);
      added.push(entry);
    }
    this.schedulePersist();
    this.schedulePump();
    return added;
  }

  /**
   * Queues a folder recursively, creating its folders on the other side. Names a server sends
   * that would escape the target are not queued for transfer: each becomes a failed item saying why.
   */
  async addFolder(request: AddFolderRequest): Promise<ExpandReport> {
    const lease = await this.pool.acquire(request.siteId);
    let isHealthy = false;
    try {
      const tree = await expandFolder(request.direction, lease.session, this.deps.fs, this.remoteDirs, request);
      isHealthy = true;
      const added = this.enqueue(tree.files);
      for (const r of tree.refused) this.addRefused(request, r.path, r.reason);
      for (const l of tree.skippedLinks) this.log('warn', `not following link ${l}`);
      return { addedIds: added.map((e) => e.item.id), folderCount: tree.folderCount, refused: tree.refused, skippedLinks: tree.skippedLinks };
    } finally {
      this.pool.release(lease, isHealthy);
    }
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
    this.checkIdle();
  }

  /** Pauses items (all unfinished ones when `ids` is omitted); running ones stop their data connection. */
  pause(ids?: string[]): void {
    for (const e of this.select(ids)) {
      if (e.item.state !== 'queued' && !ACTIVE.has(e.item.state)) continue;
      this.stopRun(e, 'pause');
      this.clearRetry(e);
      this.setState(e, 'paused');
    }
    this.afterControl();
  }

  /** Resumes paused items (all when `ids` is omitted); they continue from their offset. */
  resume(ids?: string[]): void {
    for (const e of this.select(ids)) {
      if (e.item.state !== 'paused') continue;
      this.setState(e, 'queued');
    }
    this.afterControl();
  }

  /** Cancels unfinished items; the partial file is kept for a later retry unless `deletePartial`. */
  cancel(ids?: string[], opts: { deletePartial?: boolean } = {}): void {
    for (const e of this.select(ids)) {
      if (FINISHED.has(e.item.state)) continue;
      this.clearRetry(e);
      if (e.run) {
        this.stopRun(e, 'cancel');
        e.run.deletePartial = opts.deletePartial;
      } else if (opts.deletePartial) {
        void this.deletePartial(e);
      }
      this.setState(e, 'cancelled');
      e.item.finishedMs = this.now();
    }
    this.afterControl();
  }

  /** Queues failed and cancelled items again (all when `ids` is omitted), with a fresh retry budget. */
  retry(ids?: string[]): void {
    for (const e of this.select(ids)) {
      if (e.item.state !== 'failed' && e.item.state !== 'cancelled') continue;
      // A refused name stays refused: retrying cannot make it safe.
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
      const e = this.byId.get(id);
      if (!e) continue;
      this.clearRetry(e);
      this.stopRun(e, 'remove');
      this.byId.delete(id);
      this.countState(e, e.item.state, -1);
      removed.add(e);
      this.batcher.markRemoved(id);
    }
    if (removed.size > 0) {
      // One pass, so clearing thousands of finished items stays linear.
      const kept = this.order.filter((e) => !removed.has(e));
      this.replaceOrder(kept);
      this.scanFrom = 0;
    }
    this.afterControl();
  }

  /** Removes finished items in the given states (default: done). */
  clearFinished(states: Array<'done' | 'failed' | 'cancelled'> = ['done']): void {
    const wanted = new Set<TransferState>(states);
    this.remove(this.order.filter((e) => wanted.has(e.item.state)).map((e) => e.item.id));
  }

  /** Moves items up or down one place, or to the top or bottom, keeping their relative order. */
  move(ids: string[], to: MoveTarget): void {
    const chosen = new Set(ids);
    const next = reorder(this.order, (e) => chosen.has(e.item.id), to);
    this.replaceOrder(next);
    for (const id of chosen) if (this.byId.has(id)) this.batcher.mark(id);
    this.afterControl();
  }

  /** Changes settings at run time (limits, retry policy, file-exists policy, speed limits). */
  setOptions(patch: Partial<QueueOptions>): void {
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

  /** The queue order: ids from first to last. */
  get ids(): string[] {
    return this.order.map((e) => e.item.id);
  }

  /** Resolves when nothing is queued, connecting or transferring (paused items do not count). */
  whenIdle(): Promise<void> {
    if (this.isIdle()) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Stops everything for a quit: running items stay "running" in the file and resume on restore. */
  async close(): Promise<void> {
    if (this.isClosed) return;
    for (const e of this.order) {
      this.clearRetry(e);
      this.stopRun(e, 'shutdown');
    }
    this.isClosed = true;
    await Promise.allSettled([...this.runs]);
    this.persister.stop();
    await this.persistNow();
    this.batcher.flushNow();
    this.batcher.dispose();
    await this.pool.closeAll();
  }

  /** Drops everything without saving, as a crash would (for tests of restore); resolves once attempts have unwound. */
  async destroy(): Promise<void> {
    this.isClosed = true;
    for (const e of this.order) {
      this.clearRetry(e);
      this.stopRun(e, 'shutdown');
    }
    this.persister.stop();
    this.batcher.dispose();
    const closing = this.pool.closeAll();
    await Promise.allSettled([...this.runs, closing]);
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
    if (this.isClosed || !this.options.isProcessing) return this.checkIdle();
    if (this.count('queued') > 0) {
      const picked = this.scheduler.pick(this.startable(this.now()), this.queuedBySite.size);
      for (const c of picked) this.startRun(c.entry);
    }
    this.checkIdle();
  }

  /**
   * Queued items that may start, in queue order, produced lazily so the scheduler stops reading
   * once the limits are reached. Moves `scanFrom` past the leading items that are not queued.
   */
  private *startable(now: number): Generator<{ id: string; siteId: string; entry: Entry }> {
    let isLeading = true;
    for (let i = this.scanFrom; i < this.order.length; i++) {
      const entry = this.order[i];
      const { item } = entry;
      if (item.state !== 'queued') {
        if (isLeading) this.scanFrom = i + 1;
        continue;
      }
      isLeading = false;
      if (entry.run || entry.retryTimer) continue;
      if (item.nextRetryMs !== undefined && item.nextRetryMs > now) continue;
      yield { id: item.id, siteId: item.siteId, entry };
    }
  }

  private startRun(entry: Entry): void {
    const { item } = entry;
    this.scheduler.started(item.siteId);
    item.attempts++;
    item.startedMs ??= this.now();
    item.nextRetryMs = undefined;
    const run: Run = { controller: new AbortController(), meter: new SpeedMeter(this.now(), item.transferredBytes) };
    entry.run = run;
    this.running.add(entry);
    this.setState(entry, 'connecting');
    this.schedulePersist();
    const done = this.execute(entry, run).finally(() => {
      entry.run = undefined;
      this.running.delete(entry);
      this.scheduler.finished(item.siteId);
      this.runs.delete(done);
      this.schedulePump();
    });
    this.runs.add(done);
  }

  private async execute(entry: Entry, run: Run): Promise<void> {
    const { item, meta } = entry;
    let lease: Lease | undefined;
    let isHealthy = false;
    const bytesAtStart = item.transferredBytes;
    try {
      lease = await this.pool.acquire(item.siteId);
      if (run.controller.signal.aborted) {
        isHealthy = true;
        return this.onStopped(entry, run);
      }
      this.setState(entry, 'transferring');
      if (meta.refusedReason !== undefined) throw new QueueError('unsafe-name', meta.refusedReason, false);
      const ctx = this.attemptContext(entry, run, lease);
      const result = item.direction === 'download' ? await runDownload(ctx) : await runUpload(ctx);
      isHealthy = true;
      if (run.stopIntent) return this.onStopped(entry, run);
      this.finishDone(entry, result === 'skipped');
    } catch (err) {
      if (run.stopIntent || this.isClosed) return this.onStopped(entry, run);
      const info = describeError(err, this.deps.errors);
      // A clean error reply leaves the control connection usable; anything else may not.
      isHealthy = info.ftpCode !== undefined && info.ftpCode !== 421 && !classifyTransient(err, this.deps.errors);
      this.handleFailure(entry, err, {
        hasProgressed: item.transferredBytes > bytesAtStart,
        isConnectFailure: lease === undefined,
        isReusedSession: lease?.isReused === true,
      });
    } finally {
      if (lease) this.pool.release(lease, isHealthy && !run.stopIntent);
    }
  }

  private attemptContext(entry: Entry, run: Run, lease: Lease): AttemptContext {
    const { item, meta } = entry;
    const errors = this.deps.errors;
    return {
      item,
      meta,
      session: lease.session,
      fs: this.deps.fs,
      signal: run.controller.signal,
      limiter: this.limiters[item.direction],
      partSuffix: this.options.partSuffix,
      remoteDirs: this.remoteDirs,
      isNotFound: (err) => errors.toErrorInfo(err).ftpCode === 550,
      isTransient: (err) => classifyTransient(err, errors),
      replyCode: (err) => errors.toErrorInfo(err).ftpCode,
      replyCommand: (err) => errors.toErrorInfo(err).command,
      describe: (err) => describeError(err, errors).message,
      chooseExists: (q) => this.asker.choose(q, q.item.onExists ?? this.options.onExists),
      policyOf: (i) => i.onExists ?? this.options.onExists,
      onProgress: () => {
        run.meter.sample(this.now(), item.transferredBytes);
        this.batcher.mark(item.id);
      },
      onChanged: () => {
        this.batcher.mark(item.id);
        this.schedulePersist();
      },
      log: (level, text) => this.log(level, text, item.id),
    };
  }

  private finishDone(entry: Entry, isSkipped: boolean): void {
    const { item, meta } = entry;
    item.isSkipped = isSkipped || undefined;
    item.lastError = undefined;
    item.finishedMs = this.now();
    if (!isSkipped && item.sizeBytes !== undefined) item.transferredBytes = item.sizeBytes;
    meta.failuresInRow = 0;
    this.setState(entry, 'done');
    if (isSkipped) this.log('info', `skipped ${item.direction === 'download' ? item.localPath : item.remotePath}: target exists`, item.id);
    this.schedulePersist();
  }

  private handleFailure(entry: Entry, err: unknown, how: { hasProgressed: boolean; isConnectFailure: boolean; isReusedSession: boolean }): void {
    const { item, meta } = entry;
    const info = describeError(err, this.deps.errors);
    const isTransient = classifyTransient(err, this.deps.errors);
    item.lastError = info;
    // Only a 421 instead of a greeting means "too many connections"; on a logged-in session it is
    // the server's idle timeout or shutdown (vsftpd: "421 Timeout.").
    const is421 = info.ftpCode === 421 && how.isConnectFailure;
    const accepted = this.pool.openFor(item.siteId);
    const hasOthersRunning = accepted > 0;
    if (isTransient && how.isReusedSession && !how.hasProgressed && !entry.hasRetriedStale) {
      // A pooled session the server had silently dropped: try once more at once on a fresh one.
      entry.hasRetriedStale = true;
      this.setState(entry, 'queued');
      this.log('info', `${item.remotePath}: the reused connection was gone (${info.message}); reconnecting`, item.id);
      return;
    }
    entry.hasRetriedStale = false;
    if (is421) {
      const limit = this.scheduler.lowerAfter421(item.siteId, accepted);
      this.pool.trimIdle(item.siteId, limit);
      this.log('warn', `421 from the server: at most ${limit} connection(s) to this site for this run`, item.id);
    }
    if (how.hasProgressed) meta.failuresInRow = 0;
    // Refused for lack of a free connection while others work: not this item's fault.
    if (!(is421 && hasOthersRunning)) meta.failuresInRow++;
    const where = item.direction === 'download' ? item.remotePath : item.localPath;
    if (isTransient && canRetry(Math.max(1, meta.failuresInRow), this.options.retry)) {
      const delay = backoffDelayMs(Math.max(1, meta.failuresInRow), this.options.retry, this.random);
      item.nextRetryMs = this.now() + delay;
      entry.retryTimer = setTimeout(() => {
        entry.retryTimer = undefined;
        item.nextRetryMs = undefined;
        this.batcher.mark(item.id);
        this.schedulePump();
      }, delay);
      this.setState(entry, 'queued');
      this.log('warn', `${where}: ${info.message}; retry in ${Math.round(delay / 100) / 10}s (attempt ${item.attempts})`, item.id);
    } else {
      item.finishedMs = this.now();
      this.setState(entry, 'failed');
      this.log('error', `${where}: failed: ${errorLine(info)}`, item.id);
    }
    this.schedulePersist();
  }

  private onStopped(entry: Entry, run: Run): void {
    if (run.deletePartial) void this.deletePartial(entry);
  }

  private stopRun(entry: Entry, intent: NonNullable<Run['stopIntent']>): void {
    const run = entry.run;
    if (!run || run.stopIntent) return;
    run.stopIntent = intent;
    run.controller.abort();
  }

  private clearRetry(entry: Entry): void {
    if (entry.retryTimer) clearTimeout(entry.retryTimer);
    entry.retryTimer = undefined;
    entry.item.nextRetryMs = undefined;
  }

  private async deletePartial(entry: Entry): Promise<void> {
    const { item } = entry;
    try {
      if (item.direction === 'download') {
        await this.deps.fs.remove(item.localPath + this.options.partSuffix);
      } else if (entry.meta.hasStarted) {
        const lease = await this.pool.acquire(item.siteId);
        let isHealthy = false;
        try {
          await lease.session.delete(item.remotePath);
          isHealthy = true;
        } finally {
          this.pool.release(lease, isHealthy);
        }
      }
      item.transferredBytes = 0;
      entry.meta.hasStarted = false;
      this.batcher.mark(item.id);
      this.schedulePersist();
    } catch (err) {
      this.log('warn', `could not delete the partial file: ${(err as Error).message}`, item.id);
    }
  }

  private addRefused(request: AddFolderRequest, remotePath: string, reason: string): void {
    const item: TransferItem = {
      id: randomUUID(),
      direction: request.direction,
      localPath: request.localDir,
      remotePath,
      siteId: request.siteId,
      transferredBytes: 0,
      state: 'failed',
      attempts: 0,
      createdMs: this.now(),
      finishedMs: this.now(),
      lastError: { kind: 'unsafe-name', message: `refused remote name: ${reason}` },
    };
    this.insert({ item, meta: { hasStarted: false, failuresInRow: 0, isExistsResolved: true, refusedReason: reason } });
    this.log('error', `refused ${remotePath}: ${reason}`, item.id);
    this.schedulePersist();
  }

  // ---- bookkeeping ---------------------------------------------------------------------------

  private insert(entry: Entry): void {
    this.order.push(entry);
    this.byId.set(entry.item.id, entry);
    this.countState(entry, entry.item.state, 1);
    this.batcher.mark(entry.item.id);
  }

  /** Replaces the queue order (element by element: spreading 100,000 arguments can overflow the stack). */
  private replaceOrder(next: Entry[]): void {
    this.order.length = 0;
    for (const e of next) this.order.push(e);
    this.scanFrom = 0;
  }

  /** Adjusts the per-state and per-site counts for an item entering (+1) or leaving (-1) a state. */
  private countState(entry: Entry, state: TransferState, delta: 1 | -1): void {
    this.stateCounts.set(state, (this.stateCounts.get(state) ?? 0) + delta);
    if (state !== 'queued') return;
    const siteId = entry.item.siteId;
    const n = (this.queuedBySite.get(siteId) ?? 0) + delta;
    if (n > 0) this.queuedBySite.set(siteId, n);
    else this.queuedBySite.delete(siteId);
  }

  private count(state: TransferState): number {
    return this.stateCounts.get(state) ?? 0;
  }

  private select(ids?: string[]): Entry[] {
    if (!ids) return [...this.order];
    return ids.map((id) => this.byId.get(id)).filter((e): e is Entry => e !== undefined);
  }

  private setState(entry: Entry, state: TransferState): void {
    const from = entry.item.state;
    entry.item.state = state;
    if (from !== state) {
      this.countState(entry, from, -1);
      this.countState(entry, state, 1);
      // It may sit before the scan start; the next pump looks from the top again.
      if (state === 'queued') this.scanFrom = 0;
      this.emit('transition', { id: entry.item.id, from, to: state });
    }
    if (!ACTIVE.has(state)) {
      entry.item.speedBps = undefined;
      entry.item.etaSeconds = undefined;
    }
    this.batcher.mark(entry.item.id);
  }

  private afterControl(): void {
    this.schedulePersist();
    this.schedulePump();
    this.checkIdle();
  }

  private isIdle(): boolean {
    if (this.running.size > 0) return false;
    for (const state of ACTIVE) if (this.count(state) > 0) return false;
    return !(this.count('queued') > 0 && this.options.isProcessing && !this.isClosed);
  }

  private checkIdle(): void {
    const isIdle = this.isIdle();
    const wasIdle = this.wasIdle;
    this.wasIdle = isIdle;
    if (!isIdle) return;
    const waiters = this.idleWaiters.splice(0);
    for (const w of waiters) w();
    if (wasIdle) return;
    // A run has ended: limits learnt from 421 and folders known to exist apply to that run only.
    this.scheduler.resetLearntLimits();
    this.remoteDirs.clear();
    this.batcher.touch();
    this.emit('idle');
  }

  private flushChanges(changedIds: string[], removedIds: string[]): void {
    const now = this.now();
    const ids = new Set(changedIds);
    let isActive = false;
    for (const e of this.running) {
      if (!e.run || e.item.state !== 'transferring') continue;
      // Running items refresh every flush so speed and ETA stay live even when a link stalls.
      isActive = true;
      ids.add(e.item.id);
      const speed = e.run.meter.speedBps(now);
      e.item.speedBps = speed;
      e.item.etaSeconds = etaSeconds(e.item.sizeBytes === undefined ? undefined : e.item.sizeBytes - e.item.transferredBytes, speed);
    }
    const items: TransferItem[] = [];
    for (const id of ids) {
      const e = this.byId.get(id);
      if (e) items.push(publicCopy(e.item));
    }
    if (items.length > 0 || removedIds.length > 0) this.emit('changed', { items, removedIds, totals: this.totals() });
    if (isActive && !this.isClosed) this.batcher.touch();
  }

  private log(level: 'info' | 'warn' | 'error', text: string, itemId?: string): void {
    this.emit('log', { timeMs: this.now(), itemId, level, text });
  }

  // ---- persistence ---------------------------------------------------------------------------

  private snapshot(): PersistedQueue {
    return {
      version: 1,
      items: this.order.map((e) => ({
        item: { ...publicCopy(e.item), speedBps: undefined, etaSeconds: undefined, nextRetryMs: undefined },
        meta: { ...e.meta },
      })),
    };
  }

  private schedulePersist(): void {
    if (!this.isClosed) this.persister.schedule(this.options.persistDelayMs, this.order.length);
  }

  /** Writes the queue now (one write at a time; a change during a write causes one more). */
  persistNow(): Promise<void> {
    return this.persister.saveNow();
  }
}
