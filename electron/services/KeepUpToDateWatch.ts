/**
 * One folder kept up to date: a TreeWatcher over the local folder whose settled changes become
 * the transfer queue's uploads (overwrite) and, only when asked, its deletions on the server; an
 * empty new folder is made on the server directly. One remote path has one queue item at a time:
 * a change while its upload waits to start adds nothing (the upload reads the file when it starts),
 * a change while it runs is queued when it ends, so two uploads of one file never race. Counts
 * what was seen, uploaded, deleted and failed, from the queue's own transitions (itemMoved).
 * Must not import electron.
 */
import path from 'node:path';
import type { TransferQueue } from '../queue';
import type { TransferSession } from '../queue/types';
import { joinRemote } from '../queue/safeName';
import { TreeWatcher, type TreeWatcherOptions, type WatchEnd } from '../sync/TreeWatcher';
import type { TreeChange } from '../sync/treeChanges';
import type { KeepUpToDateOptions, KeepUpToDateStatus, KeepUpToDateStopKind } from '../../shared/keepUpToDate';
import type { TransferState } from '../../shared/domain';
import { planFirstSync, type KeepStep } from './keepUpToDateFirstSync';

/** What a watch needs from the services. */
export interface KeepWatchDeps {
  queue: TransferQueue;
  siteId: string;
  /** The transfer type of every upload, when the protocol decides it (SFTP: binary); absent: the queue's rule. */
  transferType?: 'binary';
  /** Makes a folder on the server (it may be there already). */
  makeRemoteFolder(remotePath: string): Promise<void>;
  /** A listing connection for the first sync's compare. */
  openSession(): Promise<TransferSession>;
  /** Connections the first sync's compare may use. */
  parallel: number;
  /** The server's clock offset for the first compare (0 when none is known). */
  clockOffsetMs(): Promise<number>;
  onStatus(status: KeepUpToDateStatus): void;
  /** A line for the message log. */
  log(text: string, isError?: boolean): void;
}

/** Who and what a watch is for. */
export interface KeepWatchSpec {
  watchId: string;
  ownerClientId: string;
  sessionId: string;
  localFolder: string;
  remoteFolder: string;
  options: KeepUpToDateOptions;
}

/** The queue item standing for a remote path now. */
interface Lane {
  itemId: string;
  kind: KeepStep['kind'];
}

const FINISHED = new Set<TransferState>(['done', 'failed', 'cancelled']);
const NOT_STARTED = new Set<TransferState>(['queued', 'paused']);
/** Problems a status keeps (the newest). */
const MAX_PROBLEMS = 5;

const isAtOrInside = (p: string, folder: string) => p === folder || p.startsWith(`${folder}/`);

/** One running watch; see the module header. */
export class KeepUpToDateWatch {
  private readonly status: KeepUpToDateStatus;
  private watcher: TreeWatcher | undefined;
  private readonly lanes = new Map<string, Lane>();
  private readonly laneOf = new Map<string, string>();
  private readonly followUps = new Map<string, KeepStep>();
  /** Items this watch cancelled itself (superseded): not failures. */
  private readonly superseded = new Set<string>();
  private applying: Promise<void> = Promise.resolve();

  private constructor(
    readonly spec: KeepWatchSpec,
    private readonly deps: KeepWatchDeps,
  ) {
    const { watchId, ownerClientId, sessionId, localFolder, remoteFolder, options } = spec;
    this.status = {
      watchId,
      ownerClientId,
      sessionId,
      localFolder,
      remoteFolder,
      options,
      state: options.syncFirst ? 'syncing' : 'watching',
      seenCount: 0,
      uploadedCount: 0,
      deletedCount: 0,
      failedCount: 0,
      pendingCount: 0,
      problems: [],
    };
  }

  /** Starts watching (rejects when the folder cannot be watched) and, when asked, the first sync. */
  static async start(spec: KeepWatchSpec, deps: KeepWatchDeps, watcherOptions: TreeWatcherOptions = {}): Promise<KeepUpToDateWatch> {
    const watch = new KeepUpToDateWatch(spec, deps);
    const watcher = await TreeWatcher.start(spec.localFolder, { ...watcherOptions, exclude: spec.options.exclude });
    watch.watcher = watcher;
    for (const problem of watcher.problems) watch.addProblem(problem);
    watcher.on('changes', (changes) => watch.enqueue(() => watch.apply(changes)));
    watcher.on('problem', (problem) => {
      watch.addProblem(problem);
      watch.tell();
    });
    watcher.on('stopped', (end: WatchEnd) => watch.stop(end.kind, end.message));
    deps.log(`Keeping ${spec.remoteFolder} up to date from ${spec.localFolder}`);
    if (spec.options.syncFirst) watch.enqueue(() => watch.syncFirst(watcherOptions.partSuffix));
    return watch;
  }

  /** The watch as the window shows it. */
  get snapshot(): KeepUpToDateStatus {
    return { ...this.status, problems: [...this.status.problems], ...(this.status.stop ? { stop: { ...this.status.stop } } : {}) };
  }

  /** The site its uploads go to. */
  get siteId(): string {
    return this.deps.siteId;
  }

  /** Whether it still watches. */
  get isRunning(): boolean {
    return this.status.state !== 'stopped';
  }

  /** Stops watching (uploads already queued still run) and says why. */
  stop(kind: KeepUpToDateStopKind, message: string): void {
    if (this.status.state === 'stopped') return;
    this.watcher?.close();
    this.status.state = 'stopped';
    this.status.stop = { kind, message };
    this.deps.log(`Stopped keeping ${this.spec.remoteFolder} up to date: ${message}`, kind === 'folder-gone' || kind === 'watch-failed');
    this.tell();
  }

  /** Runs the watch's work in order, one batch after another. */
  private enqueue(work: () => Promise<void>): void {
    this.applying = this.applying.then(work).catch((err: unknown) => {
      this.addProblem((err as Error).message);
      this.tell();
    });
  }

  private async apply(changes: TreeChange[]): Promise<void> {
    if (!this.isRunning) return;
    const { deleteOnServer } = this.spec.options;
    const steps: KeepStep[] = [];
    const folders: string[] = [];
    for (const c of changes) {
      if (c.kind === 'removed') {
        // A file gone before its upload started: that upload has nothing to send.
        this.cancelWaitingUploads(c.relPath);
        if (deleteOnServer) steps.push({ kind: 'delete', relPath: c.relPath, isFolder: c.isFolder });
        continue;
      }
      if (c.isFolder) folders.push(c.relPath);
      else steps.push({ kind: 'upload', relPath: c.relPath, sizeBytes: c.sizeBytes, modifiedMs: c.modifiedMs });
      if (c.kind === 'renamed') {
        this.cancelWaitingUploads(c.from);
        if (deleteOnServer) steps.push({ kind: 'delete', relPath: c.from, isFolder: c.isFolder });
      }
    }
    await this.makeFolders(folders, steps);
    this.submit(steps);
    // Counted once queued, so no status says "seen" with its upload not yet pending.
    this.status.seenCount += changes.length;
    this.tell();
  }

  private async syncFirst(partSuffix: string | undefined): Promise<void> {
    try {
      const { options, localFolder, remoteFolder } = this.spec;
      const plan = await planFirstSync({
        localFolder,
        remoteFolder,
        exclude: partSuffix ? [...options.exclude, `*${partSuffix}`] : options.exclude,
        deleteOnServer: options.deleteOnServer,
        openSession: this.deps.openSession,
        parallel: this.deps.parallel,
        clockOffsetMs: await this.deps.clockOffsetMs(),
      });
      if (!this.isRunning) return;
      await this.makeFolders(plan.folders, plan.steps);
      this.submit(plan.steps);
      const left = plan.leftCount === 1 ? '1 path was left as it is' : `${plan.leftCount} paths were left as they are`;
      if (plan.leftCount > 0) this.addProblem(`${left}: newer on the server, or a file on one side and a folder on the other`);
    } catch (err) {
      this.addProblem(`Could not compare the folders first: ${(err as Error).message}`);
    }
    if (this.isRunning) this.status.state = 'watching';
    this.tell();
  }

  /** Makes the new folders that no upload fills (uploads make their own folders), parents first. */
  private async makeFolders(folders: string[], steps: KeepStep[]): Promise<void> {
    const filled = (folder: string) => steps.some((s) => s.kind === 'upload' && s.relPath.startsWith(`${folder}/`));
    for (const folder of folders.filter((f) => !filled(f)).sort((a, b) => a.split('/').length - b.split('/').length)) {
      const remotePath = this.remotePathOf(folder);
      try {
        await this.deps.makeRemoteFolder(remotePath);
      } catch (err) {
        this.status.failedCount++;
        this.addProblem(`Could not make the folder ${remotePath}: ${(err as Error).message}`);
      }
    }
  }

  /** Queues steps, one item per remote path at a time (see the module header). */
  private submit(steps: KeepStep[]): void {
    const now: KeepStep[] = [];
    for (const step of steps) {
      const remotePath = this.remotePathOf(step.relPath);
      const lane = this.lanes.get(remotePath);
      const state = lane && this.deps.queue.get(lane.itemId)?.state;
      if (lane && state && !FINISHED.has(state)) {
        if (NOT_STARTED.has(state) && lane.kind === step.kind) continue;
        if (!NOT_STARTED.has(state)) {
          this.followUps.set(remotePath, step);
          continue;
        }
        this.supersede(lane.itemId);
      }
      now.push(step);
    }
    const { queue, siteId, transferType } = this.deps;
    const uploads = now.filter((s): s is Extract<KeepStep, { kind: 'upload' }> => s.kind === 'upload');
    const deletes = now.filter((s): s is Extract<KeepStep, { kind: 'delete' }> => s.kind === 'delete');
    if (uploads.length > 0) {
      // The folder the watch uploads into exists: no MKD for it.
      queue.noteRemoteFolder(siteId, this.spec.remoteFolder);
      const added = queue.addFiles(
        uploads.map((s) => ({
          direction: 'upload',
          siteId,
          localPath: this.localPathOf(s.relPath),
          remotePath: this.remotePathOf(s.relPath),
          sizeBytes: s.sizeBytes,
          modifiedMs: s.modifiedMs,
          onExists: 'overwrite',
          ...(transferType ? { transferType } : {}),
        })),
      );
      added.forEach((item) => this.track(item.id, item.remotePath, 'upload'));
    }
    if (deletes.length > 0) {
      const added = queue.addDeletes(deletes.map((s) => ({ siteId, side: 'remote', localPath: this.localPathOf(s.relPath), remotePath: this.remotePathOf(s.relPath), isFolder: s.isFolder })));
      added.forEach((item) => this.track(item.id, item.remotePath, 'delete'));
    }
  }

  private track(itemId: string, remotePath: string, kind: KeepStep['kind']): void {
    const previous = this.lanes.get(remotePath);
    if (previous) this.laneOf.delete(previous.itemId);
    this.lanes.set(remotePath, { itemId, kind });
    this.laneOf.set(itemId, remotePath);
    this.status.pendingCount = this.laneOf.size;
  }

  /** Cancels uploads not yet started at or under `relPath`: what they would send is gone. */
  private cancelWaitingUploads(relPath: string): void {
    const remote = this.remotePathOf(relPath);
    for (const [remotePath, lane] of this.lanes) {
      if (lane.kind !== 'upload' || !isAtOrInside(remotePath, remote)) continue;
      const state = this.deps.queue.get(lane.itemId)?.state;
      if (state && NOT_STARTED.has(state)) this.supersede(lane.itemId);
      this.followUps.delete(remotePath);
    }
  }

  private supersede(itemId: string): void {
    this.superseded.add(itemId);
    this.deps.queue.cancel([itemId]);
  }

  /**
   * A queue item moved (`removed`: taken out of the queue): counted when it is one of this watch's
   * and finished, and its path's next step queued.
   */
  itemMoved(itemId: string, to: TransferState | 'removed'): void {
    const remotePath = this.laneOf.get(itemId);
    if (!this.isRunning || !remotePath || (to !== 'removed' && !FINISHED.has(to))) return;
    const lane = this.lanes.get(remotePath)!;
    this.laneOf.delete(itemId);
    this.lanes.delete(remotePath);
    this.status.pendingCount = this.laneOf.size;
    const wasSuperseded = this.superseded.delete(itemId);
    if (to === 'done') {
      if (lane.kind === 'upload') this.status.uploadedCount++;
      else this.status.deletedCount++;
    } else if (to === 'failed') this.status.failedCount++;
    const next = this.followUps.get(remotePath);
    if (next && !wasSuperseded) {
      this.followUps.delete(remotePath);
      this.submit([next]);
    }
    this.tell();
  }

  private addProblem(problem: string): void {
    this.status.problems = [...this.status.problems.filter((p) => p !== problem), problem].slice(-MAX_PROBLEMS);
  }

  private tell(): void {
    this.deps.onStatus(this.snapshot);
  }

  private localPathOf(relPath: string): string {
    return path.join(this.spec.localFolder, ...relPath.split('/'));
  }

  private remotePathOf(relPath: string): string {
    return joinRemote(this.spec.remoteFolder, relPath);
  }
}
