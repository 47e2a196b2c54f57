/**
 * The private folder of edited copies: made 0700 on first use with a marker naming this process,
 * copies written without following links, and at start the leftovers of crashed runs removed
 * while a running Ferry's folder, a link and another user's folder are left alone.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { chown, lstat, mkdir, mkdtemp, readdir, readFile, rm, stat, symlink, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { copyPath, EDIT_FOLDER_PREFIX, EditTempFolder } from '../../../electron/services/EditTempFolder';

let base: string;
beforeEach(async () => {
  base = await mkdtemp(path.join(os.tmpdir(), 'ferry-edit-test-base-'));
});
afterEach(async () => {
  await rm(base, { recursive: true, force: true });
});

/** A run folder as another run would have left it. */
async function runFolder(name: string, pid?: number): Promise<string> {
  const dir = path.join(base, EDIT_FOLDER_PREFIX + name);
  await mkdir(dir, { mode: 0o700 });
  await mkdir(path.join(dir, 'abc'));
  await writeFile(path.join(dir, 'abc', 'index.html'), 'changes');
  if (pid !== undefined) await writeFile(path.join(dir, 'owner.pid'), `${pid}\n`);
  return dir;
}

describe('EditTempFolder', () => {
  it('makes nothing until the first edit, then one private run folder with a private folder per edit', async () => {
    const folder = new EditTempFolder(base);
    expect(await readdir(base)).toEqual([]);
    const one = await folder.newEditFolder();
    const two = await folder.newEditFolder();
    const runs = await readdir(base);
    expect(runs).toHaveLength(1);
    expect(runs[0].startsWith(EDIT_FOLDER_PREFIX)).toBe(true);
    const run = path.join(base, runs[0]);
    expect((await stat(run)).mode & 0o777).toBe(0o700);
    expect((await stat(one)).mode & 0o777).toBe(0o700);
    expect(path.dirname(one)).toBe(run);
    expect(path.dirname(two)).toBe(run);
    expect(one).not.toBe(two);
    expect(await readFile(path.join(run, 'owner.pid'), 'utf8')).toBe(`${process.pid}\n`);
    await folder.removeAll();
    expect(await readdir(base)).toEqual([]);
  });

  it('replaces a copy whole, and never writes through a link planted at its temporary name', async () => {
    const folder = new EditTempFolder(base);
    const dir = await folder.newEditFolder();
    const copy = path.join(dir, 'a.txt');
    const victim = path.join(base, 'victim.txt');
    await writeFile(victim, 'untouched');
    await writeFile(copy, 'old');
    await symlink(victim, `${copy}.ferry-save`);
    await folder.replaceFile(copy, Buffer.from('new'));
    expect(await readFile(copy, 'utf8')).toBe('new');
    expect((await lstat(copy)).isFile()).toBe(true);
    expect(await readFile(victim, 'utf8')).toBe('untouched');
    await folder.removeEditFolder(dir);
    await expect(stat(dir)).rejects.toMatchObject({ code: 'ENOENT' });
    await folder.removeAll();
  });

  it('removes at start what a crashed run left, and leaves a running Ferry\'s folder, links and other users\' folders', async () => {
    const crashed = await runFolder('crashed', 999_999);
    const running = await runFolder('running', 4242);
    const mine = await runFolder('this-process', process.pid);
    const unmarkedOld = await runFolder('unmarked-old');
    const old = new Date(Date.now() - 24 * 3600_000);
    await utimes(unmarkedOld, old, old);
    const unmarkedNew = await runFolder('unmarked-new');
    const target = await mkdtemp(path.join(os.tmpdir(), 'ferry-edit-test-target-'));
    await writeFile(path.join(target, 'keep.txt'), 'keep');
    await symlink(target, path.join(base, EDIT_FOLDER_PREFIX + 'link'));
    // Only root can give a folder to another user here; as anyone else that case is not built.
    const isRoot = process.getuid?.() === 0;
    const theirs = isRoot ? await runFolder('other-user', 999_998) : undefined;
    if (theirs) await chown(theirs, 65534, 65534);

    const removed = await EditTempFolder.removeLeftovers(base, (pid) => pid === 4242);

    expect(removed.sort()).toEqual([crashed, unmarkedOld].sort());
    for (const kept of [running, mine, unmarkedNew]) expect((await stat(kept)).isDirectory()).toBe(true);
    expect(await readFile(path.join(target, 'keep.txt'), 'utf8')).toBe('keep');
    if (theirs) expect((await stat(theirs)).isDirectory()).toBe(true);
    await rm(target, { recursive: true, force: true });
  });

  it('names a copy after the remote file, unless this system cannot hold that name', () => {
    expect(copyPath('/d', 'index.html')).toBe(path.join('/d', 'index.html'));
    expect(copyPath('/d', 'a\\b.txt')).toBe(path.join('/d', 'a_b.txt'));
    expect(copyPath('/d', 'C:boot.ini')).toBe(path.join('/d', '_boot.ini'));
  });
});
