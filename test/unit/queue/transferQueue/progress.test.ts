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
    expect(last.totals.etaSeconds).toBeGreaterThan(0);
    const running = last.items.find((i) => i.state === 'transferring');
    expect(running?.speedBps).toBeGreaterThan(0);
    expect(running?.etaSeconds).toBeDefined();
    const destroyed = r.queue.destroy();
    await vi.advanceTimersByTimeAsync(100);
    await destroyed;
  });
});
