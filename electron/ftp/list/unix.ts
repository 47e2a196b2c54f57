/**
 * Unix `ls -l` style LIST lines, as vsftpd, pure-ftpd, ProFTPD, pyftpdlib, FileZilla Server and
 * most others send them, including servers whose `ls` runs under a non-English locale. Owns column
 * detection, the date forms (English and localized month names, CJK and numeric dates, yearless
 * dates), entries kept without a date, and `name -> target` splitting.
 * Pure: imports only domain types and sibling helpers; no node:*, no I/O.
 */
import type { EntryType, FileEntry, TimePrecision } from '../../../shared/domain';
import {
  isDotEntry,
  isHiddenName,
  recentServerClockMs,
  serverClockMs,
  utcClockMs,
  type LineOutcome,
  type ListContext,
} from './context';
import { monthOfName, NOT_A_MONTH } from './months';

// Type character, then each permission by position: read, write, then execute or the set-id bit
// ('s'/'S') for owner and group, sticky ('t'/'T') for others; 'l'/'L' in the group's execute place is
// System V mandatory locking, '?' an attribute `ls` could not read. Letters out of their place mean
// the line is something else. 'D' is a Solaris door, 'n' an HP-UX network special file; 'f' is
// taken for a regular file. An optional mark
// follows: '+' POSIX ACL (GNU ls), '@' extended attributes (macOS ls), '.' SELinux context (GNU
// ls); a mark may touch a wide link count.
const MODE = /^([-dlcbpsDn?f])([-r?][-w?][-xsS?][-r?][-w?][-xsSlL?][-r?][-w?][-xtT?])(?:[+@.](?=[ \t\d])|(?=[ \t]))/;

// `total 123` heads GNU ls output (and ProFTPD/wu-ftpd listings that shell out to it).
const TOTAL = /^total\s+\d+(?:[.,]\d+)?[KMGT]?\s*$/i;

const DIGITS = /^\d+$/;
const DEVICE = /^\d+,\d+$/;
const DEVICE_MAJOR = /^\d+,$/;
// `ls -h` (powers of 1024, "4.0K") and `ls --si` (powers of 1000, "4.1k"): a rounded size.
const APPROXIMATE_SIZE = /^\d+(?:[.,]\d+)?[kmgtpezy](?:i?b)?$/i;

const CLOCK = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/;
// Years outside this range are not dates but look-alikes (a size of 1234 after an owner named "mar").
const YEAR = /^((?:19|2\d)\d\d)$/;
// Hungarian prints "2024. márc. 5." for old files.
const YEAR_FIRST = /^((?:19|2\d)\d\d)\.?$/;
// German, Czech and Hungarian put a dot after the day ("5. Mär", "márc 5.").
const DAY = /^(\d{1,2})\.?$/;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_TIME = /^(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?$/;
const ZONE = /^([+-])(\d{2})(\d{2})$/;
const US_DATE = /^(\d{2})-(\d{2})-(\d{2}|\d{4})$/;
const DOTTED_DATE = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/;
const SLASHED_DATE = /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/;

// Chinese and Japanese (年 月 日) and Korean (년 월 일): glibc's month names there are " 3月" and
// " 3월", so `ls` prints "3月  5 12:00"; other formats add 日 to the day or print "2024年3月5日".
const CJK_FULL = /^((?:19|2\d)\d\d)[年년](\d{1,2})[月월](\d{1,2})[日일]$/;
const CJK_YEAR = /^((?:19|2\d)\d\d)[年년]?$/;
const CJK_MONTH = /^(\d{1,2})[月월]$/;
const CJK_MONTH_DAY = /^(\d{1,2})[月월](\d{1,2})[日일]$/;
const CJK_DAY = /^(\d{1,2})[日일]?$/;

// A month name in a script or language the tables do not hold: a short word of letters, marks and
// dots ("Μάρ", "Şub", "三月", Thai "มิ.ย.") with at least one character outside ASCII. An ASCII word
// that is no month in ./months is not taken for one: where a date should start it more likely means
// the columns were misjudged than that the server speaks a language missing from the tables.
const FOREIGN_MONTH = /^(?=.*[\u0080-\uffff])\p{L}[\p{L}\p{M}.]*$/u;
const FOREIGN_MONTH_MAX_LENGTH = 12;

/** How many whitespace-separated tokens after the mode we look at for the date before giving up. */
const MAX_TOKENS = 16;

/** A two-digit year: 70-99 are 19xx, 00-69 are 20xx (the POSIX `%y` pivot, as in ./dos). */
const TWO_DIGIT_YEAR_PIVOT = 70;

/** A date in a form we read: when it was (undefined when the fields name no calendar day) and the index in the line where it ends. */
interface DateMatch {
  ms: number | undefined;
  end: number;
  /** To the day (a year form), minute (a clock) or second (a clock with seconds). */
  precision: TimePrecision;
}

/** A date in a recognised form whose fields are out of range ("Aug 36", "30:01"): the line is not `ls -l` as we know it. */
const IMPOSSIBLE = 'impossible';

type DateRead = DateMatch | typeof IMPOSSIBLE | undefined;

interface Clock {
  hour: number;
  minute: number;
  second: number;
  hasSeconds: boolean;
}

/** The line's tokens after the mode, with where each starts and ends in the line. */
interface Tokens {
  text: string[];
  starts: number[];
  ends: number[];
}

function typeOf(char: string): EntryType {
  if (char === '-' || char === 'f') return 'file';
  if (char === 'd') return 'dir';
  if (char === 'l') return 'link';
  return 'other';
}

/** A clock token's fields, IMPOSSIBLE when it has a clock's shape but not its range, undefined when it is no clock. */
function readClock(token: string | undefined): Clock | typeof IMPOSSIBLE | undefined {
  const m = token === undefined ? null : CLOCK.exec(token);
  if (!m) return undefined;
  const [hour, minute, second] = [Number(m[1]), Number(m[2]), Number(m[3] ?? 0)];
  // A leap second (":60") is allowed; 24:00 is the end of the day, anything later is no time.
  if (minute > 59 || second > 60 || hour > 24 || (hour === 24 && (minute > 0 || second > 0))) return IMPOSSIBLE;
  return { hour, minute, second, hasSeconds: m[3] !== undefined };
}

function isDayInRange(day: number): boolean {
  return day >= 1 && day <= 31;
}

/** A date with its year, taking the clock of the next token when there is one. */
function fullDate(
  t: Tokens,
  next: number,
  ctx: ListContext | undefined,
  year: number,
  month0: number,
  day: number,
): DateRead {
  if (month0 < 0 || month0 > 11 || !isDayInRange(day)) return IMPOSSIBLE;
  const clock = readClock(t.text[next]);
  if (clock === IMPOSSIBLE) return IMPOSSIBLE;
  if (clock === undefined) return { ms: serverClockMs(ctx, year, month0, day, 0, 0), end: t.ends[next - 1], precision: 'day' };
  return { ms: serverClockMs(ctx, year, month0, day, clock.hour, clock.minute, clock.second), end: t.ends[next], precision: clock.hasSeconds ? 'second' : 'minute' };
}

/**
 * A month and day followed, at `at`, by a clock (the year is the recent one) or a year; undefined
 * when the token at `at` is neither.
 */
function monthDayThen(t: Tokens, at: number, ctx: ListContext | undefined, month0: number, day: number, year: RegExp): DateRead {
  const token = t.text[at];
  if (token === undefined) return undefined;
  const clock = readClock(token);
  if (clock === IMPOSSIBLE) return IMPOSSIBLE;
  const yearMatch = clock === undefined ? year.exec(token) : null;
  if (clock === undefined && !yearMatch) return undefined;
  if (month0 < 0 || month0 > 11 || !isDayInRange(day)) return IMPOSSIBLE;
  if (yearMatch) return { ms: serverClockMs(ctx, Number(yearMatch[1]), month0, day, 0, 0), end: t.ends[at], precision: 'day' };
  if (clock === undefined) return undefined;
  if (!clock.hasSeconds) return { ms: recentServerClockMs(ctx, month0, day, clock.hour, clock.minute), end: t.ends[at], precision: 'minute' };
  // BSD `ls -T` prints seconds and always the year after them.
  const yearToken = t.text[at + 1];
  if (yearToken === undefined || !YEAR.test(yearToken)) return undefined;
  return { ms: serverClockMs(ctx, Number(yearToken), month0, day, clock.hour, clock.minute, clock.second), end: t.ends[at + 1], precision: 'second' };
}

/** `Mon DD HH:MM|YYYY`, `DD Mon HH:MM|YYYY` and `YYYY Mon DD` with a month name in any language we read. */
function readWordDate(t: Tokens, k: number, ctx: ListContext | undefined): DateRead {
  const [a, b, c] = [t.text[k], t.text[k + 1], t.text[k + 2]];
  if (a === undefined || b === undefined || c === undefined) return undefined;
  let month = monthOfName(a);
  let dayToken = b;
  if (month < 0 && DAY.test(a)) {
    month = monthOfName(b);
    dayToken = a;
  }
  if (month >= 0) {
    const day = DAY.exec(dayToken);
    return day ? monthDayThen(t, k + 2, ctx, month, Number(day[1]), YEAR) : undefined;
  }
  const year = YEAR_FIRST.exec(a);
  month = monthOfName(b);
  const day = DAY.exec(c);
  if (!year || month < 0 || !day) return undefined;
  // A bare year could as well be a size of 1900-2999 bytes after a numeric group: when a date
  // follows it ("1000 2048 Jan 5 2020", "1000 2024 márc. 15. 10:00"), it is the size.
  if (!a.endsWith('.') && readWordDate(t, k + 1, ctx) !== undefined) return undefined;
  return fullDate(t, k + 3, ctx, Number(year[1]), month, Number(day[1]));
}

/** Dates written with 年/月/日 or 년/월/일, with or without the year, glued or spaced. */
function readCjkDate(t: Tokens, k: number, ctx: ListContext | undefined): DateRead {
  const a = t.text[k];
  if (a === undefined) return undefined;
  let m = CJK_FULL.exec(a);
  if (m) return fullDate(t, k + 1, ctx, Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  const b = t.text[k + 1];
  if (b === undefined) return undefined;
  m = CJK_MONTH_DAY.exec(a);
  if (m) return monthDayThen(t, k + 1, ctx, Number(m[1]) - 1, Number(m[2]), CJK_YEAR);
  m = CJK_MONTH.exec(a);
  let day = CJK_DAY.exec(b);
  if (m && day) return monthDayThen(t, k + 2, ctx, Number(m[1]) - 1, Number(day[1]), CJK_YEAR);
  // "2024年 3月 5日" and "2024년 3월5일": the year spaced from the rest.
  const year = a.endsWith('年') || a.endsWith('년') ? CJK_YEAR.exec(a) : null;
  if (!year) return undefined;
  m = CJK_MONTH_DAY.exec(b);
  if (m) return fullDate(t, k + 2, ctx, Number(year[1]), Number(m[1]) - 1, Number(m[2]));
  m = CJK_MONTH.exec(b);
  const c = t.text[k + 2];
  day = c === undefined ? null : CJK_DAY.exec(c);
  if (m && day) return fullDate(t, k + 3, ctx, Number(year[1]), Number(m[1]) - 1, Number(day[1]));
  return undefined;
}

/**
 * `YYYY-MM-DD HH:MM[:SS.nnn] [+zzzz]` (GNU `--time-style=long-iso`/`full-iso`), and, with an
 * optional clock after them, `MM-DD-YY[YY]` (the US order, as IIS prints it), `DD.MM.YYYY` (the
 * order dotted dates have in Europe) and `YYYY/MM/DD` (year first, as East Asian dates are written).
 * The European `DD-MM-YY` and `DD/MM/YYYY` are not read: nothing in one line tells them from the US
 * order, and a wrong month is worse than none.
 */
function readNumericDate(t: Tokens, k: number, ctx: ListContext | undefined): DateRead {
  const a = t.text[k];
  const b = t.text[k + 1];
  if (a === undefined) return undefined;
  const iso = ISO_DATE.exec(a);
  const time = b === undefined ? null : ISO_TIME.exec(b);
  if (iso && time) {
    const [year, month0, day] = [Number(iso[1]), Number(iso[2]) - 1, Number(iso[3])];
    const clock = readClock(`${time[1]}:${time[2]}:${time[3] ?? '00'}`);
    if (clock === IMPOSSIBLE || clock === undefined || month0 < 0 || month0 > 11 || !isDayInRange(day)) return IMPOSSIBLE;
    const c = t.text[k + 2];
    const zone = c === undefined ? null : ZONE.exec(c);
    if (zone) {
      // full-iso carries the zone, so this time needs no guessing.
      const local = utcClockMs(year, month0, day, clock.hour, clock.minute, clock.second);
      const offset = (zone[1] === '-' ? -1 : 1) * (Number(zone[2]) * 60 + Number(zone[3])) * 60_000;
      return { ms: local === undefined ? undefined : local - offset, end: t.ends[k + 2], precision: time[3] ? 'second' : 'minute' };
    }
    return { ms: serverClockMs(ctx, year, month0, day, clock.hour, clock.minute, clock.second), end: t.ends[k + 1], precision: time[3] ? 'second' : 'minute' };
  }
  let m = US_DATE.exec(a);
  if (m) {
    const yearText = m[3];
    if (yearText.length === 4 && !YEAR.test(yearText)) return undefined;
    const short = Number(yearText);
    const year = yearText.length === 4 ? short : short < TWO_DIGIT_YEAR_PIVOT ? 2000 + short : 1900 + short;
    return fullDate(t, k + 1, ctx, year, Number(m[1]) - 1, Number(m[2]));
  }
  m = DOTTED_DATE.exec(a);
  if (m) return YEAR.test(m[3]) ? fullDate(t, k + 1, ctx, Number(m[3]), Number(m[2]) - 1, Number(m[1])) : undefined;
  m = SLASHED_DATE.exec(a);
  if (m) return YEAR.test(m[1]) ? fullDate(t, k + 1, ctx, Number(m[1]), Number(m[2]) - 1, Number(m[3])) : undefined;
  return undefined;
}

/** Reads a date starting at token `k` in any form above. */
function readDate(t: Tokens, k: number, ctx: ListContext | undefined): DateRead {
  return readWordDate(t, k, ctx) ?? readCjkDate(t, k, ctx) ?? readNumericDate(t, k, ctx);
}

function isMonthLike(token: string): boolean {
  if (monthOfName(token) !== NOT_A_MONTH) return true;
  return token.length <= FOREIGN_MONTH_MAX_LENGTH && FOREIGN_MONTH.test(token);
}

function isDayLike(token: string): boolean {
  const day = DAY.exec(token);
  return day !== null && isDayInRange(Number(day[1]));
}

/**
 * Whether tokens k..k+2 are a date we cannot read but can recognise: a month word and a day in
 * either order, then an in-range time or a year.
 */
function looksLikeDate(t: Tokens, k: number): boolean {
  const [a, b, c] = [t.text[k], t.text[k + 1], t.text[k + 2]];
  if (a === undefined || b === undefined || c === undefined) return false;
  const clock = readClock(c);
  if (clock === IMPOSSIBLE || (clock === undefined && !YEAR_FIRST.test(c))) return false;
  return (isMonthLike(a) && isDayLike(b)) || (isDayLike(a) && isMonthLike(b));
}

/** Where the date starts when every column is there: link count, owner, group, size. */
const FULL_COLUMNS = 4;

/**
 * Whether a date also follows a full set of columns. An owner and group can read as a date in the
 * many languages of ./months ("pro 20" then a size of 2048 bytes is "Dec 20 2048"), and a numeric
 * owner or group can pass for a size before it; the reading that leaves every column in place wins.
 */
function hasDateAfterFullColumns(t: Tokens, ctx: ListContext | undefined): boolean {
  const size = t.text[FULL_COLUMNS - 1];
  if (size === undefined || !DIGITS.test(t.text[0]) || !(DIGITS.test(size) || APPROXIMATE_SIZE.test(size))) return false;
  const date = readDate(t, FULL_COLUMNS, ctx);
  return date !== undefined && date !== IMPOSSIBLE;
}

/** Splits the line after the mode into at most MAX_TOKENS tokens; only positions keep leading or doubled spaces. */
function tokenize(line: string, from: number): Tokens {
  const t: Tokens = { text: [], starts: [], ends: [] };
  let pos = from;
  while (t.text.length < MAX_TOKENS) {
    while (pos < line.length && (line[pos] === ' ' || line[pos] === '\t')) pos++;
    if (pos >= line.length) break;
    const start = pos;
    while (pos < line.length && line[pos] !== ' ' && line[pos] !== '\t') pos++;
    t.text.push(line.slice(start, pos));
    t.starts.push(start);
    t.ends.push(pos);
  }
  return t;
}

/** Parses one `ls -l` line into an entry, `'skip'` for `total N`, `.` and `..`, or null when it is not such a line. */
export function readUnixLine(line: string, ctx?: ListContext): LineOutcome {
  const mode = MODE.exec(line);
  if (!mode) return TOTAL.test(line) ? 'skip' : null;
  const t = tokenize(line, mode[0].length);

  // The date is the first place where a date follows a size (or a device's "major, minor").
  for (let k = 1; k < t.text.length - 1; k++) {
    const sizeToken = t.text[k - 1];
    let sizeBytes: number | undefined;
    let ownerEnd: number; // index of the first token after owner/group
    if (DIGITS.test(sizeToken)) {
      const before = t.text[k - 2];
      // Device files print "major, minor" where the size would be (`crw-rw-rw- 1 root root 1, 3`).
      if (before !== undefined && DEVICE_MAJOR.test(before)) ownerEnd = k - 2;
      else {
        sizeBytes = Number(sizeToken);
        ownerEnd = k - 1;
      }
    } else if (DEVICE.test(sizeToken) || APPROXIMATE_SIZE.test(sizeToken)) {
      // A rounded size is no byte count (FileEntry sizes are exact): the entry is kept without one.
      ownerEnd = k - 1;
    } else {
      continue;
    }
    // A leading number is the link count only when owner columns follow it.
    const first = ownerEnd >= 2 && DIGITS.test(t.text[0]) ? 1 : 0;

    let date = readDate(t, k, ctx);
    // Fields out of range where the date should be leave the line unparsed, unless a real date
    // follows: then these tokens were an owner and group that look like one ("out 40" before 2048).
    if (date === IMPOSSIBLE) continue;
    if (date !== undefined && k < FULL_COLUMNS && hasDateAfterFullColumns(t, ctx)) continue;
    if (date === undefined) {
      // A date we cannot read is skipped over only where the name's place is still certain: every
      // column is there (link count, owner, group, then a size or device numbers) and the three
      // tokens after them have a date's shape (see looksLikeDate). The name then starts one space
      // after the third, as after any date. With a column missing or a group holding a space, no
      // date would tell where the columns end, so such a line stays unparsed.
      if (first !== 1 || ownerEnd !== 3 || !looksLikeDate(t, k)) continue;
      date = { ms: undefined, end: t.ends[k + 2], precision: 'day' };
    }
    // Exactly one space separates the date from the name in every ls-like server we know
    // (GNU ls, vsftpd, pure-ftpd, ProFTPD, pyftpdlib); more spaces belong to the name.
    if (date.end >= line.length) return null;
    let name = line.slice(date.end + 1);
    if (name === '') return null;

    const type = typeOf(mode[1]);
    let linkTarget: string | undefined;
    if (type === 'link') {
      const arrow = name.indexOf(' -> ');
      if (arrow >= 0) {
        linkTarget = name.slice(arrow + 4);
        name = name.slice(0, arrow);
      }
    }
    if (isDotEntry(name)) return 'skip';

    const entry: FileEntry = { name, type, permissions: mode[2] };
    // Folders show no size (FileEntry's rule); a link's size is its target's length, kept as sent.
    if (sizeBytes !== undefined && type !== 'dir') entry.sizeBytes = sizeBytes;
    if (date.ms !== undefined) {
      entry.modifiedMs = date.ms;
      if (date.precision !== 'second') entry.timePrecision = date.precision;
    }

    // Columns between the mode and the size: [links] owner [group]. Some servers drop the group
    // or the link count.
    if (first < ownerEnd) {
      entry.owner = t.text[first];
      // The group is everything up to the size: Windows servers send groups like "Domain Users".
      if (first + 1 < ownerEnd) entry.group = line.slice(t.starts[first + 1], t.ends[ownerEnd - 1]);
    }
    if (linkTarget !== undefined) entry.linkTarget = linkTarget;
    if (isHiddenName(name)) entry.isHidden = true;
    return entry;
  }
  return null;
}

/** Parses one `ls -l` line, or returns null for `total N`, `.`, `..` and lines that are not `ls -l`. */
export function parseUnixLine(line: string, ctx?: ListContext): FileEntry | null {
  const outcome = readUnixLine(line, ctx);
  return outcome === 'skip' ? null : outcome;
}
