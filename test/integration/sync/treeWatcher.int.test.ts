/**
 * The folder watcher on real files: what it reports for files created, written in many pieces,
 * renamed, saved the way editors save, removed; a burst of 500 files as one batch; new and
 * renamed folders followed; Ferry's partial files and excluded names left out; the watched
 * folder renamed away or removed stopping the watch with its name and nothing reported as
 * removed; a subfolder it may not read reported while the rest is still watched (as an
 * unprivileged user, since root reads everything).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { execFileSync, spawn } from 'node:child_process';
import { promises as fsp } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { TreeWatcher, type TreeWatcherOptions, type WatchEnd } from '../../../electron/sync/TreeWatcher';
import type { TreeChange } from '../../../electron/sync/treeChanges';

const opened: TreeWatcher[] = [];
const folders: string[] = [];

afterEach(async () => {
  for (const w of opened.splice(0)) w.close();
  for (const dir of folders.splice(0)) await fsp.rm(dir, { recursive: true, force: true });
});

async function tempTree(files: Record<string, string> = {}): Promise<string> {
  const root = await fsp.mkdtemp(path.join(os.tmpdir(), 'ferry-watch-'));
  folders.push(root);
  for (const [rel, content] of Object.entries(files)) {
    await fsp.mkdir(path.dirname(path.join(root, rel)), { recursive: true });
    await fsp.writeFile(path.join(root, rel), content);
  }
  return root;
}

async function watch(root: string, options: TreeWatcherOptions = {}) {
  const watcher = await TreeWatcher.start(root, { quietMs: 150, ...options });
  opened.push(watcher);
  const batches: TreeChange[][] = [];
  const problems: string[] = [];
  const ends: WatchEnd[] = [];
  watcher.on('changes', (c) => batches.push(c));
  watcher.on('problem', (p) => problems.push(p));
  watcher.on('stopped', (e) => ends.push(e));
  const all = () => batches.flat();
  /** Waits until the changes reported so far satisfy `check`. */
  const until = (check: (changes: TreeChange[]) => boolean) =>
    vi.waitFor(() => expect(check(all()), JSON.stringify(all())).toBe(true), { timeout: 10_000, interval: 20 });
  return { watcher, batches, problems, ends, all, until };
}

const has = (changes: TreeChange[], kind: TreeChange['kind'], relPath: string) => changes.some((c) => c.kind === kind && c.relPath === relPath);

describe('TreeWatcher on real files', () => {
  it('reports created, changed, renamed and removed files, each once', async () => {
    const root = await tempTree({ 'old.txt': 'old', 'edit.txt': 'v1', 'bye.txt': 'bye' });
    const w = await watch(root);
    expect(w.watcher.knownCount).toBe(3);
    await fsp.writeFile(path.join(root, 'new.txt'), 'new');
    await fsp.writeFile(path.join(root, 'edit.txt'), 'version two');
    await fsp.rename(path.join(root, 'old.txt'), path.join(root, 'renamed.txt'));
    await fsp.rm(path.join(root, 'bye.txt'));
    await w.until((c) => c.length >= 4);
    expect(w.all()).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'created', relPath: 'new.txt', sizeBytes: 3 }),
        expect.objectContaining({ kind: 'changed', relPath: 'edit.txt', sizeBytes: 11 }),
        expect.objectContaining({ kind: 'renamed', from: 'old.txt', relPath: 'renamed.txt' }),
        { kind: 'removed', relPath: 'bye.txt', isFolder: false },
      ]),
    );
    expect(w.all()).toHaveLength(4);
  });

  it('a file written in 200 pieces is reported once, whole', async () => {
    const root = await tempTree();
    const w = await watch(root, { quietMs: 1_000 });
    const handle = await fsp.open(path.join(root, 'big.bin'), 'w');
    for (let i = 0; i < 200; i++) await handle.write(Buffer.alloc(1024, i));
    await handle.close();
    await w.until((c) => c.length >= 1);
    expect(w.all()).toEqual([expect.objectContaining({ kind: 'created', relPath: 'big.bin', sizeBytes: 200 * 1024 })]);
  });

  it("an editor's save (write a temporary file, rename it over the file) is one change of the file", async () => {
    const root = await tempTree({ 'doc.txt': 'first' });
    const w = await watch(root);
    await fsp.writeFile(path.join(root, '.doc.txt.swp'), 'second version');
    await fsp.rename(path.join(root, '.doc.txt.swp'), path.join(root, 'doc.txt'));
    await w.until((c) => c.length >= 1);
    expect(w.all()).toEqual([expect.objectContaining({ kind: 'changed', relPath: 'doc.txt', sizeBytes: 14 })]);
  });

  it('500 files created at once are one batch', async () => {
    const root = await tempTree();
    const w = await watch(root);
    await fsp.mkdir(path.join(root, 'burst'));
    await Promise.all(Array.from({ length: 500 }, (_, i) => fsp.writeFile(path.join(root, 'burst', `f${i}.txt`), `file ${i}`)));
    await w.until((c) => c.filter((x) => x.kind === 'created' && !x.isFolder).length === 500);
    expect(w.batches).toHaveLength(1);
    expect(w.batches[0][0]).toEqual({ kind: 'created', relPath: 'burst', isFolder: true });
  });

  it('follows new folders (made with their parents and filled at once) and renamed ones', async () => {
    const root = await tempTree({ 'a/inner.txt': 'inner' });
    const w = await watch(root);
    await fsp.mkdir(path.join(root, 'n1/n2/n3'), { recursive: true });
    await fsp.writeFile(path.join(root, 'n1/n2/n3/deep.txt'), 'deep');
    await w.until((c) => has(c, 'created', 'n1/n2/n3/deep.txt'));
    await fsp.rename(path.join(root, 'a'), path.join(root, 'b'));
    await w.until((c) => has(c, 'renamed', 'b'));
    expect(w.all()).toContainEqual({ kind: 'renamed', from: 'a', relPath: 'b', isFolder: true });
    expect(w.all()).toContainEqual(expect.objectContaining({ kind: 'created', relPath: 'b/inner.txt' }));
    await fsp.writeFile(path.join(root, 'b/later.txt'), 'later');
    await w.until((c) => has(c, 'created', 'b/later.txt'));
    expect(w.all().some((c) => c.relPath.startsWith('a/'))).toBe(false);
  });

  it("leaves out Ferry's partial files and the excluded names", async () => {
    const root = await tempTree();
    const w = await watch(root, { exclude: ['*.tmp', 'cache/'], partSuffix: '.part' });
    await fsp.writeFile(path.join(root, 'movie.mkv.part'), 'partial');
    await fsp.writeFile(path.join(root, 'x.tmp'), 'temp');
    await fsp.mkdir(path.join(root, 'cache'));
    await fsp.writeFile(path.join(root, 'cache', 'c.bin'), 'cached');
    await fsp.writeFile(path.join(root, 'kept.txt'), 'kept');
    await w.until((c) => has(c, 'created', 'kept.txt'));
    expect(w.all().map((c) => c.relPath)).toEqual(['kept.txt']);
  });

  it('the watched folder renamed away stops the watch, naming the folder, and reports nothing as removed', async () => {
    const root = await tempTree({ 'a.txt': 'a', 'sub/b.txt': 'b' });
    const w = await watch(root);
    await fsp.rename(root, `${root}-moved`);
    folders.push(`${root}-moved`);
    // The watches follow the moved folder, so these reach the watcher under the old names, where nothing is now.
    await fsp.writeFile(path.join(`${root}-moved`, 'late.txt'), 'late');
    await fsp.rm(path.join(`${root}-moved`, 'a.txt'));
    await fsp.rm(path.join(`${root}-moved`, 'sub'), { recursive: true });
    await vi.waitFor(() => expect(w.ends).toHaveLength(1), { timeout: 10_000, interval: 20 });
    expect(w.ends[0]).toEqual({ kind: 'folder-gone', message: `the folder ${root} was removed or renamed` });
    expect(w.all()).toEqual([]);
  });

  it('the watched folder removed stops the watch and reports nothing as removed', async () => {
    const root = await tempTree({ 'a.txt': 'a', 'sub/b.txt': 'b' });
    const w = await watch(root);
    await fsp.rm(root, { recursive: true });
    await vi.waitFor(() => expect(w.ends).toHaveLength(1), { timeout: 10_000, interval: 20 });
    expect(w.ends[0].kind).toBe('folder-gone');
    expect(w.all()).toEqual([]);
  });

  it('a subfolder it may not read is reported by name, and the rest is still watched', async () => {
    const root = await tempTree({ 'open/a.txt': 'a', 'locked/secret.txt': 's' });
    await fsp.chmod(path.join(root, 'locked'), 0o000);
    // Root reads every folder whatever its mode: the watch runs as an unprivileged user.
    await fsp.chmod(root, 0o777);
    await fsp.chmod(path.join(root, 'open'), 0o777);
    const child = path.join(import.meta.dirname, 'treeWatcher.child.ts');
    const isRoot = process.getuid?.() === 0;
    const command = isRoot ? 'setpriv' : process.execPath;
    const args = [...(isRoot ? ['--reuid=nobody', '--regid=nogroup', '--clear-groups', process.execPath] : []), '--import', 'jiti/register', child, root];
    const proc = spawn(command, args, { cwd: path.resolve(import.meta.dirname, '../../..'), stdio: ['pipe', 'pipe', 'pipe'] });
    const lines: string[] = [];
    let errors = '';
    proc.stderr.on('data', (d: Buffer) => (errors += d.toString()));
    proc.stdout.on('data', (d: Buffer) => lines.push(...d.toString().split('\n').filter(Boolean)));
    const exited = new Promise<number | null>((resolve) => proc.once('exit', resolve));
    await vi.waitFor(() => expect(lines, errors).toContain('started'), { timeout: 20_000, interval: 20 });
    // The child is running as someone who can write here.
    const owner = isRoot ? execFileSync('id', ['-u', 'nobody']).toString().trim() : undefined;
    await fsp.writeFile(path.join(root, 'open', 'new.txt'), 'new');
    if (owner) await fsp.chown(path.join(root, 'open', 'new.txt'), Number(owner), -1);
    await vi.waitFor(() => expect(lines.some((l) => l.startsWith('changes ') && l.includes('open/new.txt')), errors).toBe(true), { timeout: 10_000, interval: 20 });
    expect(lines).toContain('problem The folder locked cannot be read (permission denied): changes in it are not seen');
    proc.stdin.end();
    expect(await exited).toBe(0);
    await fsp.chmod(path.join(root, 'locked'), 0o700);
  });
});

// macOS and Windows watch a tree with one recursive watch; Node emulates it on Linux, enough to check the plumbing.
describe('TreeWatcher with one recursive watch', () => {
  it('reports changes in subfolders by their relative paths', async () => {
    const root = await tempTree({ 'sub/edit.txt': 'v1' });
    const w = await watch(root, { backend: 'recursive' });
    expect(w.watcher.watchCount).toBe(1);
    await fsp.writeFile(path.join(root, 'sub', 'edit.txt'), 'version two');
    await fsp.writeFile(path.join(root, 'sub', 'new.txt'), 'new');
    await w.until((c) => c.length >= 2);
    expect(w.all()).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'changed', relPath: 'sub/edit.txt' }),
        expect.objectContaining({ kind: 'created', relPath: 'sub/new.txt' }),
      ]),
    );
  });

  it('stops when the watched folder is renamed away', async () => {
    const root = await tempTree({ 'a.txt': 'a' });
    const w = await watch(root, { backend: 'recursive' });
    await fsp.rename(root, `${root}-moved`);
    folders.push(`${root}-moved`);
    await vi.waitFor(() => expect(w.ends.map((e) => e.kind)).toEqual(['folder-gone']), { timeout: 10_000, interval: 20 });
    expect(w.all()).toEqual([]);
  });
});
