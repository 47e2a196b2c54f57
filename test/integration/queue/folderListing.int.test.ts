/** Folders pure-ftpd lists only in part (its LimitRecursion) or not at all (no permission): what the queue and the CLI report. */
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runQueueCommand } from '../../../electron/cli/queueCommands';
import { captureIo, cliOptions, queueRig, serverSuite } from './harness';

// pure-ftpd lists at most LimitRecursion entries (`.` and `..` included) and says so only in its
// final reply; 12 here instead of its default 10,000, so 15 files list as 10.
const LIST_LIMIT = 12;
const FILES = 15;

describe('folders the server lists in part or not at all (pure-ftpd)', () => {
  const suite = serverSuite('pure-ftpd', { server: { listLimit: LIST_LIMIT } });

  beforeAll(async () => {
    const home = suite.server.homeDir;
    const dir = path.join(home, 'many');
    await fsp.mkdir(dir);
    for (let i = 0; i < FILES; i++) await fsp.writeFile(path.join(dir, `f${String(i).padStart(2, '0')}.txt`), `file ${i}`);
    // A tree with one folder the FTP account may not read.
    await fsp.mkdir(path.join(home, 'tree', 'locked'), { recursive: true });
    await fsp.mkdir(path.join(home, 'tree', 'open'));
    await fsp.writeFile(path.join(home, 'tree', 'top.txt'), 'top');
    await fsp.writeFile(path.join(home, 'tree', 'locked', 'secret.txt'), 'secret');
    await fsp.writeFile(path.join(home, 'tree', 'open', 'inner.txt'), 'inner');
    await fsp.chmod(path.join(home, 'tree', 'locked'), 0o000);
  });

  // Runs before the suite's own clean-up (after hooks run in reverse order), so the folder can go.
  afterAll(async () => {
    if (suite.server) await fsp.chmod(path.join(suite.server.homeDir, 'tree', 'locked'), 0o755).catch(() => undefined);
  });

  it('ferry get -r downloads what was listed, names the folder as failed with the reply, and exits 1', async () => {
    const target = path.join(suite.work, 'cli');
    const io = captureIo(suite.work, { FERRY_PASSWORD: suite.server.password });
    const status = await runQueueCommand('get', [`ftp://${suite.server.user}@${suite.server.host}:${suite.server.port}/many`, target], cliOptions(), io);
    expect(status).toBe(1);
    const got = await fsp.readdir(target);
    expect(got.length).toBeGreaterThan(0);
    expect(got.length).toBeLessThan(FILES);
    for (const name of got) expect(await fsp.readFile(path.join(target, name), 'utf8')).toBe(`file ${Number(name.slice(1, 3))}`);
    expect(io.out()).toMatch(new RegExp(`transferred ${got.length} file\\(s\\), .*1 failed`));
    expect(io.err()).toMatch(/failed: \/many: the server listed only part of this folder \(226 Output truncated to 12 matches\); the files it left out were not queued/);
  });

  it('the queue keeps a failed item for the folder that a retry leaves failed, and logs the reply', async () => {
    const rig = queueRig(suite.endpoint());
    const report = await rig.queue.addFolder({ direction: 'download', siteId: 'cut', remoteDir: '/many', localDir: path.join(suite.work, 'queue') });
    expect(report.refused).toEqual([{ path: '/many', reason: expect.stringContaining('226 Output truncated to 12 matches') }]);
    await rig.queue.whenIdle();
    rig.queue.retry();
    await rig.queue.whenIdle();
    const items = rig.queue.list();
    await rig.queue.close();
    const failed = items.filter((i) => i.state === 'failed');
    expect(failed.map((i) => [i.remotePath, i.lastError?.kind])).toEqual([['/many', 'incomplete-listing']]);
    expect(items.filter((i) => i.state === 'done')).toHaveLength(report.addedIds.length);
    expect(rig.wire.some((l) => l.includes('error The server listed only part of /many: 226 Output truncated to 12 matches'))).toBe(true);
  });

  it('ferry get -r downloads the rest of a tree when one folder cannot be listed, and names it with the reply', async () => {
    const target = path.join(suite.work, 'tree');
    const io = captureIo(suite.work, { FERRY_PASSWORD: suite.server.password });
    const status = await runQueueCommand('get', [`ftp://${suite.server.user}@${suite.server.host}:${suite.server.port}/tree`, target], cliOptions(), io);
    expect(status).toBe(1);
    expect(await fsp.readFile(path.join(target, 'top.txt'), 'utf8')).toBe('top');
    expect(await fsp.readFile(path.join(target, 'open', 'inner.txt'), 'utf8')).toBe('inner');
    expect(await fsp.readdir(path.join(target, 'locked')).catch(() => [])).toEqual([]);
    expect(io.out()).toMatch(/transferred 2 file\(s\), .*1 failed/);
    expect(io.err()).toMatch(/failed: \/tree\/locked: could not read this folder, so its files were not queued: .*550/);
  });
});
