/**
 * The folder tree of a pane, built from listings: folders the pane has listed know their
 * sub-folders; the folders on the way to the one shown are known even before they are listed.
 * Pure: the store feeds listings in and renders the rows this returns.
 */
import { breadcrumbs } from './breadcrumbs';

/** A sub-folder as the tree shows it. */
export interface TreeFolder {
  path: string;
  name: string;
}

/** Sub-folders of every listed folder, by the folder's path. */
export type FolderTree = ReadonlyMap<string, readonly TreeFolder[]>;

/** One visible row of the tree. */
export interface TreeRow {
  path: string;
  name: string;
  /** 1 for the root. */
  level: number;
  /** The parent row's path, or null for the root. */
  parent: string | null;
  state: TreeRowState;
}

/**
 * - `leaf`: listed, and has no sub-folders.
 * - `collapsed`: has (or may have, when not yet listed) sub-folders, hidden.
 * - `expanded`: its sub-folders are shown below it.
 */
export type TreeRowState = 'leaf' | 'collapsed' | 'expanded';

/** The tree with `folder`'s sub-folders recorded, sorted by name as a file manager's tree is. */
export function recordFolders(tree: FolderTree, folder: string, folders: readonly TreeFolder[]): FolderTree {
  const next = new Map(tree);
  next.set(
    folder,
    [...folders].sort((a, b) => a.name.localeCompare(b.name, undefined, { sensitivity: 'base', numeric: true }) || (a.name < b.name ? -1 : 1)),
  );
  return next;
}

/** The folders from the root down to `path`, `path` included. */
export function ancestorsOf(path: string): string[] {
  return breadcrumbs(path).map((c) => c.path);
}

/**
 * The rows to show: from the root of `current`, each expanded folder followed by its
 * sub-folders. A folder on the way to `current` that was never listed shows the next one on
 * the way, so the current folder is always in the tree.
 */
export function visibleRows(tree: FolderTree, expanded: ReadonlySet<string>, current: string): TreeRow[] {
  const crumbs = breadcrumbs(current);
  if (crumbs.length === 0) return [];
  const onTheWay = new Map(crumbs.slice(1).map((c, i) => [crumbs[i].path, c]));
  const rows: TreeRow[] = [];
  const visit = (folder: TreeFolder, level: number, parent: string | null) => {
    const listed = tree.get(folder.path);
    const next = onTheWay.get(folder.path);
    let children: readonly TreeFolder[] = listed ?? (next ? [{ path: next.path, name: next.label }] : []);
    // A listing that missed the folder on the way (hidden, or listed before it was made) still leads there.
    if (listed && next && !listed.some((c) => c.path === next.path)) children = [...listed, { path: next.path, name: next.label }];
    const isOpen = expanded.has(folder.path) && children.length > 0;
    const state: TreeRowState = listed && children.length === 0 ? 'leaf' : isOpen ? 'expanded' : 'collapsed';
    rows.push({ path: folder.path, name: folder.name, level, parent, state });
    if (isOpen) for (const child of children) visit(child, level + 1, folder.path);
  };
  visit({ path: crumbs[0].path, name: crumbs[0].label }, 1, null);
  return rows;
}
