/**
 * `ferry sync` as a user runs it against a real server: the dry run prints the plan and changes
 * nothing; up and down make the folders agree (a compare afterwards exits 0), deleting only the
 * orphans the dry run listed and only with --delete; "both" copies each way by what changed since
 * the last sync, tells a deletion from a new file, and leaves a file changed on both sides alone.
 */
import { promises as fsp } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../servers';
import { ensureCliBuilt, ferry } from './harness';

const BASE = Math.floor((Date.now() - 86_400_000) / 60_000) * 60_000;
const HOUR = 3_600_000;
let server: RunningServer;
let work: string;
let dataDir: string;

async function put(root: string, rel: string, content: string, modifiedMs = BASE): Promise<void> {
  const file = path.join(root, ...rel.split('/'));
  await fsp.mkdir(path.dirname(file), { recursive: true });
  await fsp.writeFile(file, content);
  await fsp.utimes(file, new Date(modifiedMs), new Date(modifiedMs));
}
const exists = (p: string) => fsp.access(p).then(() => true, () => false);
const url = (p: string) => `ftp://${server.user}:${server.password}@127.0.0.1:${server.port}${p}`;
const run = (args: string[]) => ferry(args, { cwd: work, env: { FERRY_DATA_DIR: dataDir } });
const lines = (text: string) => text.split('\n').filter(Boolean);

beforeAll(async () => {
  await ensureCliBuilt();
  server = await startServer('proftpd');
  work = await fsp.mkdtemp(path.join(os.tmpdir(), 'ferry-sync-cli-'));
  dataDir = await fsp.mkdtemp(path.join(os.tmpdir(), 'ferry-sync-data-'));
}, 60_000);

afterAll(async () => {
  await server?.stop();
  await fsp.rm(work, { recursive: true, force: true });
  await fsp.rm(dataDir, { recursive: true, force: true });
});

describe('ferry sync --direction up', () => {
  it('prints the plan on a dry run, then makes the server agree, deleting only the orphans it listed', async () => {
    const local = path.join(work, 'up');
    const remote = path.join(server.homeDir, 'up');
    await put(local, 'index.html', 'new home', BASE + HOUR);
    await put(local, 'img/logo.svg', '<svg/>');
    await put(local, 'same.txt', 'same');
    await put(remote, 'index.html', 'old home');
    await put(remote, 'same.txt', 'same');
    await put(remote, 'stale.html', 'gone here');
    await put(remote, 'old/a.txt', 'a');
    await server.chownToServer(remote);

    const dry = await run(['sync', 'up', url('/up'), '--direction', 'up', '--delete', '--dry-run']);
    expect(dry.status).toBe(0);
    expect(lines(dry.stdout)).toEqual([
      'make on server    img/  (folder only in the local folder)',
      'upload            img/logo.svg  (only in the local folder)',
      'replace on server index.html  (modified 60 min later here, same size)',
      'delete on server  stale.html  (only on the server: removed to match)',
      'delete on server  old/  (folder only on the server: removed to match (folder with 1 item))',
      'plan: 1 upload, 1 replace on server, 1 make on server, 2 delete on server; 14 B to copy',
    ]);
    expect(await exists(path.join(remote, 'stale.html'))).toBe(true);
    expect(await exists(path.join(remote, 'img'))).toBe(false);

    const done = await run(['sync', 'up', url('/up'), '--direction', 'up', '--delete']);
    expect(done.stderr).toBe('');
    expect(done.status).toBe(0);
    // Deletions are queue items too, after the copies, each with its line.
    const out = lines(done.stdout);
    expect(out.slice(-3)).toEqual(expect.arrayContaining(['deleted /up/stale.html', 'deleted /up/old']));
    expect(out.at(-1)).toBe('synced 2 file(s), 14 B (14 bytes), 2 deleted, 0 failed');
    expect(out.findIndex((l) => l.startsWith('deleted'))).toBeGreaterThan(out.findIndex((l) => l.startsWith('put')));
    expect(await fsp.readFile(path.join(remote, 'index.html'), 'utf8')).toBe('new home');
    expect(await fsp.readFile(path.join(remote, 'img/logo.svg'), 'utf8')).toBe('<svg/>');
    expect(await exists(path.join(remote, 'stale.html'))).toBe(false);
    expect(await exists(path.join(remote, 'old'))).toBe(false);
    expect((await run(['compare', 'up', url('/up')])).status).toBe(0);
    const again = await run(['sync', 'up', url('/up'), '--direction', 'up', '--delete']);
    expect(again.stdout.trim()).toBe('in agreement: nothing to do');
    expect(again.status).toBe(0);
  });
});

describe('ferry sync --direction down', () => {
  it('holds back the deletions when a copy failed, so a renamed file is never lost', async () => {
    const local = path.join(work, 'held');
    const remote = path.join(server.homeDir, 'held');
    await put(local, 'old-name.txt', 'report');
    await put(remote, 'new-name.txt', 'report');
    await server.chownToServer(remote);
    // The server's account cannot read it: its download fails with the server's 550.
    await fsp.chmod(path.join(remote, 'new-name.txt'), 0o000);

    const r = await run(['sync', 'held', url('/held'), '--direction', 'down', '--delete']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('1 deletion(s) not done because a copy failed');
    expect(r.stderr).toMatch(/failed \/held\/new-name.txt -> held\/new-name.txt: .*550/);
    expect(await fsp.readFile(path.join(local, 'old-name.txt'), 'utf8')).toBe('report');
  });


  it('copies the server copy over, and keeps local orphans without --delete', async () => {
    const local = path.join(work, 'down');
    const remote = path.join(server.homeDir, 'down');
    await put(remote, 'report.csv', 'a,b\n1,2\n', BASE + HOUR);
    await put(remote, 'data/x.bin', 'xx');
    await put(local, 'report.csv', 'a,b\n');
    await put(local, 'notes.txt', 'mine');
    const r = await run(['sync', 'down', url('/down'), '--direction', 'down']);
    expect(r.status).toBe(0);
    expect(await fsp.readFile(path.join(local, 'report.csv'), 'utf8')).toBe('a,b\n1,2\n');
    expect(await fsp.readFile(path.join(local, 'data/x.bin'), 'utf8')).toBe('xx');
    expect(await exists(path.join(local, 'notes.txt'))).toBe(true);
    const compare = await run(['compare', 'down', url('/down')]);
    expect(lines(compare.stdout)).toEqual(['only here       notes.txt', 'differ: 4 compared by size and time: 1 only here, 3 identical']);
  });
});

describe('ferry sync --direction both', () => {
  it('copies each way by what changed since the last sync, tells a deletion from a new file, and leaves a clash alone', async () => {
    const local = path.join(work, 'both');
    const remote = path.join(server.homeDir, 'both');
    for (const root of [local, remote]) {
      await put(root, 'a.txt', 'a');
      await put(root, 'b.txt', 'b');
      await put(root, 'c.txt', 'c');
    }
    await put(local, 'mine.txt', 'new here');
    await put(remote, 'theirs.txt', 'new there');
    await server.chownToServer(remote);
    const first = await run(['sync', 'both', url('/both'), '--direction', 'both']);
    expect(first.stderr).toBe('');
    expect(lines(first.stdout)).toEqual(['put both/mine.txt -> /both/mine.txt (8 B)', 'got /both/theirs.txt -> both/theirs.txt (9 B)', 'synced 2 file(s), 17 B (17 bytes), 0 failed']);
    expect(first.status).toBe(0);
    expect((await run(['compare', 'both', url('/both')])).status).toBe(0);

    // Since that sync: a.txt changed here, b.txt deleted on the server, c.txt changed on both sides.
    await put(local, 'a.txt', 'a, edited here', BASE + HOUR);
    await fsp.rm(path.join(remote, 'b.txt'));
    await put(local, 'c.txt', 'c, mine', BASE + HOUR);
    await put(remote, 'c.txt', 'c, theirs!', BASE + 2 * HOUR);
    await server.chownToServer(remote);

    const dry = await run(['sync', 'both', url('/both'), '--direction', 'both', '--delete', '--dry-run']);
    expect(lines(dry.stdout)).toEqual([
      'replace on server a.txt  (changed here since the last sync: modified 60 min later here, and the sizes differ)',
      'conflict          c.txt  (changed on both sides since the last sync: modified 60 min later on the server, and the sizes differ)',
      'delete here       b.txt  (deleted on the server since the last sync)',
      'plan: 1 replace on server, 1 delete here, 1 conflict; 14 B to copy',
    ]);
    const r = await run(['sync', 'both', url('/both'), '--direction', 'both', '--delete']);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('1 conflict(s) left as they are');
    expect(await fsp.readFile(path.join(remote, 'a.txt'), 'utf8')).toBe('a, edited here');
    expect(await exists(path.join(local, 'b.txt'))).toBe(false);
    expect(await fsp.readFile(path.join(local, 'c.txt'), 'utf8')).toBe('c, mine');
    expect(await fsp.readFile(path.join(remote, 'c.txt'), 'utf8')).toBe('c, theirs!');
  });

  it('needs a direction, and says so', async () => {
    const r = await run(['sync', 'both', url('/both')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('sync needs --direction up, down or both');
  });
});
