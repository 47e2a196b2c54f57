/**
 * Watches a local folder and everything in it, and reports its changes in settled batches
 * (created, changed, renamed, removed: treeChanges.ts), leaving out Ferry's own partial files
 * and what the exclude patterns name. Raw events come from folderWatches.ts, are debounced by
 * ChangeSettler and judged against the TreeIndex. It keeps going past a subfolder it cannot read
 * (said once as a problem), and stops, saying why, when the watched folder itself is removed or
 * renamed: then no batch is handed over, so nothing that vanished with it counts as removed.
 * Imports no Electron.
 */
import { EventEmitter } from 'node:events';
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { ChangeSettler, SYSTEM_CLOCK, type WatchClock } from './ChangeSettler';
import { openFolderWatches, type FolderWatches, type WatchBackend } from './folderWatches';
import { excludedBy } from './pathFilter';
import { probePath } from './probePath';
import { classifyChanges, type SettledPath, type TreeChange } from './treeChanges';
import { TreeIndex } from './TreeIndex';

/** How to watch. */
export interface TreeWatcherOptions {
  /** Paths left out (pathFilter.ts patterns). */
  exclude?: readonly string[];
  /** Ferry's partial-file suffix: files ending in it are downloads under way, never sent. */
  partSuffix?: string;
  /** How long a path must be left alone before it counts as settled; default 500 ms. */
  quietMs?: number;
  /** The longest settled changes wait for others still being written; default 3 s. */
  maxBatchMs?: number;
  /** How often the watched folder is checked to be still there when no event says so (its parent renamed); default 2 s. */
  rootCheckMs?: number;
  clock?: WatchClock;
  backend?: WatchBackend;
}

/** Why a watch ended by itself. */
export interface WatchEnd {
  kind: 'folder-gone' | 'watch-failed';
  message: string;
}

/** What a TreeWatcher tells. */
export interface TreeWatcherEvents {
  changes: [TreeChange[]];
  /** Something it cannot watch or read, in words; the watch goes on without it. */
  problem: [string];
  stopped: [WatchEnd];
}

/** Where a watch is. */
type WatchState =
  /** Reading the tree and opening the watches. */
  | 'starting'
  /** Reporting changes. */
  | 'watching'
  /** Closed by its owner or ended by itself; nothing more is reported. */
  | 'stopped';

interface Identity {
  dev: number;
  ino: number;
}

const FALLBACK_PROBLEM = 'cannot be watched';

function problemText(relDir: string, err: NodeJS.ErrnoException): string {
  const where = relDir ? `The folder ${relDir}` : 'The folder';
  if (err.code === 'EACCES' || err.code === 'EPERM') return `${where} cannot be read (permission denied): changes in it are not seen`;
  // One message for all of them (a big tree can run out on thousands of folders), with the way out on Linux.
  if (err.code === 'ENOSPC' || err.code === 'EMFILE') return `Some folders cannot be watched: the system allows no more watches (${err.code}; on Linux, raise fs.inotify.max_user_watches); changes in them are not seen`;
  return `${where} ${FALLBACK_PROBLEM} (${err.message}): changes in it are not seen`;
}

/** A watch of one folder tree; see the module header. */
export class TreeWatcher extends EventEmitter<TreeWatcherEvents> {
  private state: WatchState = 'starting';
  private readonly index = new TreeIndex();
  private readonly settler: ChangeSettler;
  private readonly watches: FolderWatches;
  private readonly isExcluded: (relPath: string, isFolder: boolean) => boolean;
  private readonly clock: WatchClock;
  private identity: Identity | undefined;
  private work: Promise<void> = Promise.resolve();
  private cancelRootCheck: (() => void) | undefined;
  private readonly toldProblems = new Set<string>();
  private rootProblem: NodeJS.ErrnoException | undefined;

  private constructor(
    /** The watched folder, absolute. */
    readonly root: string,
    private readonly options: TreeWatcherOptions,
  ) {
    super();
    this.clock = options.clock ?? SYSTEM_CLOCK;
    const excluded = excludedBy(options.exclude ?? []);
    const partSuffix = options.partSuffix;
    this.isExcluded = (relPath, isFolder) => (!isFolder && !!partSuffix && relPath.endsWith(partSuffix)) || excluded(relPath, isFolder);
    this.settler = new ChangeSettler({
      quietMs: options.quietMs ?? 500,
      maxBatchMs: options.maxBatchMs ?? 3_000,
      clock: this.clock,
      probe: (relPath) => probePath(this.fullPath(relPath)),
      onBatch: (batch) => {
        this.work = this.work.then(() => this.handOver(batch));
      },
    });
    this.watches = openFolderWatches(root, {
      onPath: (relPath) => this.onRawPath(relPath),
      onFolder: (relDir) => void this.lookInto(relDir),
      onProblem: (relDir, err) => this.onWatchProblem(relDir, err),
    }, options.backend);
  }

  /** Reads the tree, opens the watches and starts reporting; rejects when `root` is not a readable folder. */
  static async start(root: string, options: TreeWatcherOptions = {}): Promise<TreeWatcher> {
    const watcher = new TreeWatcher(path.resolve(root), options);
    try {
      await watcher.begin();
    } catch (err) {
      watcher.close();
      throw err;
    }
    return watcher;
  }

  /** How many files and folders the watch knows. */
  get knownCount(): number {
    return this.index.size;
  }

  /** Every problem found so far, those of the first reading included (told before anyone could listen). */
  get problems(): string[] {
    return [...this.toldProblems];
  }

  /** How many folders have a watch of their own (one for the whole tree on macOS and Windows). */
  get watchCount(): number {
    return this.watches.count;
  }

  /** Stops watching; nothing more is reported. */
  close(): void {
    if (this.state === 'stopped') return;
    this.state = 'stopped';
    this.settler.close();
    this.watches.close();
    this.cancelRootCheck?.();
  }

  private async begin(): Promise<void> {
    const stat = await fsp.stat(this.root);
    if (!stat.isDirectory()) throw Object.assign(new Error(`${this.root} is not a folder`), { code: 'ENOTDIR' });
    this.identity = { dev: stat.dev, ino: stat.ino };
    // The watch first, then the listing: whatever appears between the two is still seen.
    if (!this.watches.add('')) throw this.rootProblem ?? new Error(`${this.root} cannot be watched`);
    await this.scan('', (relPath, probe) => this.index.set(relPath, probe));
    this.state = 'watching';
    this.scheduleRootCheck();
  }

  /**
   * Walks the folder `relDir`, watching each folder before listing it, and gives each path it
   * finds (not excluded) with what it is.
   */
  private async scan(relDir: string, found: (relPath: string, entry: { isFolder: boolean; sizeBytes: number; modifiedMs: number; ino: number }) => void): Promise<void> {
    let names: string[];
    try {
      names = await fsp.readdir(this.fullPath(relDir));
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR') return;
      if (relDir === '') throw err;
      this.tellProblem(problemText(relDir, err as NodeJS.ErrnoException));
      return;
    }
    const relPaths = names.map((name) => (relDir ? `${relDir}/${name}` : name));
    const probes = await Promise.all(relPaths.map((relPath) => probePath(this.fullPath(relPath))));
    for (const [i, relPath] of relPaths.entries()) {
      const probe = probes[i];
      if (probe.kind === 'unreadable') this.tellProblem(`${relPath} cannot be read (${probe.message})`);
      if (probe.kind !== 'file' && probe.kind !== 'folder') continue;
      const isFolder = probe.kind === 'folder';
      if (this.isExcluded(relPath, isFolder)) continue;
      found(relPath, isFolder ? { isFolder, sizeBytes: 0, modifiedMs: 0, ino: probe.ino } : { isFolder, sizeBytes: probe.sizeBytes, modifiedMs: probe.modifiedMs, ino: probe.ino });
      if (isFolder && this.watches.add(relPath)) await this.scan(relPath, found);
    }
  }

  private onRawPath(relPath: string): void {
    if (this.state !== 'watching' || this.isExcluded(relPath, false)) return;
    this.settler.touch(relPath);
    // A folder that just appeared (made, or moved in) is watched at once, and what it holds is looked at.
    if (this.index.get(relPath)?.isFolder === false) return;
    void probePath(this.fullPath(relPath)).then((probe) => {
      if (probe.kind === 'folder' && this.state === 'watching' && !this.isExcluded(relPath, true) && this.index.get(relPath)?.ino !== probe.ino) {
        this.watchNewFolder(relPath);
      }
    });
  }

  private watchNewFolder(relDir: string): void {
    if (!this.watches.add(relDir)) return;
    void this.scan(relDir, (relPath) => this.settler.touch(relPath));
  }

  /** An event without a name: everything the folder holds now, and held before, is looked at. */
  private async lookInto(relDir: string): Promise<void> {
    if (this.state !== 'watching') return;
    for (const known of this.index.childrenOf(relDir)) this.settler.touch(known);
    const names = await fsp.readdir(this.fullPath(relDir)).catch(() => []);
    for (const name of names) this.onRawPath(relDir ? `${relDir}/${name}` : name);
  }

  private onWatchProblem(relDir: string, err: NodeJS.ErrnoException): void {
    if (this.state === 'stopped') return;
    if (this.state === 'starting' && relDir === '') {
      // The start fails with it.
      this.rootProblem = err;
      return;
    }
    if (relDir !== '') {
      this.tellProblem(problemText(relDir, err));
      return;
    }
    // The watched folder's own watch failed: it may be gone, or the system refused to go on.
    void this.checkRoot().then((isThere) => {
      if (isThere) this.end({ kind: 'watch-failed', message: problemText('', err) });
    });
  }

  private tellProblem(message: string): void {
    if (this.toldProblems.has(message)) return;
    this.toldProblems.add(message);
    this.emit('problem', message);
  }

  /** A settled batch: the watched folder must still be the one watched before anything counts. */
  private async handOver(batch: SettledPath[]): Promise<void> {
    if (this.state !== 'watching' || !(await this.checkRoot())) return;
    const kept: SettledPath[] = [];
    for (const settled of batch) {
      const { relPath, probe } = settled;
      if (probe.kind === 'unreadable') this.tellProblem(`${relPath} cannot be read (${probe.message})`);
      if (!this.isExcluded(relPath, probe.kind === 'folder')) kept.push(settled);
    }
    const changes = classifyChanges(this.index, kept);
    for (const c of changes) {
      if (!c.isFolder) continue;
      if (c.kind === 'removed') this.watches.removeTree(c.relPath);
      // A renamed folder's watch followed it under the old name: watched again under the new one.
      if (c.kind === 'renamed') {
        this.watches.removeTree(c.from);
        this.watchNewFolder(c.relPath);
      }
    }
    if (changes.length > 0 && this.state === 'watching') this.emit('changes', changes);
  }

  /** Whether the watched folder is still there and the same folder; when not, the watch ends. */
  private async checkRoot(): Promise<boolean> {
    if (this.state === 'stopped') return false;
    const stat = await fsp.stat(this.root).catch(() => undefined);
    const isSame = stat?.isDirectory() && stat.dev === this.identity?.dev && stat.ino === this.identity?.ino;
    if (isSame) return true;
    this.end({ kind: 'folder-gone', message: `the folder ${this.root} was removed or renamed` });
    return false;
  }

  private scheduleRootCheck(): void {
    const everyMs = this.options.rootCheckMs ?? 2_000;
    this.cancelRootCheck = this.clock.setTimer(() => {
      void this.checkRoot().then((isThere) => {
        if (isThere && this.state === 'watching') this.scheduleRootCheck();
      });
    }, everyMs);
  }

  private end(reason: WatchEnd): void {
    if (this.state === 'stopped') return;
    this.close();
    this.emit('stopped', reason);
  }

  private fullPath(relPath: string): string {
    return relPath ? path.join(this.root, ...relPath.split('/')) : this.root;
  }
}
