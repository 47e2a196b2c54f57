/** A queue destroyed mid-file and a new one restored from the queue file: the 200 MiB download resumes. */
import { existsSync, promises as fsp } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { FileQueueStore } from '../../../electron/queue';
import { queueRig, restOffsets, serverSuite, sha256File, whenBytes, writeRandomFile } from './harness';

const SIZE = 200 * 1024 * 1024;
// RAM-backed when available: 200 MiB on each side should not wear a disk or slow CI.
const BASE = existsSync('/dev/shm') ? '/dev/shm' : tmpdir();

describe('a killed and restarted queue resumes a half-done 200 MiB download', () => {
  // Throttled so the first queue is surely mid-file when it is killed.
  const suite = serverSuite('pyftpdlib', { server: { baseDir: BASE }, baseDir: BASE, proxy: { throttleBps: 150 * 1024 * 1024 } });
  let originalHash: string;

  beforeAll(async () => {
    const remoteFile = path.join(suite.server.homeDir, 'huge.bin');
    await writeRandomFile(remoteFile, SIZE);
    originalHash = await sha256File(remoteFile);
  });

  it('continues from the partial bytes after a new queue object restores the file', async () => {
    const endpoint = suite.endpoint();
    const queueFile = path.join(suite.work, 'queue.json');
    const local = path.join(suite.work, 'huge.bin');

    const first = queueRig(endpoint, {}, new FileQueueStore(queueFile));
    const [item] = first.queue.addFiles([{ direction: 'download', siteId: 'srv', remotePath: '/huge.bin', localPath: local }]);
    await whenBytes(first.queue, item.id, SIZE * 0.4);
    await first.queue.destroy();
    const partialBytes = (await fsp.stat(`${local}.part`)).size;
    expect(partialBytes).toBeGreaterThanOrEqual(SIZE * 0.4);
    expect(partialBytes).toBeLessThan(SIZE);
    const saved = JSON.parse(await fsp.readFile(queueFile, 'utf8'));
    expect(saved.items[0].item.state).toBe('transferring');
    expect(JSON.stringify(saved)).not.toContain(suite.server.password);

    suite.proxy.setThrottle(0);
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
