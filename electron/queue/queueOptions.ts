/**
 * A queue's settings and what it is built from, with the defaults a queue starts with; kept apart
 * so the CLI, the app and the queue's parts agree on one definition.
 */
import type { FileExistsPolicy } from '../../shared/domain';
import type { TransferTypeRule } from '../../shared/settings';
import { DEFAULT_RETRY_POLICY } from './backoff';
import { DEFAULT_SITE_LIMIT } from './Scheduler';
import type { ExistsResolver, LocalFs, QueueStore, RetryPolicy, SessionFactory, SpeedLimits } from './types';

/** Settings of a queue; all optional when constructing. */
export interface QueueOptions {
  /** Most transfers at once over all sites. */
  globalLimit: number;
  /** Per-site limit for sites without their own (1..10). */
  defaultSiteLimit: number;
  /** Per-site limits by site id (1..10). */
  siteLimits: Record<string, number>;
  retry: RetryPolicy;
  /** The queue's file-exists policy; items may override it. */
  onExists: FileExistsPolicy;
  speedLimits: SpeedLimits;
  /** Suffix of the temporary download file. */
  partSuffix: string;
  /** Whether queued items start on their own (false: only after `start()`). */
  isProcessing: boolean;
  /** Debounce of queue-file writes. */
  persistDelayMs: number;
  /** How long an unused transfer session stays open. */
  idleSessionMs: number;
  /** Decides each queued file's transfer type (ASCII or binary) by its name. */
  transferType: TransferTypeRule;
}

/** What a queue is built from. */
export interface TransferQueueDeps {
  /** Opens logged-in transfer sessions; the only place credentials live. */
  sessions: SessionFactory;
  fs: LocalFs;
  /** Where the queue is saved; none means in memory only (the CLI). */
  store?: QueueStore;
  /** Answers `ask` file-exists questions (UI dialog or CLI flag). */
  resolveExists?: ExistsResolver;
  options?: Partial<QueueOptions>;
  now?: () => number;
  random?: () => number;
}

export const DEFAULT_QUEUE_OPTIONS: QueueOptions = {
  globalLimit: 8,
  defaultSiteLimit: DEFAULT_SITE_LIMIT,
  siteLimits: {},
  retry: DEFAULT_RETRY_POLICY,
  onExists: 'ask',
  speedLimits: {},
  partSuffix: '.part',
  isProcessing: true,
  persistDelayMs: 500,
  idleSessionMs: 30_000,
  transferType: { type: 'binary', asciiExtensions: [], isNoExtensionAscii: false, isDotfileAscii: false },
};

/**
 * The part of `change` that setOptions applies to `current`: a speed limit left undefined in
 * `change.speedLimits` keeps its current value, and 0 lifts it, so a window can set one
 * direction without knowing the other.
 */
export function patchOf(current: QueueOptions, change: Partial<QueueOptions>): Partial<QueueOptions> {
  if (!change.speedLimits) return change;
  const { downloadBps = current.speedLimits.downloadBps, uploadBps = current.speedLimits.uploadBps } = change.speedLimits;
  return { ...change, speedLimits: { downloadBps, uploadBps } };
}
