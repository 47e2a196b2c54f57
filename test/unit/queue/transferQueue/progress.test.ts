/** Progress events: changes batched to a few a second, with speed, ETA and totals. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { bytes } from '../fakes';
import { download, rig } from './rig';

afterEach(() => {
  vi.useRealTimers();
});

describe('TransferQueue: progress events', () => {
  it('batches changes to at most 4 per second and reports totals', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const r = rig({ defaultSiteLimit: 10, globalLimit: 10 });
    // Slow every chunk down by 10 ms of fake time so the run spans several seconds.
    r.server.beforeChunk = () => new Promise((res) => setTimeout(res, 10));
    r.server.chunkBytes = 4096;
    for (let i = 0; i < 20; i++) download(r, `p${i}`, bytes(400_000, i));
    const times: number[] = [];
    r.queue.on('changed', () => times.push(Date.now()));
    const start = Date.now();
    for (let t = 0; t < 1500; t += 10) await vi.advanceTimersByTimeAsync(10);
    const inFirstSecond = times.filter((t) => t - start < 1000).length;
    expect(inFirstSecond).toBeLessThanOrEqual(4);
    const last = r.changes[r.changes.length - 1];
    expect(last.totals.activeCount).toBeGreaterThan(0);
    expect(last.totals.speedBps).toBeGreaterThan(0);
    expect(last.totals.eta).toMatchObject({ kind: 'known', seconds: expect.any(Number) });
    const running = last.items.find((i) => i.state === 'transferring');
    expect(running?.speedBps).toBeGreaterThan(0);
    expect(running?.etaSeconds).toBeDefined();
    const destroyed = r.queue.destroy();
    await vi.advanceTimersByTimeAsync(100);
    await destroyed;
  });
});

describe('TransferQueue: the total time left', () => {
  it('of many small files after a slow login is within ±50% of the time the rest takes, and "estimating" before', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const r = rig({ defaultSiteLimit: 2, globalLimit: 2 });
    r.factory.loginDelayMs = 1_500;
    // Each file costs 10 ms whatever its size, as a command round trip does.
    r.server.beforeChunk = () => new Promise((res) => setTimeout(res, 10));
    for (let i = 0; i < 600; i++) download(r, `s${i}`, bytes(8 * 1024, i));
    const start = Date.now();
    let first: { atMs: number; seconds: number } | undefined;
    let isIdle = false;
    void r.queue.whenIdle().then(() => (isIdle = true));
    while (!isIdle) {
      await vi.advanceTimersByTimeAsync(10);
      const eta = r.changes.at(-1)?.totals.eta;
      if (!first && eta?.kind === 'known') first = { atMs: Date.now(), seconds: eta.seconds };
    }
    const actualSeconds = (Date.now() - first!.atMs) / 1000;
    expect(first!.seconds).toBeGreaterThanOrEqual(actualSeconds * 0.5);
    expect(first!.seconds).toBeLessThanOrEqual(actualSeconds * 1.5);
    expect(r.changes.some((c) => c.totals.activeCount > 0 && c.totals.eta.kind === 'estimating')).toBe(true);
    expect(first!.atMs - start).toBeGreaterThan(1_500);
    await r.queue.close();
  });
});
