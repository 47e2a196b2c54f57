/**
 * One sync run from the window, carried out through the transfer queue: the folders the plan
 * needs made first, then the copies queued as normal items, and once every copy has ended the
 * deletions as the queue's deletion items (none if a copy did not succeed: a renamed file is a
 * deletion plus a new file, and the old one must not go before the new one is there). At the
 * end the pair is compared again and its state kept, and the outcome is told in words. The
 * phases and their order live in `execute`; every change of phase goes through `enter`.
 * Must not import electron.
 */
import { describeError, errorInfoOf } from '../../shared/errorText';
import type { ComparedPair } from '../../shared/sync';
import type { SyncRunPhase, SyncRunStatus } from '../../shared/syncPreview';
import type { LocalFs, TransferQueue, TransferSession } from '../queue';
import { copyRequestOf, deleteRequestOf, localPathOf, remotePathOf, type FolderPaths, type RunSteps } from '../sync/syncSteps';
import { endText, outcomeOf, phaseText, type RunTally } from './syncRunText';
import { whenItemsEnd, type ItemEnd } from './whenItemsEnd';

/** What a run works with. */
export interface SyncRunDeps {
  queue: TransferQueue;
  fs: Pick<LocalFs, 'mkdirp'>;
  /** A logged-in connection to the site, for the remote folders. */
  openSession(): Promise<TransferSession>;
  siteId: string;
  /** The server's clock minus this computer's: a download gets its time as this computer counts. */
  clockOffsetMs: number;
  /** The transfer type of every copy when the protocol decides it (SFTP: binary); absent: the queue's rule. */
  transferType?: 'binary';
  folders: FolderPaths;
  /** The compared pairs of the preview, by path (the copies' sizes and times). */
  pairs: ReadonlyMap<string, ComparedPair>;
  /** Compares the pair again and keeps its state for the next "both" sync. */
  keepState(): Promise<void>;
  /** Tells the window and the log where the run is. */
  report(status: SyncRunStatus): void;
  /** A step that failed outside the queue (a folder), in words. */
  logError(text: string): void;
}

/** Runs the ticked steps of one preview. */
export class SyncRun {
  private current: SyncRunPhase = 'folders';
  private readonly tally: RunTally;

  constructor(
    readonly runId: string,
    private readonly steps: RunSteps,
    private readonly deps: SyncRunDeps,
  ) {
    this.tally = { foldersMade: 0, copied: 0, deleted: 0, failed: 0, heldBack: 0, conflictsLeft: steps.conflictsLeft.length };
  }

  /** Where the run is. */
  get phase(): SyncRunPhase {
    return this.current;
  }

  /** Carries the run out; never rejects: what failed is part of the status it ends with. */
  async execute(): Promise<SyncRunStatus> {
    const { folders, copies, deletions } = this.steps;
    if (folders.length > 0) {
      this.enter('folders', folders.length);
      await this.makeFolders();
    }
    if (copies.length > 0) {
      this.enter('copying', copies.length);
      const { transferType } = this.deps;
      const requests = copies.map((a) => copyRequestOf(a, this.deps.pairs.get(a.relPath), this.deps.folders, this.deps.siteId, this.deps.clockOffsetMs));
      const ids = this.deps.queue.addFiles(transferType ? requests.map((r) => ({ ...r, transferType })) : requests).map((i) => i.id);
      this.tally.copied = this.count(await whenItemsEnd(this.deps.queue, ids));
    }
    if (deletions.length > 0 && this.tally.failed > 0) this.tally.heldBack = deletions.length;
    else if (deletions.length > 0) {
      this.enter('deleting', deletions.length);
      const ids = this.deps.queue.addDeletes(deletions.map((a) => deleteRequestOf(a, this.deps.folders, this.deps.siteId))).map((i) => i.id);
      this.tally.deleted = this.count(await whenItemsEnd(this.deps.queue, ids));
    }
    this.enter('checking', 0);
    try {
      await this.deps.keepState();
    } catch (err) {
      this.tally.stateProblem = describeError(errorInfoOf(err));
    }
    return this.enter('ended', 0);
  }

  /** Moves to `phase` and says so; the one place the phase changes. */
  private enter(phase: SyncRunPhase, count: number): SyncRunStatus {
    this.current = phase;
    const { localDir, remoteDir } = this.deps.folders;
    const status: SyncRunStatus =
      phase === 'ended'
        ? { runId: this.runId, phase, localDir, remoteDir, text: endText(this.tally), outcome: outcomeOf(this.tally) }
        : { runId: this.runId, phase, localDir, remoteDir, text: phaseText(phase, count) };
    this.deps.report(status);
    return status;
  }

  /** Counts the items that ended done; the rest count as failed. */
  private count(ends: Map<string, ItemEnd>): number {
    let done = 0;
    for (const end of ends.values()) {
      if (end === 'done') done++;
      else this.tally.failed++;
    }
    return done;
  }

  /** Makes the folders in path order (a parent before what it holds), the remote ones on one connection. */
  private async makeFolders(): Promise<void> {
    const { folders } = this.steps;
    const fail = (relPath: string, err: unknown) => {
      this.tally.failed++;
      this.deps.logError(`Could not make the folder ${relPath}: ${describeError(errorInfoOf(err))}`);
    };
    for (const a of folders.filter((f) => f.kind === 'mkdir-local')) {
      try {
        await this.deps.fs.mkdirp(localPathOf(this.deps.folders, a.relPath));
        this.tally.foldersMade++;
      } catch (err) {
        fail(a.relPath, err);
      }
    }
    const remote = folders.filter((f) => f.kind === 'mkdir-remote');
    if (remote.length === 0) return;
    let session: TransferSession;
    try {
      session = await this.deps.openSession();
    } catch (err) {
      for (const a of remote) fail(a.relPath, err);
      return;
    }
    try {
      for (const a of remote) {
        try {
          await session.mkdir(remotePathOf(this.deps.folders, a.relPath), { mayExist: true });
          this.tally.foldersMade++;
        } catch (err) {
          fail(a.relPath, err);
        }
      }
    } finally {
      await session.close().catch(() => session.destroy());
    }
  }
}
