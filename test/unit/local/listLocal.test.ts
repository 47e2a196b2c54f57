/** Local listing on real files: types, sizes, links, hidden files, errors. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, mkdir, writeFile, symlink, rm, utimes } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { listLocal, resolveLocalPath, symbolicMode } from '../../../electron/local/listLocal';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'ferry-local-'));
  await mkdir(path.join(dir, 'sub'));
  await writeFile(path.join(dir, 'file.txt'), 'hello');
  await writeFile(path.join(dir, '.dot'), '');
  await symlink(path.join(dir, 'sub'), path.join(dir, 'to-sub'));
  await symlink(path.join(dir, 'missing'), path.join(dir, 'dangling'));
  await utimes(path.join(dir, 'file.txt'), new Date('2024-01-02T03:04:05Z'), new Date('2024-01-02T03:04:05Z'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('listLocal', () => {
  it('describes every entry with type, size, time and permissions', async () => {
    const listing = await listLocal(dir);
    expect(listing.path).toBe(dir);
    expect(listing.parent).toBe(path.dirname(dir));
    const byName = Object.fromEntries(listing.entries.map((e) => [e.name, e]));
    expect(byName['file.txt']).toMatchObject({ type: 'file', sizeBytes: 5, modifiedMs: Date.parse('2024-01-02T03:04:05Z'), isHidden: false });
    expect(byName['file.txt'].permissions).toMatch(/^[rwx-]{9}$/);
    expect(byName.sub).toMatchObject({ type: 'dir' });
    expect(byName.sub.sizeBytes).toBeUndefined();
    expect(byName['.dot']).toMatchObject({ type: 'file', isHidden: true });
    expect(byName['to-sub']).toMatchObject({ type: 'link', targetType: 'dir' });
    expect(byName.dangling).toMatchObject({ type: 'link', targetType: 'other' });
  });

  it('has no parent at the root', async () => {
    expect((await listLocal('/')).parent).toBeNull();
  });

  it('resolves ~ and relative paths', () => {
    expect(resolveLocalPath('~')).toBe(os.homedir());
    expect(resolveLocalPath(undefined)).toBe(os.homedir());
    expect(resolveLocalPath('~/x')).toBe(path.join(os.homedir(), 'x'));
    expect(resolveLocalPath('/a/b/../c/')).toBe('/a/c');
  });

  it('fails with the system error for a missing folder or a file', async () => {
    await expect(listLocal(path.join(dir, 'nope'))).rejects.toMatchObject({ code: 'ENOENT' });
    await expect(listLocal(path.join(dir, 'file.txt'))).rejects.toMatchObject({ code: 'ENOTDIR' });
  });

  it('formats permission bits', () => {
    expect(symbolicMode(0o755)).toBe('rwxr-xr-x');
    expect(symbolicMode(0o640)).toBe('rw-r-----');
  });
});
