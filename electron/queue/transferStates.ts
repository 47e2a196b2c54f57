/**
 * The states of a queued transfer and the moves between them, in one table that
 * TransferQueue.setState enforces: a move not listed here is a bug in the queue, and fails loudly
 * instead of leaving an item in a state nothing expects.
 */
import type { TransferState } from '../../shared/domain';

/** Where each state may go next. */
export const TRANSITIONS: Readonly<Record<TransferState, readonly TransferState[]>> = {
  // Waiting for a connection slot; also a retry waiting out its backoff.
  queued: ['connecting', 'paused', 'cancelled'],
  // Taking a logged-in session from the pool, or logging in.
  connecting: ['transferring', 'queued', 'failed', 'paused', 'cancelled'],
  // The attempt runs: the file-exists decision, the data, the checks, the rename.
  transferring: ['done', 'queued', 'failed', 'paused', 'cancelled'],
  // Stopped by the user; the partial file stays for when it resumes.
  paused: ['queued', 'cancelled'],
  // Whole and checked, or skipped by the file-exists policy: final.
  done: [],
  // Given up on (a lasting error, or the retries spent); retry queues it again.
  failed: ['queued'],
  // Stopped for good by the user; retry queues it again.
  cancelled: ['queued'],
};

/** An item asked to move where the table does not allow. */
export class IllegalTransitionError extends Error {
  constructor(id: string, from: TransferState, to: TransferState) {
    super(`transfer ${id} cannot go from ${from} to ${to}`);
    this.name = 'IllegalTransitionError';
  }
}

/** Whether `from` may move to `to` (staying is always allowed). */
export function canMove(from: TransferState, to: TransferState): boolean {
  return from === to || TRANSITIONS[from].includes(to);
}
