import { existsSync, promises as fsp } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FileQueueStore } from '../../../electron/queue';
import { startFaultProxy, type FaultProxy } from '../../servers/faultProxy';
import { queueRig, restOffsets, sha256File, writeRandomFile } from './helpers';
import { startServer, type RunningServer } from './servers';

const SIZE = 200 * 1024 * 1024;
// RAM-backed when available: 200 MiB on each side should not wear a disk or slow CI.
const BASE = existsSync('/dev/shm') ? '/dev/shm' : tmpdir();

describe('a killed and restarted queue resumes a half-done 200 MiB download', () => {
  let server: RunningServer;
  let proxy: FaultProxy;
  let work: string;
  let originalHash: string;

  beforeAll(async () => {
    server = await startServer('pyftpdlib', { baseDir: BASE });
    // Throttled so the first queue is surely mid-file when it is killed.
    proxy = await startFaultProxy({ targetHost: server.host, targetPort: server.port, throttleBps: 150 * 1024 * 1024 });
    work = await fsp.mkdtemp(path.join(BASE, 'ferry-queue-restart-'));
    const remoteFile = path.join(server.homeDir, 'huge.bin');
    await writeRandomFile(remoteFile, SIZE);
    originalHash = await sha256File(remoteFile);
  });

  afterAll(async () => {
    await proxy?.stop();
    await server?.stop();
    if (work) await fsp.rm(work, { recursive: true, force: true });
  });

  it('continues from the partial bytes after a new queue object restores the file', async () => {
    const endpoint = { host: proxy.host, port: proxy.port, user: server.user, password: server.password };
    const queueFile = path.join(work, 'queue.json');
    const local = path.join(work, 'huge.bin');

    const first = queueRig(endpoint, {}, new FileQueueStore(queueFile));
    const [item] = first.queue.addFiles([{ direction: 'download', siteId: 'srv', remotePath: '/huge.bin', localPath: local }]);
    await new Promise<void>((resolve) => {
      first.queue.on('changed', (c) => {
        if (c.items.some((i) => i.id === item.id && i.transferredBytes >= SIZE * 0.4)) resolve();
      });
    });
    await first.queue.destroy();
    const partialBytes = (await fsp.stat(`${local}.part`)).size;
    expect(partialBytes).toBeGreaterThanOrEqual(SIZE * 0.4);
    expect(partialBytes).toBeLessThan(SIZE);
    const saved = JSON.parse(await fsp.readFile(queueFile, 'utf8'));
    expect(saved.items[0].item.state).toBe('transferring');
    expect(JSON.stringify(saved)).not.toContain(server.password);

    proxy.setThrottle(0);
    const second = queueRig(endpoint, {}, new FileQueueStore(queueFile));
    await second.queue.restore();
    await second.queue.whenIdle();
    const done = second.queue.get(item.id)!;
    await second.queue.close();
    expect(done.state, JSON.stringify(done.lastError)).toBe('done');
    // The restored item continues from exactly the bytes on disk (a later cut may add more RESTs).
    expect(restOffsets(second.wire)[0], second.logs.join('\n')).toBe(partialBytes);
    expect(second.logs).toContain(`resuming download of /huge.bin at ${partialBytes} bytes`);
    expect(await sha256File(local)).toBe(originalHash);
  }, 120_000);
});
