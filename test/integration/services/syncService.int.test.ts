/**
 * The window's Synchronize as the main process serves it, against a real server (proftpd, which
 * keeps uploaded times with MFMT and offers HASH): a preview plans every kind of difference, Run
 * carries out the ticked steps through the queue (copies, then deletion items), and a preview
 * afterwards finds nothing to do; an orphan is deleted only when ticked, and one unticked is left;
 * "both" tells a deletion from a new file by the state kept after the last run and leaves a
 * conflict alone; a preview can be cancelled; a plan runs once. Against a server listing its
 * times three hours ahead, the offset the window detects from a sync's uploads is the one the
 * next preview allows for, and a download gets its time as this computer counts it.
 */
import { promises as fsp } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createServices, type Services } from '../../../electron/services/createServices';
import { MasterPasswordSecretStore } from '../../../electron/sites';
import type { CallContext } from '../../../shared/api';
import type { LogEntry } from '../../../shared/domain';
import type { SyncPlan } from '../../../shared/sync';
import { DEFAULT_SYNC_SETTINGS, type SyncPreview, type SyncRunStatus, type SyncSettings } from '../../../shared/syncPreview';
import { startServer, type RunningServer } from '../../servers';

const ctx: CallContext = { transport: 'browser', clientId: 'window-1' };
const BASE = Math.floor((Date.now() - 86_400_000) / 60_000) * 60_000;
const HOUR = 3_600_000;
let server: RunningServer;
/** A server that lists its times three hours ahead (POSIX UTC-3), for the clock offset. */
let aheadServer: RunningServer;
let services: Services;
let dataDir: string;
let work: string;
let sessionId: string;
const statuses: SyncRunStatus[] = [];
const log: LogEntry[] = [];
let previewSeq = 0;

async function put(root: string, rel: string, content: string, modifiedMs = BASE): Promise<void> {
  const file = path.join(root, ...rel.split('/'));
  await fsp.mkdir(path.dirname(file), { recursive: true });
  await fsp.writeFile(file, content);
  await fsp.utimes(file, new Date(modifiedMs), new Date(modifiedMs));
}
const read = (root: string, rel: string) => fsp.readFile(path.join(root, ...rel.split('/')), 'utf8').catch(() => undefined);
const exists = (root: string, rel: string) => fsp.access(path.join(root, ...rel.split('/'))).then(() => true, () => false);
const steps = (plan: SyncPlan) => plan.actions.map((a) => `${a.kind} ${a.relPath}${a.isChecked ? '' : ' (unticked)'}`);

function preview(folder: string, settings: Partial<SyncSettings>, session = sessionId): Promise<SyncPreview> {
  return services.handlers.syncPreview(
    { previewId: `p${++previewSeq}`, sessionId: session, localDir: path.join(work, folder), remoteDir: `/${folder}`, settings: { ...DEFAULT_SYNC_SETTINGS, ...settings } },
    ctx,
  );
}

/** Runs a plan's steps as ticked, but for `untick` and with `tick` ticked too; resolves with how the run ended. */
async function run(p: SyncPreview, change: { untick?: string[]; tick?: string[] } = {}): Promise<SyncRunStatus> {
  const checked = p.plan.actions.flatMap((a, i) => ((a.isChecked && !change.untick?.includes(a.relPath)) || change.tick?.includes(a.relPath) ? [i] : []));
  const start = await services.handlers.syncRun({ previewId: p.previewId, checked }, ctx);
  return vi.waitFor(
    () => {
      const end = statuses.find((s) => s.runId === start.runId && s.phase === 'ended');
      expect(end, 'the run did not end').toBeDefined();
      return end!;
    },
    { timeout: 30_000, interval: 50 },
  );
}

beforeAll(async () => {
  server = await startServer('proftpd');
  dataDir = await fsp.mkdtemp(path.join(os.tmpdir(), 'ferry-sync-data-'));
  work = await fsp.mkdtemp(path.join(os.tmpdir(), 'ferry-sync-local-'));
  services = await createServices({ dataDir, openSecrets: (dir) => MasterPasswordSecretStore.open(dir, { scryptCost: { N: 2 ** 12, r: 8, p: 1 } }) });
  services.hub.subscribe((event, payload) => {
    if (event === 'syncStatus') statuses.push(payload as SyncRunStatus);
    if (event === 'log') log.push(...(payload as LogEntry[]));
  });
  const info = await services.handlers.remoteConnect({ host: server.host, port: server.port, user: server.user, password: server.password, tls: 'none', dataMode: 'auto' }, ctx);
  sessionId = info.sessionId;
}, 60_000);

afterAll(async () => {
  await services?.close();
  await server?.stop();
  await aheadServer?.stop();
  await fsp.rm(dataDir, { recursive: true, force: true });
  await fsp.rm(work, { recursive: true, force: true });
});

describe('Synchronize in the window, against proftpd', () => {
  it('says what the server offers a sync', async () => {
    expect(await services.handlers.syncInfo({ sessionId }, ctx)).toEqual({ checksumAlgorithm: 'SHA-256', clock: { offsetMs: 0, source: 'none' }, connections: 2 });
  });

  it('upload: plans every kind of difference, runs the ticked steps through the queue, deletes only the ticked orphans, then has nothing to do', async () => {
    const local = path.join(work, 'up');
    const remote = path.join(server.homeDir, 'up');
    await put(local, 'new.txt', 'new here');
    await put(local, 'site/index.html', '<h1>hi</h1>');
    await fsp.mkdir(path.join(local, 'empty'), { recursive: true });
    await put(local, 'edited.txt', 'edited here', BASE + HOUR);
    await put(local, 'resized.txt', 'longer here');
    await put(local, 'theirs-newer.txt', 'mine');
    await put(local, 'same.txt', 'same');
    await put(remote, 'edited.txt', 'before');
    await put(remote, 'resized.txt', 'short');
    await put(remote, 'theirs-newer.txt', 'theirs', BASE + HOUR);
    await put(remote, 'same.txt', 'same');
    await put(remote, 'stale.html', 'gone here');
    await put(remote, 'old/a.txt', 'a');
    await put(remote, 'old/deep/b.txt', 'b');
    await put(remote, 'keep.txt', 'keep me');
    await server.chownToServer(remote);

    const p = await preview('up', { direction: 'upload', deleteOrphans: true });
    expect(steps(p.plan)).toEqual([
      'mkdir-remote empty',
      'mkdir-remote site',
      'overwrite-remote edited.txt',
      'upload new.txt',
      'overwrite-remote resized.txt',
      'upload site/index.html',
      'conflict theirs-newer.txt (unticked)',
      'delete-remote stale.html',
      'delete-remote old',
      'delete-remote keep.txt',
    ]);
    expect(p.plan.actions.find((a) => a.relPath === 'theirs-newer.txt')).toMatchObject({ resolution: 'overwrite-remote' });
    expect(p.plan.actions.find((a) => a.relPath === 'old')?.reason).toBe('folder only on the server: removed to match (folder with 3 items)');
    expect(p.comparedCount).toBe(14);
    // The listing ran on the queue's connections, named as such in the log.
    services.hub.flush();
    expect(log.some((l) => l.connectionLabel?.endsWith('· listing 1'))).toBe(true);

    const end = await run(p, { untick: ['keep.txt'], tick: ['theirs-newer.txt'] });
    expect(end).toMatchObject({ outcome: 'done', text: 'Synchronize done: 5 copied, 2 folders made, 2 deleted' });
    expect(statuses.filter((s) => s.runId === end.runId).map((s) => s.phase)).toEqual(['folders', 'copying', 'deleting', 'checking', 'ended']);
    expect(await read(remote, 'new.txt')).toBe('new here');
    expect(await read(remote, 'site/index.html')).toBe('<h1>hi</h1>');
    expect(await read(remote, 'edited.txt')).toBe('edited here');
    expect(await read(remote, 'resized.txt')).toBe('longer here');
    expect(await read(remote, 'theirs-newer.txt')).toBe('mine');
    expect(await exists(remote, 'empty')).toBe(true);
    expect(await exists(remote, 'stale.html')).toBe(false);
    expect(await exists(remote, 'old')).toBe(false);
    expect(await read(remote, 'keep.txt')).toBe('keep me');
    // The deletions were the queue's own items, each done.
    const deletions = (await services.handlers.queueList({}, ctx)).items.filter((i) => i.deleteSide === 'remote');
    expect(deletions.map((i) => [i.remotePath, i.isFolder, i.state]).sort()).toEqual([
      ['/up/old', true, 'done'],
      ['/up/stale.html', false, 'done'],
    ]);
    services.hub.flush();
    expect(log.some((l) => l.text === 'Synchronize done: 5 copied, 2 folders made, 2 deleted')).toBe(true);

    // The unticked orphan is all that is left, and only while orphans are asked for.
    expect(steps((await preview('up', { direction: 'upload', deleteOrphans: true })).plan)).toEqual(['delete-remote keep.txt']);
    expect((await preview('up', { direction: 'upload' })).plan.actions).toEqual([]);
  });

  it('download: makes the local folder like the server\'s, by checksum, then has nothing to do', async () => {
    const local = path.join(work, 'down');
    const remote = path.join(server.homeDir, 'down');
    await put(remote, 'report.csv', 'a,b\n1,2\n');
    await put(remote, 'data/x.bin', 'xx');
    await fsp.mkdir(path.join(remote, 'later'), { recursive: true });
    await put(remote, 'same-size.txt', 'abcd');
    await put(local, 'report.csv', 'a,b\n');
    await put(local, 'same-size.txt', 'wxyz');
    await put(local, 'notes.txt', 'mine');
    await server.chownToServer(remote);

    const p = await preview('down', { direction: 'download', method: 'checksum', deleteOrphans: true });
    expect(p.checksumAlgorithm).toBe('SHA-256');
    expect(steps(p.plan)).toEqual([
      'mkdir-local data',
      'mkdir-local later',
      'download data/x.bin',
      'overwrite-local report.csv',
      'overwrite-local same-size.txt',
      'delete-local notes.txt',
    ]);
    expect(p.plan.actions.find((a) => a.relPath === 'same-size.txt')?.reason).toBe('contents differ (checksums differ)');
    const end = await run(p);
    expect(end).toMatchObject({ outcome: 'done', text: 'Synchronize done: 3 copied, 2 folders made, 1 deleted' });
    expect(await read(local, 'report.csv')).toBe('a,b\n1,2\n');
    expect(await read(local, 'same-size.txt')).toBe('abcd');
    expect(await read(local, 'data/x.bin')).toBe('xx');
    expect(await exists(local, 'later')).toBe(true);
    expect(await exists(local, 'notes.txt')).toBe(false);
    expect((await preview('down', { direction: 'download', method: 'checksum', deleteOrphans: true })).plan.actions).toEqual([]);
    expect((await preview('down', { direction: 'download', deleteOrphans: true })).plan.actions).toEqual([]);
  });

  it('both: copies each way by what changed since the last run, tells a deletion from a new file, and leaves a conflict as it is', async () => {
    const local = path.join(work, 'both');
    const remote = path.join(server.homeDir, 'both');
    for (const root of [local, remote]) for (const name of ['a.txt', 'b.txt', 'c.txt']) await put(root, name, name);
    await put(local, 'mine.txt', 'new here');
    await put(remote, 'theirs.txt', 'new there');
    await server.chownToServer(remote);
    const first = await preview('both', { direction: 'both', deleteOrphans: true });
    expect(steps(first.plan)).toEqual(['upload mine.txt', 'download theirs.txt']);
    expect((await run(first)).outcome).toBe('done');

    // Since that run: a.txt changed here, b.txt deleted on the server, c.txt changed on both sides.
    await put(local, 'a.txt', 'a, edited here', BASE + HOUR);
    await fsp.rm(path.join(remote, 'b.txt'));
    await put(local, 'c.txt', 'c, mine', BASE + HOUR);
    await put(remote, 'c.txt', 'c, theirs!', BASE + 2 * HOUR);
    await server.chownToServer(remote);
    const second = await preview('both', { direction: 'both', deleteOrphans: true });
    expect(steps(second.plan)).toEqual(['overwrite-remote a.txt', 'conflict c.txt (unticked)', 'delete-local b.txt']);
    const end = await run(second);
    expect(end).toMatchObject({ outcome: 'conflicts', text: 'Synchronize done: 1 copied, 1 deleted; 1 conflict left as it is' });
    expect(await read(remote, 'a.txt')).toBe('a, edited here');
    expect(await exists(local, 'b.txt')).toBe(false);
    expect(await read(local, 'c.txt')).toBe('c, mine');
    expect(await read(remote, 'c.txt')).toBe('c, theirs!');
    expect(steps((await preview('both', { direction: 'both', deleteOrphans: true })).plan)).toEqual(['conflict c.txt (unticked)']);
  });

  it('a preview can be cancelled, and a plan runs once', async () => {
    const cancelled = services.handlers.syncPreview(
      { previewId: 'to-cancel', sessionId, localDir: path.join(work, 'up'), remoteDir: '/up', settings: DEFAULT_SYNC_SETTINGS },
      ctx,
    );
    await services.handlers.syncCancelPreview({ previewId: 'to-cancel' }, ctx);
    await expect(cancelled).rejects.toMatchObject({ kind: 'cancelled', message: 'The preview was cancelled' });

    const p = await preview('up', { direction: 'upload', deleteOrphans: true });
    await run(p, { untick: ['keep.txt'] });
    await expect(services.handlers.syncRun({ previewId: p.previewId, checked: [] }, ctx)).rejects.toMatchObject({ kind: 'stale-preview' });
    expect(await read(path.join(server.homeDir, 'up'), 'keep.txt')).toBe('keep me');
  });
});

describe('Synchronize and the server clock, against pyftpdlib listing three hours ahead', () => {
  let aheadSession: string;

  beforeAll(async () => {
    aheadServer = await startServer('pyftpdlib', { listTimeZone: 'UTC-3' });
    const info = await services.handlers.remoteConnect({ host: aheadServer.host, port: aheadServer.port, user: aheadServer.user, password: aheadServer.password, tls: 'none', dataMode: 'auto' }, ctx);
    aheadSession = info.sessionId;
  }, 60_000);

  it('allows for the offset detected after its uploads, and gives a download its time as this computer counts it', async () => {
    const local = path.join(work, 'clock');
    await put(local, 'a.txt', 'a');
    await put(local, 'sub/b.txt', 'bb');
    await fsp.mkdir(path.join(aheadServer.homeDir, 'clock'));
    await aheadServer.chownToServer(aheadServer.homeDir);
    expect((await services.handlers.syncInfo({ sessionId: aheadSession }, ctx)).clock).toEqual({ offsetMs: 0, source: 'none' });
    expect((await run(await preview('clock', { direction: 'upload' }, aheadSession))).outcome).toBe('done');
    // The window lists the folder again after the run; the uploads' listed times tell the clock.
    await services.handlers.remoteList({ sessionId: aheadSession, path: '/clock' }, ctx);
    expect((await services.handlers.syncInfo({ sessionId: aheadSession }, ctx)).clock).toMatchObject({ offsetMs: 3 * HOUR, source: 'detected' });
    const again = await preview('clock', { direction: 'upload' }, aheadSession);
    expect(again.clock).toMatchObject({ offsetMs: 3 * HOUR, source: 'detected' });
    expect(again.plan.actions).toEqual([]);

    await put(path.join(aheadServer.homeDir, 'clock'), 'c.txt', 'from the server');
    await aheadServer.chownToServer(path.join(aheadServer.homeDir, 'clock'));
    const down = await preview('clock', { direction: 'download' }, aheadSession);
    expect(steps(down.plan)).toEqual(['download c.txt']);
    expect((await run(down)).outcome).toBe('done');
    expect((await fsp.stat(path.join(local, 'c.txt'))).mtimeMs).toBe(BASE);
    expect((await preview('clock', { direction: 'both' }, aheadSession)).plan.actions).toEqual([]);
  });
});
