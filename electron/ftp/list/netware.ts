/**
 * LIST lines of Novell NetWare's FTP server: `d [RWCEAFMS] owner  size Mon DD HH:MM name` and
 * `- [R----F--] owner  size Mon DD  YYYY name`. Owns the type character, the bracketed trustee
 * rights and the `ls`-like date that follows them.
 * Pure: imports only domain types and sibling helpers; no node:*, no I/O.
 */
import type { FileEntry } from '../../../shared/domain';
import {
  isDotEntry,
  isHiddenName,
  monthIndex,
  recentServerTimeMs,
  serverTimeMs,
  type LineOutcome,
  type ListContext,
} from './context';
import { isBlank } from './tokens';

// Read by a scanner that looks at each character once or twice: a line is server input, and a
// backtracking pattern over its runs of blanks and digits can take seconds on one long line.

/**
 * The eight trustee rights, each printed as its letter or `-`: Read, Write, Create, Erase,
 * Access control, File scan, Modify, Supervisory. Servers print them in this order, but only
 * the letters are checked so that a server with its own order is still read.
 */
const RIGHTS = 'RWCEAFMS-';
const RIGHTS_LENGTH = 8;
// `d [` + rights + `]`
const RIGHTS_END = 3 + RIGHTS_LENGTH;

const DIGITS = /^\d+$/;
const DAY = /^\d{1,2}$/;
const CLOCK = /^(\d{1,2}):(\d\d)$/;
const YEAR = /^\d{4}$/;

/** Parses one NetWare LIST line into an entry, `'skip'` for `.`/`..`, or null when it is not such a line. */
export function readNetwareLine(line: string, ctx?: ListContext): LineOutcome {
  // The type is `d` or `-` followed by one blank and the bracket: this is what no `ls -l` line
  // has, whose second character is a permission bit.
  const kind = line[0];
  if ((kind !== 'd' && kind !== '-') || line[1] !== ' ' || line[2] !== '[' || line[RIGHTS_END] !== ']') return null;
  for (let i = 3; i < RIGHTS_END; i++) if (!RIGHTS.includes(line[i])) return null;

  const length = line.length;
  let pos = RIGHTS_END + 1;
  if (pos >= length || !isBlank(line.charCodeAt(pos))) return null;
  const word = (): string => {
    while (pos < length && isBlank(line.charCodeAt(pos))) pos++;
    const start = pos;
    while (pos < length && !isBlank(line.charCodeAt(pos))) pos++;
    return line.slice(start, pos);
  };

  // Owner, size, month, day, then a time (recent dates) or a year (older ones), as `ls -l` has
  // them. The owner is any word, a number included: some servers print `0` there.
  const owner = word();
  const sizeText = word();
  const monthText = word();
  if (!DIGITS.test(sizeText)) return null;
  const month = monthIndex(monthText);
  const dayText = word();
  if (month < 0 || !DAY.test(dayText)) return null;
  const timeOrYear = word();
  const day = Number(dayText);
  let modifiedMs: number | undefined;
  const clock = CLOCK.exec(timeOrYear);
  if (clock) modifiedMs = recentServerTimeMs(ctx, month, day, Number(clock[1]), Number(clock[2]));
  else if (YEAR.test(timeOrYear)) modifiedMs = serverTimeMs(ctx, Number(timeOrYear), month, day);
  else return null;
  if (modifiedMs === undefined) return null;

  // Servers pad the date to a column, by one blank or several, so the name starts at the first
  // non-blank (a name's own leading blank could not be told from that padding).
  const dateEnd = pos;
  while (pos < length && isBlank(line.charCodeAt(pos))) pos++;
  if (pos === dateEnd) return null;
  const name = line.slice(pos);
  if (name === '') return null;
  if (isDotEntry(name)) return 'skip';

  const isDir = kind === 'd';
  const entry: FileEntry = { name, type: isDir ? 'dir' : 'file' };
  // A folder's size is the directory's own allocation (512 and the like), not its contents'.
  if (!isDir) entry.sizeBytes = Number(sizeText);
  entry.modifiedMs = modifiedMs;
  // Shown as sent: the rights are not Unix permission bits and cannot be turned into a mode.
  entry.permissions = line.slice(2, RIGHTS_END + 1);
  entry.owner = owner;
  if (isHiddenName(name)) entry.isHidden = true;
  return entry;
}
