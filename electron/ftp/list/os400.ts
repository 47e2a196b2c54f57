/**
 * LIST lines of the IBM i (OS/400, AS/400) FTP server in its own format (LISTFMT 0):
 * `owner  size  date  time  type  name`, e.g. `QSYS  77824 02/23/00 15:09:55 *DIR  QOpenSys/`.
 * Owns which object types are folders, the job's date formats and the optional columns.
 * Pure: imports only domain types and sibling helpers; no node:*, no I/O.
 */
import type { EntryType, FileEntry } from '../../../shared/domain';
import { isDotEntry, isHiddenName, serverTimeMs, type LineOutcome, type ListContext } from './context';
import { isBlank } from './tokens';

// IBM documents fixed columns (owner 10, size 10, date 8, time 8, type 10), but servers and
// releases pad differently, so the line is read as blank-separated words, each looked at once or
// twice; no pattern ever runs over more than one word.

// A user profile name: at most ten characters, starting with a letter or $ # @. Blank for
// anonymous sessions, which is why the owner is optional.
const OWNER = /^[A-Za-z$#@][A-Za-z0-9$#@_.]{0,9}$/;
// An object type: `*` and up to ten letters or digits (*DIR, *STMF, *USRSPC, *SRVPGM, ...).
const OBJECT_TYPE = /^\*[A-Z0-9]{1,10}$/;
const SIZE = /^\d+$/;
// The job's date format decides the order and its separator is part of the format: `/` with
// *MDY (the shipped default), `.` with *DMY (European systems), `-` with *ISO. A job set to
// *DMY or *YMD with `/` separators prints dates nothing on the line tells apart from *MDY; those
// are misread, or rejected when their first two fields cannot be a month and a day.
const DATE_MDY = /^(\d\d)\/(\d\d)\/(\d\d)$/;
const DATE_DMY = /^(\d\d)\.(\d\d)\.(\d\d)$/;
const DATE_ISO = /^(\d{4})-(\d\d)-(\d\d)$/;
// The job's time separator is `:` by default and `.` with *ISO/*EUR times.
const TIME = /^(\d\d)([:.])(\d\d)\2(\d\d)$/;

/**
 * Types that hold other objects and can be entered: IFS directories (*DIR), distributed
 * directories (*DDIR), libraries (*LIB) and document folders (*FLR). *FILE is not among them:
 * it is a save file or printer file (downloadable or not at all) as often as a physical file
 * that holds members, and only the server's trailing `/` tells them apart.
 */
const CONTAINER_TYPES: ReadonlySet<string> = new Set(['*DIR', '*DDIR', '*LIB', '*FLR']);
/** Types that hold data of their own: stream files, members, documents, files, user spaces. */
const DATA_TYPES: ReadonlySet<string> = new Set(['*STMF', '*DSTMF', '*MEM', '*DOC', '*FILE', '*USRSPC']);

/** A two-digit year by IBM i's 1940 rule: 40-99 are 19xx, 00-39 are 20xx. */
function fullYear(text: string): number {
  const year = Number(text);
  return year < 40 ? 2000 + year : 1900 + year;
}

/** Year, zero-based month and day of a date word, or undefined when it is in none of the job formats. */
function readDate(word: string): [number, number, number] | undefined {
  let m = DATE_MDY.exec(word);
  if (m) return [fullYear(m[3]), Number(m[1]) - 1, Number(m[2])];
  m = DATE_DMY.exec(word);
  if (m) return [fullYear(m[3]), Number(m[2]) - 1, Number(m[1])];
  m = DATE_ISO.exec(word);
  if (m) return [Number(m[1]), Number(m[2]) - 1, Number(m[3])];
  return undefined;
}

function typeOf(objectType: string, endsWithSlash: boolean): EntryType {
  // A trailing `/` is the server's mark of something that can be listed; for *FILE it is the only one.
  if (endsWithSlash || CONTAINER_TYPES.has(objectType)) return 'dir';
  if (objectType === '*SYMLNK') return 'link';
  // Programs, commands, queues and the like can be neither entered nor retrieved.
  return DATA_TYPES.has(objectType) ? 'file' : 'other';
}

/** Parses one IBM i LIST line into an entry, `'skip'` for `.`/`..`, or null when it is not such a line. */
export function readOs400Line(line: string, ctx?: ListContext): LineOutcome {
  const length = line.length;
  let pos = 0;
  const word = (): string => {
    while (pos < length && isBlank(line.charCodeAt(pos))) pos++;
    const start = pos;
    while (pos < length && !isBlank(line.charCodeAt(pos))) pos++;
    return line.slice(start, pos);
  };

  // Owner, size and date-and-time may each be blank (anonymous sessions; members and some
  // objects have no size or date), but those present keep this order, and the type always comes.
  let current = word();
  let owner: string | undefined;
  if (!current.startsWith('*') && OWNER.test(current)) {
    owner = current;
    current = word();
  }
  let sizeText: string | undefined;
  if (SIZE.test(current)) {
    sizeText = current;
    current = word();
  }
  let modifiedMs: number | undefined;
  const date = readDate(current);
  if (date) {
    const time = TIME.exec(word());
    // The context's helpers clamp a leap second; IBM i never prints one, so :60 and up is no time.
    if (!time || Number(time[4]) > 59) return null;
    modifiedMs = serverTimeMs(ctx, date[0], date[1], date[2], Number(time[1]), Number(time[3]), Number(time[4]));
    if (modifiedMs === undefined) return null;
    current = word();
  }
  if (!OBJECT_TYPE.test(current)) return null;
  const objectType = current;

  // The type column is padded to ten characters by some servers and not by others, so the name
  // starts at the first non-blank after the type; blanks inside the name are kept.
  const typeEnd = pos;
  while (pos < length && isBlank(line.charCodeAt(pos))) pos++;
  if (pos === typeEnd) return null;
  let name = line.slice(pos);
  const endsWithSlash = name.endsWith('/');
  if (endsWithSlash) name = name.slice(0, -1);
  if (name === '') return null;
  if (isDotEntry(name)) return 'skip';

  const type = typeOf(objectType, endsWithSlash);
  const entry: FileEntry = { name, type };
  // A container's size is the space its directory entries take, not its contents' size.
  if (sizeText !== undefined && type !== 'dir') entry.sizeBytes = Number(sizeText);
  if (modifiedMs !== undefined) entry.modifiedMs = modifiedMs;
  if (owner !== undefined) entry.owner = owner;
  if (isHiddenName(name)) entry.isHidden = true;
  return entry;
}
