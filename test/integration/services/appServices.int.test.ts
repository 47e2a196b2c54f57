/**
 * The main process's services as both transports serve them, against a real FTP server:
 * browse, change files, queue uploads and downloads (files and folder trees), fail with a
 * reply code, connect to a saved site with its stored password. Events are read exactly as
 * a window receives them.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createHash } from 'node:crypto';
import { mkdtemp, mkdir, readFile, writeFile, rm, readdir, stat, utimes } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createServices, type Services } from '../../../electron/services/createServices';
import { MasterPasswordSecretStore } from '../../../electron/sites';
import { startServer, type RunningServer } from '../../servers';
import type { CallContext } from '../../../shared/api';
import type { LogEntry, TransferItem } from '../../../shared/domain';
import type { ExistsQuestionInfo, QueueChange } from '../../../shared/queue';

const ctx: CallContext = { transport: 'browser', clientId: 'test' };
let server: RunningServer;
let services: Services;
let dataDir: string;
let localDir: string;
const log: LogEntry[] = [];
const items = new Map<string, TransferItem>();
let questions: ExistsQuestionInfo[] = [];

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** Waits until there are items and every one is finished, as the window would see it from `queue` events. */
function queueSettles(): Promise<TransferItem[]> {
  return vi.waitFor(() => {
    services.hub.flush();
    const all = [...items.values()];
    const states = JSON.stringify(all.map((i) => [i.remotePath, i.state]));
    expect(all.length > 0 && all.every((it) => ['done', 'failed', 'cancelled'].includes(it.state)), `queue did not settle: ${states}`).toBe(true);
    return all;
  }, { timeout: 30_000, interval: 50 });
}

beforeAll(async () => {
  server = await startServer('pyftpdlib');
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'ferry-app-data-'));
  localDir = await mkdtemp(path.join(os.tmpdir(), 'ferry-app-local-'));
  services = await createServices({ dataDir, openSecrets: (dir) => MasterPasswordSecretStore.open(dir, { scryptCost: { N: 2 ** 12, r: 8, p: 1 } }) });
  services.hub.subscribe((event, payload) => {
    if (event === 'log') log.push(...(payload as LogEntry[]));
    if (event === 'queue') for (const item of (payload as QueueChange).items) items.set(item.id, item);
    if (event === 'queueQuestions') questions = payload as ExistsQuestionInfo[];
  });
});

afterAll(async () => {
  await services?.close();
  await server?.stop();
  await rm(dataDir, { recursive: true, force: true });
  await rm(localDir, { recursive: true, force: true });
});

describe('app services against a real server', () => {
  let sessionId: string;

  it('connects, lists, and logs every command and reply', async () => {
    await writeFile(path.join(server.homeDir, 'hello.txt'), 'hello');
    const info = await services.handlers.remoteConnect(
      { host: server.host, port: server.port, user: server.user, password: server.password, tls: 'none', dataMode: 'auto' },
      ctx,
    );
    sessionId = info.sessionId;
    expect(info).toMatchObject({ host: server.host, user: server.user, isSecure: false, homePath: '/' });
    const listing = await services.handlers.remoteList({ sessionId }, ctx);
    expect(listing.entries.map((e) => e.name)).toContain('hello.txt');
    services.hub.flush();
    expect(log.some((l) => l.kind === 'command' && l.text === 'PASS ****')).toBe(true);
    expect(log.some((l) => l.kind === 'command' && l.text.includes(server.password))).toBe(false);
    expect(log.some((l) => l.kind === 'reply' && l.code === 230)).toBe(true);
    expect(log.some((l) => l.kind === 'reply' && l.code === 226)).toBe(true);
  });

  it('creates, renames, changes mode of and deletes remote files and folders', async () => {
    await services.handlers.remoteMkdir({ sessionId, path: '/made' }, ctx);
    await services.handlers.remoteMkdir({ sessionId, path: '/made/deeper' }, ctx);
    await writeFile(path.join(server.homeDir, 'made', 'deeper', 'f.txt'), 'x');
    await services.handlers.remoteRename({ sessionId, from: '/hello.txt', to: '/renamed.txt' }, ctx);
    await services.handlers.remoteChmod({ sessionId, path: '/renamed.txt', mode: '600' }, ctx);
    expect((await stat(path.join(server.homeDir, 'renamed.txt'))).mode & 0o777).toBe(0o600);
    const listing = await services.handlers.remoteList({ sessionId, path: '/' }, ctx);
    expect(listing.entries.map((e) => e.name).sort()).toEqual(['made', 'renamed.txt']);
    // pyftpdlib sends unix.mode only when asked (OPTS MLST); the pane shows it.
    expect(listing.entries.find((e) => e.name === 'renamed.txt')?.permissions).toBe('rw-------');
    await services.handlers.remoteDelete({ sessionId, targets: [{ path: '/made', isFolder: true }, { path: '/renamed.txt', isFolder: false }] }, ctx);
    expect((await readdir(server.homeDir)).sort()).toEqual([]);
  });

  it('a remote operation that fails keeps the reply code and command', async () => {
    await expect(services.handlers.remoteRename({ sessionId, from: '/missing', to: '/x' }, ctx)).rejects.toMatchObject({ code: 550 });
  });

  it('uploads files and a folder tree through the queue, byte for byte, then downloads them back', async () => {
    const up = path.join(localDir, 'up');
    await mkdir(path.join(up, 'tree', 'sub'), { recursive: true });
    const big = Buffer.alloc(3 * 1024 * 1024, 7);
    big.write('a distinct start');
    await writeFile(path.join(up, 'big.bin'), big);
    await writeFile(path.join(up, 'tree', 'a.txt'), 'alpha');
    await writeFile(path.join(up, 'tree', 'sub', 'b.txt'), 'beta');

    const report = await services.handlers.queueAdd(
      {
        sessionId,
        direction: 'upload',
        items: [
          { name: 'big.bin', isFolder: false, sizeBytes: big.length },
          { name: 'tree', isFolder: true },
        ],
        localFolder: up,
        remoteFolder: '/',
      },
      ctx,
    );
    expect(report).toMatchObject({ addedCount: 3, refused: [] });
    const done = await queueSettles();
    expect(done.map((i) => i.state)).toEqual(['done', 'done', 'done']);
    expect(sha(await readFile(path.join(server.homeDir, 'big.bin')))).toBe(sha(big));
    expect(await readFile(path.join(server.homeDir, 'tree', 'sub', 'b.txt'), 'utf8')).toBe('beta');
    const bigItem = done.find((i) => i.remotePath === '/big.bin')!;
    expect(bigItem).toMatchObject({ transferredBytes: big.length, sizeBytes: big.length, direction: 'upload' });

    items.clear();
    const down = path.join(localDir, 'down');
    await mkdir(down);
    await services.handlers.queueAdd(
      { sessionId, direction: 'download', items: [{ name: 'tree', isFolder: true }, { name: 'big.bin', isFolder: false }], localFolder: down, remoteFolder: '/' },
      ctx,
    );
    expect((await queueSettles()).every((i) => i.state === 'done')).toBe(true);
    expect(sha(await readFile(path.join(down, 'big.bin')))).toBe(sha(big));
    expect(await readFile(path.join(down, 'tree', 'a.txt'), 'utf8')).toBe('alpha');
    expect((await readdir(down)).filter((n) => n.endsWith('.part'))).toEqual([]);
  });

  it('a download of a missing file fails at once with 550, can be retried, and the snapshot agrees', async () => {
    items.clear();
    await services.handlers.queueAdd({ sessionId, direction: 'download', items: [{ name: 'nope.bin', isFolder: false }], localFolder: localDir, remoteFolder: '/' }, ctx);
    const [failed] = await queueSettles();
    expect(failed.state).toBe('failed');
    expect(failed.attempts).toBe(1);
    expect(failed.lastError).toMatchObject({ ftpCode: 550 });
    const snapshot = await services.handlers.queueList({}, ctx);
    expect(snapshot.items.find((i) => i.id === failed.id)?.state).toBe('failed');
    expect(snapshot.totals.failedCount).toBeGreaterThanOrEqual(1);

    await writeFile(path.join(server.homeDir, 'nope.bin'), 'now it exists');
    await services.handlers.queueRetry({ ids: [failed.id] }, ctx);
    // Forget the failed state: the item counts again once a queue event after the retry brings it back.
    items.delete(failed.id);
    const [retried] = await queueSettles();
    expect(retried.state).toBe('done');
    expect(await readFile(path.join(localDir, 'nope.bin'), 'utf8')).toBe('now it exists');
  });

  it('connects to a saved site with its stored password, which no file holds in plain text', async () => {
    await services.handlers.sitesSetMasterPassword({ password: 'a long master password' }, ctx);
    const site = await services.handlers.sitesCreate(
      {
        site: { name: 'Test server', host: server.host, port: server.port, logonType: 'normal', user: server.user, tls: 'none', maxConnections: 1 },
        password: server.password,
      },
      ctx,
    );
    expect(site.hasPassword).toBe(true);
    const info = await services.handlers.remoteConnectSite({ siteId: site.id }, ctx);
    expect(info.user).toBe(server.user);

    // The queue logs in with the stored password too, within the site's own connection limit.
    const batch = path.join(localDir, 'batch');
    await mkdir(batch);
    const names = ['1.txt', '2.txt', '3.txt', '4.txt'];
    for (const n of names) await writeFile(path.join(batch, n), n);
    items.clear();
    log.length = 0;
    await services.handlers.queueAdd(
      { sessionId: info.sessionId, direction: 'upload', items: names.map((name) => ({ name, isFolder: false })), localFolder: batch, remoteFolder: '/' },
      ctx,
    );
    expect((await queueSettles()).map((i) => i.state)).toEqual(['done', 'done', 'done', 'done']);
    const storConnections = new Set(log.filter((l) => l.kind === 'command' && l.text.startsWith('STOR ')).map((l) => l.connectionId));
    expect(storConnections.size).toBe(1);
    for (const file of await readdir(dataDir)) {
      const text = await readFile(path.join(dataDir, file), 'utf8').catch(() => '');
      expect(text.includes(server.password), `${file} holds the password`).toBe(false);
    }
    await services.handlers.remoteDisconnect({ sessionId: info.sessionId }, ctx);
  });

  it("downloads files and folders with their times as this computer counts them when the site's server clock is off", async () => {
    const HOUR = 3_600_000;
    const listedMs = Math.floor((Date.now() - 86_400_000) / 1000) * 1000;
    await mkdir(path.join(server.homeDir, 'clock/tree'), { recursive: true });
    for (const rel of ['clock/one.txt', 'clock/tree/two.txt']) {
      await writeFile(path.join(server.homeDir, rel), rel);
      await utimes(path.join(server.homeDir, rel), new Date(listedMs), new Date(listedMs));
    }
    const site = await services.handlers.sitesCreate(
      { site: { name: 'Clock two hours ahead', host: server.host, port: server.port, logonType: 'normal', user: server.user, tls: 'none', clockOverrideMs: 2 * HOUR }, password: server.password },
      ctx,
    );
    const info = await services.handlers.remoteConnectSite({ siteId: site.id }, ctx);
    const listing = await services.handlers.remoteList({ sessionId: info.sessionId, path: '/clock' }, ctx);
    const one = listing.entries.find((e) => e.name === 'one.txt')!;
    expect(one.modifiedMs).toBe(listedMs);
    const target = path.join(localDir, 'clock');
    await mkdir(target);
    items.clear();
    await services.handlers.queueAdd(
      { sessionId: info.sessionId, direction: 'download', items: [{ name: 'one.txt', isFolder: false, sizeBytes: one.sizeBytes, modifiedMs: one.modifiedMs }, { name: 'tree', isFolder: true }], localFolder: target, remoteFolder: '/clock' },
      ctx,
    );
    expect((await queueSettles()).map((i) => i.state)).toEqual(['done', 'done']);
    expect((await stat(path.join(target, 'one.txt'))).mtimeMs).toBe(listedMs - 2 * HOUR);
    expect((await stat(path.join(target, 'tree/two.txt'))).mtimeMs).toBe(listedMs - 2 * HOUR);
    await services.handlers.remoteDisconnect({ sessionId: info.sessionId }, ctx);
  });

  it('asks when a target exists, keeps the question for a window that reloads, and withdraws it on cancel', async () => {
    await writeFile(path.join(server.homeDir, 'twice.txt'), 'server copy');
    await writeFile(path.join(localDir, 'twice.txt'), 'local copy');
    items.clear();
    await services.handlers.queueAdd(
      { sessionId, direction: 'download', items: [{ name: 'twice.txt', isFolder: false }], localFolder: localDir, remoteFolder: '/', onExists: 'ask' },
      ctx,
    );
    await expect.poll(() => questions.length, { timeout: 10_000 }).toBe(1);
    expect(questions[0]).toMatchObject({ item: { remotePath: '/twice.txt' }, target: { path: path.join(localDir, 'twice.txt') } });
    // A window that opens now still sees the question.
    expect((await services.handlers.queueList({}, ctx)).questions.map((q) => q.questionId)).toEqual([questions[0].questionId]);

    const item = questions[0].item;
    await services.handlers.queueCancel({ ids: [item.id] }, ctx);
    await expect.poll(() => questions.length).toBe(0);
    await queueSettles();
    expect(items.get(item.id)?.state).toBe('cancelled');
    expect(await readFile(path.join(localDir, 'twice.txt'), 'utf8')).toBe('local copy');

    // Asked again and answered: the answer reaches every window as an empty list.
    await services.handlers.queueRetry({ ids: [item.id] }, ctx);
    await expect.poll(() => questions.length, { timeout: 10_000 }).toBe(1);
    await services.handlers.queueAnswerExists({ questionId: questions[0].questionId, action: 'overwrite', applyToAll: false }, ctx);
    expect(questions).toEqual([]);
    await expect.poll(() => readFile(path.join(localDir, 'twice.txt'), 'utf8')).toBe('server copy');
    await expect(services.handlers.queueAnswerExists({ questionId: 'gone', action: 'skip', applyToAll: false }, ctx)).rejects.toMatchObject({ kind: 'stale-question' });
  });

  it('a question belongs to the window that queued the transfer, and to every window once that one is gone', async () => {
    await writeFile(path.join(server.homeDir, 'owned.txt'), 'server copy');
    await writeFile(path.join(localDir, 'owned.txt'), 'local copy');
    const windowA: CallContext = { transport: 'browser', clientId: 'window-a' };
    const windowB: CallContext = { transport: 'browser', clientId: 'window-b' };
    items.clear();
    await services.handlers.queueAdd(
      { sessionId, direction: 'download', items: [{ name: 'owned.txt', isFolder: false }], localFolder: localDir, remoteFolder: '/', onExists: 'ask' },
      windowA,
    );
    await expect.poll(() => questions.length, { timeout: 10_000 }).toBe(1);
    expect(questions[0]).toMatchObject({ item: { remotePath: '/owned.txt' }, ownerClientId: 'window-a' });
    // Each window learns its own name from its snapshot, to tell its questions from the others'.
    const seenByB = await services.handlers.queueList({}, windowB);
    expect(seenByB.clientId).toBe('window-b');
    expect(seenByB.questions[0].ownerClientId).toBe('window-a');

    await services.closeClient('window-a');
    expect(questions).toHaveLength(1);
    expect(questions[0].ownerClientId).toBeUndefined();
    await services.handlers.queueAnswerExists({ questionId: questions[0].questionId, action: 'skip', applyToAll: false }, windowB);
    expect(questions).toEqual([]);
    expect((await queueSettles()).find((i) => i.remotePath === '/owned.txt')).toMatchObject({ state: 'done', isSkipped: true });
    expect(await readFile(path.join(localDir, 'owned.txt'), 'utf8')).toBe('local copy');
  });

  it('a site that asks for its password says so instead of connecting without one', async () => {
    const site = await services.handlers.sitesCreate(
      { site: { name: 'Ask me', host: server.host, port: server.port, logonType: 'ask', user: server.user, tls: 'none' } },
      ctx,
    );
    await expect(services.handlers.remoteConnectSite({ siteId: site.id }, ctx)).rejects.toMatchObject({ kind: 'password-required' });
    const info = await services.handlers.remoteConnectSite({ siteId: site.id, password: server.password }, ctx);
    expect(info.user).toBe(server.user);

    // Transfers log in with the password typed at connect, which the remote session holds; nothing stored it.
    await writeFile(path.join(server.homeDir, 'asked.txt'), 'typed password works');
    items.clear();
    await services.handlers.queueAdd({ sessionId: info.sessionId, direction: 'download', items: [{ name: 'asked.txt', isFolder: false }], localFolder: localDir, remoteFolder: '/' }, ctx);
    expect((await queueSettles()).find((i) => i.remotePath === '/asked.txt')?.state).toBe('done');
    expect(await readFile(path.join(localDir, 'asked.txt'), 'utf8')).toBe('typed password works');
  });

  it('queue settings set from the window apply to new transfers, one speed limit at a time, and survive a restart', async () => {
    const settings = await services.handlers.queueSetOptions({ uploadLimitBps: 50_000 }, ctx);
    expect(settings).toEqual({ onExists: 'ask', downloadLimitBps: 0, uploadLimitBps: 50_000, defaultSiteLimit: 2 });
    expect(await services.handlers.queueSetOptions({ downloadLimitBps: 80_000, onExists: 'skip', defaultSiteLimit: 3 }, ctx)).toEqual({
      onExists: 'skip',
      downloadLimitBps: 80_000,
      uploadLimitBps: 50_000,
      defaultSiteLimit: 3,
    });
    expect((await services.handlers.queueList({}, ctx)).settings).toMatchObject({ onExists: 'skip', uploadLimitBps: 50_000 });

    // The queue's policy now skips an existing target without asking.
    await writeFile(path.join(server.homeDir, 'kept.txt'), 'server copy');
    await writeFile(path.join(localDir, 'kept.txt'), 'local copy');
    items.clear();
    await services.handlers.queueAdd({ sessionId, direction: 'download', items: [{ name: 'kept.txt', isFolder: false }], localFolder: localDir, remoteFolder: '/' }, ctx);
    expect((await queueSettles()).find((i) => i.remotePath === '/kept.txt')).toMatchObject({ state: 'done', isSkipped: true });
    expect(questions).toEqual([]);
    expect(await readFile(path.join(localDir, 'kept.txt'), 'utf8')).toBe('local copy');

    // A restart (the same data folder) comes back with the same settings.
    const saved = (await services.handlers.queueList({}, ctx)).settings;
    const otherData = await mkdtemp(path.join(os.tmpdir(), 'ferry-app-settings-'));
    try {
      const first = await createServices({ dataDir: otherData, openSecrets: (dir) => MasterPasswordSecretStore.open(dir, { scryptCost: { N: 2 ** 12, r: 8, p: 1 } }) });
      await first.handlers.queueSetOptions({ onExists: saved.onExists, downloadLimitBps: saved.downloadLimitBps, uploadLimitBps: saved.uploadLimitBps, defaultSiteLimit: saved.defaultSiteLimit }, ctx);
      await first.close();
      const again = await createServices({ dataDir: otherData, openSecrets: (dir) => MasterPasswordSecretStore.open(dir, { scryptCost: { N: 2 ** 12, r: 8, p: 1 } }) });
      expect((await again.handlers.queueList({}, ctx)).settings).toEqual(saved);
      await again.close();
    } finally {
      await rm(otherData, { recursive: true, force: true });
    }
    await services.handlers.queueSetOptions({ onExists: 'ask', downloadLimitBps: 0, uploadLimitBps: 0, defaultSiteLimit: 2 }, ctx);
  });

  it('after a restart, a quick-connect server\'s transfer waits for its password and continues once the user connects again', async () => {
    const big = Buffer.alloc(3_000_000, 7);
    big.write('restart me');
    await writeFile(path.join(server.homeDir, 'later.bin'), big);
    const data = await mkdtemp(path.join(os.tmpdir(), 'ferry-app-restart-'));
    const open = () => createServices({ dataDir: data, openSecrets: (dir) => MasterPasswordSecretStore.open(dir, { scryptCost: { N: 2 ** 12, r: 8, p: 1 } }) });
    const connect = { host: server.host, port: server.port, user: server.user, password: server.password, tls: 'none' as const, dataMode: 'auto' as const };
    try {
      const first = await open();
      await first.handlers.queueSetOptions({ downloadLimitBps: 500_000 }, ctx);
      const info = await first.handlers.remoteConnect(connect, ctx);
      await first.handlers.queueAdd({ sessionId: info.sessionId, direction: 'download', items: [{ name: 'later.bin', isFolder: false }], localFolder: localDir, remoteFolder: '/' }, ctx);
      await expect.poll(async () => (await first.handlers.queueList({}, ctx)).items[0]?.transferredBytes ?? 0, { timeout: 10_000 }).toBeGreaterThan(0);
      await first.close();

      const second = await open();
      await second.handlers.queueSetOptions({ downloadLimitBps: 0 }, ctx);
      const item = async () => (await second.handlers.queueList({}, ctx)).items[0];
      await expect.poll(async () => (await item())?.state, { timeout: 10_000 }).toBe('failed');
      expect((await item())?.lastError).toMatchObject({ kind: 'credentials-needed', message: expect.stringContaining('again to continue this transfer') });
      const partial = (await item())!.transferredBytes;
      expect(partial).toBeGreaterThan(0);

      await second.handlers.remoteConnect(connect, ctx);
      await expect.poll(async () => (await item())?.state, { timeout: 20_000 }).toBe('done');
      expect(sha(await readFile(path.join(localDir, 'later.bin')))).toBe(sha(big));
      await second.close();
    } finally {
      await rm(data, { recursive: true, force: true });
    }
  });
});
