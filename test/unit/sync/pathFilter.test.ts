import { describe, expect, it } from 'vitest';
import { excludedBy, pathFilter } from '../../../electron/sync/pathFilter';
import type { SyncEntry } from '../../../shared/sync';

const tree: SyncEntry[] = [
  { relPath: 'index.html', kind: 'file' },
  { relPath: 'cache.tmp', kind: 'file' },
  { relPath: 'build', kind: 'folder' },
  { relPath: 'build/app.js', kind: 'file' },
  { relPath: 'src', kind: 'folder' },
  { relPath: 'src/build', kind: 'file' },
  { relPath: 'src/deep', kind: 'folder' },
  { relPath: 'src/deep/x.tmp', kind: 'file' },
  { relPath: 'src/deep/y.ts', kind: 'file' },
  { relPath: '.git', kind: 'folder' },
  { relPath: '.git/HEAD', kind: 'file' },
];
const kept = (patterns: Parameters<typeof pathFilter>[0]) => pathFilter(patterns)(tree).map((e) => e.relPath).sort();

describe('pathFilter', () => {
  it('a name pattern matches at any depth, dot files included', () => {
    expect(kept({ exclude: ['*.tmp', '.git'] })).toEqual(['build', 'build/app.js', 'index.html', 'src', 'src/build', 'src/deep', 'src/deep/y.ts']);
  });

  it('a trailing slash matches folders only, and takes what they hold', () => {
    expect(kept({ exclude: ['build/'] })).toEqual(['.git', '.git/HEAD', 'cache.tmp', 'index.html', 'src', 'src/build', 'src/deep', 'src/deep/x.tmp', 'src/deep/y.ts']);
  });

  it('a pattern with a slash is a path from the compared folder (** takes the folder too)', () => {
    expect(kept({ exclude: ['src/deep/**', '/build'] })).toEqual(['.git', '.git/HEAD', 'cache.tmp', 'index.html', 'src', 'src/build']);
  });

  it('include patterns pick files and keep the folders that lead to them', () => {
    expect(kept({ include: ['*.ts', '*.html'], exclude: ['.git/'] })).toEqual(['build', 'index.html', 'src', 'src/deep', 'src/deep/y.ts']);
  });

  it('excludedBy judges one path as pathFilter judges a tree: by its name, its path, and the folders above it', () => {
    const patterns = ['*.tmp', 'build/', 'src/deep/**', '.git'];
    const isExcluded = excludedBy(patterns);
    const one = tree.filter((e) => !isExcluded(e.relPath, e.kind === 'folder')).map((e) => e.relPath).sort();
    expect(one).toEqual(kept({ exclude: patterns }));
    expect(isExcluded('build', false)).toBe(false);
    expect(isExcluded('build/deeper/file.js', false)).toBe(true);
    expect(excludedBy([])('anything', false)).toBe(false);
  });
});
