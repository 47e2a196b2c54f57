/** Moving items in the queue: up, down, top, bottom, past finished items the Queued view hides, and the start order that follows. */
import { describe, expect, it } from 'vitest';
import { bytes } from '../fakes';
import { download, rig } from './rig';

describe('TransferQueue: reorder', () => {
  it('moves items up, down, to the top and to the bottom', () => {
    const r = rig({ isProcessing: false });
    const ids = ['a', 'b', 'c', 'd', 'e'].map((n) => download(r, n, bytes(1)).id);
    const names = () => r.queue.list().map((i) => i.remotePath.slice(-1)).join('');
    r.queue.move([ids[2]], 'up');
    expect(names()).toBe('acbde');
    r.queue.move([ids[0], ids[1]], 'down');
    expect(names()).toBe('cadbe');
    r.queue.move([ids[3], ids[4]], 'top');
    expect(names()).toBe('decab');
    r.queue.move([ids[3]], 'bottom');
    expect(names()).toBe('ecabd');
    r.queue.move([ids[4]], 'up');
    expect(names()).toBe('ecabd');
  });

  it('moves an item past the unfinished item above it, stepping over finished ones the queue view hides', async () => {
    const r = rig({ globalLimit: 1 });
    const done = download(r, 'x', bytes(1)).id;
    await r.queue.whenIdle();
    r.queue.pause();
    const [a, b] = ['a', 'b'].map((n) => download(r, n, bytes(1)).id);
    const names = () => r.queue.list().map((i) => i.remotePath.slice(-1)).join('');
    expect(names()).toBe('xab');
    r.queue.move([done], 'down');
    expect(names()).toBe('axb');
    // One "up" puts b above a, the finished x between them staying where it is.
    r.queue.move([b], 'up');
    expect(names()).toBe('bxa');
    r.queue.move([b], 'down');
    expect(names()).toBe('axb');
    expect(r.queue.ids.indexOf(a)).toBeLessThan(r.queue.ids.indexOf(b));
    await r.queue.close();
  });

  it('starts items in queue order after a move', async () => {
    const r = rig({ globalLimit: 1, isProcessing: false });
    const ids = ['a', 'b', 'c'].map((n) => download(r, n, bytes(1)).id);
    r.queue.move([ids[2]], 'top');
    r.queue.start();
    await r.queue.whenIdle();
    expect(r.server.transfers.map((t) => t.path)).toEqual(['/remote/c', '/remote/a', '/remote/b']);
    await r.queue.close();
  });
});
