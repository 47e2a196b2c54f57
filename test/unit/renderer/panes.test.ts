/** Pane sorting and the pane store's navigation, with a scripted listing source. */
import { describe, expect, it } from 'vitest';
import type { FileEntry } from '../../../shared/domain';
import { nextSortOrder, sortEntries, typeLabel } from '../../../renderer/lib/sortEntries';
import { createPaneStore, type PaneListing } from '../../../renderer/stores/createPaneStore';
import { joinPath } from '../../../renderer/lib/paths';
import { formatDate, formatSize } from '../../../renderer/lib/format';
import { appendToRing } from '../../../renderer/stores/logStore';
import type { Result } from '../../../shared/result';

const entries: FileEntry[] = [
  { name: 'b.txt', type: 'file', sizeBytes: 10, modifiedMs: 3 },
  { name: 'A folder', type: 'dir', modifiedMs: 1 },
  { name: 'a10.txt', type: 'file', sizeBytes: 300, modifiedMs: 2 },
  { name: 'a9.txt', type: 'file', sizeBytes: 20, modifiedMs: 5 },
  { name: 'link', type: 'link', targetType: 'dir' },
];
const names = (list: FileEntry[]) => list.map((e) => e.name);

describe('sortEntries', () => {
  it('puts folders (and links to folders) first, names in natural order', () => {
    expect(names(sortEntries(entries, { key: 'name', direction: 'asc' }))).toEqual(['A folder', 'link', 'a9.txt', 'a10.txt', 'b.txt']);
    expect(names(sortEntries(entries, { key: 'name', direction: 'desc' }))).toEqual(['link', 'A folder', 'b.txt', 'a10.txt', 'a9.txt']);
  });
  it('sorts by size and by date, folders still first', () => {
    expect(names(sortEntries(entries, { key: 'size', direction: 'desc' }))).toEqual(['A folder', 'link', 'a10.txt', 'a9.txt', 'b.txt']);
    expect(names(sortEntries(entries, { key: 'modified', direction: 'asc' }))).toEqual(['link', 'A folder', 'a10.txt', 'b.txt', 'a9.txt']);
  });
  it('flips direction on the same column and starts sizes largest first', () => {
    expect(nextSortOrder({ key: 'name', direction: 'asc' }, 'name')).toEqual({ key: 'name', direction: 'desc' });
    expect(nextSortOrder({ key: 'name', direction: 'asc' }, 'size')).toEqual({ key: 'size', direction: 'desc' });
  });
  it('labels types without a redundant column of "File"', () => {
    expect(typeLabel({ name: 'x.tar.gz', type: 'file' })).toBe('GZ file');
    expect(typeLabel({ name: '.bashrc', type: 'file' })).toBe('File');
    expect(typeLabel({ name: 'd', type: 'dir' })).toBe('Folder');
  });
});

describe('pane store', () => {
  function scripted(listings: Record<string, Result<PaneListing>>) {
    const asked: (string | undefined)[] = [];
    const store = createPaneStore({
      list: async (path) => {
        asked.push(path);
        return listings[path ?? '~'] ?? { ok: false, error: { kind: 'system', message: `No such file or folder: ${path}` } };
      },
    });
    return { store, asked };
  }
  const home: Result<PaneListing> = { ok: true, value: { path: '/home/u', parent: '/home', entries } };
  const sub: Result<PaneListing> = { ok: true, value: { path: '/home/u/A folder', parent: '/home/u', entries: [] } };

  it('navigates into folders and back up, keeping the sort', async () => {
    const { store, asked } = scripted({ '~': home, '/home/u/A folder': sub, '/home/u': home });
    await store.getState().navigate(undefined);
    store.getState().setSort('size');
    expect(names(store.getState().entries)[2]).toBe('a10.txt');
    await store.getState().open(entries[1]);
    expect(store.getState().path).toBe('/home/u/A folder');
    await store.getState().open(entries[0]); // a file: nothing happens
    expect(asked).toEqual([undefined, '/home/u/A folder']);
    await store.getState().up();
    expect(store.getState().path).toBe('/home/u');
    expect(names(store.getState().entries)[2]).toBe('a10.txt');
  });

  it('keeps the last good folder and shows the error when a listing fails', async () => {
    const { store } = scripted({ '~': home });
    await store.getState().navigate(undefined);
    await store.getState().navigate('/nope');
    const s = store.getState();
    expect(s.path).toBe('/home/u');
    expect(s.error?.message).toBe('No such file or folder: /nope');
    expect(s.failedPath).toBe('/nope');
  });
});

describe('helpers', () => {
  it('joins paths with the folder own separator', () => {
    expect(joinPath('/', 'a')).toBe('/a');
    expect(joinPath('/x', 'a')).toBe('/x/a');
    expect(joinPath('C:\\Users', 'a')).toBe('C:\\Users\\a');
  });
  it('formats sizes and dates', () => {
    expect(formatSize(999)).toBe('999 B');
    expect(formatSize(50_000)).toBe('50.0 KB');
    expect(formatSize(1_234_567_890)).toBe('1.2 GB');
    expect(formatDate(new Date(2024, 0, 2, 3, 4).getTime())).toBe('2024-01-02 03:04');
  });
  it('keeps the newest lines of the log ring', () => {
    const line = (seq: number) => ({ seq, timeMs: 0, connectionId: 'c', kind: 'status' as const, text: '' });
    const ring = appendToRing([line(1), line(2)], [line(3), line(4)], 3);
    expect(ring.map((l) => l.seq)).toEqual([2, 3, 4]);
  });
});
