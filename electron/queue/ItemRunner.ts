/**
 * Running items: one attempt per start on a pooled session, ending in an AttemptOutcome (done or
 * skipped, a stop the user asked for, a retry after a delay, or failed; attemptOutcome.ts), which
 * `settle` applies to the item in one place. The queue decides when to start; the runner what an
 * ending means.
 */
import type { TransferDirection, TransferState } from '../../shared/domain';
import { describeError as errorLine } from '../../shared/errorText';
import { DONE, outcomeOfFailure, SKIPPED, STOPPED, type AttemptOutcome } from './attemptOutcome';
import type { ChangeBatcher } from './ChangeBatcher';
import type { EtaEstimator } from './EtaEstimator';
import type { ExistsAsker } from './ExistsAsker';
import type { Entry, Run } from './queueEntry';
import { errorInfoOf, failureOf, TransferError } from './transferError';
import type { TransferQueueDeps, QueueOptions } from './queueOptions';
import type { RemoteDirCache } from './remoteDirs';
import { partialPath, runDownload, runUpload, type AttemptContext } from './runTransfer';
import { runDelete, subjectOf } from './runDelete';
import type { Scheduler } from './Scheduler';
import type { Lease, SessionPool } from './SessionPool';
import type { RateLimiter } from './SpeedLimiter';
import { SpeedMeter, etaSeconds } from './SpeedMeter';
import type { QueueLogLine } from './types';

/** The parts of the queue a runner works with; the queue builds it and keeps ownership. */
export interface RunnerHost {
  readonly deps: TransferQueueDeps;
  /** The queue's own options object: `setOptions` changes it in place and runs see the change. */
  readonly options: QueueOptions;
  readonly pool: SessionPool;
  readonly scheduler: Scheduler;
  readonly limiters: Record<TransferDirection, RateLimiter>;
  readonly remoteDirs: RemoteDirCache;
  readonly asker: ExistsAsker;
  /** Hears each transfer's progress, for the queue's time left. */
  readonly eta: EtaEstimator;
  readonly batcher: ChangeBatcher;
  readonly now: () => number;
  /** Passed on to the backoff as it is. */
  readonly random: () => number;
  isClosed(): boolean;
  /** Whether queued items of the site wait to start (so a session that finishes a file will be asked for another). */
  hasQueuedFor(siteId: string): boolean;
  /** Changes an item's state, with the queue's events. */
  setState(entry: Entry, state: TransferState): void;
  log(level: QueueLogLine['level'], text: string, itemId?: string): void;
  schedulePersist(): void;
  schedulePump(): void;
}

/** Starts, stops and settles the runs of queue entries. */
export class ItemRunner {
  private readonly runs = new Set<Promise<void>>();
  private readonly running = new Set<Entry>();

  constructor(private readonly host: RunnerHost) {}

  /** Whether any entry is running. */
  get isBusy(): boolean {
    return this.running.size > 0;
  }

  /** The runs in progress, to wait for at shutdown. */
  inFlight(): Promise<void>[] {
    return [...this.runs];
  }

  /**
   * Refreshes speed and ETA of transferring items, adding their ids to `ids`, so they stay live
   * even when a link stalls. Returns whether any item is transferring.
   */
  refreshLive(now: number, ids: Set<string>): boolean {
    let isActive = false;
    for (const e of this.running) {
      if (!e.run || e.item.state !== 'transferring') continue;
      isActive = true;
      ids.add(e.item.id);
      const speed = e.run.meter.speedBps(now);
      e.item.speedBps = speed;
      e.item.etaSeconds = etaSeconds(e.item.sizeBytes === undefined ? undefined : e.item.sizeBytes - e.item.transferredBytes, speed);
    }
    return isActive;
  }

  /** Starts an attempt at a queued entry the scheduler picked. */
  start(entry: Entry): void {
    const { host } = this;
    const { item } = entry;
    host.scheduler.started(item.siteId);
    item.attempts++;
    item.startedMs ??= host.now();
    item.nextRetryMs = undefined;
    const run: Run = { controller: new AbortController(), meter: new SpeedMeter(host.now(), item.transferredBytes) };
    entry.run = run;
    this.running.add(entry);
    host.setState(entry, 'connecting');
    host.schedulePersist();
    const done = this.execute(entry, run).then((outcome) => this.settle(entry, run, outcome)).finally(() => {
      entry.run = undefined;
      this.running.delete(entry);
      if (!run.isConnectionFree) host.scheduler.finished(item.siteId);
      this.runs.delete(done);
      host.schedulePump();
    });
    this.runs.add(done);
  }

  /** Stops an entry's run, if any, remembering why so its error is not taken for a failure. */
  stop(entry: Entry, intent: NonNullable<Run['stopIntent']>): void {
    const run = entry.run;
    if (!run || run.stopIntent) return;
    run.stopIntent = intent;
    run.controller.abort();
  }

  /** Cancels a pending retry. */
  clearRetry(entry: Entry): void {
    if (entry.retryTimer) clearTimeout(entry.retryTimer);
    entry.retryTimer = undefined;
    entry.item.nextRetryMs = undefined;
  }

  /** Deletes what a stopped transfer left behind; a failure to do so is only logged. */
  async deletePartial(entry: Entry): Promise<void> {
    const { host } = this;
    const { item } = entry;
    // A deletion leaves nothing partial behind.
    if (item.deleteSide) return;
    try {
      if (item.direction === 'download') {
        await host.deps.fs.remove(partialPath({ item, meta: entry.meta, partSuffix: host.options.partSuffix }));
      } else if (entry.meta.hasStarted) {
        const lease = await host.pool.acquire(item.siteId);
        let isHealthy = false;
        try {
          await lease.session.delete(item.remotePath);
          isHealthy = true;
        } finally {
          host.pool.release(lease, isHealthy);
        }
      }
      item.transferredBytes = 0;
      entry.meta.hasStarted = false;
      host.batcher.mark(item.id);
      host.schedulePersist();
    } catch (err) {
      host.log('warn', `could not delete the partial file: ${(err as Error).message}`, item.id);
    }
  }

  /** One attempt: a session from the pool, the transfer, and what it came to; the session goes back healthy or not. */
  private async execute(entry: Entry, run: Run): Promise<AttemptOutcome> {
    const { host } = this;
    const { item, meta } = entry;
    let lease: Lease | undefined;
    let isHealthy = false;
    const bytesAtStart = item.transferredBytes;
    try {
      if (item.deleteSide === 'local') {
        host.setState(entry, 'transferring');
        await runDelete({ item, fs: host.deps.fs, signal: run.controller.signal });
        return run.stopIntent ? STOPPED : DONE;
      }
      lease = await host.pool.acquire(item.siteId);
      if (run.controller.signal.aborted) {
        isHealthy = true;
        return STOPPED;
      }
      host.setState(entry, 'transferring');
      if (meta.refusedReason !== undefined) throw new TransferError({ kind: 'unsafe-name', message: meta.refusedReason, isTransient: false });
      if (item.deleteSide === 'remote') {
        await runDelete({ item, session: lease.session, fs: host.deps.fs, signal: run.controller.signal });
        isHealthy = true;
        return run.stopIntent ? STOPPED : DONE;
      }
      const ctx = this.attemptContext(entry, run, lease);
      const result = item.direction === 'download' ? await runDownload(ctx) : await runUpload(ctx);
      isHealthy = true;
      if (run.stopIntent) return STOPPED;
      return result === 'skipped' ? SKIPPED : DONE;
    } catch (err) {
      if (run.stopIntent || host.isClosed()) return STOPPED;
      const failure = failureOf(err);
      // A clean error reply leaves the control connection usable; anything else may not.
      isHealthy = failure.code !== undefined && failure.code !== 421 && !failure.isTransient;
      const facts = {
        hasProgressed: item.transferredBytes > bytesAtStart,
        isConnectFailure: lease === undefined && item.deleteSide !== 'local',
        isReusedSession: lease?.isReused === true,
        openForSite: host.pool.openFor(item.siteId),
      };
      return outcomeOfFailure(failure, facts, { failuresInRow: meta.failuresInRow, hasRetriedStale: entry.hasRetriedStale === true }, host.options.retry, host.random);
    } finally {
      if (lease) host.pool.release(lease, isHealthy && !run.stopIntent);
    }
  }

  private attemptContext(entry: Entry, run: Run, lease: Lease): AttemptContext {
    const { host } = this;
    const { item, meta } = entry;
    return {
      item,
      meta,
      session: lease.session,
      fs: host.deps.fs,
      signal: run.controller.signal,
      limiter: host.limiters[item.direction],
      partSuffix: host.options.partSuffix,
      remoteDirs: host.remoteDirs,
      type: item.transferType ?? 'binary',
      chooseExists: (q) => host.asker.choose(q, q.item.onExists ?? host.options.onExists),
      policyOf: (i) => i.onExists ?? host.options.onExists,
      onProgress: () => {
        run.meter.sample(host.now(), item.transferredBytes);
        host.eta.progressed(item.id, host.now(), item.transferredBytes);
        host.batcher.mark(item.id);
      },
      isFollowed: () => host.hasQueuedFor(item.siteId),
      dataDone: () => {
        if (!host.hasQueuedFor(item.siteId)) return;
        lease.session.prepareNextTransfer?.();
        // A checksum asked after the next file's transfer started would wait for all of it.
        if (lease.session.offersChecksum === false) this.handOff(run, lease);
      },
      onChanged: () => {
        host.batcher.mark(item.id);
        host.schedulePersist();
      },
      log: (level, text) => host.log(level, text, item.id),
    };
  }

  /**
   * Frees the run's connection for the site's next item once its data connection is done: that
   * item starts now, on the same session, and its command goes out as soon as this run's last
   * ones are answered. The server works on the next file while this run finishes locally
   * (rename, times, events), instead of waiting for it. Only for sessions without checksums,
   * whose runs need the session afterwards at most for a size check sent at once (uploads) or
   * after a rare size mismatch.
   */
  private handOff(run: Run, lease: Lease): void {
    if (run.isConnectionFree || run.stopIntent) return;
    run.isConnectionFree = true;
    this.host.pool.handOff(lease);
    this.host.scheduler.finished(lease.siteId);
    this.host.schedulePump();
  }

  /** Applies what an attempt came to: the item's state, its log line, a retry timer, the site's connection limit. */
  private settle(entry: Entry, run: Run, outcome: AttemptOutcome): void {
    const { host } = this;
    const { item, meta } = entry;
    if (outcome.kind === 'stopped') {
      if (run.deletePartial) void this.deletePartial(entry);
      return;
    }
    if (outcome.kind === 'done' || outcome.kind === 'skipped') {
      const isSkipped = outcome.kind === 'skipped';
      item.isSkipped = isSkipped || undefined;
      item.lastError = undefined;
      item.finishedMs = host.now();
      if (!isSkipped && item.sizeBytes !== undefined) item.transferredBytes = item.sizeBytes;
      meta.failuresInRow = 0;
      host.setState(entry, 'done');
      if (isSkipped) host.log('info', `skipped ${item.direction === 'download' ? item.localPath : item.remotePath}: target exists`, item.id);
      else if (item.deleteSide) host.log('info', `deleted ${subjectOf(item)}`, item.id);
      host.schedulePersist();
      return;
    }
    const info = errorInfoOf(outcome.failure);
    item.lastError = info;
    meta.failuresInRow = outcome.book.failuresInRow;
    entry.hasRetriedStale = outcome.book.hasRetriedStale;
    if (outcome.isTooManyConnections) {
      const limit = host.scheduler.lowerAfter421(item.siteId, host.pool.openFor(item.siteId));
      host.pool.trimIdle(item.siteId, limit);
      host.log('warn', `421 from the server: at most ${limit} connection(s) to this site for this run`, item.id);
    }
    const where = subjectOf(item);
    if (outcome.kind === 'retry' && outcome.why === 'stale-session') {
      host.setState(entry, 'queued');
      host.log('info', `${item.remotePath}: the reused connection was gone (${info.message}); reconnecting`, item.id);
    } else if (outcome.kind === 'retry') {
      item.nextRetryMs = host.now() + outcome.delayMs;
      entry.retryTimer = setTimeout(() => {
        entry.retryTimer = undefined;
        item.nextRetryMs = undefined;
        host.batcher.mark(item.id);
        host.schedulePump();
      }, outcome.delayMs);
      host.setState(entry, 'queued');
      host.log('warn', `${where}: ${info.message}; retry in ${Math.round(outcome.delayMs / 100) / 10}s (attempt ${item.attempts})`, item.id);
    } else {
      item.finishedMs = host.now();
      host.setState(entry, 'failed');
      host.log('error', `${where}: failed: ${errorLine(info)}`, item.id);
    }
    host.schedulePersist();
  }
}
