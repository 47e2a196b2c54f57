/** The pane store over a scripted source: history, view and selection, and file operations with refresh and errors. */
import { describe, expect, it } from 'vitest';
import type { FileEntry } from '../../../shared/domain';
import type { Result } from '../../../shared/result';
import { createPaneStore, type DeleteTarget, type PaneListing } from '../../../renderer/stores/createPaneStore';
import { joinRemotePath, remoteParent } from '../../../shared/remotePath';

/** An in-memory server: folders of entries; operations change it like a real one would. */
function fakeSide(tree: Record<string, FileEntry[]>) {
  const calls: string[] = [];
  const fail = new Map<string, { code: number; message: string }>();
  const ok: Result<void> = { ok: true, value: undefined };
  const split = (path: string) => ({ folder: remoteParent(path) ?? '/', name: path.slice(path.lastIndexOf('/') + 1) });
  const failed = (op: string): Result<void> | null => {
    const f = fail.get(op);
    return f ? { ok: false, error: { kind: 'ftp', message: f.message, ftpCode: f.code } } : null;
  };
  const store = createPaneStore({
    join: joinRemotePath,
    list: async (path): Promise<Result<PaneListing>> => {
      const p = path ?? '/';
      calls.push(`list ${p}`);
      const entries = tree[p];
      if (!entries) return { ok: false, error: { kind: 'ftp', message: 'No such folder', ftpCode: 550 } };
      return { ok: true, value: { path: p, parent: remoteParent(p), entries: [...entries] } };
    },
    ops: {
      mkdir: async (path) => {
        calls.push(`mkdir ${path}`);
        const { folder, name } = split(path);
        tree[folder].push({ name, type: 'dir' });
        tree[path] = [];
        return ok;
      },
      rename: async (from, to) => {
        calls.push(`rename ${from} ${to}`);
        const f = failed('rename');
        if (f) return f;
        const a = split(from);
        const entry = tree[a.folder].find((e) => e.name === a.name)!;
        entry.name = split(to).name;
        return ok;
      },
      remove: async (targets: DeleteTarget[]) => {
        calls.push(`remove ${targets.map((t) => `${t.path}${t.isFolder ? '/' : ''}`).join(' ')}`);
        const f = failed('remove');
        if (f) return f;
        for (const t of targets) {
          const { folder, name } = split(t.path);
          tree[folder] = tree[folder].filter((e) => e.name !== name);
        }
        return ok;
      },
      chmod: async (path, mode) => {
        calls.push(`chmod ${path} ${mode}`);
        return failed('chmod') ?? ok;
      },
    },
  });
  return { store, calls, fail };
}

const tree = () => ({
  '/': [
    { name: 'docs', type: 'dir' },
    { name: 'a.txt', type: 'file', sizeBytes: 1 },
    { name: 'b.txt', type: 'file', sizeBytes: 2 },
    { name: '.hidden', type: 'file', isHidden: true },
    { name: 'link', type: 'link', targetType: 'dir' },
  ] as FileEntry[],
  '/docs': [{ name: 'guide', type: 'dir' }] as FileEntry[],
  '/docs/guide': [] as FileEntry[],
});
const rowNames = (s: { view: { rows: readonly FileEntry[] } }) => s.view.rows.map((e) => e.name);

describe('history', () => {
  it('goes back and forward, and up puts the cursor on the folder we came from', async () => {
    const { store } = fakeSide(tree());
    const s = () => store.getState();
    await s().navigate('/');
    await s().navigate('/docs');
    await s().navigate('/docs/guide');
    await s().back();
    expect(s().path).toBe('/docs');
    await s().back();
    expect(s().path).toBe('/');
    await s().back(); // nothing further back
    expect(s().path).toBe('/');
    await s().forward();
    expect(s().path).toBe('/docs');
    await s().open({ name: 'guide', type: 'dir' });
    await s().up();
    expect(s().path).toBe('/docs');
    expect(s().selection.focus).toBe('guide');
    expect(s().history.forward).toEqual([]);
  });
  it('leaves history alone when a listing fails', async () => {
    const { store } = fakeSide(tree());
    await store.getState().navigate('/');
    await store.getState().navigate('/missing');
    expect(store.getState().history).toEqual({ back: [], forward: [] });
    expect(store.getState().error?.ftpCode).toBe(550);
  });
});

describe('view and selection', () => {
  it('filters files (never folders) and hides, and drops selected rows that disappear', async () => {
    const { store } = fakeSide(tree());
    const s = () => store.getState();
    await s().navigate('/');
    expect(rowNames(s())).toEqual(['docs', 'link', '.hidden', 'a.txt', 'b.txt']);
    s().selectAll();
    s().setFilter('TXT');
    expect(rowNames(s())).toEqual(['docs', 'link', 'a.txt', 'b.txt']);
    expect([...s().selection.selected].sort()).toEqual(['a.txt', 'b.txt', 'docs', 'link']);
    s().setFilter('');
    s().setShowHidden(false);
    expect(rowNames(s())).toEqual(['docs', 'link', 'a.txt', 'b.txt']);
  });
  it('keeps the selection on refresh and clears it on entering another folder', async () => {
    const { store } = fakeSide(tree());
    const s = () => store.getState();
    await s().navigate('/');
    s().select(3);
    s().moveCursor(1, true);
    expect(s().selectedEntries().map((e) => e.name)).toEqual(['a.txt', 'b.txt']);
    await s().refresh();
    expect(s().selectedEntries().map((e) => e.name)).toEqual(['a.txt', 'b.txt']);
    await s().navigate('/docs');
    expect(s().selection.selected.size).toBe(0);
  });
  it('keeps the filter on refresh and clears it on entering another folder', async () => {
    const { store } = fakeSide(tree());
    const s = () => store.getState();
    await s().navigate('/');
    s().setFilter('a');
    await s().refresh();
    expect(s().filter).toBe('a');
    await s().navigate('/docs');
    expect(s().filter).toBe('');
  });
  it('puts a cursor on the first row when there is none, selecting nothing', async () => {
    const { store } = fakeSide(tree());
    const s = () => store.getState();
    await s().navigate('/');
    s().placeCursor();
    expect(s().selection.focus).toBe('docs');
    expect(s().selection.selected.size).toBe(0);
    s().select(3);
    s().placeCursor();
    expect(s().selection.focus).toBe('a.txt');
  });
});

describe('operations', () => {
  it('creates a folder, refreshes and selects it', async () => {
    const { store, calls } = fakeSide(tree());
    await store.getState().navigate('/');
    expect(await store.getState().mkdir('new')).toBe(true);
    expect(calls.slice(-2)).toEqual(['mkdir /new', 'list /']);
    expect(rowNames(store.getState())).toContain('new');
    expect([...store.getState().selection.selected]).toEqual(['new']);
  });
  it('renames and puts the cursor on the new name', async () => {
    const { store, calls } = fakeSide(tree());
    await store.getState().navigate('/');
    await store.getState().rename({ name: 'a.txt', type: 'file' }, 'z.txt');
    expect(calls).toContain('rename /a.txt /z.txt');
    expect(store.getState().selection.focus).toBe('z.txt');
  });
  it('deletes folders recursively but a link to a folder as a link, then moves the cursor to the next row', async () => {
    const { store, calls } = fakeSide(tree());
    const s = () => store.getState();
    await s().navigate('/');
    s().select(0);
    s().select(1, { toggle: true });
    expect(await s().remove(s().selectedEntries())).toBe(true);
    expect(calls).toContain('remove /docs/ /link');
    expect(rowNames(s())).toEqual(['.hidden', 'a.txt', 'b.txt']);
    expect(s().selection.focus).toBe('a.txt');
    expect(s().selection.selected.size).toBe(0);
  });
  it('shows a failed operation with its reply code, refreshes anyway, and dismisses it', async () => {
    const { store, calls, fail } = fakeSide(tree());
    const s = () => store.getState();
    await s().navigate('/');
    fail.set('remove', { code: 550, message: 'Permission denied' });
    s().select(3);
    expect(await s().remove(s().selectedEntries())).toBe(false);
    expect(s().opError).toEqual({ action: 'Delete "a.txt"', error: { kind: 'ftp', message: 'Permission denied', ftpCode: 550 } });
    expect(calls.at(-1)).toBe('list /');
    expect(s().selectedEntries().map((e) => e.name)).toEqual(['a.txt']);
    s().dismissError();
    expect(s().opError).toBeNull();
  });
  it('changes the mode of every selected entry and stops at the first failure', async () => {
    const { store, calls, fail } = fakeSide(tree());
    const s = () => store.getState();
    await s().navigate('/');
    s().select(3);
    s().select(4, { extend: true });
    await s().chmod(s().selectedEntries(), '640');
    expect(calls.filter((c) => c.startsWith('chmod'))).toEqual(['chmod /a.txt 640', 'chmod /b.txt 640']);
    fail.set('chmod', { code: 504, message: 'SITE CHMOD not implemented' });
    expect(await s().chmod(s().selectedEntries(), '600')).toBe(false);
    expect(calls.filter((c) => c.startsWith('chmod'))).toHaveLength(3);
    expect(s().opError?.error.ftpCode).toBe(504);
    expect(s().canChmod).toBe(true);
  });
  it('marks when a listing arrived, for the time-to-show measurement', async () => {
    const { store } = fakeSide(tree());
    await store.getState().navigate('/');
    expect(performance.getEntriesByName('ferry:listing-arrived:pane').length).toBe(1);
  });
});

describe('refresh during a navigation', () => {
  it('does not undo a navigation still on its way', async () => {
    const gates: Array<() => void> = [];
    const store = createPaneStore({
      join: joinRemotePath,
      list: async (path): Promise<Result<PaneListing>> => {
        const p = path ?? '/';
        if (p === '/slow') await new Promise<void>((resolve) => gates.push(resolve));
        return { ok: true, value: { path: p, parent: remoteParent(p), entries: [] } };
      },
    });
    await store.getState().navigate('/');
    const going = store.getState().navigate('/slow');
    // A transfer finishing now asks for a refresh of the folder shown so far.
    await store.getState().refresh();
    gates.forEach((open) => open());
    await going;
    expect(store.getState().path).toBe('/slow');
  });
});
