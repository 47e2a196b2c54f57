/**
 * Unix `ls -l` style LIST lines, as vsftpd, pure-ftpd, ProFTPD, pyftpdlib, FileZilla Server and
 * most others send them. Owns column detection, yearless dates and `name -> target` splitting.
 * Pure: imports only domain types and sibling helpers; no node:*, no I/O.
 */
import type { EntryType, FileEntry } from '../../../shared/domain';
import {
  isDotEntry,
  isHiddenName,
  monthIndex,
  recentServerTimeMs,
  serverTimeMs,
  utcMs,
  type LineOutcome,
  type ListContext,
} from './context';

// Type character, nine permission characters, then an optional mark: '+' POSIX ACL (GNU ls),
// '@' extended attributes (macOS ls), '.' SELinux context (GNU ls). 'D' is a Solaris door, 'n' an
// HP-UX network special file; 'l'/'L' among the bits is System V mandatory locking.
const MODE = /^([-dlcbpsDn?])([-rwxsStTlL?]{9})[+@.]?(?=[ \t])/;

// `total 123` heads GNU ls output (and ProFTPD/wu-ftpd listings that shell out to it).
const TOTAL = /^total\s+\d+(?:[.,]\d+)?[KMGT]?\s*$/i;

const DIGITS = /^\d+$/;
const CLOCK = /^(\d{1,2}):(\d{2})$/;
const CLOCK_SECONDS = /^(\d{1,2}):(\d{2}):(\d{2})$/;
// Years outside this range are not dates but look-alikes (a size of 1234 after an owner named "mar").
const YEAR = /^(?:19|2\d)\d\d$/;
const DAY = /^\d{1,2}$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_TIME = /^(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?$/;
const ZONE = /^([+-])(\d{2})(\d{2})$/;

/** How many whitespace-separated tokens after the mode we look at for the date before giving up. */
const MAX_TOKENS = 16;

/** A parsed date: when it was and the index of the line where the date ends. */
interface DateMatch {
  ms: number | undefined;
  end: number;
}

function typeOf(char: string): EntryType {
  if (char === '-') return 'file';
  if (char === 'd') return 'dir';
  if (char === 'l') return 'link';
  return 'other';
}

/**
 * Reads a date starting at token `k`: `Mon DD HH:MM`, `Mon DD  YYYY`, `Mon DD HH:MM:SS YYYY`
 * (BSD `ls -T`), `YYYY-MM-DD HH:MM[:SS.nnn] [+zzzz]` (GNU `--time-style=long-iso`/`full-iso`) or
 * `DD Mon HH:MM|YYYY` (some European-locale servers).
 */
function readDate(tokens: readonly string[], ends: readonly number[], k: number, ctx: ListContext | undefined): DateMatch | undefined {
  const a = tokens[k];
  const b = tokens[k + 1];
  const c = tokens[k + 2];
  if (a === undefined || b === undefined) return undefined;

  let month = monthIndex(a);
  let day: string | undefined = b;
  if (month < 0 && DAY.test(a) && c !== undefined) {
    month = monthIndex(b);
    day = a;
  }
  if (month >= 0 && c !== undefined && DAY.test(day)) {
    const d = Number(day);
    let m = CLOCK.exec(c);
    if (m) return { ms: recentServerTimeMs(ctx, month, d, Number(m[1]), Number(m[2])), end: ends[k + 2] };
    if (YEAR.test(c)) return { ms: serverTimeMs(ctx, Number(c), month, d), end: ends[k + 2] };
    m = CLOCK_SECONDS.exec(c);
    const year = tokens[k + 3];
    if (m && year !== undefined && YEAR.test(year)) {
      return { ms: serverTimeMs(ctx, Number(year), month, d, Number(m[1]), Number(m[2]), Number(m[3])), end: ends[k + 3] };
    }
    return undefined;
  }

  const date = ISO_DATE.exec(a);
  const time = ISO_TIME.exec(b);
  if (date && time) {
    const [year, month0, dayOfMonth] = [Number(date[1]), Number(date[2]) - 1, Number(date[3])];
    const [hour, minute, second] = [Number(time[1]), Number(time[2]), Number(time[3] ?? 0)];
    const zone = c === undefined ? null : ZONE.exec(c);
    if (zone) {
      // full-iso carries the zone, so this time needs no guessing.
      const local = utcMs(year, month0, dayOfMonth, hour, minute, second);
      const offset = (zone[1] === '-' ? -1 : 1) * (Number(zone[2]) * 60 + Number(zone[3])) * 60_000;
      return { ms: local === undefined ? undefined : local - offset, end: ends[k + 2] };
    }
    return { ms: serverTimeMs(ctx, year, month0, dayOfMonth, hour, minute, second), end: ends[k + 1] };
  }
  return undefined;
}

/** Parses one `ls -l` line into an entry, `'skip'` for `total N`, `.` and `..`, or null when it is not such a line. */
export function readUnixLine(line: string, ctx?: ListContext): LineOutcome {
  const mode = MODE.exec(line);
  if (!mode) return TOTAL.test(line) ? 'skip' : null;

  // Tokenise the first columns after the mode, remembering where each token starts and ends: the
  // name starts one character after the date, and only positions keep leading or doubled spaces.
  const tokens: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  let pos = mode[0].length;
  while (tokens.length < MAX_TOKENS) {
    while (pos < line.length && (line[pos] === ' ' || line[pos] === '\t')) pos++;
    if (pos >= line.length) break;
    const start = pos;
    while (pos < line.length && line[pos] !== ' ' && line[pos] !== '\t') pos++;
    tokens.push(line.slice(start, pos));
    starts.push(start);
    ends.push(pos);
  }

  // The date is the first place where a date follows a size (or a device's "major, minor").
  for (let k = 1; k < tokens.length - 1; k++) {
    const sizeToken = tokens[k - 1];
    let sizeBytes: number | undefined;
    let ownerEnd: number; // index of the first token after owner/group
    if (DIGITS.test(sizeToken)) {
      const before = tokens[k - 2];
      // Device files print "major, minor" where the size would be (`crw-rw-rw- 1 root root 1, 3`).
      if (before !== undefined && /^\d+,$/.test(before)) ownerEnd = k - 2;
      else {
        sizeBytes = Number(sizeToken);
        ownerEnd = k - 1;
      }
    } else if (/^\d+,\d+$/.test(sizeToken)) {
      ownerEnd = k - 1;
    } else {
      continue;
    }
    const date = readDate(tokens, ends, k, ctx);
    if (!date) continue;
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
    if (date.ms !== undefined) entry.modifiedMs = date.ms;

    // Columns between the mode and the size: [links] owner [group]. Some servers drop the group
    // or the link count; a leading number is the link count only when something follows it.
    let first = 0;
    if (ownerEnd >= 2 && DIGITS.test(tokens[0])) first = 1;
    if (first < ownerEnd) {
      entry.owner = tokens[first];
      // The group is everything up to the size: Windows servers send groups like "Domain Users".
      if (first + 1 < ownerEnd) entry.group = line.slice(starts[first + 1], ends[ownerEnd - 1]);
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
