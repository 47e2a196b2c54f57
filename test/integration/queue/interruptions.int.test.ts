/** Interrupted transfers against pyftpdlib behind a throttling fault proxy: stalls, control cuts, pause, cancel. */
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { queueRig, restOffsets, serverSuite, sha256File, whenBytes, writeRandomFile } from './harness';

const SIZE = 16 * 1024 * 1024;

describe('stalls, control cuts, pause and cancel against a real server', () => {
  // Slow enough that a transfer is surely still running when the test acts on it.
  const suite = serverSuite('pyftpdlib', { proxy: { throttleBps: 16 * 1024 * 1024 } });
  let originalHash: string;

  beforeAll(async () => {
    await writeRandomFile(path.join(suite.server.homeDir, 'file.bin'), SIZE);
    originalHash = await sha256File(path.join(suite.server.homeDir, 'file.bin'));
  });

  it('a stalled data connection times out and the retry resumes', async () => {
    suite.proxy.addDataFault({ command: 'RETR', stallAfterBytes: SIZE / 4 });
    const rig = queueRig(suite.endpoint(), {}, undefined, { timeoutMs: 1_000 });
    const local = path.join(suite.work, 'stall.bin');
    const [item] = rig.queue.addFiles([{ direction: 'download', siteId: 's', remotePath: '/file.bin', localPath: local }]);
    await rig.queue.whenIdle();
    const done = rig.queue.get(item.id)!;
    await rig.queue.close();
    expect(done.state, JSON.stringify(done.lastError)).toBe('done');
    expect(restOffsets(rig.wire)[0]).toBeGreaterThan(0);
    expect(await sha256File(local)).toBe(originalHash);
  });

  it('a control connection cut mid-download is retried from the partial bytes', async () => {
    const rig = queueRig(suite.endpoint());
    const local = path.join(suite.work, 'control-cut.bin');
    const [item] = rig.queue.addFiles([{ direction: 'download', siteId: 's', remotePath: '/file.bin', localPath: local }]);
    await whenBytes(rig.queue, item.id, SIZE / 3);
    suite.proxy.cutControlAfter(0);
    await rig.queue.whenIdle();
    const done = rig.queue.get(item.id)!;
    await rig.queue.close();
    expect(done.state, JSON.stringify(done.lastError)).toBe('done');
    expect(done.attempts).toBe(2);
    expect(restOffsets(rig.wire)[0]).toBeGreaterThanOrEqual(SIZE / 3);
    expect(await sha256File(local)).toBe(originalHash);
  });

  it('pause stops the transfer; resume continues from its offset', async () => {
    const rig = queueRig(suite.endpoint());
    const local = path.join(suite.work, 'paused.bin');
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
    const rig = queueRig(suite.endpoint());
    const local = path.join(suite.work, 'upload-src.bin');
    await fsp.copyFile(path.join(suite.server.homeDir, 'file.bin'), local);
    const [item] = rig.queue.addFiles([{ direction: 'upload', siteId: 's', remotePath: '/uploaded.bin', localPath: local }]);
    await whenBytes(rig.queue, item.id, SIZE / 4);
    rig.queue.cancel([item.id]);
    await rig.queue.whenIdle();
    expect(rig.queue.get(item.id)?.state).toBe('cancelled');
    const remotePartial = (await fsp.stat(path.join(suite.server.homeDir, 'uploaded.bin'))).size;
    expect(remotePartial).toBeGreaterThan(0);
    rig.queue.retry([item.id]);
    await rig.queue.whenIdle();
    const done = rig.queue.get(item.id)!;
    await rig.queue.close();
    expect(done.state, JSON.stringify(done.lastError)).toBe('done');
    expect(restOffsets(rig.wire)[0]).toBeGreaterThan(0);
    expect(await sha256File(path.join(suite.server.homeDir, 'uploaded.bin'))).toBe(originalHash);
  });
});
