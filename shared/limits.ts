/**
 * Bounds on what a server can make Ferry hold, shared by the engine, the app and the command line.
 */

/**
 * Most entries one folder listing may have. A listing is held whole (the panes, folder
 * transfers, `ferry ls`), so an endless or huge one would exhaust memory and then fail to reach
 * the window; past this the listing stops with an error that says how to raise the limit.
 */
export const DEFAULT_MAX_LISTING_ENTRIES = 500_000;

/** Environment variable that raises (or lowers) DEFAULT_MAX_LISTING_ENTRIES for the app and `ferry`. */
export const MAX_LISTING_ENTRIES_ENV = 'FERRY_MAX_LISTING_ENTRIES';

/** The listing limit from an environment, or the default when unset or not a positive whole number. */
export function maxListingEntries(env: Readonly<Record<string, string | undefined>>): number {
  const raw = env[MAX_LISTING_ENTRIES_ENV];
  const value = raw === undefined ? NaN : Number(raw);
  return Number.isSafeInteger(value) && value > 0 ? value : DEFAULT_MAX_LISTING_ENTRIES;
}
