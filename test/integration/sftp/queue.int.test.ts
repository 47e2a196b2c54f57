/**
 * The real TransferQueue over the SFTP engine (sftpSessionFactory) against a real sshd: a
 * 2,000-file tree (empty files, nested and empty folders) down and back up byte-identical over
 * four connections, and a download and an upload cut off by the fault proxy that the queue
 * retries and continues from the bytes already there (its `.part` and the server's size), as it
 * does for FTP.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, promises as fsp } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeLocalFs, TransferQueue } from '../../../electron/queue';
import { sftpSessionFactory } from '../../../electron/sessions';
import { startFaultProxy, type FaultProxy } from '../../servers/faultProxy';
import type { RunningSshServer } from '../../servers/sshd';
import { sha256File, treeHashes, whenBytes, writeRandomFile } from '../queue/harness';
import { passwordLogin, sshSuite, trustingHooks } from './harness';

const BASE = existsSync('/dev/shm') ? '/dev/shm' : tmpdir();
const FOLDERS = 20;
const FILES_PER_FOLDER = 100;

/** A queue whose site `srv` is the sshd (or the proxy in front of it), with `connections` per site. */
function sftpQueue(server: RunningSshServer, via: { host: string; port: number } = server, connections = 4, bytesPerSecond = 0) {
  const logs: string[] = [];
  const wire: string[] = [];
  const queue = new TransferQueue({
    sessions: sftpSessionFactory(() => passwordLogin(server, { host: via.host, port: via.port, timeoutMs: 10_000 }), trustingHooks(server), {
      onLog: (_site, e) => wire.push(`${e.connectionId} ${e.kind} ${e.text}`),
    }),
    fs: nodeLocalFs,
    options: { retry: { maxRetries: 5, baseDelayMs: 50, maxDelayMs: 400 }, onExists: 'overwrite', persistDelayMs: 20, siteLimits: { srv: connections },
      // A limit keeps a transfer going long enough for the cut to land in its middle.
      speedLimits: { downloadBps: bytesPerSecond, uploadBps: bytesPerSecond } },
  });
  queue.on('log', (l) => logs.push(l.text));
  return { queue, logs, wire };
}

describe('a 2,000-file tree down and up through the queue over SFTP', () => {
  const suite = sshSuite({ baseDir: BASE });

  beforeAll(async () => {
    const tree = path.join(suite.server.homeDir, 'tree');
    for (let d = 0; d < FOLDERS; d++) {
      const dir = path.join(tree, `dir-${d}`, d % 3 === 0 ? 'nested' : '');
      await fsp.mkdir(dir, { recursive: true });
      for (let f = 0; f < FILES_PER_FOLDER; f++) {
        await fsp.writeFile(path.join(dir, `file-${f}.dat`), randomBytes((d * 131 + f * 97) % 8193));
      }
    }
    await fsp.mkdir(path.join(tree, 'empty-folder'));
    await suite.server.chownToServer(tree);
  });

  it('downloads then uploads byte-identical, empty folders included', async () => {
    const home = suite.server.homeDir;
    const local = path.join(suite.work, 'local-tree');
    const down = sftpQueue(suite.server);
    const report = await down.queue.addFolder({ direction: 'download', siteId: 'srv', localDir: local, remoteDir: `${home}/tree` });
    expect(report.addedIds).toHaveLength(FOLDERS * FILES_PER_FOLDER);
    await down.queue.whenIdle();
    const failed = down.queue.list().filter((i) => i.state !== 'done');
    await down.queue.close();
    expect(failed.map((i) => `${i.remotePath}: ${i.lastError?.message}`)).toEqual([]);
    const original = await treeHashes(path.join(home, 'tree'));
    expect(await treeHashes(local)).toEqual(original);
    expect(existsSync(path.join(local, 'empty-folder'))).toBe(true);
    // Four connections at most, as the site's limit says.
    expect(new Set(down.wire.filter((l) => / status Logged in/.test(l)).map((l) => l.split(' ')[0])).size).toBeLessThanOrEqual(4);

    const up = sftpQueue(suite.server);
    await up.queue.addFolder({ direction: 'upload', siteId: 'srv', localDir: local, remoteDir: `${home}/copy` });
    await up.queue.whenIdle();
    const upFailed = up.queue.list().filter((i) => i.state !== 'done');
    await up.queue.close();
    expect(upFailed.map((i) => `${i.localPath}: ${i.lastError?.message}`)).toEqual([]);
    expect(await treeHashes(path.join(home, 'copy'))).toEqual(original);
    expect(existsSync(path.join(home, 'copy', 'empty-folder'))).toBe(true);
  }, 300_000);
});

describe('the queue continues SFTP transfers cut off by the network', () => {
  const suite = sshSuite();
  let proxy: FaultProxy;
  let original: string;
  // More than the engine keeps in flight (8 MiB), so the cut lands before the last READ is answered.
  const SIZE = 24 * 1024 * 1024;

  beforeAll(async () => {
    proxy = await startFaultProxy({ targetHost: suite.server.host, targetPort: suite.server.port, isPlainTcp: true });
    original = path.join(suite.work, 'original.bin');
    await writeRandomFile(original, SIZE);
    await fsp.copyFile(original, path.join(suite.server.homeDir, 'big.bin'));
    await suite.server.chownToServer(path.join(suite.server.homeDir, 'big.bin'));
  });
  afterAll(() => proxy?.stop());

  it('retries a cut download and continues its .part', async () => {
    const rig = sftpQueue(suite.server, proxy, 1, 12 * 1024 * 1024);
    const local = path.join(suite.work, 'down.bin');
    const [item] = rig.queue.addFiles([{ direction: 'download', siteId: 'srv', remotePath: `${suite.server.homeDir}/big.bin`, localPath: local, sizeBytes: SIZE }]);
    await whenBytes(rig.queue, item.id, 1);
    proxy.cutControlAfter(1024 * 1024);
    await rig.queue.whenIdle();
    const done = rig.queue.get(item.id)!;
    await rig.queue.close();
    expect(done.state, JSON.stringify(done.lastError)).toBe('done');
    expect(done.attempts).toBe(2);
    const resumed = rig.logs.map((l) => /resuming download of .* at (\d+) bytes/.exec(l)).find(Boolean);
    expect(Number(resumed![1])).toBeGreaterThan(0);
    expect(rig.wire.some((l) => new RegExp(`command OPEN ${suite.server.homeDir}/big.bin \\(read from byte ${resumed![1]}\\)`).test(l))).toBe(true);
    expect(await sha256File(local)).toBe(await sha256File(original));
    expect(existsSync(`${local}.part`)).toBe(false);
  });

  it('retries a cut upload and writes after what the server kept', async () => {
    const rig = sftpQueue(suite.server, proxy, 1, 12 * 1024 * 1024);
    const remote = `${suite.server.homeDir}/up.bin`;
    const [item] = rig.queue.addFiles([{ direction: 'upload', siteId: 'srv', remotePath: remote, localPath: original }]);
    await whenBytes(rig.queue, item.id, 1);
    proxy.cutClientAfter(1024 * 1024);
    await rig.queue.whenIdle();
    const done = rig.queue.get(item.id)!;
    await rig.queue.close();
    expect(done.state, JSON.stringify(done.lastError)).toBe('done');
    expect(done.attempts).toBe(2);
    expect(rig.logs.some((l) => /resuming upload of .* at [1-9]\d* bytes/.test(l))).toBe(true);
    expect(await sha256File(path.join(suite.server.homeDir, 'up.bin'))).toBe(await sha256File(original));
  });

  it('fails a missing file at once, without retrying', async () => {
    const rig = sftpQueue(suite.server);
    const [item] = rig.queue.addFiles([{ direction: 'download', siteId: 'srv', remotePath: `${suite.server.homeDir}/missing.bin`, localPath: path.join(suite.work, 'missing.bin') }]);
    await rig.queue.whenIdle();
    const failed = rig.queue.get(item.id)!;
    await rig.queue.close();
    expect(failed.state).toBe('failed');
    expect(failed.attempts).toBe(1);
    expect(failed.lastError).toMatchObject({ kind: 'sftp-status', ftpCode: 2, command: `OPEN ${suite.server.homeDir}/missing.bin (read)` });
    expect(failed.lastError!.message).toMatch(/No such file/);
  });
});
