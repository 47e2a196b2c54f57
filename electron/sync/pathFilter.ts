/**
 * Include and exclude patterns of a compare, a sync or a watched folder, as rsync and lftp
 * users write them: `*.tmp` matches a name at any depth, `build/` only folders, `docs/**` a
 * path from the compared folder's root. What a folder pattern excludes, it excludes with
 * everything inside.
 */
import picomatch from 'picomatch';
import type { SyncEntry } from '../../shared/sync';

/** The patterns; an empty include list includes everything. */
export interface PathPatterns {
  include?: readonly string[];
  exclude?: readonly string[];
}

type Test = (relPath: string, isFolder: boolean) => boolean;

function compile(pattern: string): Test {
  const foldersOnly = pattern.endsWith('/');
  const glob = foldersOnly ? pattern.slice(0, -1) : pattern;
  // A pattern without a slash is about names (at any depth); with one, about paths from the root.
  const byName = !glob.includes('/');
  const isMatch = picomatch(glob.replace(/^\//, ''), { dot: true, basename: byName });
  return (relPath, isFolder) => (!foldersOnly || isFolder) && isMatch(relPath);
}

/** A filter over entries: excluded entries, and everything in an excluded folder, are left out. */
export function pathFilter({ include = [], exclude = [] }: PathPatterns): (entries: readonly SyncEntry[]) => SyncEntry[] {
  const excludes = exclude.map(compile);
  const includes = include.map(compile);
  return (entries) => {
    const goneFolders = new Set<string>();
    const kept: SyncEntry[] = [];
    // Parents come before their contents when entries are in path order; sort to be sure.
    for (const e of [...entries].sort((a, b) => a.relPath.split('/').length - b.relPath.split('/').length)) {
      const parent = e.relPath.includes('/') ? e.relPath.slice(0, e.relPath.lastIndexOf('/')) : '';
      const isFolder = e.kind === 'folder';
      if ((parent && goneFolders.has(parent)) || excludes.some((t) => t(e.relPath, isFolder))) {
        if (isFolder) goneFolders.add(e.relPath);
        continue;
      }
      // Include patterns pick files; folders stay so that what they hold can be reached.
      if (!isFolder && includes.length > 0 && !includes.some((t) => t(e.relPath, false))) continue;
      kept.push(e);
    }
    return kept;
  };
}

/** Whether a path is left out by exclude patterns: it matches one, or a folder above it does. */
export function excludedBy(exclude: readonly string[]): (relPath: string, isFolder: boolean) => boolean {
  const excludes = exclude.map(compile);
  if (excludes.length === 0) return () => false;
  return (relPath, isFolder) => {
    const parts = relPath.split('/');
    for (let i = 1; i < parts.length; i++) {
      const folder = parts.slice(0, i).join('/');
      if (excludes.some((t) => t(folder, true))) return true;
    }
    return excludes.some((t) => t(relPath, isFolder));
  };
}
