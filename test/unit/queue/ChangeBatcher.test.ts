import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ChangeBatcher } from '../../../electron/queue/ChangeBatcher';

describe('ChangeBatcher', () => {
  beforeEach(() => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] }));
  afterEach(() => vi.useRealTimers());

  it('delivers at most 4 batches a second however many changes arrive', async () => {
    const batches: string[][] = [];
    const b = new ChangeBatcher((ids) => batches.push(ids), 250, Date.now);
    for (let ms = 0; ms < 1000; ms += 1) {
      for (let k = 0; k < 50; k++) b.mark(`item-${k}`);
      await vi.advanceTimersByTimeAsync(1);
    }
    await vi.advanceTimersByTimeAsync(300);
    // The first batch leaves at once; then one per 250 ms over one second, plus the trailing one.
    expect(batches.length).toBeLessThanOrEqual(5);
    expect(new Set(batches.flat()).size).toBe(50);
  });

  it('reports removals and drops pending changes of removed items', async () => {
    const seen: Array<[string[], string[]]> = [];
    const b = new ChangeBatcher((c, r) => seen.push([c, r]));
    b.mark('a');
    b.markRemoved('a');
    await vi.advanceTimersByTimeAsync(300);
    expect(seen).toEqual([[[], ['a']]]);
  });
});
