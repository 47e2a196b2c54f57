/** What the user does to items: pause and resume, cancel (keeping or deleting the partial), retry, and clearing finished items. */
import { describe, expect, it, vi } from 'vitest';
import { bytes } from '../fakes';
import { download, holdChunksFrom, rig } from './rig';

describe('TransferQueue: control', () => {
  it('pauses a running transfer and resumes it from its offset', async () => {
    const r = rig();
    const hold = holdChunksFrom(r.server, 32_768);
    const data = bytes(100_000);
    const item = download(r, 'p.bin', data);
    await hold.reached;
    r.queue.pause([item.id]);
    expect(r.queue.get(item.id)?.state).toBe('paused');
    hold.release();
    await r.queue.whenIdle();
    expect(r.queue.get(item.id)?.state).toBe('paused');
    expect(r.fs.read('/local/p.bin.part')?.length).toBe(32_768);
    r.server.beforeChunk = () => undefined;
    r.queue.resume([item.id]);
    await r.queue.whenIdle();
    expect(r.queue.get(item.id)?.state).toBe('done');
    expect(r.fs.read('/local/p.bin')?.equals(data)).toBe(true);
    expect(r.server.transfers.map((t) => t.offset)).toEqual([0, 32_768]);
    // The paused session was dropped (its data connection stopped), not reused mid-transfer.
    expect(r.factory.sessions[0].destroyed).toBe(true);
    await r.queue.close();
  });

  it('pause all holds queued items too; resume all releases them', async () => {
    const r = rig({ isProcessing: false });
    const items = [download(r, 'q1', bytes(10)), download(r, 'q2', bytes(10))];
    r.queue.pause();
    r.queue.start();
    await r.queue.whenIdle();
    expect(r.queue.list().map((i) => i.state)).toEqual(['paused', 'paused']);
    r.queue.resume();
    await r.queue.whenIdle();
    expect(items.map((i) => r.queue.get(i.id)?.state)).toEqual(['done', 'done']);
    await r.queue.close();
  });

  it('cancel keeps the partial; retry resumes from it', async () => {
    const r = rig();
    const hold = holdChunksFrom(r.server, 32_768);
    const data = bytes(100_000);
    const item = download(r, 'c.bin', data);
    await hold.reached;
    r.queue.cancel([item.id]);
    hold.release();
    await r.queue.whenIdle();
    expect(r.queue.get(item.id)?.state).toBe('cancelled');
    expect(r.fs.read('/local/c.bin.part')?.length).toBe(32_768);
    r.server.beforeChunk = () => undefined;
    r.queue.retry([item.id]);
    await r.queue.whenIdle();
    expect(r.queue.get(item.id)?.state).toBe('done');
    expect(r.server.transfers.map((t) => t.offset)).toEqual([0, 32_768]);
    await r.queue.close();
  });

  it('cancel with deletePartial removes the partial file', async () => {
    const r = rig();
    const hold = holdChunksFrom(r.server, 32_768);
    const item = download(r, 'd.bin', bytes(100_000));
    await hold.reached;
    r.queue.cancel([item.id], { deletePartial: true });
    hold.release();
    await r.queue.whenIdle();
    await vi.waitFor(() => expect(r.fs.read('/local/d.bin.part')).toBeUndefined());
    expect(r.queue.get(item.id)?.state).toBe('cancelled');
    await r.queue.close();
  });

  it('clears finished items but keeps failed ones for the Failed view', async () => {
    const r = rig();
    download(r, 'ok', bytes(5));
    r.queue.addFiles([{ direction: 'download', siteId: 's', remotePath: '/missing', localPath: '/local/missing' }]);
    await r.queue.whenIdle();
    r.queue.clearFinished();
    expect(r.queue.list().map((i) => i.state)).toEqual(['failed']);
    r.queue.clearFinished(['failed']);
    expect(r.queue.list()).toEqual([]);
    await r.queue.close();
  });

  it('clears thousands of finished items and keeps the rest in order', async () => {
    const r = rig({ isProcessing: false });
    const added = r.queue.addFiles(Array.from({ length: 5_000 }, (_, i) => ({ direction: 'download' as const, siteId: 's', remotePath: `/r/${i}`, localPath: `/l/${i}` })));
    r.queue.cancel(added.filter((_, i) => i % 2 === 0).map((i) => i.id));
    r.queue.clearFinished(['cancelled']);
    expect(r.queue.ids).toEqual(added.filter((_, i) => i % 2 === 1).map((i) => i.id));
    expect(r.queue.totals()).toMatchObject({ queuedCount: 2_500, cancelledCount: 0 });
    await r.queue.close();
  });
});
