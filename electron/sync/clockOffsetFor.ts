/**
 * Which clock offset applies to a server's times, and where a detected one is kept: the one
 * place the window's Compare, its sync, and `ferry compare`/`ferry sync` ask. A saved site's own
 * setting comes first (the user's override, else what was detected for the site); a server
 * without one uses what was detected for its account (`server-clocks.json`). Detection happens
 * once: a server with a detected offset keeps it until the user asks to detect again.
 */
import { accountKeyOf, type AccountRef } from '../../shared/serverAccount';
import { appliedClockOf, MAX_CLOCK_OFFSET_MS, type AppliedClock, type DetectedClock } from '../../shared/serverClock';
import { clockOffsetOf, type ClockObservation } from './clockOffset';
import type { ClockOffsetStore } from './clockOffsetStore';

/** A server: its account, and the saved site it was reached through, if any. */
export interface ServerRef extends AccountRef {
  siteId?: string;
}

/** A saved site's clock settings. */
export interface SiteClock {
  siteId: string;
  clockOverrideMs?: number;
  clockDetected?: DetectedClock;
}

/** Where clock offsets are kept. */
export interface ClockBook {
  /** The saved site this server is, if any. */
  siteOf(server: ServerRef): SiteClock | undefined | Promise<SiteClock | undefined>;
  /** Keeps an offset detected for a site; absent where sites are only read (the command line). */
  saveSiteDetected?(siteId: string, detected: DetectedClock): Promise<void>;
  /** Offsets detected by account. */
  accounts: ClockOffsetStore;
}

/** The offset applied to a server's times, and where it comes from. */
export async function clockOffsetFor(server: ServerRef, book: ClockBook): Promise<AppliedClock> {
  const site = await book.siteOf(server);
  if (site && (site.clockOverrideMs !== undefined || site.clockDetected)) return appliedClockOf(site.clockOverrideMs, site.clockDetected);
  return appliedClockOf(undefined, await book.accounts.get(accountKeyOf(server)));
}

/**
 * Derives the server's offset from the observations and keeps it, when nothing was detected for
 * it yet; returns what was kept, or undefined when the server already had one or the
 * observations tell nothing (times known only to the day, or an offset beyond a day).
 */
export async function detectClockOnce(server: ServerRef, observations: readonly ClockObservation[], book: ClockBook, nowMs = Date.now()): Promise<DetectedClock | undefined> {
  if (observations.length === 0) return undefined;
  const site = await book.siteOf(server);
  if (site?.clockDetected) return undefined;
  const account = accountKeyOf(server);
  const canSaveSite = site !== undefined && book.saveSiteDetected !== undefined;
  if (!canSaveSite && (await book.accounts.get(account))) return undefined;
  const offsetMs = clockOffsetOf(observations);
  // A day or more apart is no clock: a file someone else changed, or a server that lost its date.
  if (offsetMs === undefined || Math.abs(offsetMs) > MAX_CLOCK_OFFSET_MS) return undefined;
  const detected = { offsetMs, atMs: nowMs };
  if (canSaveSite) await book.saveSiteDetected!(site.siteId, detected);
  else await book.accounts.set(account, detected);
  return detected;
}
