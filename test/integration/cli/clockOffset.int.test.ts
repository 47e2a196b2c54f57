/**
 * The server clock offset against a real server that reports its times in its own time zone
 * (pyftpdlib three hours east of UTC, as a server set to local time does): a sync that uploads
 * detects the offset and keeps it for the account; `ferry compare` then applies it and finds the
 * folders identical, where without it (--clock-offset 0) every file looks newer on the server; the
 * offset is detected once; files `put` uploaded let the next compare detect it; and a download by
 * mirror gets its original's time.
 */
import { promises as fsp } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../servers';
import { ensureCliBuilt, ferry } from './harness';

const HOUR = 3_600_000;
/** A whole minute a day ago: the local files' time. */
const BASE = Math.floor((Date.now() - 86_400_000) / 60_000) * 60_000;
let server: RunningServer;
let work: string;
let dataDir: string;

const url = (p: string) => `ftp://${server.user}@127.0.0.1:${server.port}${p}`;
const run = (args: string[]) => ferry(args, { cwd: work, env: { FERRY_DATA_DIR: dataDir, FERRY_PASSWORD: server.password } });
const account = () => `${server.user}@127.0.0.1:${server.port}`;
const kept = async () => JSON.parse(await fsp.readFile(path.join(dataDir, 'server-clocks.json'), 'utf8')) as { servers: Record<string, { offsetMs: number; atMs: number }> };

async function put(root: string, rel: string, content: string): Promise<void> {
  const file = path.join(root, ...rel.split('/'));
  await fsp.mkdir(path.dirname(file), { recursive: true });
  await fsp.writeFile(file, content);
  await fsp.utimes(file, new Date(BASE), new Date(BASE));
}

beforeAll(async () => {
  await ensureCliBuilt();
  // POSIX zones count west of UTC: UTC-3 is three hours ahead of UTC.
  server = await startServer('pyftpdlib', { listTimeZone: 'UTC-3' });
  work = await fsp.mkdtemp(path.join(os.tmpdir(), 'ferry-clock-cli-'));
  dataDir = await fsp.mkdtemp(path.join(os.tmpdir(), 'ferry-clock-data-'));
}, 60_000);

afterAll(async () => {
  await server?.stop();
  await fsp.rm(work, { recursive: true, force: true });
  await fsp.rm(dataDir, { recursive: true, force: true });
});

describe('the server clock offset, with a server three hours ahead', () => {
  it('is detected by a sync that uploads, kept for the account, and applied by compare', async () => {
    const local = path.join(work, 'site');
    await put(local, 'index.html', '<h1>hi</h1>');
    await put(local, 'css/site.css', 'body{}');

    const sync = await run(['sync', 'site', url('/site'), '--direction', 'up', '--json']);
    expect(sync.stderr).toBe('');
    expect(sync.status).toBe(0);
    const records = sync.stdout.trim().split('\n').map((l) => JSON.parse(l) as { type: string; source?: string; offsetMs?: number });
    expect(records.filter((r) => r.type === 'clock').map((r) => [r.source, r.offsetMs])).toEqual([['none', 0], ['detected', 3 * HOUR]]);
    expect((await kept()).servers[account()]).toMatchObject({ offsetMs: 3 * HOUR });
    // The server does list the files three hours ahead of their time.
    expect((await run(['ls', url('/site/'), '--json'])).stdout).toContain(`"modifiedMs":${BASE + 3 * HOUR}`);

    const compare = await run(['compare', 'site', url('/site'), '--verbose']);
    expect(compare.stdout.trim()).toBe('in agreement: 3 compared by size and time: 3 identical');
    expect(compare.stderr).toContain(`ferry: server clock of ${account()}: 3 h ahead of this computer (detected on `);
    expect(compare.status).toBe(0);

    const raw = await run(['compare', 'site', url('/site'), '--clock-offset', '0']);
    expect(raw.stdout.trim().split('\n')).toEqual([
      'newer on server css/site.css  (modified 3 h later on the server, same size)',
      'newer on server index.html  (modified 3 h later on the server, same size)',
      'differ: 3 compared by size and time: 2 newer on server, 1 identical',
    ]);
    expect(raw.status).toBe(1);
  });

  it('is detected once: later uploads do not change it, and a kept offset needs no uploads', async () => {
    const first = (await kept()).servers[account()];
    const local = path.join(work, 'more');
    await put(local, 'a.txt', 'a');
    const sync = await run(['sync', 'more', url('/more'), '--direction', 'up', '--json']);
    expect(sync.status).toBe(0);
    const clocks = sync.stdout.trim().split('\n').map((l) => JSON.parse(l) as { type: string; source?: string }).filter((r) => r.type === 'clock');
    expect(clocks).toEqual([expect.objectContaining({ source: 'detected', offsetMs: 3 * HOUR, detectedAtMs: first.atMs })]);
    expect((await kept()).servers[account()]).toEqual(first);
  });

  it('is learnt from files an earlier put uploaded, by the first compare that lists them', async () => {
    const fresh = await fsp.mkdtemp(path.join(os.tmpdir(), 'ferry-clock-data-'));
    try {
      const runIn = (args: string[]) => ferry(args, { cwd: work, env: { FERRY_DATA_DIR: fresh, FERRY_PASSWORD: server.password } });
      const ledger = async () => JSON.parse(await fsp.readFile(path.join(fresh, 'recent-uploads.json'), 'utf8')) as { accounts: Record<string, unknown[]> };
      await put(path.join(work, 'single'), 'one.txt', 'one');
      await put(path.join(work, 'single'), 'tree/two.txt', 'two');
      expect((await runIn(['mkdir', url('/single')])).status).toBe(0);
      expect((await runIn(['put', 'single/one.txt', url('/single/')])).status).toBe(0);
      expect((await ledger()).accounts[account()]).toHaveLength(1);
      expect((await runIn(['put', '-r', 'single/tree', url('/single/tree')])).status).toBe(0);
      expect((await ledger()).accounts[account()]).toHaveLength(2);

      const compare = await runIn(['compare', 'single', url('/single'), '--verbose']);
      expect(compare.stdout.trim()).toBe('in agreement: 3 compared by size and time: 3 identical');
      expect(compare.stderr).toContain(`ferry: server clock of ${account()}: not detected yet`);
      expect(compare.stderr).toContain(`ferry: server clock of ${account()}: 3 h ahead of this computer (detected on `);
      expect(compare.status).toBe(0);
      expect(JSON.parse(await fsp.readFile(path.join(fresh, 'server-clocks.json'), 'utf8')).servers[account()]).toMatchObject({ offsetMs: 3 * HOUR });
      expect((await ledger()).accounts[account()]).toBeUndefined();
    } finally {
      await fsp.rm(fresh, { recursive: true, force: true });
    }
  });

  it('lets mirror download with the offset: the copies compare as identical', async () => {
    const mirror = await run(['mirror', url('/site'), 'copy']);
    expect(mirror.stderr).toBe('');
    expect(mirror.status).toBe(0);
    expect((await fsp.stat(path.join(work, 'copy', 'index.html'))).mtimeMs).toBe(BASE);
    const compare = await run(['compare', 'copy', url('/site')]);
    expect(compare.stdout.trim()).toBe('in agreement: 3 compared by size and time: 3 identical');
  });
});
