/**
 * The queue's first total ETA against a real server: a download of many small files, whose time
 * goes mostly into the per-file commands, not the bytes. The first time left the queue reports
 * must be within a factor 2 of the time the rest then took. The margin is wide on purpose: this
 * compares the estimate with what happened, and the machine may be slow or busy. The server is
 * reached through a proxy that adds a round trip, so the run lasts long enough to estimate.
 */
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDelayProxy, type DelayProxy } from '../../bench/delayProxy';
import { queueRig, serverSuite } from './harness';

const FILE_COUNT = 800;
/** A link's round trip: each file costs a few of them, as over the Internet, so small files take time. */
const RTT_MS = 20;
const FILE_BYTES = 8 * 1024;

describe('the first total ETA of a many-file download (vsftpd)', () => {
  const suite = serverSuite('vsftpd');
  let link: DelayProxy;

  beforeAll(async () => {
    const dir = path.join(suite.server.homeDir, 'small');
    await fsp.mkdir(dir, { recursive: true });
    const body = Buffer.alloc(FILE_BYTES, 7);
    for (let i = 0; i < FILE_COUNT; i++) await fsp.writeFile(path.join(dir, `f${String(i).padStart(4, '0')}.bin`), body);
    link = await startDelayProxy({ targetPort: suite.server.port, rttMs: RTT_MS });
  });
  afterAll(async () => {
    await link?.stop();
  });

  it('is within a factor 2 of the time the rest of the download took', async () => {
    const rig = queueRig({ ...suite.endpoint(), host: link.host, port: link.port });
    let first: { atMs: number; seconds: number } | undefined;
    rig.queue.on('changed', ({ totals }) => {
      if (!first && totals.eta.kind === 'known') first = { atMs: performance.now(), seconds: totals.eta.seconds };
    });
    try {
      rig.queue.addFiles(
        Array.from({ length: FILE_COUNT }, (_, i) => {
          const name = `f${String(i).padStart(4, '0')}.bin`;
          return { direction: 'download' as const, siteId: 'srv', remotePath: `/small/${name}`, localPath: path.join(suite.work, 'small', name), sizeBytes: FILE_BYTES };
        }),
      );
      await rig.queue.whenIdle();
      const tookSeconds = (performance.now() - first!.atMs) / 1000;
      expect(rig.queue.totals().doneCount).toBe(FILE_COUNT);
      const said = `first ETA ${first!.seconds} s; the rest took ${tookSeconds.toFixed(1)} s`;
      expect(first!.seconds / tookSeconds, said).toBeGreaterThan(0.5);
      expect(first!.seconds / tookSeconds, said).toBeLessThan(2);
    } finally {
      await rig.queue.close();
    }
  }, 120_000);
});
