/**
 * The watched folder's tree as last seen: for each relative path whether it is a folder, its
 * size, time and identity (inode), and each folder's children, so a folder that goes can be
 * taken out with everything in it. Pure; what fills it is the watcher's business.
 */

/** What is known of one path. */
export interface IndexEntry {
  isFolder: boolean;
  /** 0 for folders. */
  sizeBytes: number;
  /** 0 for folders. */
  modifiedMs: number;
  /** The file system's identity of the file, which a rename keeps. */
  ino: number;
}

const parentOf = (relPath: string) => (relPath.includes('/') ? relPath.slice(0, relPath.lastIndexOf('/')) : '');

/** Paths relative to the watched folder ('/'-separated; '' is the folder itself, never stored). */
export class TreeIndex {
  private readonly entries = new Map<string, IndexEntry>();
  private readonly children = new Map<string, Set<string>>();

  /** How many paths are known. */
  get size(): number {
    return this.entries.size;
  }

  /** What is known of `relPath`. */
  get(relPath: string): IndexEntry | undefined {
    return this.entries.get(relPath);
  }

  /** Records `relPath`; a file that was a folder loses what the folder held. */
  set(relPath: string, entry: IndexEntry): void {
    const before = this.entries.get(relPath);
    if (before?.isFolder && !entry.isFolder) this.removeTree(relPath);
    this.entries.set(relPath, entry);
    const parent = parentOf(relPath);
    let siblings = this.children.get(parent);
    if (!siblings) this.children.set(parent, (siblings = new Set()));
    siblings.add(relPath);
  }

  /** The paths directly inside the folder `relPath` ('' for the watched folder). */
  childrenOf(relPath: string): string[] {
    return [...(this.children.get(relPath) ?? [])];
  }

  /** Forgets `relPath` and, for a folder, everything in it; returns what was forgotten, the path first. */
  removeTree(relPath: string): Array<[string, IndexEntry]> {
    const gone: Array<[string, IndexEntry]> = [];
    const visit = (path: string) => {
      const entry = this.entries.get(path);
      if (!entry) return;
      gone.push([path, entry]);
      this.entries.delete(path);
      for (const child of this.children.get(path) ?? []) visit(child);
      this.children.delete(path);
    };
    visit(relPath);
    this.children.get(parentOf(relPath))?.delete(relPath);
    return gone;
  }
}
