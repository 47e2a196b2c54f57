/**
 * The Site Manager tree as the renderer shows it: folder paths (`Work/Clients`) and sites
 * turned into nested nodes, flattened into visible rows for a keyboard-navigable tree, and
 * the selection keys that name a row. Pure functions only; no API, no React.
 */
import type { Site } from '../../shared/domain';
import { folderAncestors, folderName, isWithinFolder, joinFolder, parentFolder } from '../../shared/siteFolders';

export { folderAncestors, folderName, isWithinFolder, joinFolder, parentFolder };

/** A folder node with its sub-folders and sites (folders first, each sorted by name). */
export interface FolderNode {
  kind: 'folder';
  path: string;
  name: string;
  children: TreeNode[];
}

/** A site node. */
export interface SiteNode {
  kind: 'site';
  site: Site;
}

/** One node of the tree. */
export type TreeNode = FolderNode | SiteNode;

/** One visible row of the flattened tree, with its depth for indentation. */
export interface TreeRow {
  key: TreeKey;
  node: TreeNode;
  depth: number;
  /** Folders only: whether its children are shown. */
  isExpanded?: boolean;
  /** Folders only: whether it has anything to expand. */
  hasChildren?: boolean;
}

/** Names one row: `site:<id>` or `folder:<path>`. */
export type TreeKey = `site:${string}` | `folder:${string}`;

/** The selection key of a site. */
export function siteKey(id: string): TreeKey {
  return `site:${id}`;
}

/** The selection key of a folder. */
export function folderKey(path: string): TreeKey {
  return `folder:${path}`;
}

/** What a key names. */
export function parseKey(key: TreeKey): { kind: 'site'; id: string } | { kind: 'folder'; path: string } {
  return key.startsWith('site:') ? { kind: 'site', id: key.slice(5) } : { kind: 'folder', path: key.slice(7) };
}

/** Rewrites a path that was below `from` to be below `to` (after a folder rename). */
export function rebaseFolder(folder: string, from: string, to: string): string {
  if (folder === from) return to;
  return isWithinFolder(folder, from) && from ? joinFolder(to, folder.slice(from.length + 1)) : folder;
}

// Natural, case-insensitive order, as file managers sort names ("Site 2" before "Site 10").
const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

/** Builds the nested tree; folders only implied by a site's or sub-folder's path appear too. */
export function buildSiteTree(folders: readonly string[], sites: readonly Site[]): TreeNode[] {
  const root: FolderNode = { kind: 'folder', path: '', name: '', children: [] };
  const byPath = new Map<string, FolderNode>([['', root]]);
  const ensure = (path: string): FolderNode => {
    const found = byPath.get(path);
    if (found) return found;
    const node: FolderNode = { kind: 'folder', path, name: folderName(path), children: [] };
    byPath.set(path, node);
    ensure(parentFolder(path)).children.push(node);
    return node;
  };
  for (const folder of folders) if (folder) ensure(folder);
  for (const site of sites) ensure(site.folder).children.push({ kind: 'site', site });
  sortChildren(root);
  return root.children;
}

function sortChildren(folder: FolderNode): void {
  folder.children.sort((a, b) => {
    if (a.kind !== b.kind) return a.kind === 'folder' ? -1 : 1;
    return collator.compare(nodeName(a), nodeName(b));
  });
  for (const child of folder.children) if (child.kind === 'folder') sortChildren(child);
}

/** The name a node shows. */
export function nodeName(node: TreeNode): string {
  return node.kind === 'folder' ? node.name : node.site.name;
}

/** The selection key of a node. */
export function nodeKey(node: TreeNode): TreeKey {
  return node.kind === 'folder' ? folderKey(node.path) : siteKey(node.site.id);
}

/** The rows a user sees: children of collapsed folders are left out. */
export function visibleRows(tree: readonly TreeNode[], expanded: ReadonlySet<string>): TreeRow[] {
  const rows: TreeRow[] = [];
  const walk = (nodes: readonly TreeNode[], depth: number) => {
    for (const node of nodes) {
      if (node.kind === 'site') {
        rows.push({ key: nodeKey(node), node, depth });
        continue;
      }
      const isExpanded = expanded.has(node.path);
      rows.push({ key: nodeKey(node), node, depth, isExpanded, hasChildren: node.children.length > 0 });
      if (isExpanded) walk(node.children, depth + 1);
    }
  };
  walk(tree, 0);
  return rows;
}

/** The folder new sites and folders go into: the selected folder, or the selected site's folder. */
export function targetFolder(selection: TreeKey | null, sites: readonly Site[]): string {
  if (!selection) return '';
  const parsed = parseKey(selection);
  if (parsed.kind === 'folder') return parsed.path;
  return sites.find((s) => s.id === parsed.id)?.folder ?? '';
}

/** A name not yet used among `taken` (case-insensitive): `base`, then `base 2`, `base 3`… */
export function uniqueName(base: string, taken: readonly string[]): string {
  const lower = new Set(taken.map((t) => t.toLowerCase()));
  if (!lower.has(base.toLowerCase())) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base} ${n}`;
    if (!lower.has(candidate.toLowerCase())) return candidate;
  }
}

/** Counts the sites in `folder` and below, for a delete confirmation. */
export function countSitesWithin(folder: string, sites: readonly Site[]): number {
  return sites.filter((s) => s.folder !== '' && isWithinFolder(s.folder, folder)).length;
}
