/**
 * LIST lines of the IBM z/OS (MVS) FTP server's MVS side, one reader per listing kind, since each
 * kind has its own heading and columns and one listing holds one kind only:
 * - the data set list of a qualifier (`Volume Unit    Referred Ext Used Recfm Lrecl BlkSz Dsorg Dsname`);
 * - the member list of a partitioned data set, with ISPF statistics (` Name     VV.MM   Created ...`)
 *   or, for a load library, load-module attributes (` Name      Size     TTR   Alias-of AC ...`);
 * - the JES job list that `SITE FILETYPE=JES` turns LIST into (`JOBNAME  JOBID    OWNER    STATUS CLASS`).
 * The server's z/OS UNIX side answers in `ls -l` form, which unix.ts reads.
 * Pure: imports only domain types and sibling helpers; no node:*, no I/O.
 */
import type { FileEntry } from '../../../shared/domain';
import { serverTimeMs, type LineOutcome, type ListContext } from './context';
import { isBlank } from './tokens';

// Every reader splits a line into blank-separated tokens with one pass and tests each token with
// anchored patterns that have no nested repetition, so a line costs time linear in its length. No
// line of these kinds has more than about twenty tokens; a line with more is not one of them, and
// stopping there also bounds the work on a long line of another dialect.
const MAX_TOKENS = 24;

/** The line's blank-separated tokens, or null when it has more than {@link MAX_TOKENS}. */
function tokenize(line: string): string[] | null {
  const out: string[] = [];
  let pos = 0;
  while (pos < line.length) {
    while (pos < line.length && isBlank(line.charCodeAt(pos))) pos++;
    if (pos === line.length) break;
    if (out.length === MAX_TOKENS) return null;
    const start = pos;
    while (pos < line.length && !isBlank(line.charCodeAt(pos))) pos++;
    out.push(line.slice(start, pos));
  }
  return out;
}

/** Whether `tokens` holds `words` from index `at` on. */
function hasWordsAt(tokens: readonly string[], at: number, words: readonly string[]): boolean {
  if (at + words.length > tokens.length) return false;
  return words.every((word, i) => tokens[at + i] === word);
}

const ISO_DATE = /^(\d{4})\/(\d{2})\/(\d{2})$/;
// Releases before z/OS printed `MM/DD/YY` under a `Date` heading (IBM's V1R2-era DIR example).
const SHORT_DATE = /^(\d{2})\/(\d{2})\/(\d{2})$/;
const CLOCK = /^(\d{2}):(\d{2})(?::(\d{2}))?$/;

/** A two-digit year: 70-99 are 19xx, 00-69 are 20xx (the POSIX `%y` pivot, as DOS listings use). */
function fullYear(twoDigits: string): number {
  const year = Number(twoDigits);
  return year < 70 ? 2000 + year : 1900 + year;
}

/** A calendar date's fields, from `YYYY/MM/DD` or the older `MM/DD/YY`, or null when the token is neither. */
function dateFields(token: string, allowShort: boolean): [number, number, number] | null {
  const iso = ISO_DATE.exec(token);
  if (iso) return [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  const short = allowShort ? SHORT_DATE.exec(token) : null;
  if (short) return [fullYear(short[3]), Number(short[1]), Number(short[2])];
  return null;
}

/** A server time, or null when the fields name no real time (Feb 30, 25:00): such a line is not trusted at all. */
function timeOf(ctx: ListContext | undefined, [year, month, day]: [number, number, number], hour = 0, minute = 0, second = 0): number | null {
  return serverTimeMs(ctx, year, month - 1, day, hour, minute, second) ?? null;
}

// ---------------------------------------------------------------------------------------------
// Data set list
// ---------------------------------------------------------------------------------------------

// A volume serial is one to six letters, digits or national characters (@ # $).
const VOLSER = /^[A-Z0-9@#$]{1,6}$/;
// A device type such as 3390, 3380D or 3590-1.
const UNIT = /^[A-Z0-9@#$][A-Z0-9@#$-]{0,7}$/;
// Ext, Used, Recfm, Lrecl and BlkSz: a count, a record format (F, FB, VBS, U ...), or `?` where
// the server cannot tell (VSAM).
const ATTRIBUTE = /^(?:\d{1,10}|[A-Z]{1,4}|\?)$/;
const ATTRIBUTE_COLUMNS = 5;
// PS, PO, PO-E (a PDSE, shown as such under LISTLEVEL 1), DA, IS, VS (VSAM), `?` ...
const DSORG = /^(?:[A-Z]{1,4}|\?)(?:-E)?$/;
const NO_DATE = '**NONE**';

// Lines the server prints instead of the attribute columns, after the volume serial and maybe the
// unit: a data set on a device that has no VTOC to read (tape, or a pseudo-volume such as ARCIVE
// that an archiver catalogs its data sets to), one whose attributes could not be read, and one on a
// volume that is not mounted (as other clients report it).
const NO_ATTRIBUTE_PHRASES: readonly (readonly string[])[] = [
  ['Not', 'Direct', 'Access', 'Device'],
  ['Error', 'determining', 'attributes'],
  ['Not', 'Mounted'],
];

function isDatasetHeading(tokens: readonly string[]): boolean {
  // `Referred` in current releases, `Date` in old ones; some releases drop the `Unit` column.
  return tokens[0] === 'Volume' && tokens[tokens.length - 1] === 'Dsname' && tokens.includes('Dsorg');
}

/** A data set line whose attribute columns are replaced by one of {@link NO_ATTRIBUTE_PHRASES}: the name, or null. */
function nameAfterPhrase(tokens: readonly string[]): string | null {
  for (const phrase of NO_ATTRIBUTE_PHRASES) {
    // The phrase stands in the Unit column, after it, or (no volume known) at the start.
    for (const at of [0, 1, 2]) {
      if (tokens.length !== at + phrase.length + 1 || !hasWordsAt(tokens, at, phrase)) continue;
      if ((at >= 1 && !VOLSER.test(tokens[0])) || (at === 2 && !UNIT.test(tokens[1]))) continue;
      return tokens[tokens.length - 1];
    }
  }
  return null;
}

/**
 * Parses one line of a z/OS data set list into an entry, `'skip'` for its heading, or null when it
 * is not such a line.
 *
 * The name is the Dsname column as the server prints it (relative to the working directory's
 * qualifiers, so commands about the entry use exactly it). A partitioned data set (Dsorg PO, or PO-E
 * for a PDSE) holds members and is a folder, as is a `Pseudo Directory` (a qualifier level, under
 * `SITE DIRECTORYMODE`); every other data set is a file. The date is the Referred column, the day
 * the data set was last opened: the only date the list carries, and zone-less. The list gives no
 * size in bytes: Used counts tracks, and what a track holds depends on the device, the block size
 * and how full the last block is, so any byte count made from it would be a guess; the size is
 * left unknown.
 */
export function readMvsDatasetLine(line: string, ctx?: ListContext): LineOutcome {
  const tokens = tokenize(line);
  if (!tokens || tokens.length < 2) return null;
  if (isDatasetHeading(tokens)) return 'skip';

  if (tokens.length === 3 && tokens[0] === 'Pseudo' && tokens[1] === 'Directory') return { name: tokens[2], type: 'dir' };
  // Migrated by DFSMShsm: the catalog no longer says which organisation it had, and retrieving it
  // recalls it first; a file is the reading under which a download still works.
  if (tokens.length === 2 && tokens[0] === 'Migrated') return { name: tokens[1], type: 'file' };
  const phraseName = nameAfterPhrase(tokens);
  if (phraseName !== null) return { name: phraseName, type: 'file' };

  // Volume [Unit] Referred [Ext Used Recfm Lrecl BlkSz] Dsorg Dsname: any of the five attribute
  // columns may be blank (VSAM components, say), so only the columns around them are fixed.
  if (tokens.length < 4 || !VOLSER.test(tokens[0])) return null;
  let at = 1;
  if (!ISO_DATE.test(tokens[at]) && !SHORT_DATE.test(tokens[at]) && tokens[at] !== NO_DATE) {
    if (!UNIT.test(tokens[at])) return null;
    at++;
  }
  const dateToken = tokens[at];
  let modifiedMs: number | undefined;
  if (dateToken !== NO_DATE) {
    const fields = dateFields(dateToken, true);
    if (!fields) return null;
    const ms = timeOf(ctx, fields);
    if (ms === null) return null;
    modifiedMs = ms;
  }
  at++;
  const dsorgAt = tokens.length - 2;
  if (dsorgAt < at || dsorgAt - at > ATTRIBUTE_COLUMNS) return null;
  for (let i = at; i < dsorgAt; i++) if (!ATTRIBUTE.test(tokens[i])) return null;
  const dsorg = tokens[dsorgAt];
  if (!DSORG.test(dsorg)) return null;

  const entry: FileEntry = { name: tokens[tokens.length - 1], type: dsorg === 'PO' || dsorg === 'PO-E' ? 'dir' : 'file' };
  if (modifiedMs !== undefined) entry.modifiedMs = modifiedMs;
  return entry;
}

// ---------------------------------------------------------------------------------------------
// Member list
// ---------------------------------------------------------------------------------------------

// A member name as JCL and ISPF accept it: a letter or national character, then up to seven
// letters, digits or national characters.
const MEMBER_NAME = /^[A-Z@#$][A-Z0-9@#$]{0,7}$/;
const VERSION_MOD = /^\d{2}\.\d{2}$/;
const COUNT = /^\d{1,10}$/;
// Load-module columns: the module's length in hex, its TTR (a three-byte disk address) in hex,
// and the authorization code.
const HEX = /^[0-9A-F]{1,8}$/;
const TTR = /^[0-9A-F]{6}$/;
const AUTH_CODE = /^[0-9A-F]{1,2}$/;
// Module attributes as ISPF abbreviates them: RN reentrant, RU reusable, RF refreshable, OL only
// loadable, OV overlay, SC scatter load, TS test, NX not executable, FO fetch only ...
const MODULE_ATTRIBUTE = /^[A-Z]{2}$/;
const ADDRESSING_MODE = /^(?:24|31|64|ANY)$/;

const STATS_HEADING = ['Name', 'VV.MM', 'Created', 'Changed', 'Size', 'Init', 'Mod', 'Id'];

function isMemberHeading(tokens: readonly string[]): boolean {
  if (tokens.length === STATS_HEADING.length && hasWordsAt(tokens, 0, STATS_HEADING)) return true;
  // The load-library heading's dashes run into `AC` on some releases (`AC---------`).
  return hasWordsAt(tokens, 0, ['Name', 'Size', 'TTR']) && tokens[tokens.length - 2] === 'Amode' && tokens[tokens.length - 1] === 'Rmode';
}

/** Name VV.MM Created Changed(date time) Size Init Mod [Id]: the entry, or null when the line has another shape. */
function readStatsLine(tokens: readonly string[], ctx: ListContext | undefined): FileEntry | null {
  // The user id is blank when a program other than ISPF wrote the statistics without one.
  if (tokens.length !== 8 && tokens.length !== 9) return null;
  const [name, versionMod, createdText, changedText, clockText, size, init, mod] = tokens;
  if (!VERSION_MOD.test(versionMod) || !COUNT.test(size) || !COUNT.test(init) || !COUNT.test(mod)) return null;
  const created = dateFields(createdText, false);
  const changed = dateFields(changedText, false);
  const clock = CLOCK.exec(clockText);
  if (!created || !changed || !clock) return null;
  if (timeOf(ctx, created) === null) return null;
  const modifiedMs = timeOf(ctx, changed, Number(clock[1]), Number(clock[2]), Number(clock[3] ?? 0));
  if (modifiedMs === null) return null;
  // Size, Init and Mod count lines (records), not bytes: a record's length in bytes is the data
  // set's, which this list does not show, and a download's byte count depends on the transfer
  // type besides. So the size stays unknown.
  return { name, type: 'file', modifiedMs };
}

/** Name Size TTR [Alias-of] AC Attributes... [Amode [Rmode]]: the entry, or null when the line has another shape. */
function readLoadModuleLine(tokens: readonly string[]): FileEntry | null {
  if (tokens.length < 4) return null;
  const [name, moduleSize, ttr] = tokens;
  if (!HEX.test(moduleSize) || !TTR.test(ttr)) return null;
  let at = 3;
  // An alias names its module; a member name never starts with a digit, an authorization code does.
  if (MEMBER_NAME.test(tokens[at]) && at + 1 < tokens.length && AUTH_CODE.test(tokens[at + 1])) at++;
  if (!AUTH_CODE.test(tokens[at])) return null;
  at++;
  while (at < tokens.length && MODULE_ATTRIBUTE.test(tokens[at])) at++;
  const modes = tokens.length - at;
  if (modes > 2) return null;
  for (let i = at; i < tokens.length; i++) if (!ADDRESSING_MODE.test(tokens[i])) return null;
  // Size is the module's length in storage once loaded, in hex, not the length of the member's
  // records that a download receives; the byte size stays unknown. A load module has no dates.
  return { name, type: 'file' };
}

/**
 * Parses one line of a z/OS member list (a partitioned data set's members) into an entry, `'skip'`
 * for either heading, or null when it is not such a line.
 *
 * Members are files named by the Name column; the date is Changed with its time (zone-less).
 * Three shapes: ISPF statistics, load-module attributes (a load library, RECFM U), and the name
 * alone (a member that has no statistics).
 *
 * A name-only line is one word, which a line of another dialect can be too: it is taken only when
 * the word has member-name syntax, and even then the reading is only safe inside a listing already
 * known to be a member list; the registry relies on the site's server type for that.
 */
export function readMvsMemberLine(line: string, ctx?: ListContext): LineOutcome {
  const tokens = tokenize(line);
  if (!tokens || tokens.length === 0) return null;
  if (isMemberHeading(tokens)) return 'skip';
  if (tokens.length === 1) return MEMBER_NAME.test(tokens[0]) ? { name: tokens[0], type: 'file' } : null;
  if (VERSION_MOD.test(tokens[1])) return readStatsLine(tokens, ctx);
  return readLoadModuleLine(tokens);
}

// ---------------------------------------------------------------------------------------------
// JES job list
// ---------------------------------------------------------------------------------------------

// A job name: a letter or national character, then up to seven letters, digits or national
// characters; lowercase too, as IBM's own JESINTERFACELEVEL 2 sample shows one.
const JOB_NAME = /^[A-Za-z@#$][A-Za-z0-9@#$]{0,7}$/;
// JOB, TSU (a TSO session) or STC (a started task) and five digits, or J, T or S and seven digits
// once JES numbers jobs beyond 99,999.
const JOB_ID = /^(?:(?:JOB|TSU|STC)\d{5}|[JTS]\d{7})$/;
const USER_ID = /^[A-Za-z0-9@#$]{1,8}$/;
const JOB_STATUSES: ReadonlySet<string> = new Set(['INPUT', 'ACTIVE', 'OUTPUT']);

/**
 * Parses one line of the JES job list (`SITE FILETYPE=JES`, then LIST) into an entry, `'skip'` for
 * its heading, or null when it is not such a line.
 *
 * Two shapes: JESINTERFACELEVEL 2's `JOBNAME JOBID OWNER STATUS CLASS [RC=... | ABEND=... |
 * (JCL error) | -DUP- | -HELD-] [n spool files]` and level 1's `JOBNAME JOBID STATUS [n spool Files]`.
 *
 * The name is the job id, the one name RETR, DELE and `DIR jobid` accept. The job name, by which
 * people know a job, becomes the displayName as `JOBNAME.JOBID`: the panes show, sort and filter by
 * it and a download is saved under it, while commands keep using the id. It does not go in `owner`,
 * which holds the OWNER column (the submitting user) where the listing has one. Jobs are files: an
 * OUTPUT job's retrieval returns its spool files; the list gives no size and no date.
 *
 * The per-job detail that `DIR jobid` prints (steps, spool files) is not read: a spool file's
 * name needs the job id from another line.
 */
export function readJesLine(line: string, _ctx?: ListContext): LineOutcome {
  const tokens = tokenize(line);
  if (!tokens || tokens.length < 3) return null;
  if (hasWordsAt(tokens, 0, ['JOBNAME', 'JOBID', 'OWNER', 'STATUS', 'CLASS'])) return 'skip';
  const [jobName, jobId] = tokens;
  if (!JOB_NAME.test(jobName) || !JOB_ID.test(jobId)) return null;
  const entry: FileEntry = { name: jobId, displayName: `${jobName}.${jobId}`, type: 'file' };
  // Level 2 first: an owner could be a user id that reads like a status, but then the status follows it.
  if (tokens.length >= 4 && USER_ID.test(tokens[2]) && JOB_STATUSES.has(tokens[3])) {
    entry.owner = tokens[2];
    return entry;
  }
  return JOB_STATUSES.has(tokens[2]) ? entry : null;
}
