/** The Site Manager's tree: folder paths into nested nodes, visible rows, and folder helpers. */
import { describe, expect, it } from 'vitest';
import type { Site } from '../../../shared/domain';
import {
  buildSiteTree, countSitesWithin, folderAncestors, folderKey, nodeName, parseKey, rebaseFolder, siteKey, targetFolder, uniqueName,
  visibleRows, type TreeNode,
} from '../../../renderer/stores/sitesTree';

const site = (id: string, name: string, folder = ''): Site => ({
  id, name, folder, host: `${id}.example.com`, tls: 'explicit-if-available', logonType: 'anonymous', dataMode: 'auto', charset: 'auto',
});

/** The tree as indented names, so expectations read like the UI. */
function outline(nodes: TreeNode[], depth = 0): string[] {
  return nodes.flatMap((n) => [`${'  '.repeat(depth)}${n.kind === 'folder' ? '/' : ''}${nodeName(n)}`, ...(n.kind === 'folder' ? outline(n.children, depth + 1) : [])]);
}

describe('buildSiteTree', () => {
  it('nests folders by path, folders first, names in natural case-insensitive order', () => {
    const tree = buildSiteTree(
      ['Work', 'Work/Clients', 'personal', 'Empty'],
      [site('a', 'Site 10', 'Work'), site('b', 'site 2', 'Work'), site('c', 'Top'), site('d', 'Acme', 'Work/Clients'), site('e', 'nas', 'personal')],
    );
    expect(outline(tree)).toEqual(['/Empty', '/personal', '  nas', '/Work', '  /Clients', '    Acme', '  site 2', '  Site 10', 'Top']);
  });

  it('creates folders that only a site or a sub-folder implies', () => {
    const tree = buildSiteTree(['A/B/C'], [site('x', 'Deep', 'X/Y')]);
    expect(outline(tree)).toEqual(['/A', '  /B', '    /C', '/X', '  /Y', '    Deep']);
    const a = tree[0];
    expect(a.kind === 'folder' && a.path).toBe('A');
    const c = a.kind === 'folder' && a.children[0].kind === 'folder' ? a.children[0].children[0] : undefined;
    expect(c?.kind === 'folder' && c.path).toBe('A/B/C');
  });

  it('gives an empty tree for nothing', () => {
    expect(buildSiteTree([], [])).toEqual([]);
  });
});

describe('visibleRows', () => {
  const tree = buildSiteTree(['Work', 'Work/Clients'], [site('a', 'Web', 'Work'), site('b', 'Acme', 'Work/Clients'), site('c', 'Top')]);

  it('hides the children of collapsed folders and tells which folders can expand', () => {
    const rows = visibleRows(tree, new Set());
    expect(rows.map((r) => r.key)).toEqual([folderKey('Work'), siteKey('c')]);
    expect(rows[0]).toMatchObject({ depth: 0, isExpanded: false, hasChildren: true });
  });

  it('shows expanded folders with depth for indentation', () => {
    const rows = visibleRows(tree, new Set(['Work', 'Work/Clients']));
    expect(rows.map((r) => [r.key, r.depth])).toEqual([
      [folderKey('Work'), 0],
      [folderKey('Work/Clients'), 1],
      [siteKey('b'), 2],
      [siteKey('a'), 1],
      [siteKey('c'), 0],
    ]);
  });

  it('keeps an expanded folder hidden inside a collapsed parent', () => {
    expect(visibleRows(tree, new Set(['Work/Clients'])).map((r) => r.key)).toEqual([folderKey('Work'), siteKey('c')]);
  });
});

describe('keys and folder helpers', () => {
  it('round-trips selection keys, including folder paths with colons', () => {
    expect(parseKey(siteKey('123'))).toEqual({ kind: 'site', id: '123' });
    expect(parseKey(folderKey('a:b/c'))).toEqual({ kind: 'folder', path: 'a:b/c' });
  });

  it('lists ancestors and rebases paths after a folder rename', () => {
    expect(folderAncestors('a/b/c')).toEqual(['a', 'a/b', 'a/b/c']);
    expect(folderAncestors('')).toEqual([]);
    expect(rebaseFolder('Work/Clients/Old', 'Work/Clients', 'Work/Customers')).toBe('Work/Customers/Old');
    expect(rebaseFolder('Work/Clients', 'Work/Clients', 'Work/Customers')).toBe('Work/Customers');
    expect(rebaseFolder('Work/ClientsX', 'Work/Clients', 'Work/Customers')).toBe('Work/ClientsX');
  });

  it('puts new items into the selected folder or beside the selected site', () => {
    const sites = [site('a', 'Web', 'Work')];
    expect(targetFolder(null, sites)).toBe('');
    expect(targetFolder(folderKey('Personal'), sites)).toBe('Personal');
    expect(targetFolder(siteKey('a'), sites)).toBe('Work');
    expect(targetFolder(siteKey('gone'), sites)).toBe('');
  });

  it('finds a free name and counts sites below a folder', () => {
    expect(uniqueName('New site', [])).toBe('New site');
    expect(uniqueName('New site', ['new SITE', 'New site 2'])).toBe('New site 3');
    const sites = [site('a', 'A', 'Work'), site('b', 'B', 'Work/Clients'), site('c', 'C', 'Workshop'), site('d', 'D')];
    expect(countSitesWithin('Work', sites)).toBe(2);
  });
});
