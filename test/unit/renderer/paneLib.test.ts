/** Pure helpers of the panes: history, the view (filter, hidden), breadcrumbs, permissions, names, natural sort keys. */
import { describe, expect, it } from 'vitest';
import type { FileEntry } from '../../../shared/domain';
import { backTarget, EMPTY_HISTORY, forwardTarget, recordVisit } from '../../../renderer/lib/history';
import { buildView } from '../../../renderer/lib/paneView';
import { breadcrumbs } from '../../../renderer/lib/breadcrumbs';
import { modeToOctal, modeToSymbolic, octalToMode, permissionBit, symbolicToMode } from '../../../renderer/lib/permissions';
import { baseNameEnd, nameProblem } from '../../../renderer/lib/fileNames';
import { naturalKey, sortEntries } from '../../../renderer/lib/sortEntries';

describe('history', () => {
  it('pushes visits, goes back and forward, and a new visit drops the forward stack', () => {
    let h = recordVisit(EMPTY_HISTORY, '', '/a', 'push');
    expect(h).toEqual(EMPTY_HISTORY);
    h = recordVisit(h, '/a', '/a/b', 'push');
    h = recordVisit(h, '/a/b', '/a/b/c', 'push');
    expect(backTarget(h)).toBe('/a/b');
    h = recordVisit(h, '/a/b/c', '/a/b', 'back');
    expect(h).toEqual({ back: ['/a'], forward: ['/a/b/c'] });
    expect(forwardTarget(h)).toBe('/a/b/c');
    h = recordVisit(h, '/a/b', '/a/b/c', 'forward');
    expect(h).toEqual({ back: ['/a', '/a/b'], forward: [] });
    h = recordVisit(recordVisit(h, '/a/b/c', '/a/b', 'back'), '/a/b', '/x', 'push');
    expect(h).toEqual({ back: ['/a', '/a/b'], forward: [] });
  });
  it('ignores a refresh of the same folder', () => {
    const h = { back: ['/a'], forward: ['/c'] };
    expect(recordVisit(h, '/b', '/b', 'push')).toBe(h);
  });
});

describe('pane view', () => {
  const entries: FileEntry[] = [
    { name: 'Docs', type: 'dir' },
    { name: '.env', type: 'file', sizeBytes: 5, isHidden: true },
    { name: 'readme.MD', type: 'file', sizeBytes: 100 },
    { name: 'notes.txt', type: 'file', sizeBytes: 20 },
  ];
  it('puts `..` first and counts files, folders and bytes', () => {
    const v = buildView(entries, true, '', true);
    expect(v.rows.map((e) => e.name)).toEqual(['..', 'Docs', '.env', 'readme.MD', 'notes.txt']);
    expect(v.stats).toEqual({ files: 3, folders: 1, totalBytes: 125, notShown: 0 });
    expect(v.indexOf('notes.txt')).toBe(4);
    expect(v.indexOf('nope')).toBe(-1);
  });
  it('filters files by a case-insensitive substring and never hides `..` or folders', () => {
    expect(buildView(entries, true, ' md', true).rows.map((e) => e.name)).toEqual(['..', 'Docs', 'readme.MD']);
    expect(buildView(entries, true, 'zzz', true).rows.map((e) => e.name)).toEqual(['..', 'Docs']);
    expect(buildView(entries, true, 'zzz', true).stats.notShown).toBe(3);
  });
  it('hides hidden entries when the toggle is off', () => {
    expect(buildView(entries, false, '', false).rows.map((e) => e.name)).toEqual(['Docs', 'readme.MD', 'notes.txt']);
  });
});

describe('breadcrumbs', () => {
  it('splits POSIX paths from the root', () => {
    expect(breadcrumbs('/home/me/x')).toEqual([
      { label: '/', path: '/' },
      { label: 'home', path: '/home' },
      { label: 'me', path: '/home/me' },
      { label: 'x', path: '/home/me/x' },
    ]);
    expect(breadcrumbs('/')).toEqual([{ label: '/', path: '/' }]);
    expect(breadcrumbs('')).toEqual([]);
  });
  it('splits Windows paths from the drive', () => {
    expect(breadcrumbs('C:\\Users\\me')).toEqual([
      { label: 'C:\\', path: 'C:\\' },
      { label: 'Users', path: 'C:\\Users' },
      { label: 'me', path: 'C:\\Users\\me' },
    ]);
  });
});

describe('permissions', () => {
  it('converts between symbolic, octal and bits, special bits included', () => {
    expect(symbolicToMode('rwxr-xr-x')).toBe(0o755);
    expect(symbolicToMode('drw-r--r--')).toBe(0o644);
    expect(symbolicToMode('rwsr-sr-t')).toBe(0o7755);
    expect(symbolicToMode('rwSr--r-T')).toBe(0o5644);
    expect(symbolicToMode('elradfmw')).toBeUndefined();
    expect(modeToSymbolic(0o4751)).toBe('rwsr-x--x');
    expect(modeToOctal(0o644)).toBe('644');
    expect(modeToOctal(0o2755)).toBe('2755');
    expect(octalToMode('0755')).toBe(0o755);
    expect(octalToMode('8')).toBeUndefined();
    expect(permissionBit('group', 'write')).toBe(0o020);
    expect(permissionBit('owner', 'read')).toBe(0o400);
    expect(permissionBit('others', 'execute')).toBe(0o001);
  });
});

describe('names', () => {
  const taken = (n: string) => n === 'exists';
  it('refuses empty, reserved, separator, line-break and taken names', () => {
    expect(nameProblem('  ', taken)).toBe('Enter a name');
    expect(nameProblem('..', taken)).toBe('That name is reserved');
    expect(nameProblem('a/b', taken)).toMatch(/cannot contain/);
    expect(nameProblem('a\nb', taken)).toMatch(/line breaks/);
    expect(nameProblem('exists', taken)).toBe('"exists" already exists here');
    expect(nameProblem('exists', taken, 'exists')).toBeNull();
    expect(nameProblem('fine.txt', taken)).toBeNull();
  });
  it('selects the base name of a file', () => {
    expect(baseNameEnd('report.pdf')).toBe(6);
    expect(baseNameEnd('.bashrc')).toBe(7);
    expect(baseNameEnd('Makefile')).toBe(8);
  });
});

describe('natural sort keys', () => {
  it('orders numbers by value, ignores case and accents', () => {
    const sorted = ['a10', 'A9', 'a009x', 'b', 'é', 'e', 'z2', 'z10'].sort((x, y) => (naturalKey(x) < naturalKey(y) ? -1 : naturalKey(x) > naturalKey(y) ? 1 : 0));
    expect(sorted).toEqual(['A9', 'a009x', 'a10', 'b', 'é', 'e', 'z2', 'z10']);
  });
  it('sorts by owner and permissions with folders first', () => {
    const entries: FileEntry[] = [
      { name: 'x', type: 'file', owner: 'zoe', permissions: 'rw-r--r--' },
      { name: 'y', type: 'file', owner: 'adam', permissions: 'rwxr-xr-x' },
      { name: 'd', type: 'dir', owner: 'zed' },
    ];
    expect(sortEntries(entries, { key: 'owner', direction: 'asc' }).map((e) => e.name)).toEqual(['d', 'y', 'x']);
    expect(sortEntries(entries, { key: 'permissions', direction: 'desc' }).map((e) => e.name)).toEqual(['d', 'y', 'x']);
  });
});
