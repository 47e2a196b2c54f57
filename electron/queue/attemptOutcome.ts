/**
 * What one attempt at an item came to, and the rule that turns a failure into a retry or a
 * failed item. ItemRunner's attempt ends in an AttemptOutcome; ItemRunner.settle applies it to
 * the item (state, log line, retry timer, connection limit) in one place. Pure: no timers, no
 * queue, so the retry rules are unit-tested on their own.
 */
import { backoffDelayMs, canRetry } from './backoff';
import type { TransferFailure } from './transferError';
import type { RetryPolicy } from './types';

/** An item's retry bookkeeping after a failure. */
export interface RetryBook {
  /** Failures in a row without progress (persisted with the item). */
  failuresInRow: number;
  /** The one immediate retry on a fresh connection after a reused one turned out gone is spent. */
  hasRetriedStale: boolean;
}

export type AttemptOutcome =
  /** The file arrived and passed its checks. */
  | { kind: 'done' }
  /** The target existed and the policy said to leave it. */
  | { kind: 'skipped' }
  /** The user stopped the run, or the queue closed: nothing to record but what a stop asked for. */
  | { kind: 'stopped' }
  /**
   * Queued again after `delayMs` (0: at once). `why` is `stale-session` for a pooled connection
   * the server had dropped unseen, `backoff` for a transient failure.
   */
  | { kind: 'retry'; delayMs: number; why: 'stale-session' | 'backoff'; failure: TransferFailure; book: RetryBook; isTooManyConnections: boolean }
  /** No retry mends it, or the retries are spent. */
  | { kind: 'failed'; failure: TransferFailure; book: RetryBook; isTooManyConnections: boolean };

export const DONE: AttemptOutcome = { kind: 'done' };
export const SKIPPED: AttemptOutcome = { kind: 'skipped' };
export const STOPPED: AttemptOutcome = { kind: 'stopped' };

/** What is known about a failed attempt besides the failure itself. */
export interface FailureFacts {
  /** The attempt moved bytes before it failed. */
  hasProgressed: boolean;
  /** It failed before it had a session (connecting, logging in). */
  isConnectFailure: boolean;
  /** Its session came from the pool, logged in by an earlier item. */
  isReusedSession: boolean;
  /** Sessions of the site open when it failed (this one included). */
  openForSite: number;
}

/** The outcome of a failed attempt under `policy`; `random` is passed on to the backoff's jitter. */
export function outcomeOfFailure(failure: TransferFailure, facts: FailureFacts, book: RetryBook, policy: RetryPolicy, random: () => number): AttemptOutcome {
  if (failure.isTransient && facts.isReusedSession && !facts.hasProgressed && !book.hasRetriedStale) {
    return { kind: 'retry', delayMs: 0, why: 'stale-session', failure, book: { ...book, hasRetriedStale: true }, isTooManyConnections: false };
  }
  // Only a 421 instead of a greeting means "too many connections"; on a logged-in session it is
  // the server's idle timeout or shutdown (vsftpd: "421 Timeout.").
  const isTooManyConnections = failure.code === 421 && facts.isConnectFailure;
  let failuresInRow = facts.hasProgressed ? 0 : book.failuresInRow;
  // Refused for lack of a free connection while others work: not this item's fault.
  if (!(isTooManyConnections && facts.openForSite > 0)) failuresInRow++;
  const next: RetryBook = { failuresInRow, hasRetriedStale: false };
  const retryNumber = Math.max(1, failuresInRow);
  if (failure.isTransient && canRetry(retryNumber, policy)) {
    return { kind: 'retry', delayMs: backoffDelayMs(retryNumber, policy, random), why: 'backoff', failure, book: next, isTooManyConnections };
  }
  return { kind: 'failed', failure, book: next, isTooManyConnections };
}
