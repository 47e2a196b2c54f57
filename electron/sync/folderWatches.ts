/**
 * Where a watched folder's raw events come from: Node's `fs.watch`. On Linux one non-recursive
 * watch per folder (one inotify watch each), added as folders appear and closed as they go:
 * Node 20's `recursive` option there misses files in a renamed subfolder and reports nothing
 * at all once one subfolder cannot be read, and a watch per file (chokidar's way) runs out of
 * the system's inotify watches on big trees. On macOS and Windows the system watches a whole
 * tree itself, and `recursive` uses that (a watch on each folder would stop Windows users
 * from renaming those folders). Events only say "look at this path"; what changed is decided
 * by looking (probePath) after the path settles.
 */
import { watch, type FSWatcher } from 'node:fs';
import path from 'node:path';

/** What the watches report. */
export interface RawEventSink {
  /** Something happened at `relPath` ('/'-separated, relative to the watched folder). */
  onPath(relPath: string): void;
  /** Something happened in the folder `relDir` without a name: everything in it is to be looked at. */
  onFolder(relDir: string): void;
  /** The folder `relDir` ('' for the watched folder) cannot be watched (no permission, no more watches). */
  onProblem(relDir: string, err: NodeJS.ErrnoException): void;
}

/** The set of watches over one folder tree. */
export interface FolderWatches {
  /** Watches the folder `relDir` (already watched, or covered by a recursive watch: nothing to do); false when it cannot be. */
  add(relDir: string): boolean;
  /** Stops watching `relDir` and every folder below it (they were removed or renamed). */
  removeTree(relDir: string): void;
  /** How many folders have their own watch. */
  readonly count: number;
  close(): void;
}

/** Which way folders are watched. */
export type WatchBackend = 'per-folder' | 'recursive';

/** The way this system's folders are watched best (see the module header). */
export const DEFAULT_BACKEND: WatchBackend = process.platform === 'darwin' || process.platform === 'win32' ? 'recursive' : 'per-folder';

const join = (relDir: string, name: string) => (relDir ? `${relDir}/${name}` : name);

/** Opens the watches of `root` with the chosen backend; the watched folder itself is added by the caller. */
export function openFolderWatches(root: string, sink: RawEventSink, backend: WatchBackend = DEFAULT_BACKEND): FolderWatches {
  return backend === 'recursive' ? recursiveWatch(root, sink) : perFolderWatches(root, sink);
}

function perFolderWatches(root: string, sink: RawEventSink): FolderWatches {
  const watches = new Map<string, FSWatcher>();
  const drop = (relDir: string) => {
    watches.get(relDir)?.close();
    watches.delete(relDir);
  };
  return {
    add(relDir) {
      if (watches.has(relDir)) return true;
      let watcher: FSWatcher;
      try {
        // Not persistent: an open watch alone must not keep the process running.
        watcher = watch(path.join(root, ...relDir.split('/').filter(Boolean)), { persistent: false }, (_type, name) => {
          if (name) sink.onPath(join(relDir, name.toString()));
          else sink.onFolder(relDir);
        });
      } catch (err) {
        sink.onProblem(relDir, err as NodeJS.ErrnoException);
        return false;
      }
      watcher.on('error', (err: NodeJS.ErrnoException) => {
        drop(relDir);
        sink.onProblem(relDir, err);
      });
      watches.set(relDir, watcher);
      return true;
    },
    removeTree(relDir) {
      for (const dir of [...watches.keys()]) if (dir === relDir || dir.startsWith(`${relDir}/`)) drop(dir);
    },
    get count() {
      return watches.size;
    },
    close() {
      for (const dir of [...watches.keys()]) drop(dir);
    },
  };
}

function recursiveWatch(root: string, sink: RawEventSink): FolderWatches {
  let watcher: FSWatcher | undefined;
  return {
    add(relDir) {
      if (relDir !== '' || watcher) return true;
      try {
        watcher = watch(root, { persistent: false, recursive: true }, (_type, name) => {
          if (name) sink.onPath(name.toString().split(path.sep).join('/'));
          else sink.onFolder('');
        });
      } catch (err) {
        sink.onProblem('', err as NodeJS.ErrnoException);
        return false;
      }
      watcher.on('error', (err: NodeJS.ErrnoException) => sink.onProblem('', err));
      return true;
    },
    removeTree() {},
    get count() {
      return watcher ? 1 : 0;
    },
    close() {
      watcher?.close();
      watcher = undefined;
    },
  };
}
