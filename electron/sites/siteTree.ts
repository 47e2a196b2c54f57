/**
 * Pure operations on the Site Manager tree (folders plus sites), each returning a new state.
 * The store wraps them with persistence; keeping them pure makes every rule testable alone.
 * Folder identity ignores case, as in FileZilla. Must not import electron or node:fs.
 */
import type { Site } from '../../shared/domain';
import { FolderNotEmptyError, FolderNotFoundError, SiteValidationError } from './errors';
import {
  folderAncestors,
  folderName,
  isWithinFolder,
  joinFolder,
  normalizeFolderName,
  normalizeFolderPath,
  parentFolder,
  rebaseFolder,
  sameName,
} from './folderPath';

/** Every folder (closed under ancestors, kept even when empty) and every site. */
export interface TreeState {
  folders: string[];
  sites: Site[];
}

/** An empty tree. */
export const EMPTY_TREE: TreeState = { folders: [], sites: [] };

const byName = (a: string, b: string) => a.localeCompare(b, undefined, { sensitivity: 'base', numeric: true });

/** Returns `path` spelled as the existing folders spell it, segment by segment (`work/x` → `Work/x`). */
export function canonicalFolder(state: TreeState, path: string): string {
  let current = '';
  for (const segment of normalizeFolderPath(path).split('/').filter(Boolean)) {
    const candidate = joinFolder(current, segment);
    const existing = state.folders.find((f) => parentFolder(f) === current && sameName(folderName(f), segment));
    current = existing ?? candidate;
  }
  return current;
}

/** Whether `folder` exists (`''`, the top level, always does). */
export function hasFolder(state: TreeState, folder: string): boolean {
  return folder === '' || state.folders.includes(folder);
}

/** Adds folders and all their ancestors; paths must already be canonical. */
export function withFolders(state: TreeState, folders: string[]): TreeState {
  const set = new Set(state.folders);
  for (const folder of folders) for (const f of folderAncestors(folder)) set.add(f);
  return { ...state, folders: [...set].sort(byName) };
}

/** Throws when another site in `folder` already has `name` (ignoring case). */
export function assertUniqueSiteName(state: TreeState, folder: string, name: string, excludeId?: string): void {
  const clash = state.sites.find((s) => s.id !== excludeId && s.folder === folder && sameName(s.name, name));
  if (clash) {
    const where = folder ? `folder "${folder}"` : 'the top level';
    throw new SiteValidationError([{ field: 'name', message: `A site named "${clash.name}" already exists in ${where}` }]);
  }
}

/** Returns `base`, or `base (2)`, `base (3)`… whichever is free among the sites of `folder`. */
export function freeSiteName(state: TreeState, folder: string, base: string): string {
  const taken = (n: string) => state.sites.some((s) => s.folder === folder && sameName(s.name, n));
  if (!taken(base)) return base;
  for (let i = 2; ; i++) if (!taken(`${base} (${i})`)) return `${base} (${i})`;
}

/** Throws when `parent` already has a sub-folder named `name` other than `except`. */
function assertFreeFolder(state: TreeState, parent: string, name: string, except?: string): void {
  const clash = state.folders.find((f) => f !== except && parentFolder(f) === parent && sameName(folderName(f), name));
  if (clash) throw new SiteValidationError([{ field: 'name', message: `A folder named "${folderName(clash)}" already exists here` }]);
}

function requireFolder(state: TreeState, folder: string): void {
  if (!folder || !state.folders.includes(folder)) throw new FolderNotFoundError(folder);
}

/** Creates `path` (and missing ancestors); fails if the last segment already exists. */
export function addFolder(state: TreeState, path: string): { state: TreeState; path: string } {
  const wanted = normalizeFolderPath(path);
  if (!wanted) throw new SiteValidationError([{ field: 'name', message: 'Folder name is required' }]);
  const parent = canonicalFolder(state, parentFolder(wanted));
  const name = folderName(wanted);
  assertFreeFolder(state, parent, name);
  const created = joinFolder(parent, name);
  return { state: withFolders(state, [created]), path: created };
}

/** Re-homes every folder and site below `from` to `to`. */
function rebase(state: TreeState, from: string, to: string): TreeState {
  const folders = state.folders.map((f) => (isWithinFolder(f, from) ? rebaseFolder(f, from, to) : f));
  const sites = state.sites.map((s) => (isWithinFolder(s.folder, from) ? { ...s, folder: rebaseFolder(s.folder, from, to) } : s));
  return withFolders({ folders: [], sites }, folders);
}

/** Renames the last segment of `path`; sub-folders and sites follow. */
export function renameFolder(state: TreeState, path: string, newName: string): { state: TreeState; path: string } {
  requireFolder(state, path);
  const name = normalizeFolderName(newName);
  const parent = parentFolder(path);
  assertFreeFolder(state, parent, name, path);
  const to = joinFolder(parent, name);
  return { state: rebase(state, path, to), path: to };
}

/** Moves `path` with its content below `newParent` (`''` for the top level). */
export function moveFolder(state: TreeState, path: string, newParent: string): { state: TreeState; path: string } {
  requireFolder(state, path);
  const parent = canonicalFolder(state, newParent);
  if (parent !== '' && !state.folders.includes(parent)) throw new FolderNotFoundError(parent);
  if (isWithinFolder(parent, path)) {
    throw new SiteValidationError([{ field: 'folder', message: 'A folder cannot be moved into itself' }]);
  }
  const name = folderName(path);
  assertFreeFolder(state, parent, name, path);
  const to = joinFolder(parent, name);
  return { state: rebase(state, path, to), path: to };
}

/** Removes `path`; when not `recursive` it must hold no sites and no sub-folders. */
export function removeFolder(state: TreeState, path: string, recursive: boolean): { state: TreeState; removed: Site[] } {
  requireFolder(state, path);
  const removed = state.sites.filter((s) => isWithinFolder(s.folder, path));
  const hasChildren = state.folders.some((f) => f !== path && isWithinFolder(f, path));
  if (!recursive && (removed.length > 0 || hasChildren)) throw new FolderNotEmptyError(path);
  return {
    state: {
      folders: state.folders.filter((f) => !isWithinFolder(f, path)),
      sites: state.sites.filter((s) => !removed.includes(s)),
    },
    removed,
  };
}

/** Sites sorted by folder then name, the order a tree view shows them. */
export function sortSites(sites: Site[]): Site[] {
  return [...sites].sort((a, b) => byName(a.folder, b.folder) || byName(a.name, b.name));
}
