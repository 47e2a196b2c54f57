/**
 * What every listing parser shares: the parse context (clock and server zone), the three-way
 * outcome of one line, and the date arithmetic for listings that carry no zone.
 * Pure: imports only domain types; no node:*, no I/O.
 */
import type { FileEntry } from '../../../shared/domain';

/** Options every listing parser accepts. */
export interface ListContext {
  /**
   * "Now" in ms since the epoch, used to give `Mon DD HH:MM` dates a year; defaults to `Date.now()`.
   */
  nowMs?: number;
  /**
   * The server's zone as minutes east of UTC (+60 for CET), for listings whose dates have no zone
   * (Unix `ls -l`, DOS/IIS); default 0, i.e. such dates are read as UTC.
   *
   * Why UTC by default: those servers print their own local time and nothing on the wire says which
   * zone that is, so any guess is wrong somewhere; UTC is at least stable and matches MLSD, whose
   * times RFC 3659 §2.3 defines as UTC. FileZilla lets the user set a per-site offset for this; so do we.
   * MLSD and EPLF times are absolute and never shifted by this value.
   */
  timezoneOffsetMinutes?: number;
}

/** One line's outcome in a format parser: an entry, `'skip'` for a known line that holds no entry, or null for "not this format". */
export type LineOutcome = FileEntry | 'skip' | null;

const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;

/**
 * How far into the future a yearless date may lie before we decide it belongs to last year: a day
 * covers zones up to UTC+14 read as UTC and ordinary clock skew between client and server.
 */
const FUTURE_TOLERANCE_MS = DAY_MS;

const MONTHS: Readonly<Record<string, number>> = {
  jan: 0, feb: 1, mar: 2, apr: 3, may: 4, jun: 5, jul: 6, aug: 7, sep: 8, oct: 9, nov: 10, dec: 11,
};

/** The zero-based month of an English three-letter abbreviation (any case), or -1. */
export function monthIndex(token: string): number {
  if (token.length !== 3) return -1;
  const index = MONTHS[token.toLowerCase()];
  return index === undefined ? -1 : index;
}

/** Milliseconds of a calendar time given in UTC, or undefined when a field is out of range (e.g. Feb 30). */
export function utcMs(year: number, month0: number, day: number, hour = 0, minute = 0, second = 0, ms = 0): number | undefined {
  if (month0 < 0 || month0 > 11 || day < 1 || day > 31 || hour > 23 || minute > 59) return undefined;
  // A leap second (":60", allowed by RFC 3659 §2.3) is clamped rather than rejected.
  const time = Date.UTC(year, month0, day, hour, minute, Math.min(second, 59), ms);
  // Date.UTC rolls Feb 30 over into March; a real listing never means that.
  if (new Date(time).getUTCDate() !== day) return undefined;
  // Date.UTC maps years 0-99 to 1900-1999; listings never carry such years.
  if (year < 100) return undefined;
  return time;
}

/** The server's zone offset from the context, in ms. */
function offsetMs(ctx: ListContext | undefined): number {
  return (ctx?.timezoneOffsetMinutes ?? 0) * MINUTE_MS;
}

/** Milliseconds since the epoch of a zone-less server time, shifted by the context's server zone. */
export function serverTimeMs(
  ctx: ListContext | undefined,
  year: number,
  month0: number,
  day: number,
  hour = 0,
  minute = 0,
  second = 0,
): number | undefined {
  const local = utcMs(year, month0, day, hour, minute, second);
  return local === undefined ? undefined : local - offsetMs(ctx);
}

/**
 * Milliseconds of a yearless `Mon DD HH:MM` date: `ls` prints that form for times within about six
 * months of its own clock, so the year is the one that puts the date at or before "now" (a date that
 * would lie in the future belongs to the previous year).
 */
export function recentServerTimeMs(ctx: ListContext | undefined, month0: number, day: number, hour: number, minute: number): number | undefined {
  // Compare in the server's wall-clock terms, where the listing's fields live.
  const localNow = (ctx?.nowMs ?? Date.now()) + offsetMs(ctx);
  const thisYear = new Date(localNow).getUTCFullYear();
  // Walk back at most a few years: Feb 29 needs the latest leap year that is not in the future.
  for (let year = thisYear; year >= thisYear - 8; year--) {
    const local = utcMs(year, month0, day, hour, minute);
    if (local !== undefined && local <= localNow + FUTURE_TOLERANCE_MS) return local - offsetMs(ctx);
  }
  return undefined;
}

/**
 * Like {@link utcMs}, but also reads 24:00(:00), ISO 8601's midnight at the end of a day that a few
 * servers print, as 00:00 of the next day; any other time past 23:59 is out of range (undefined).
 */
export function utcClockMs(year: number, month0: number, day: number, hour: number, minute: number, second = 0): number | undefined {
  if (hour !== 24) return utcMs(year, month0, day, hour, minute, second);
  if (minute !== 0 || second !== 0) return undefined;
  const startOfDay = utcMs(year, month0, day);
  return startOfDay === undefined ? undefined : startOfDay + DAY_MS;
}

/** Like {@link serverTimeMs}, reading 24:00 as the next day's midnight. */
export function serverClockMs(
  ctx: ListContext | undefined,
  year: number,
  month0: number,
  day: number,
  hour: number,
  minute: number,
  second = 0,
): number | undefined {
  const local = utcClockMs(year, month0, day, hour, minute, second);
  return local === undefined ? undefined : local - offsetMs(ctx);
}

/** Like {@link recentServerTimeMs}, reading 24:00 as the next day's midnight (the year is the one of the day printed). */
export function recentServerClockMs(ctx: ListContext | undefined, month0: number, day: number, hour: number, minute: number): number | undefined {
  if (hour !== 24) return recentServerTimeMs(ctx, month0, day, hour, minute);
  if (minute !== 0) return undefined;
  const startOfDay = recentServerTimeMs(ctx, month0, day, 0, 0);
  return startOfDay === undefined ? undefined : startOfDay + DAY_MS;
}

/** Whether a name is the current or parent directory entry, which listings repeat and clients hide. */
export function isDotEntry(name: string): boolean {
  return name === '.' || name === '..';
}

/** Whether a name is hidden by the Unix convention (a leading dot). */
export function isHiddenName(name: string): boolean {
  return name.startsWith('.');
}
