import { promises as fsp } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TransferQueue } from '../../../electron/queue';
import { startFaultProxy, type FaultProxy } from '../../servers/faultProxy';
import { queueRig, restOffsets, sha256File, writeRandomFile } from './helpers';
import { startServer, type RunningServer } from './servers';

const SIZE = 16 * 1024 * 1024;

/** Resolves once the item has at least `bytes` on disk, as the queue reports it. */
function whenBytes(queue: TransferQueue, id: string, bytes: number): Promise<void> {
  return new Promise((resolve) => {
    const check = () => {
      const item = queue.get(id);
      if (item && item.transferredBytes >= bytes) {
        queue.off('changed', check);
        resolve();
      }
    };
    queue.on('changed', check);
  });
}

describe('stalls, control cuts, pause and cancel against a real server', () => {
  let server: RunningServer;
  let proxy: FaultProxy;
  let work: string;
  let originalHash: string;

  beforeAll(async () => {
    server = await startServer('pyftpdlib');
    // Slow enough that a transfer is surely still running when the test acts on it.
    proxy = await startFaultProxy({ targetHost: server.host, targetPort: server.port, throttleBps: 16 * 1024 * 1024 });
    work = await fsp.mkdtemp(path.join(tmpdir(), 'ferry-queue-control-'));
    await writeRandomFile(path.join(server.homeDir, 'file.bin'), SIZE);
    originalHash = await sha256File(path.join(server.homeDir, 'file.bin'));
  });

  afterAll(async () => {
    await proxy?.stop();
    await server?.stop();
    if (work) await fsp.rm(work, { recursive: true, force: true });
  });

  const endpoint = () => ({ host: proxy.host, port: proxy.port, user: server.user, password: server.password });

  it('a stalled data connection times out and the retry resumes', async () => {
    proxy.addDataFault({ command: 'RETR', stallAfterBytes: SIZE / 4 });
    const rig = queueRig(endpoint(), {}, undefined, { timeoutMs: 1_000 });
    const local = path.join(work, 'stall.bin');
    const [item] = rig.queue.addFiles([{ direction: 'download', siteId: 's', remotePath: '/file.bin', localPath: local }]);
    await rig.queue.whenIdle();
    const done = rig.queue.get(item.id)!;
    await rig.queue.close();
    expect(done.state, JSON.stringify(done.lastError)).toBe('done');
    expect(restOffsets(rig.wire)[0]).toBeGreaterThan(0);
    expect(await sha256File(local)).toBe(originalHash);
  });

  it('a control connection cut mid-download is retried from the partial bytes', async () => {
    const rig = queueRig(endpoint());
    const local = path.join(work, 'control-cut.bin');
    const [item] = rig.queue.addFiles([{ direction: 'download', siteId: 's', remotePath: '/file.bin', localPath: local }]);
    await whenBytes(rig.queue, item.id, SIZE / 3);
    proxy.cutControlAfter(0);
    await rig.queue.whenIdle();
    const done = rig.queue.get(item.id)!;
    await rig.queue.close();
    expect(done.state, JSON.stringify(done.lastError)).toBe('done');
    expect(done.attempts).toBe(2);
    expect(restOffsets(rig.wire)[0]).toBeGreaterThanOrEqual(SIZE / 3);
    expect(await sha256File(local)).toBe(originalHash);
  });

  it('pause stops the transfer; resume continues from its offset', async () => {
    const rig = queueRig(endpoint());
    const local = path.join(work, 'paused.bin');
    const [item] = rig.queue.addFiles([{ direction: 'download', siteId: 's', remotePath: '/file.bin', localPath: local }]);
    await whenBytes(rig.queue, item.id, SIZE / 4);
    rig.queue.pause([item.id]);
    await rig.queue.whenIdle();
    const partial = (await fsp.stat(`${local}.part`)).size;
    expect(rig.queue.get(item.id)?.state).toBe('paused');
    expect(partial).toBeGreaterThanOrEqual(SIZE / 4);
    rig.queue.resume([item.id]);
    await rig.queue.whenIdle();
    const done = rig.queue.get(item.id)!;
    await rig.queue.close();
    expect(done.state).toBe('done');
    expect(restOffsets(rig.wire)).toEqual([partial]);
    expect(await sha256File(local)).toBe(originalHash);
  });

  it('cancel keeps the partial upload on the server; retry resumes it', async () => {
    const rig = queueRig(endpoint());
    const local = path.join(work, 'upload-src.bin');
    await fsp.copyFile(path.join(server.homeDir, 'file.bin'), local);
    const [item] = rig.queue.addFiles([{ direction: 'upload', siteId: 's', remotePath: '/uploaded.bin', localPath: local }]);
    await whenBytes(rig.queue, item.id, SIZE / 4);
    rig.queue.cancel([item.id]);
    await rig.queue.whenIdle();
    expect(rig.queue.get(item.id)?.state).toBe('cancelled');
    const remotePartial = (await fsp.stat(path.join(server.homeDir, 'uploaded.bin'))).size;
    expect(remotePartial).toBeGreaterThan(0);
    rig.queue.retry([item.id]);
    await rig.queue.whenIdle();
    const done = rig.queue.get(item.id)!;
    await rig.queue.close();
    expect(done.state, JSON.stringify(done.lastError)).toBe('done');
    expect(restOffsets(rig.wire)[0]).toBeGreaterThan(0);
    expect(await sha256File(path.join(server.homeDir, 'uploaded.bin'))).toBe(originalHash);
  });
});
