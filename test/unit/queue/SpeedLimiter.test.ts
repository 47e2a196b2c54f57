/** The byte budget behind the speed limits: bytes released at the limit's rate, in arrival order. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RateLimiter } from '../../../electron/queue/SpeedLimiter';

afterEach(() => vi.useRealTimers());

describe('RateLimiter', () => {
  it('spreads bytes so the average rate is the limit, in arrival order', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const limiter = new RateLimiter(1000, Date.now);
    const released: Array<[number, number]> = [];
    const start = Date.now();
    for (let i = 0; i < 5; i++) void limiter.take(500).then(() => released.push([i, Date.now() - start]));
    await vi.advanceTimersByTimeAsync(3000);
    expect(released).toEqual([[0, 0], [1, 500], [2, 1000], [3, 1500], [4, 2000]]);
  });

  it('is free when unlimited and follows rate changes', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const limiter = new RateLimiter(0, Date.now);
    expect(limiter.isLimited).toBe(false);
    await limiter.take(1e9);
    limiter.setRate(100);
    expect(limiter.isLimited).toBe(true);
  });
});
