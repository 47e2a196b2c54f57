/**
 * The options of `ferry compare` and their parsing, apart from the code that compares: the
 * argument parser and the help need them at every start.
 * Must not import electron.
 */
import type { CompareBy, SyncDirection } from '../../shared/sync';
import { UsageError } from './usageError';

/** Options of the compare command beyond the common CLI options. */
export interface CompareCliOptions {
  /** What to compare; size and time when absent. */
  by?: CompareBy[];
  /** Glob patterns of names or paths left out (repeatable). */
  exclude?: string[];
  /** Compare only the folder's own entries. */
  isOneLevel?: boolean;
  /** The server's clock minus the local one, in seconds, when known. */
  clockOffsetSeconds?: number;
  /** sync: which way to copy (mirror: down, or up with --reverse). */
  syncDirection?: SyncDirection;
  /** sync: remove what the source side does not have. */
  isDelete?: boolean;
  /** sync: print the plan, change nothing. */
  isDryRun?: boolean;
}

const DIRECTIONS: Record<string, SyncDirection> = { up: 'upload', upload: 'upload', down: 'download', download: 'download', both: 'both' };

/** Checks a --direction value: up, down or both. */
export function parseSyncDirection(value: string): SyncDirection {
  const direction = DIRECTIONS[value.toLowerCase()];
  if (!direction) throw new UsageError(`--direction takes up, down or both (got "${value}")`, 'sync');
  return direction;
}

/**
 * Checks a --by value: `size`, `time`, `size,time` or `checksum` (checksum alone: it decides by
 * content, and by size where the server has no checksum).
 */
export function parseCompareBy(value: string, command: 'compare' | 'sync' | 'mirror' = 'compare'): CompareBy[] {
  const parts = value
    .toLowerCase()
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  const known = ['size', 'time', 'checksum'];
  const bad = parts.find((p) => !known.includes(p));
  if (bad !== undefined || parts.length === 0) throw new UsageError(`--by takes size, time, size,time or checksum (got "${value}")`, command);
  if (parts.includes('checksum') && parts.length > 1) throw new UsageError('--by checksum compares by content alone; leave out size and time', command);
  return [...new Set(parts)] as CompareBy[];
}

/** Checks a --clock-offset value in seconds (may be negative). */
export function parseClockOffset(value: string, command: 'compare' | 'sync' | 'mirror' = 'compare'): number {
  if (!/^[+-]?\d+$/.test(value)) throw new UsageError(`--clock-offset needs whole seconds, e.g. 3600 or -1800 (got "${value}")`, command);
  return Number(value);
}
