/** The retry policy: capped exponential backoff with jitter, and how many retries an item gets. */
import { describe, expect, it } from 'vitest';
import { backoffDelayMs, canRetry } from '../../../electron/queue/backoff';

describe('backoff', () => {
  const policy = { maxRetries: 3, baseDelayMs: 1000, maxDelayMs: 5000 };
  it('doubles from the base and stops at the cap', () => {
    const noJitter = () => 0;
    expect([1, 2, 3, 4, 5].map((n) => backoffDelayMs(n, policy, noJitter))).toEqual([1000, 2000, 4000, 5000, 5000]);
  });
  it('subtracts at most 20% jitter', () => {
    expect(backoffDelayMs(2, policy, () => 1)).toBe(1600);
    expect(backoffDelayMs(2, policy, () => 0.5)).toBe(1800);
  });
  it('allows exactly maxRetries retries', () => {
    expect([1, 2, 3, 4].map((n) => canRetry(n, policy))).toEqual([true, true, true, false]);
    expect(canRetry(1, { ...policy, maxRetries: 0 })).toBe(false);
  });
});
