/**
 * Keep remote folder up to date through the app's services, against a real FTP server: files
 * created, changed, renamed and saved the way editors save reach the server (its bytes checked);
 * a deletion reaches it only when deletions are on; renaming the watched folder away stops the
 * watch with the folder's name and deletes nothing; 500 files made at once are 500 uploads with
 * the right content; "upload what differs first" brings the server in line before watching;
 * closing the connection or the window stops the watch. Everything is read from the events a
 * window receives.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rename, rm, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createServices, type Services } from '../../../electron/services/createServices';
import { MasterPasswordSecretStore } from '../../../electron/sites';
import { startServer, type RunningServer } from '../../servers';
import type { CallContext } from '../../../shared/api';
import type { TransferItem } from '../../../shared/domain';
import type { QueueChange } from '../../../shared/queue';
import type { KeepUpToDateOptions, KeepUpToDateStatus } from '../../../shared/keepUpToDate';

const ctx: CallContext = { transport: 'browser', clientId: 'window-1' };
let server: RunningServer;
let services: Services;
let dataDir: string;
let work: string;
let sessionId: string;
const statuses = new Map<string, KeepUpToDateStatus>();
const items = new Map<string, TransferItem>();

const OPTIONS: KeepUpToDateOptions = { deleteOnServer: false, exclude: [], syncFirst: false };

beforeAll(async () => {
  server = await startServer('pyftpdlib');
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'ferry-keep-data-'));
  work = await mkdtemp(path.join(os.tmpdir(), 'ferry-keep-'));
  services = await createServices({ dataDir, openSecrets: (dir) => MasterPasswordSecretStore.open(dir, { scryptCost: { N: 2 ** 12, r: 8, p: 1 } }) });
  services.hub.subscribe((event, payload) => {
    if (event === 'keepUpToDate') for (const s of payload as KeepUpToDateStatus[]) statuses.set(s.watchId, s);
    if (event === 'queue') for (const item of (payload as QueueChange).items) items.set(item.id, item);
  });
  sessionId = await connect();
});

afterAll(async () => {
  await services?.close();
  await server?.stop();
  await rm(dataDir, { recursive: true, force: true });
  await rm(work, { recursive: true, force: true });
});

async function connect(): Promise<string> {
  const info = await services.handlers.remoteConnect({ host: server.host, port: server.port, user: server.user, password: server.password, tls: 'none', dataMode: 'auto' }, ctx);
  return info.sessionId;
}

/** A local folder and its remote twin (made on the server), both empty. */
async function pair(name: string): Promise<{ local: string; remoteDir: string; remote: (rel: string) => string }> {
  const local = path.join(work, name);
  await mkdir(local, { recursive: true });
  await mkdir(path.join(server.homeDir, name), { recursive: true });
  await server.chownToServer(path.join(server.homeDir, name));
  return { local, remoteDir: `/${name}`, remote: (rel) => path.join(server.homeDir, name, ...rel.split('/')) };
}

async function start(local: string, remoteDir: string, options: Partial<KeepUpToDateOptions> = {}, session = sessionId, client = ctx): Promise<string> {
  const status = await services.handlers.keepUpToDateStart({ sessionId: session, localFolder: local, remoteFolder: remoteDir, options: { ...OPTIONS, ...options } }, client);
  statuses.set(status.watchId, status);
  return status.watchId;
}

/** The latest status of a watch, as the window has it. */
function statusOf(watchId: string): KeepUpToDateStatus {
  services.hub.flush();
  return statuses.get(watchId)!;
}

/** Waits until the watch's status satisfies `check`. */
async function until(watchId: string, check: (s: KeepUpToDateStatus) => boolean): Promise<KeepUpToDateStatus> {
  return vi.waitFor(
    () => {
      const s = statusOf(watchId);
      expect(check(s), JSON.stringify(s)).toBe(true);
      return s;
    },
    { timeout: 30_000, interval: 25 },
  );
}

const read = (file: string) => readFile(file, 'utf8');

describe('keep remote folder up to date', () => {
  it('uploads a created, a changed and a renamed file, and an editor-style save once; a deleted file stays on the server', async () => {
    const { local, remoteDir, remote } = await pair('site');
    await writeFile(path.join(local, 'old-name.txt'), 'renamed content');
    await writeFile(path.join(local, 'page.html'), '<p>v1</p>');
    await writeFile(path.join(local, 'bye.txt'), 'bye');
    const id = await start(local, remoteDir, {}, sessionId);
    expect(statusOf(id)).toMatchObject({ state: 'watching', localFolder: local, remoteFolder: remoteDir, uploadedCount: 0 });

    await writeFile(path.join(local, 'new.txt'), 'brand new');
    await until(id, (s) => s.uploadedCount === 1 && s.pendingCount === 0);
    expect(await read(remote('new.txt'))).toBe('brand new');

    await writeFile(path.join(local, 'page.html'), '<p>version two</p>');
    await until(id, (s) => s.uploadedCount === 2 && s.pendingCount === 0);
    expect(await read(remote('page.html'))).toBe('<p>version two</p>');

    await rename(path.join(local, 'old-name.txt'), path.join(local, 'new-name.txt'));
    await until(id, (s) => s.uploadedCount === 3 && s.pendingCount === 0);
    expect(await read(remote('new-name.txt'))).toBe('renamed content');

    // An editor's save: a temporary file written, then renamed over the file.
    await writeFile(path.join(local, '.page.html.tmp'), '<p>saved by an editor</p>');
    await rename(path.join(local, '.page.html.tmp'), path.join(local, 'page.html'));
    await until(id, (s) => s.uploadedCount === 4 && s.pendingCount === 0);
    expect(await read(remote('page.html'))).toBe('<p>saved by an editor</p>');
    expect(existsSync(remote('.page.html.tmp'))).toBe(false);

    // Deletions are off: a file deleted here stays on the server.
    await writeFile(path.join(local, 'bye.txt'), 'bye, uploaded');
    await until(id, (s) => s.uploadedCount === 5 && s.pendingCount === 0);
    await rm(path.join(local, 'bye.txt'));
    const afterRemoval = await until(id, (s) => s.seenCount === 6);
    expect(afterRemoval).toMatchObject({ deletedCount: 0, failedCount: 0, pendingCount: 0 });
    expect(await read(remote('bye.txt'))).toBe('bye, uploaded');
    // The queue shows each upload as its own row.
    const mine = [...items.values()].filter((i) => i.localPath.startsWith(local));
    expect(mine.filter((i) => i.state === 'done')).toHaveLength(5);
    await services.handlers.keepUpToDateStop({ watchId: id }, ctx);
    expect(await until(id, (s) => s.state === 'stopped')).toMatchObject({ stop: { kind: 'user', message: 'stopped' } });
  });

  it('with deletions on, deletes what is deleted here, and the old name of a renamed file', async () => {
    const { local, remoteDir, remote } = await pair('mirror');
    const id = await start(local, remoteDir, { deleteOnServer: true });
    await mkdir(path.join(local, 'docs'));
    await writeFile(path.join(local, 'docs', 'a.txt'), 'a');
    await writeFile(path.join(local, 'draft.txt'), 'draft');
    await until(id, (s) => s.uploadedCount === 2 && s.pendingCount === 0);
    expect(await read(remote('docs/a.txt'))).toBe('a');

    await rename(path.join(local, 'draft.txt'), path.join(local, 'final.txt'));
    await until(id, (s) => s.uploadedCount === 3 && s.deletedCount === 1 && s.pendingCount === 0);
    expect(await read(remote('final.txt'))).toBe('draft');
    expect(existsSync(remote('draft.txt'))).toBe(false);

    await rm(path.join(local, 'docs'), { recursive: true });
    await until(id, (s) => s.deletedCount === 2 && s.pendingCount === 0);
    expect(existsSync(remote('docs'))).toBe(false);
    expect(statusOf(id).failedCount).toBe(0);
    await services.handlers.keepUpToDateStop({ watchId: id }, ctx);
  });

  it('makes an empty new folder on the server', async () => {
    const { local, remoteDir, remote } = await pair('folders');
    const id = await start(local, remoteDir);
    await mkdir(path.join(local, 'empty', 'inner'), { recursive: true });
    await until(id, (s) => s.seenCount >= 2);
    await vi.waitFor(() => expect(existsSync(remote('empty/inner'))).toBe(true), { timeout: 10_000, interval: 25 });
    await services.handlers.keepUpToDateStop({ watchId: id }, ctx);
  });

  it('renaming the watched folder away stops the watch, naming the folder, and deletes nothing on the server', async () => {
    const { local, remoteDir, remote } = await pair('moving');
    await writeFile(path.join(local, 'keep.txt'), 'keep');
    const id = await start(local, remoteDir, { deleteOnServer: true, syncFirst: true });
    await until(id, (s) => s.state === 'watching' && s.uploadedCount === 1 && s.pendingCount === 0);
    await rename(local, `${local}-moved`);
    const stopped = await until(id, (s) => s.state === 'stopped');
    expect(stopped.stop).toEqual({ kind: 'folder-gone', message: `the folder ${local} was removed or renamed` });
    expect(stopped).toMatchObject({ deletedCount: 0, pendingCount: 0 });
    expect(await read(remote('keep.txt'))).toBe('keep');
    expect([...items.values()].some((i) => i.deleteSide && i.remotePath.startsWith(remoteDir))).toBe(false);
  });

  it('500 files made at once become 500 uploads with the right content', async () => {
    const { local, remoteDir, remote } = await pair('burst');
    const id = await start(local, remoteDir);
    await mkdir(path.join(local, 'many'));
    await Promise.all(Array.from({ length: 500 }, (_, i) => writeFile(path.join(local, 'many', `f${i}.txt`), `content of file ${i}\n`.repeat(i % 7 + 1))));
    const done = await until(id, (s) => s.uploadedCount === 500 && s.pendingCount === 0);
    expect(done.failedCount).toBe(0);
    for (let i = 0; i < 500; i++) expect(await read(remote(`many/f${i}.txt`))).toBe(`content of file ${i}\n`.repeat(i % 7 + 1));
    await services.handlers.keepUpToDateStop({ watchId: id }, ctx);
  });

  it('"upload what differs first" brings the server in line, leaving newer server files and excluded ones alone', async () => {
    const { local, remoteDir, remote } = await pair('first');
    await writeFile(path.join(local, 'only-here.txt'), 'only here');
    await writeFile(path.join(local, 'differs.txt'), 'longer local text');
    await writeFile(remote('differs.txt'), 'short');
    await writeFile(path.join(local, 'skip.log'), 'excluded');
    await writeFile(path.join(local, 'older-here.txt'), 'older local copy');
    const twoHoursAgo = new Date(Date.now() - 2 * 3_600_000);
    await utimes(path.join(local, 'older-here.txt'), twoHoursAgo, twoHoursAgo);
    await writeFile(remote('older-here.txt'), 'newer on the server');
    await server.chownToServer(remote(''));
    const id = await start(local, remoteDir, { syncFirst: true, exclude: ['*.log'] });
    const synced = await until(id, (s) => s.state === 'watching' && s.uploadedCount === 2 && s.pendingCount === 0);
    expect(await read(remote('only-here.txt'))).toBe('only here');
    expect(await read(remote('differs.txt'))).toBe('longer local text');
    expect(await read(remote('older-here.txt'))).toBe('newer on the server');
    expect(synced.problems).toEqual(['1 path was left as it is: newer on the server, or a file on one side and a folder on the other']);
    expect(existsSync(remote('skip.log'))).toBe(false);
    await writeFile(path.join(local, 'skip.log'), 'still excluded');
    await writeFile(path.join(local, 'later.txt'), 'later');
    await until(id, (s) => s.uploadedCount === 3 && s.pendingCount === 0);
    expect(existsSync(remote('skip.log'))).toBe(false);
    await services.handlers.keepUpToDateStop({ watchId: id }, ctx);
  });

  it('"upload what differs first" allows for the server clock offset of the site', async () => {
    const { local, remoteDir, remote } = await pair('first-clock');
    const HOUR = 3_600_000;
    const localMs = Math.floor((Date.now() - 86_400_000) / 1000) * 1000;
    await writeFile(path.join(local, 'same.txt'), 'same');
    await utimes(path.join(local, 'same.txt'), new Date(localMs), new Date(localMs));
    // The server's clock is two hours ahead: its copy of the same file carries a time two hours later.
    await writeFile(remote('same.txt'), 'same');
    await utimes(remote('same.txt'), new Date(localMs + 2 * HOUR), new Date(localMs + 2 * HOUR));
    await server.chownToServer(remote(''));
    const site = await services.handlers.sitesCreate({ site: { name: 'Two hours ahead', host: server.host, port: server.port, logonType: 'ask', user: server.user, tls: 'none', clockOverrideMs: 2 * HOUR } }, ctx);
    const info = await services.handlers.remoteConnectSite({ siteId: site.id, password: server.password }, ctx);
    const id = await start(local, remoteDir, { syncFirst: true }, info.sessionId);
    const synced = await until(id, (s) => s.state === 'watching');
    expect(synced.problems).toEqual([]);
    expect(synced.uploadedCount).toBe(0);
    await services.handlers.keepUpToDateStop({ watchId: id }, ctx);
    await services.handlers.remoteDisconnect({ sessionId: info.sessionId }, ctx);
  });

  it('a file changed while its upload runs is uploaded again once that upload ends, never twice at once', async () => {
    const { local, remoteDir, remote } = await pair('busy');
    const target = `${remoteDir}/big.bin`;
    const unfinished = () => [...items.values()].filter((i) => i.remotePath === target && !['done', 'failed', 'cancelled'].includes(i.state));
    let mostAtOnce = 0;
    const off = services.hub.subscribe((event) => {
      if (event === 'queue') mostAtOnce = Math.max(mostAtOnce, unfinished().length);
    });
    await services.handlers.queueSetOptions({ uploadLimitBps: 256 * 1024 }, ctx);
    try {
      const id = await start(local, remoteDir);
      await writeFile(path.join(local, 'big.bin'), Buffer.alloc(1024 * 1024, 1));
      await vi.waitFor(() => {
        services.hub.flush();
        expect(unfinished().map((i) => i.state)).toEqual(['transferring']);
      }, { timeout: 10_000, interval: 25 });
      // Saved as editors save (a new file renamed over it): the running upload goes on reading the old one.
      await writeFile(path.join(local, 'big.bin.new'), Buffer.alloc(200_000, 2));
      await rename(path.join(local, 'big.bin.new'), path.join(local, 'big.bin'));
      const settled = await until(id, (s) => s.seenCount === 2 && s.pendingCount === 0);
      expect(settled).toMatchObject({ uploadedCount: 2, failedCount: 0 });
      expect(await readFile(remote('big.bin'))).toEqual(Buffer.alloc(200_000, 2));
      expect([...items.values()].filter((i) => i.remotePath === target)).toHaveLength(2);
      expect(mostAtOnce).toBe(1);
      await services.handlers.keepUpToDateStop({ watchId: id }, ctx);
    } finally {
      off();
      await services.handlers.queueSetOptions({ uploadLimitBps: 0 }, ctx);
    }
  });

  it('refuses a folder that does not exist, and a pair already kept', async () => {
    const { local, remoteDir } = await pair('twice');
    await expect(start(path.join(work, 'no-such-folder'), remoteDir)).rejects.toThrow(/does not exist/);
    const id = await start(local, remoteDir);
    await expect(start(local, remoteDir)).rejects.toThrow(`${remoteDir} is already kept up to date from ${local}`);
    await services.handlers.keepUpToDateStop({ watchId: id }, ctx);
  });

  it('closing the connection, or the window that started it, stops the watch', async () => {
    const a = await pair('conn');
    const b = await pair('win');
    const other = await connect();
    const byConnection = await start(a.local, a.remoteDir, {}, other);
    const window2: CallContext = { transport: 'browser', clientId: 'window-2' };
    const byWindow = await start(b.local, b.remoteDir, {}, sessionId, window2);
    await services.handlers.remoteDisconnect({ sessionId: other }, ctx);
    expect(await until(byConnection, (s) => s.state === 'stopped')).toMatchObject({ stop: { kind: 'disconnected', message: 'the connection to the server was closed' } });
    await services.closeClient('window-2');
    expect(await until(byWindow, (s) => s.state === 'stopped')).toMatchObject({ stop: { kind: 'closing', message: 'the window that started it closed' } });
  });
});
