/** The folder tree built from listings: the way to the current folder, expanded folders, leaves. */
import { describe, expect, it } from 'vitest';
import { ancestorsOf, recordFolders, visibleRows, type FolderTree } from '../../../renderer/lib/folderTree';

const folder = (path: string) => ({ path, name: path.split(/[\\/]/).filter(Boolean).pop() ?? path });
const summary = (rows: ReturnType<typeof visibleRows>) => rows.map((r) => `${'  '.repeat(r.level - 1)}${r.name} ${r.state}`);

describe('folder tree', () => {
  it('lists the folders from the root to a path', () => {
    expect(ancestorsOf('/home/me')).toEqual(['/', '/home', '/home/me']);
    expect(ancestorsOf('C:\\Users\\me')).toEqual(['C:\\', 'C:\\Users', 'C:\\Users\\me']);
  });
  it('shows the way to the current folder before the folders on it are listed', () => {
    let tree: FolderTree = new Map();
    tree = recordFolders(tree, '/home/me', [folder('/home/me/b'), folder('/home/me/A')]);
    const rows = visibleRows(tree, new Set(ancestorsOf('/home/me')), '/home/me');
    expect(summary(rows)).toEqual(['/ expanded', '  home expanded', '    me expanded', '      A collapsed', '      b collapsed']);
    expect(rows[3].parent).toBe('/home/me');
  });
  it('shows listed folders without sub-folders as leaves, and collapsed folders closed', () => {
    let tree: FolderTree = new Map();
    tree = recordFolders(tree, '/', [folder('/docs'), folder('/pub')]);
    tree = recordFolders(tree, '/docs', []);
    tree = recordFolders(tree, '/pub', [folder('/pub/x')]);
    expect(summary(visibleRows(tree, new Set(['/']), '/'))).toEqual(['/ expanded', '  docs leaf', '  pub collapsed']);
    expect(summary(visibleRows(tree, new Set(['/', '/pub']), '/'))).toEqual(['/ expanded', '  docs leaf', '  pub expanded', '    x collapsed']);
  });
  it('keeps the current folder reachable when a listing of its parent missed it', () => {
    let tree: FolderTree = new Map();
    tree = recordFolders(tree, '/', [folder('/docs')]);
    expect(summary(visibleRows(tree, new Set(['/', '/new']), '/new'))).toEqual(['/ expanded', '  docs collapsed', '  new collapsed']);
  });
  it('shows nothing without a folder', () => {
    expect(visibleRows(new Map(), new Set(), '')).toEqual([]);
  });
});
