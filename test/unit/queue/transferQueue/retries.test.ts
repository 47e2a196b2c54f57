/** Retries of transient failures: resume from the partial bytes, capped exponential backoff, a retry budget, and reconnects that cost no retry. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { bytes, resetError } from '../fakes';
import { download, rig } from './rig';

afterEach(() => {
  vi.useRealTimers();
});

describe('TransferQueue: retries', () => {
  it('retries a reset and resumes from the partial bytes (REST offset)', async () => {
    const r = rig();
    const data = bytes(200_000);
    r.server.faults.push({ op: 'download', afterBytes: 100_000, error: resetError });
    const item = download(r, 'b.bin', data);
    await r.queue.whenIdle();
    const done = r.queue.get(item.id)!;
    expect(done.state).toBe('done');
    expect(done.attempts).toBe(2);
    expect(r.fs.read('/local/b.bin')?.equals(data)).toBe(true);
    expect(r.server.transfers.map((t) => t.offset)).toEqual([0, 114_688]);
    expect(r.logs.some((l) => l.includes('resuming download of /remote/b.bin at 114688 bytes'))).toBe(true);
    await r.queue.close();
    expect(r.states.get(item.id)).toEqual(['queued', 'connecting', 'transferring', 'queued', 'connecting', 'transferring', 'done']);
  });

  it('retries a reset that also destroyed the local stream: the file is not at fault', async () => {
    const r = rig();
    const data = bytes(200_000);
    r.server.faults.push({ op: 'download', afterBytes: 100_000, error: resetError, destroysTarget: true });
    const item = download(r, 'c.bin', data);
    await r.queue.whenIdle();
    expect(r.queue.get(item.id)).toMatchObject({ state: 'done', attempts: 2 });
    expect(r.fs.read('/local/c.bin')?.equals(data)).toBe(true);
    await r.queue.close();
  });

  it('fails a download at once when the local disk is full: no retry mends the file', async () => {
    const r = rig();
    r.fs.fullDiskPaths.add('/local/d.bin.part');
    const item = download(r, 'd.bin', bytes(50_000));
    await r.queue.whenIdle();
    expect(r.queue.get(item.id)).toMatchObject({ state: 'failed', attempts: 1, lastError: { kind: 'local', message: expect.stringMatching(/ENOSPC/) } });
    await r.queue.close();
  });

  it('gives up after the configured number of retries, keeping the last error', async () => {
    const r = rig({ retry: { maxRetries: 2, baseDelayMs: 1, maxDelayMs: 1 } });
    for (let i = 0; i < 5; i++) r.server.faults.push({ op: 'download', afterBytes: 0, error: resetError });
    const item = download(r, 'c.bin', bytes(10));
    await r.queue.whenIdle();
    expect(r.queue.get(item.id)).toMatchObject({ state: 'failed', attempts: 3, lastError: { kind: 'connection' } });
    await r.queue.close();
  });

  it('waits the capped exponential backoff between retries', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const r = rig({ retry: { maxRetries: 4, baseDelayMs: 1000, maxDelayMs: 3000 } });
    for (let i = 0; i < 3; i++) r.server.faults.push({ op: 'download', afterBytes: 0, error: resetError });
    const item = download(r, 'd.bin', bytes(10));
    const retryDelays: number[] = [];
    r.queue.on('changed', (c) => {
      for (const i of c.items) if (i.id === item.id && i.nextRetryMs !== undefined) retryDelays.push(i.nextRetryMs - Date.now());
    });
    await vi.advanceTimersByTimeAsync(0);
    expect(r.queue.get(item.id)?.nextRetryMs).toBe(Date.now() + 1000);
    await vi.advanceTimersByTimeAsync(1000);
    expect(r.queue.get(item.id)?.nextRetryMs).toBe(Date.now() + 2000);
    await vi.advanceTimersByTimeAsync(2000);
    expect(r.queue.get(item.id)?.nextRetryMs).toBe(Date.now() + 3000);
    await vi.advanceTimersByTimeAsync(3000);
    expect(r.queue.get(item.id)?.state).toBe('done');
    await r.queue.close();
  });

  it('reconnects at once, without using a retry, when a pooled session was dropped silently', async () => {
    const r = rig({ defaultSiteLimit: 1, retry: { maxRetries: 0, baseDelayMs: 1, maxDelayMs: 1 } });
    const first = download(r, 'one', bytes(10));
    await r.queue.whenIdle();
    // The server closed the idle connection without the client noticing yet.
    r.server.faults.push({ op: 'download', afterBytes: 0, error: resetError });
    const second = download(r, 'two', bytes(10));
    await r.queue.whenIdle();
    expect([first, second].map((i) => r.queue.get(i.id)?.state)).toEqual(['done', 'done']);
    expect(r.queue.get(second.id)?.attempts).toBe(2);
    expect(r.factory.connectCount).toBe(2);
    await r.queue.close();
  });

  it('retries failed items with a fresh budget', async () => {
    const r = rig({ retry: { maxRetries: 0, baseDelayMs: 1, maxDelayMs: 1 } });
    r.server.faults.push({ op: 'download', afterBytes: 0, error: resetError });
    const item = download(r, 'r.bin', bytes(10));
    await r.queue.whenIdle();
    expect(r.queue.get(item.id)?.state).toBe('failed');
    r.queue.retry();
    await r.queue.whenIdle();
    expect(r.queue.get(item.id)).toMatchObject({ state: 'done', lastError: undefined });
    await r.queue.close();
  });
});
