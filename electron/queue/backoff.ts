/**
 * Capped exponential backoff for transient failures. Pure, so the schedule is unit-testable
 * without timers.
 */
import type { RetryPolicy } from './types';

/** Defaults close to FileZilla's (a handful of retries, seconds apart, never minutes). */
export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxRetries: 5, baseDelayMs: 1_000, maxDelayMs: 30_000 };

/**
 * Delay before retry number `failuresInRow` (1 = first retry): base·2^(n-1), capped, with up to
 * 20% jitter subtracted so many items cut at once do not reconnect in lockstep.
 */
export function backoffDelayMs(failuresInRow: number, policy: RetryPolicy, random: () => number = Math.random): number {
  const exp = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, failuresInRow - 1));
  return Math.max(0, Math.round(exp * (1 - 0.2 * random())));
}

/** Whether another retry is allowed after `failuresInRow` consecutive failures. */
export function canRetry(failuresInRow: number, policy: RetryPolicy): boolean {
  return failuresInRow <= policy.maxRetries;
}
