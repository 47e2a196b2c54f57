/** The queue saved and restored: an interrupted download resumes after a restart, order and states come back, and no credentials are written. */
import { describe, expect, it } from 'vitest';
import { FakeFs, FakeServer, MemoryStore, bytes } from '../fakes';
import { download, holdChunksFrom, rig } from './rig';

describe('TransferQueue: persistence', () => {
  it('restores the queue; an interrupted download resumes from its partial bytes', async () => {
    const server = new FakeServer();
    const fs = new FakeFs();
    const store = new MemoryStore();
    const data = bytes(100_000);
    const first = rig({}, { server, fs, store });
    const hold = holdChunksFrom(server, 49_152);
    const item = download(first, 'k.bin', data);
    await hold.reached;
    await first.queue.persistNow();
    const destroyed = first.queue.destroy();
    hold.release();
    await destroyed;
    expect(JSON.parse(store.text).items[0].item.state).toBe('transferring');

    server.beforeChunk = () => undefined;
    const second = rig({}, { server, fs, store });
    await second.queue.restore();
    expect(second.queue.get(item.id)?.state).not.toBe('transferring');
    await second.queue.whenIdle();
    expect(second.queue.get(item.id)?.state).toBe('done');
    expect(fs.read('/local/k.bin')?.equals(data)).toBe(true);
    expect(server.transfers.map((t) => t.offset)).toEqual([0, 49_152]);
    await second.queue.close();
  });

  it('never writes credentials into the queue file', async () => {
    const r = rig();
    download(r, 'z', bytes(10));
    await r.queue.whenIdle();
    await r.queue.close();
    expect(r.store.saves).toBeGreaterThan(0);
    expect(r.store.text).not.toContain(r.factory.password);
    expect(r.store.text).not.toMatch(/password/i);
  });

  it('restores order, paused and failed items as they were', async () => {
    const store = new MemoryStore();
    const a = rig({ isProcessing: false }, { store });
    const ids = ['1', '2', '3'].map((n) => download(a, n, bytes(1)).id);
    a.queue.pause([ids[1]]);
    a.queue.move([ids[2]], 'top');
    await a.queue.close();
    const b = rig({ isProcessing: false }, { store });
    await b.queue.restore();
    expect(b.queue.ids).toEqual([ids[2], ids[0], ids[1]]);
    expect(b.queue.list().map((i) => i.state)).toEqual(['queued', 'queued', 'paused']);
    await b.queue.close();
  });
});
