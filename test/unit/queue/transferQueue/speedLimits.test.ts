/** Download and upload speed limits: a byte budget per direction, set or lifted at any time, also during a transfer. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { bytes } from '../fakes';
import { download, holdChunksFrom, rig } from './rig';

afterEach(() => {
  vi.useRealTimers();
});

describe('TransferQueue: speed limits', () => {
  it('holds a direction to its byte budget and can be lifted at run time', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const r = rig({ speedLimits: { downloadBps: 100_000 } });
    const item = download(r, 'slow.bin', bytes(400_000));
    r.fs.put('/local/up.bin', bytes(400_000));
    const [up] = r.queue.addFiles([{ direction: 'upload', siteId: 's', localPath: '/local/up.bin', remotePath: '/remote/up.bin' }]);
    await vi.advanceTimersByTimeAsync(2_000);
    // The upload direction has no limit; the download is held to about 100 kB per second of fake time.
    expect(r.queue.get(up.id)?.state).toBe('done');
    const midway = r.queue.get(item.id)!;
    expect(midway.state).toBe('transferring');
    expect(midway.transferredBytes).toBeLessThanOrEqual(250_000);
    r.queue.setOptions({ speedLimits: { downloadBps: 0 } });
    await vi.advanceTimersByTimeAsync(3_000);
    expect(r.queue.get(item.id)?.state).toBe('done');
    expect(r.fs.read('/local/slow.bin')?.length).toBe(400_000);
    await r.queue.close();
  });

  it('keeps the other direction\'s limit when one is set or lifted', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const r = rig();
    r.queue.setOptions({ speedLimits: { uploadBps: 100_000 } });
    r.queue.setOptions({ speedLimits: { downloadBps: 200_000 } });
    const data = bytes(400_000, 3);
    r.fs.put('/local/held.bin', data);
    r.server.dirs.add('/remote');
    const [item] = r.queue.addFiles([{ direction: 'upload', siteId: 's', localPath: '/local/held.bin', remotePath: '/remote/held.bin' }]);
    await vi.advanceTimersByTimeAsync(2_000);
    // Setting the download limit did not lift the upload limit set before it.
    expect(r.queue.get(item.id)?.state).toBe('transferring');
    expect(r.queue.get(item.id)!.transferredBytes).toBeLessThanOrEqual(300_000);
    r.queue.setOptions({ speedLimits: { downloadBps: 0 } });
    await vi.advanceTimersByTimeAsync(1_000);
    expect(r.queue.get(item.id)?.state).toBe('transferring');
    r.queue.setOptions({ speedLimits: { uploadBps: 0 } });
    await vi.advanceTimersByTimeAsync(3_000);
    expect(r.queue.get(item.id)?.state).toBe('done');
    expect(r.server.read('/remote/held.bin')?.equals(data)).toBe(true);
    await r.queue.close();
  });

  it('holds an upload to its byte budget and sends it whole once lifted', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const r = rig({ speedLimits: { uploadBps: 100_000 } });
    const data = bytes(400_000, 5);
    r.fs.put('/local/limited.bin', data);
    const [item] = r.queue.addFiles([{ direction: 'upload', siteId: 's', localPath: '/local/limited.bin', remotePath: '/remote/limited.bin' }]);
    r.server.dirs.add('/remote');
    await vi.advanceTimersByTimeAsync(2_000);
    const midway = r.queue.get(item.id)!;
    expect(midway.state).toBe('transferring');
    expect(midway.transferredBytes).toBeLessThanOrEqual(300_000);
    r.queue.setOptions({ speedLimits: { uploadBps: 0 } });
    await vi.advanceTimersByTimeAsync(3_000);
    expect(r.queue.get(item.id)?.state).toBe('done');
    expect(r.server.read('/remote/limited.bin')?.equals(data)).toBe(true);
    await r.queue.close();
  });

  it('applies at once to a big file that started without one', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const r = rig();
    r.server.chunkBytes = 64 * 1024;
    const data = bytes(3 * 1024 * 1024, 9);
    const hold = holdChunksFrom(r.server, 1024 * 1024);
    const item = download(r, 'big.bin', data);
    await hold.reached;
    r.queue.setOptions({ speedLimits: { downloadBps: 100_000 } });
    hold.release();
    await vi.advanceTimersByTimeAsync(2_000);
    const midway = r.queue.get(item.id)!;
    expect(midway.state).toBe('transferring');
    expect(midway.transferredBytes).toBeLessThanOrEqual(1024 * 1024 + 300_000);
    r.queue.setOptions({ speedLimits: { downloadBps: 0 } });
    await vi.advanceTimersByTimeAsync(3_000);
    expect(r.queue.get(item.id)?.state).toBe('done');
    expect(r.fs.read('/local/big.bin')?.equals(data)).toBe(true);
    await r.queue.close();
  });
});
