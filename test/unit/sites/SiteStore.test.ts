import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FolderNotEmptyError, FolderNotFoundError, SiteNotFoundError, SiteValidationError } from '../../../electron/sites/errors';
import { SiteStore } from '../../../electron/sites/SiteStore';
import { removeTempDirs, tempDir } from './helpers';

afterEach(removeTempDirs);

const web = { name: 'Web', host: 'ftp.example.com', user: 'deploy' };

async function issuesOf(promise: Promise<unknown>): Promise<Array<{ field: string; message: string }>> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(SiteValidationError);
  return (err as SiteValidationError).issues;
}

describe('SiteStore sites', () => {
  it('creates a site with FileZilla-like defaults and reads it back', async () => {
    const store = await SiteStore.open(await tempDir());
    const site = await store.create(web);
    expect(site).toEqual({
      id: expect.any(String),
      name: 'Web',
      folder: '',
      host: 'ftp.example.com',
      tls: 'explicit-if-available',
      logonType: 'normal',
      user: 'deploy',
      dataMode: 'auto',
      charset: 'auto',
    });
    expect(store.get(site.id)).toEqual(site);
    expect(store.list().sites).toEqual([site]);
  });

  it('defaults to anonymous logon without a user and normalises charset names', async () => {
    const store = await SiteStore.open(await tempDir());
    const site = await store.create({ name: 'Mirror', host: 'mirror.example.org', charset: 'UTF-8' });
    expect(site.logonType).toBe('anonymous');
    expect(site.charset).toBe('utf8');
  });

  it('reports every invalid field at once, in words', async () => {
    const store = await SiteStore.open(await tempDir());
    const issues = await issuesOf(
      store.create({ name: ' ', host: '', port: 70000, logonType: 'normal', maxConnections: 11, tls: 'sftp' as never }),
    );
    expect(issues).toEqual([
      { field: 'name', message: 'Name is required' },
      { field: 'host', message: 'Host is required' },
      { field: 'port', message: 'Port must be a whole number from 1 to 65535' },
      { field: 'tls', message: 'Unknown protocol security setting: sftp' },
      { field: 'user', message: 'User name is required for normal logon' },
      { field: 'maxConnections', message: 'Maximum connections must be from 1 to 10' },
    ]);
  });

  it.each([
    ['ftp://example.com', 'Host must be a name or address, without a prefix such as ftp://'],
    ['example.com:2121', 'Host cannot contain a port: use the Port field'],
    ['exa mple.com', 'Host cannot contain spaces, "/", "\\" or "@"'],
    ['user@example.com', 'Host cannot contain spaces, "/", "\\" or "@"'],
    ['[not-v6]', 'Host in brackets must be an IPv6 address'],
  ])('rejects host %s', async (host, message) => {
    const store = await SiteStore.open(await tempDir());
    expect(await issuesOf(store.create({ name: 'x', host }))).toEqual([{ field: 'host', message }]);
  });

  it('accepts IPv6 hosts with or without brackets', async () => {
    const store = await SiteStore.open(await tempDir());
    expect((await store.create({ name: 'a', host: '[2001:db8::1]' })).host).toBe('2001:db8::1');
    expect((await store.create({ name: 'b', host: '::1' })).host).toBe('::1');
  });

  it('refuses line breaks in the user and remote folder (FTP command injection)', async () => {
    const store = await SiteStore.open(await tempDir());
    const issues = await issuesOf(store.create({ name: 'x', host: 'h', user: 'a\r\nDELE x', remoteDir: '/a\nb' }));
    expect(issues.map((i) => i.field)).toEqual(['user', 'remoteDir']);
  });

  it('keeps names unique within a folder, ignoring case, but allows them in other folders', async () => {
    const store = await SiteStore.open(await tempDir());
    await store.create(web);
    expect(await issuesOf(store.create({ ...web, name: 'WEB' }))).toEqual([
      { field: 'name', message: 'A site named "Web" already exists in the top level' },
    ]);
    await expect(store.create({ ...web, folder: 'Work' })).resolves.toMatchObject({ folder: 'Work' });
  });

  it('updates, renames, moves and deletes', async () => {
    const store = await SiteStore.open(await tempDir());
    const site = await store.create({ ...web, port: 2121, comments: 'note' });
    const updated = await store.update(site.id, { port: null, comments: '', dataMode: 'passive' });
    expect(updated.port).toBeUndefined();
    expect(updated.comments).toBeUndefined();
    expect(updated.dataMode).toBe('passive');
    expect(updated.user).toBe('deploy');
    expect((await store.rename(site.id, 'Production')).name).toBe('Production');
    expect((await store.move(site.id, 'Work/Clients')).folder).toBe('Work/Clients');
    expect(store.list().folders).toEqual(['Work', 'Work/Clients']);
    await store.delete(site.id);
    expect(store.get(site.id)).toBeUndefined();
    // Folders stay after their last site goes, as in FileZilla.
    expect(store.list().folders).toEqual(['Work', 'Work/Clients']);
    await expect(store.delete(site.id)).rejects.toBeInstanceOf(SiteNotFoundError);
    await expect(store.update('nope', {})).rejects.toBeInstanceOf(SiteNotFoundError);
  });

  it('duplicates under a free name', async () => {
    const store = await SiteStore.open(await tempDir());
    const site = await store.create(web);
    const first = await store.duplicate(site.id);
    const second = await store.duplicate(site.id);
    expect([first.name, second.name]).toEqual(['Copy of Web', 'Copy of Web (2)']);
    expect(first.id).not.toBe(site.id);
    expect({ ...first, id: site.id, name: 'Web' }).toEqual(site);
  });

  it('maps folder spelling to the existing folder', async () => {
    const store = await SiteStore.open(await tempDir());
    await store.createFolder('Work/Clients');
    const site = await store.create({ ...web, folder: ' work / CLIENTS/ ' });
    expect(site.folder).toBe('Work/Clients');
  });
});

describe('SiteStore folders', () => {
  it('keeps empty folders and creates parents', async () => {
    const store = await SiteStore.open(await tempDir());
    expect(await store.createFolder('A/B/C')).toBe('A/B/C');
    expect(store.list().folders).toEqual(['A', 'A/B', 'A/B/C']);
    await expect(store.createFolder('a/b')).rejects.toBeInstanceOf(SiteValidationError);
    await expect(store.createFolder('A/..')).rejects.toThrow('Folder name cannot be ".."');
  });

  it('renames and moves folders with their content', async () => {
    const store = await SiteStore.open(await tempDir());
    await store.createFolder('Work/Old');
    await store.createFolder('Home');
    const site = await store.create({ ...web, folder: 'Work/Old' });
    expect(await store.renameFolder('Work', 'Job')).toBe('Job');
    expect(store.get(site.id)!.folder).toBe('Job/Old');
    expect(await store.moveFolder('Job/Old', 'Home')).toBe('Home/Old');
    expect(store.list().folders).toEqual(['Home', 'Home/Old', 'Job']);
    expect(store.get(site.id)!.folder).toBe('Home/Old');
    await expect(store.moveFolder('Home', 'Home/Old')).rejects.toThrow('A folder cannot be moved into itself');
    await expect(store.renameFolder('Nope', 'x')).rejects.toBeInstanceOf(FolderNotFoundError);
  });

  it('refuses to delete a non-empty folder unless recursive', async () => {
    const store = await SiteStore.open(await tempDir());
    const site = await store.create({ ...web, folder: 'Work/Clients' });
    await expect(store.deleteFolder('Work')).rejects.toBeInstanceOf(FolderNotEmptyError);
    const removed = await store.deleteFolder('Work', { recursive: true });
    expect(removed.map((s) => s.id)).toEqual([site.id]);
    expect(store.list()).toEqual({ folders: [], sites: [] });
  });
});

describe('SiteStore persistence', () => {
  it('reloads exactly what was saved, including empty folders', async () => {
    const dir = await tempDir();
    const store = await SiteStore.open(dir);
    await store.createFolder('Empty');
    await store.create({ ...web, folder: 'Work', remoteDir: '/public html', maxConnections: 2 });
    const again = await SiteStore.open(dir);
    expect(again.list()).toEqual(store.list());
    expect(again.loadIssue).toBeUndefined();
  });

  it('leaves no temp files and keeps every concurrent change', async () => {
    const dir = await tempDir();
    const store = await SiteStore.open(dir);
    await Promise.all(Array.from({ length: 25 }, (_, i) => store.create({ name: `S${i}`, host: 'h' })));
    expect(await readdir(dir)).toEqual(['sites.json']);
    expect((await SiteStore.open(dir)).list().sites).toHaveLength(25);
  });

  it('keeps memory and disk unchanged when a write fails', async () => {
    const dir = await tempDir();
    const store = await SiteStore.open(dir);
    await store.create(web);
    const before = await readFile(path.join(dir, 'sites.json'), 'utf8');
    // A folder where the file should be makes the final rename fail.
    await rm(path.join(dir, 'sites.json'));
    await mkdir(path.join(dir, 'sites.json'));
    await expect(store.create({ ...web, name: 'Other' })).rejects.toThrow();
    expect(store.list().sites.map((s) => s.name)).toEqual(['Web']);
    expect((await readdir(dir)).filter((n) => n.includes('.tmp-'))).toEqual([]);
    await rm(path.join(dir, 'sites.json'), { recursive: true });
    await writeFile(path.join(dir, 'sites.json'), before);
    expect((await SiteStore.open(dir)).list().sites.map((s) => s.name)).toEqual(['Web']);
  });

  it('removes a temp file left by a crash and reads the real file', async () => {
    const dir = await tempDir();
    await (await SiteStore.open(dir)).create(web);
    await writeFile(path.join(dir, '.sites.json.tmp-999-abc'), '{"half');
    const store = await SiteStore.open(dir);
    expect(store.list().sites).toHaveLength(1);
    expect(await readdir(dir)).toEqual(['sites.json']);
  });

  it.each([
    ['truncated JSON', '{"version":1,"folders":[],"si', 'not valid JSON'],
    ['wrong shape', '{"version":1,"folders":[],"sites":[{"id":"x"}]}', 'unexpected content: sites.0.name'],
  ])('reports a corrupt file (%s) and keeps it as a backup', async (_label, content, reason) => {
    const dir = await tempDir();
    await writeFile(path.join(dir, 'sites.json'), content);
    const store = await SiteStore.open(dir, { now: () => new Date('2025-01-02T03:04:05.678Z') });
    expect(store.loadIssue).toEqual({
      reason: expect.stringContaining(reason),
      backupPath: path.join(dir, 'sites.json.corrupt-2025-01-02T03-04-05-678Z'),
    });
    expect(store.list().sites).toEqual([]);
    expect(await readFile(store.loadIssue!.backupPath, 'utf8')).toBe(content);
    await store.create(web);
    expect((await readdir(dir)).sort()).toEqual(['sites.json', 'sites.json.corrupt-2025-01-02T03-04-05-678Z']);
  });

  it('refuses a file from a newer Ferry instead of moving it aside', async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, 'sites.json'), '{"version":2,"folders":[],"sites":[],"new":true}');
    await expect(SiteStore.open(dir)).rejects.toMatchObject({ kind: 'store-too-new' });
    expect(await readdir(dir)).toEqual(['sites.json']);
  });
});

describe('SiteStore server clock', () => {
  const HOUR = 3_600_000;

  it('keeps the offset detected for a site through edits of its other fields, and forgets it when asked', async () => {
    const dir = await tempDir();
    const store = await SiteStore.open(dir);
    const { id } = await store.create(web);
    await store.setClockDetected(id, { offsetMs: 2 * HOUR, atMs: 1_780_000_000_000 });
    expect((await store.update(id, { port: 2121 })).clockDetected).toEqual({ offsetMs: 2 * HOUR, atMs: 1_780_000_000_000 });
    expect((await SiteStore.open(dir)).get(id)?.clockDetected).toEqual({ offsetMs: 2 * HOUR, atMs: 1_780_000_000_000 });
    // A copy is another site: it detects its own.
    expect((await store.duplicate(id)).clockDetected).toBeUndefined();
    expect((await store.setClockDetected(id, undefined)).clockDetected).toBeUndefined();
  });

  it('takes an override in whole minutes within a day either way; null goes back to the detected one', async () => {
    const store = await SiteStore.open(await tempDir());
    const { id } = await store.create({ ...web, clockOverrideMs: -5.5 * HOUR });
    expect(store.get(id)?.clockOverrideMs).toBe(-5.5 * HOUR);
    expect((await store.update(id, { clockOverrideMs: 0 })).clockOverrideMs).toBe(0);
    expect((await store.update(id, { comments: 'x' })).clockOverrideMs).toBe(0);
    expect((await store.update(id, { clockOverrideMs: null })).clockOverrideMs).toBeUndefined();
    expect(await issuesOf(store.update(id, { clockOverrideMs: 90_000 }))).toEqual([{ field: 'clockOverrideMs', message: 'Server clock offset must be whole hours and minutes' }]);
    expect(await issuesOf(store.update(id, { clockOverrideMs: 25 * HOUR }))).toEqual([{ field: 'clockOverrideMs', message: 'Server clock offset must be within 24 hours either way' }]);
  });
});
