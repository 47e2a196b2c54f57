/** How many transfers run at once: per-site and global limits, session reuse, a site limit lowered after a 421, and start order in a long queue. */
import { describe, expect, it } from 'vitest';
import { FtpReplyError } from '../../../../electron/ftp';
import { bytes, resetError } from '../fakes';
import { download, rig } from './rig';

describe('TransferQueue: concurrency', () => {
  it('never runs more than the per-site limit and reuses sessions', async () => {
    const r = rig({ defaultSiteLimit: 2, globalLimit: 8 });
    for (let i = 0; i < 10; i++) download(r, `f${i}`, bytes(40_000, i));
    await r.queue.whenIdle();
    expect(r.queue.list().every((i) => i.state === 'done')).toBe(true);
    expect(r.factory.maxOpen).toBe(2);
    expect(r.factory.connectCount).toBe(2);
    await r.queue.close();
  });

  it('keeps sites apart: each site gets its own limit, the global limit caps the sum', async () => {
    const r = rig({ defaultSiteLimit: 3, globalLimit: 4 });
    let running = 0;
    let maxRunning = 0;
    r.server.beforeChunk = async () => {
      maxRunning = Math.max(maxRunning, running);
    };
    r.queue.on('changed', () => {
      running = r.queue.list().filter((i) => i.state === 'transferring' || i.state === 'connecting').length;
    });
    for (let i = 0; i < 6; i++) {
      r.server.put(`/r/${i}`, bytes(30_000));
      r.queue.addFiles([{ direction: 'download', siteId: i % 2 ? 'A' : 'B', remotePath: `/r/${i}`, localPath: `/l/${i}` }]);
    }
    await r.queue.whenIdle();
    expect(r.factory.maxOpen).toBeLessThanOrEqual(4);
    expect(r.queue.totals().doneCount).toBe(6);
    await r.queue.close();
  });

  it('lowers the site limit after a 421 and still completes everything', async () => {
    const r = rig({ defaultSiteLimit: 4 });
    r.factory.serverMaxConnections = 2;
    for (let i = 0; i < 8; i++) download(r, `g${i}`, bytes(30_000, i));
    await r.queue.whenIdle();
    expect(r.queue.list().map((i) => i.state)).toEqual(Array(8).fill('done'));
    expect(r.factory.refusedCount).toBeGreaterThan(0);
    expect(r.logs.some((l) => l.startsWith('421 from the server: at most 2 connection(s)'))).toBe(true);
    // Once lowered, no further refusals: the queue stayed within what the server accepts.
    expect(r.factory.refusedCount).toBe(2);
    await r.queue.close();
  });

  it('does not lower the site limit for a 421 on a logged-in session (an idle timeout)', async () => {
    const r = rig({ defaultSiteLimit: 3 });
    r.server.faults.push({ op: 'download', afterBytes: 0, error: () => new FtpReplyError(421, 'Timeout.') });
    download(r, 'one', bytes(10));
    await r.queue.whenIdle();
    expect(r.logs.some((l) => l.startsWith('421 from the server'))).toBe(false);
    for (let i = 0; i < 6; i++) download(r, `more${i}`, bytes(10));
    await r.queue.whenIdle();
    expect(r.factory.maxOpen).toBe(3);
    await r.queue.close();
  });

  it('a long queue starts in queue order, within its limit, and finishes everything despite retries in between', async () => {
    const r = rig({ defaultSiteLimit: 3, globalLimit: 3 });
    const n = 300;
    for (let i = 0; i < n; i++) r.server.put(`/remote/q${i}`, bytes(100, i));
    // Every 37th file breaks once: it goes back to the queue behind items that already started.
    for (let i = 5; i < n; i += 37) r.server.faults.push({ op: 'download', path: `/remote/q${i}`, afterBytes: 50, error: resetError });
    const added = r.queue.addFiles(Array.from({ length: n }, (_, i) => ({ direction: 'download' as const, siteId: 's', remotePath: `/remote/q${i}`, localPath: `/local/q${i}`, sizeBytes: 100 })));
    const firstStarts: string[] = [];
    r.queue.on('transition', ({ id, to }) => {
      if (to === 'connecting' && !firstStarts.includes(id)) firstStarts.push(id);
    });
    await r.queue.whenIdle();
    expect(r.queue.list().filter((i) => i.state !== 'done')).toEqual([]);
    expect(firstStarts).toEqual(added.map((i) => i.id).filter((id) => firstStarts.includes(id)));
    expect(r.factory.maxOpen).toBeLessThanOrEqual(3);
    expect(r.queue.list().filter((i) => i.attempts === 2)).toHaveLength(Math.ceil((n - 5) / 37));
    for (let i = 0; i < n; i++) expect(r.fs.read(`/local/q${i}`)?.equals(bytes(100, i))).toBe(true);
    await r.queue.close();
  });
});
