/**
 * Public API of the transfer queue for the IPC layer and the CLI. Nothing here imports Electron
 * or opens sockets; the app passes a session factory built on the engine.
 */
export { TransferQueue, type QueueOptions, type TransferQueueDeps, type MoveTarget } from './TransferQueue';
export { FileQueueStore } from './FileQueueStore';
export { nodeLocalFs } from './nodeLocalFs';
export { DEFAULT_RETRY_POLICY, backoffDelayMs } from './backoff';
export { DEFAULT_SITE_LIMIT, MAX_SITE_LIMIT } from './Scheduler';
export { partialSuffixes } from './partialNames';
export { TransferError, failureOf, type TransferFailure } from './transferError';
export { subjectOf } from './runDelete';
export type {
  AddDeleteRequest,
  AddFileRequest,
  AddFolderRequest,
  ExistsAnswer,
  ExistsQuestion,
  ExistsResolver,
  ExpandReport,
  LocalFs,
  PersistedQueue,
  QueueChange,
  QueueEvents,
  QueueLogLine,
  QueueStore,
  QueueTotals,
  RetryPolicy,
  SessionFactory,
  SpeedLimits,
  TransferSession,
} from './types';
