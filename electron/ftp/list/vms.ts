/**
 * OpenVMS LIST lines, as MultiNet, TCPware and HP TCP/IP Services send them (the output of DCL's
 * `DIRECTORY/SIZE/DATE/OWNER/PROTECTION`): `NAME.EXT;VERSION  used/allocated  DD-MON-YYYY HH:MM:SS
 * [GROUP,OWNER]  (RWED,RWED,RE,)`, any of the columns after the name left out. Owns the name rules
 * (versions, `.DIR` folders), 512-byte blocks, the `Directory`/`Total of` lines and the test for a
 * name printed alone because the columns after it were moved to the next line.
 * Pure: imports only domain types and sibling helpers; no node:*, no I/O.
 */
import type { FileEntry } from '../../../shared/domain';
import { isDotEntry, monthIndex, serverTimeMs, type LineOutcome, type ListContext } from './context';
import { isBlank } from './tokens';

// Read by scanning the line once and then matching anchored patterns against single tokens: a line
// is server input, and a pattern that backtracks over its runs of blanks or digits can take seconds.

/** VMS sizes count disk blocks of 512 bytes. */
const BLOCK_BYTES = 512;

/** Highest file version VMS allows; a larger "version" is not one. */
const MAX_VERSION = 32767;

/** Name, size, date, time, owner, protection: a line with more tokens is not a VMS entry. */
const MAX_TOKENS = 6;

const SIZE = /^(\d+)(?:\/\d+)?$/;
// Always a four-digit year; the day is not zero-padded and the month is upper case on most servers.
const DATE = /^(\d{1,2})-([A-Za-z]{3})-(\d{4})$/;
// Seconds and hundredths appear or not depending on the server and its settings.
const TIME = /^(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d{1,2})?)?$/;
// System, owner, group, world: each a subset of Read, Write, Execute, Delete, possibly empty.
const PROTECTION = /^\([RWED]*,[RWED]*,[RWED]*,[RWED]*\)$/;
// Summary lines, which end each directory and (for wildcard listings) the whole listing.
const TOTAL = /^(?:Total|Grand total) of \d/;

/**
 * The first `max` blank-separated tokens of a line, plus one more if there is one, so the caller
 * can tell "too many"; the scan stops there, so a long line costs no more than its first tokens.
 */
function firstTokens(line: string, max: number): string[] {
  const tokens: string[] = [];
  let pos = 0;
  while (tokens.length <= max) {
    while (pos < line.length && isBlank(line.charCodeAt(pos))) pos++;
    if (pos >= line.length) break;
    const start = pos;
    while (pos < line.length && !isBlank(line.charCodeAt(pos))) pos++;
    tokens.push(line.slice(start, pos));
  }
  return tokens;
}

/** A VMS file name split from its version: the name as commands use it, and whether it is a folder. */
interface VmsName {
  name: string;
  isDir: boolean;
}

/**
 * Reads `NAME.EXT;VERSION`, or null when the token is not one. The version is dropped because
 * commands without one act on the newest version, which is what the listing's user means.
 */
function readVmsName(token: string): VmsName | null {
  const semicolon = token.lastIndexOf(';');
  if (semicolon <= 0) return null;
  const version = token.slice(semicolon + 1);
  if (version.length === 0 || version.length > 5) return null;
  for (let i = 0; i < version.length; i++) {
    const code = version.charCodeAt(i);
    if (code < 48 || code > 57) return null;
  }
  const versionNumber = Number(version);
  if (versionNumber < 1 || versionNumber > MAX_VERSION) return null;
  // On ODS-5 disks `^` escapes a character that is part of the name, so `A^;1` is a name with no version.
  let carets = 0;
  for (let i = semicolon - 1; i >= 0 && token[i] === '^'; i--) carets++;
  if (carets % 2 === 1) return null;
  const full = token.slice(0, semicolon);
  for (let i = 0; i < full.length; i++) {
    const code = full.charCodeAt(i);
    if (code < 32 || code === 127) return null;
  }
  // A folder is a file with type DIR; RMS only enters version 1 of one, so a higher version is a plain file.
  const dirType = full.length - 4;
  if (versionNumber === 1 && dirType >= 0 && full.slice(dirType).toUpperCase() === '.DIR') {
    return { name: full.slice(0, dirType), isDir: true };
  }
  return { name: full, isDir: false };
}

/** Whether the line is a `Directory DISK$USER:[SMITH]` heading, which names the folder listed. */
function isDirectoryHeading(line: string): boolean {
  if (!line.startsWith('Directory ')) return false;
  const spec = line.slice('Directory '.length).trim();
  const last = spec[spec.length - 1];
  return (last === ']' && spec.includes('[')) || (last === '>' && spec.includes('<'));
}

/**
 * Reads an owner column: `[GROUP,USER]` (an identifier pair or a numeric UIC such as `[300,1]`) or
 * a lone `[USER]` (an identifier whose group is implied), or null when the token is not one.
 */
function readOwner(token: string): { owner: string; group?: string } | null {
  if (token.length < 3 || token[0] !== '[' || token[token.length - 1] !== ']') return null;
  const inner = token.slice(1, -1);
  const comma = inner.indexOf(',');
  if (comma < 0) return inner.includes('[') || inner.includes(']') ? null : { owner: inner };
  const group = inner.slice(0, comma);
  const owner = inner.slice(comma + 1);
  if (group === '' || owner === '' || owner.includes(',') || inner.includes('[') || inner.includes(']')) return null;
  return { owner, group };
}

/** Parses one OpenVMS LIST line into an entry, `'skip'` for its headings and totals, or null when it is not such a line. */
export function readVmsLine(line: string, ctx?: ListContext): LineOutcome {
  if (isDirectoryHeading(line) || TOTAL.test(line)) return 'skip';
  const tokens = firstTokens(line, MAX_TOKENS);
  if (tokens.length === 0) return 'skip';
  if (tokens.length > MAX_TOKENS) return null;
  // VMS starts every entry in the first column; a line that starts blank is another format's, or
  // the continuation of a wrapped name, which means nothing without the line before it.
  if (isBlank(line.charCodeAt(0))) return null;

  const parsedName = readVmsName(tokens[0]);
  if (!parsedName || parsedName.name === '') return null;
  const { name, isDir } = parsedName;

  const entry: FileEntry = { name, type: isDir ? 'dir' : 'file' };
  let k = 1;

  const size = SIZE.exec(tokens[k] ?? '');
  if (size) {
    // Blocks used, not allocated: the used count is what a download of the file will come to, near enough.
    const bytes = Number(size[1]) * BLOCK_BYTES;
    if (!isDir && Number.isSafeInteger(bytes)) entry.sizeBytes = bytes;
    k++;
  }

  const date = DATE.exec(tokens[k] ?? '');
  if (date) {
    k++;
    const month0 = monthIndex(date[2]);
    if (month0 < 0) return null;
    let hour = 0;
    let minute = 0;
    let second = 0;
    const time = TIME.exec(tokens[k] ?? '');
    if (time) {
      k++;
      [hour, minute, second] = [Number(time[1]), Number(time[2]), Number(time[3] ?? 0)];
      // VMS never prints a leap second, so :60 is garbage rather than something to clamp.
      if (second > 59) return null;
    }
    const ms = serverTimeMs(ctx, Number(date[3]), month0, Number(date[1]), hour, minute, second);
    // Unlike a DOS line, a VMS line has nothing but the date to set it apart from text that merely
    // looks like one, so a date that cannot exist means this is not a VMS line.
    if (ms === undefined) return null;
    entry.modifiedMs = ms;
  }

  const owner = readOwner(tokens[k] ?? '');
  if (owner) {
    entry.owner = owner.owner;
    if (owner.group !== undefined) entry.group = owner.group;
    k++;
  }

  const protection = tokens[k];
  if (protection !== undefined && PROTECTION.test(protection)) {
    entry.permissions = protection;
    k++;
  }

  if (k < tokens.length) return null;
  // VMS has no `.` or `..` entries; a file of that name (`.;1`, empty name and type) is not one to show.
  if (isDotEntry(name)) return 'skip';
  return entry;
}

/**
 * Whether the line holds only a versioned VMS file name: servers print a name too long for its
 * column alone and put the entry's columns on the next line, so the caller joins the two
 * (`first + ' ' + second.trimStart()`) before reading them. Such a line read alone is still an
 * entry (a name-only listing prints every name this way).
 */
export function isVmsNameOnlyLine(line: string): boolean {
  if (line.length === 0 || isBlank(line.charCodeAt(0))) return false;
  const tokens = firstTokens(line, 1);
  if (tokens.length !== 1) return false;
  const parsed = readVmsName(tokens[0]);
  return parsed !== null && parsed.name !== '';
}
