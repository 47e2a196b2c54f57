/** The one place the panes hand transfers to the queue store. */
import { useQueue } from '../stores/queueStore';
import type { TransferRequest } from './transferRequest';

/** Queues a transfer built by `transferRequest`. */
export function enqueueTransfer(request: TransferRequest): void {
  void useQueue.getState().enqueueTransfer(request);
}
