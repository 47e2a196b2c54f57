/**
 * Errors the queue raises itself (integrity checks, refused names, missing local files). Whether
 * engine errors are transient is decided by the engine's `isTransient`, never here; these carry
 * their own verdict because the engine cannot know them.
 */
import type { ErrorInfo } from '../../shared/domain';
import type { ErrorPolicy } from './types';

/** A failure detected by the queue, with its kind for the UI and whether a retry can help. */
export class QueueError extends Error {
  constructor(
    readonly kind: 'integrity' | 'truncated' | 'unsafe-name' | 'local' | 'aborted',
    message: string,
    readonly isTransient: boolean,
  ) {
    super(message);
    this.name = 'QueueError';
  }
}

/** Whether an error is transient, deferring to the engine's policy for everything but QueueError. */
export function classifyTransient(err: unknown, policy: ErrorPolicy): boolean {
  if (err instanceof QueueError) return err.isTransient;
  return policy.isTransient(err);
}

/** Plain error data for an item, deferring to the engine's policy for everything but QueueError. */
export function describeError(err: unknown, policy: ErrorPolicy): ErrorInfo {
  if (err instanceof QueueError) return { kind: err.kind, message: err.message };
  return policy.toErrorInfo(err);
}
