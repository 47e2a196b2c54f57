/** When the queue is written: one write at a time, a last one for changes made meanwhile, debounced. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { QueuePersister } from '../../../electron/queue/QueuePersister';
import type { PersistedQueue } from '../../../electron/queue/types';
import { ONE_ITEM_QUEUE } from './fakes';

afterEach(() => vi.useRealTimers());

describe('QueuePersister', () => {
  it('writes one at a time and once more for changes made during a write', async () => {
    let release: () => void = () => undefined;
    let writes = 0;
    let version = 0;
    const saved: number[] = [];
    const store = {
      load: async () => undefined,
      save: async (data: PersistedQueue) => {
        writes++;
        saved.push(data.items.length);
        if (writes === 1) await new Promise<void>((res) => (release = res));
      },
    };
    const persister = new QueuePersister(store, () => ({ version: 1, items: Array(version).fill(ONE_ITEM_QUEUE.items[0]) }), () => undefined);
    version = 1;
    const first = persister.saveNow();
    version = 2;
    void persister.saveNow();
    version = 3;
    const third = persister.saveNow();
    release();
    await Promise.all([first, third]);
    expect(saved).toEqual([1, 3]);
  });

  it('debounces and stretches the delay for long queues', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    let writes = 0;
    const store = { load: async () => undefined, save: async () => void writes++ };
    const persister = new QueuePersister(store, () => ({ version: 1, items: [] }), () => undefined);
    persister.schedule(100, 10_000);
    persister.schedule(100, 10_000);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(writes).toBe(0);
    await vi.advanceTimersByTimeAsync(600);
    expect(writes).toBe(1);
    persister.stop();
    persister.schedule(100, 1);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(writes).toBe(1);
  });
});
