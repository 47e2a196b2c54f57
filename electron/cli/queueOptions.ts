/**
 * The options of the folder commands (get -r, put -r, and sync's and mirror's --retries) and their parsing, apart from the
 * queue that runs them: the argument parser and the help need them at every start, the queue's
 * code only when a folder command runs.
 * Must not import electron.
 */
import { UsageError } from './usageError';

/** The file-exists choices the command line offers (no `ask`: nobody answers a prompt in a pipeline). */
export const CLI_EXISTS_POLICIES = ['overwrite', 'newer', 'size-differs', 'resume', 'rename', 'skip'] as const;
export type CliExistsPolicy = (typeof CLI_EXISTS_POLICIES)[number];

/** Options of the queue commands beyond the common CLI options. */
export interface QueueCliOptions {
  /** Retries of a transient failure per file (default 3). */
  retries?: number;
  /** What to do with a file that exists already (get -r, put -r); default `overwrite`. */
  onExists?: CliExistsPolicy;
  /** mirror: upload LOCALDIR to URL instead of downloading. */
  isReverse?: boolean;
}

/** The commands that run a folder through the queue themselves. */
export type QueueCommandName = 'get' | 'put';

/** The commands whose option errors this module words. */
type OptionCommand = 'get' | 'put' | 'mirror' | 'sync';

/** Checks an --on-exists value; throws UsageError naming the choices. */
export function parseOnExists(value: string, command?: OptionCommand): CliExistsPolicy {
  const match = CLI_EXISTS_POLICIES.find((p) => p === value.toLowerCase());
  if (!match) throw new UsageError(`--on-exists must be one of ${CLI_EXISTS_POLICIES.join(', ')} (got "${value}")`, command);
  return match;
}

/** Checks a --retries value (a whole number, 0 allowed); throws UsageError. */
export function parseRetries(value: string, command?: OptionCommand): number {
  if (!/^\d+$/.test(value)) throw new UsageError(`--retries needs a whole number of 0 or more (got "${value}")`, command);
  return Number(value);
}
