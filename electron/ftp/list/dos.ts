/**
 * DOS-style LIST lines as Microsoft IIS sends them by default ("MS-DOS" directory listing style)
 * and as other Windows servers imitate: `01-31-24  02:15PM  <DIR>  name` or `... 1234 name`.
 * Pure: imports only domain types and sibling helpers; no node:*, no I/O.
 */
import type { FileEntry } from '../../../shared/domain';
import { isDotEntry, isHiddenName, serverTimeMs, type LineOutcome, type ListContext } from './context';
import { isBlank } from './tokens';

// date: MM-DD-YY (IIS), MM-DD-YYYY (IIS with four-digit years), MM/DD/YYYY, YYYY-MM-DD;
// time: 12-hour with AM/PM (IIS) or 24-hour; then <DIR> or a size (commas allowed), then the name.
// Read by a scanner that passes over each character once: a line is server input, and a
// backtracking pattern over its runs of blanks and digits can take seconds on one long line.

/** The fields of a DOS line, as text. */
interface DosFields {
  first: string;
  second: string;
  third: string;
  hourText: string;
  minuteText: string;
  secondText?: string;
  meridiem?: string;
  sizeOrDir: string;
  gap: string;
  rest: string;
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** Splits a DOS line into its fields, or null when it does not have that shape. Linear in the line's length. */
function scanDosLine(line: string): DosFields | null {
  let pos = 0;
  const digits = (min: number, max: number): string | null => {
    const start = pos;
    while (pos < line.length && pos - start < max && isDigit(line.charCodeAt(pos))) pos++;
    if (pos - start < min || (pos < line.length && isDigit(line.charCodeAt(pos)))) return null;
    return line.slice(start, pos);
  };
  const blanks = (): number => {
    const start = pos;
    while (pos < line.length && isBlank(line.charCodeAt(pos))) pos++;
    return pos - start;
  };
  const first = digits(1, 4);
  if (first === null) return null;
  const separator = line[pos];
  if (separator !== '-' && separator !== '/') return null;
  pos++;
  const second = digits(1, 2);
  if (second === null || line[pos] !== separator) return null;
  pos++;
  const third = digits(1, 4);
  if (third === null || blanks() === 0) return null;
  const hourText = digits(1, 2);
  if (hourText === null || line[pos] !== ':') return null;
  pos++;
  const minuteText = digits(2, 2);
  if (minuteText === null) return null;
  let secondText: string | undefined;
  if (line[pos] === ':') {
    pos++;
    const s = digits(2, 2);
    if (s === null) return null;
    secondText = s;
  }
  let blankCount = blanks();
  let meridiem: string | undefined;
  const am = line.slice(pos, pos + 2);
  if (/^[AaPp][Mm]$/.test(am)) {
    meridiem = am;
    pos += 2;
    blankCount = blanks();
  }
  if (blankCount === 0) return null;
  let sizeOrDir: string;
  if (line.startsWith('<DIR>', pos)) {
    sizeOrDir = '<DIR>';
    pos += 5;
  } else {
    const start = pos;
    if (!isDigit(line.charCodeAt(pos))) return null;
    while (pos < line.length && (isDigit(line.charCodeAt(pos)) || line[pos] === ',')) pos++;
    sizeOrDir = line.slice(start, pos);
  }
  const gapStart = pos;
  if (blanks() === 0) return null;
  return { first, second, third, hourText, minuteText, secondText, meridiem, sizeOrDir, gap: line.slice(gapStart, pos), rest: line.slice(pos) };
}

/** IIS pads `<DIR>` to a fixed column: the name always starts ten spaces after it. */
const IIS_DIR_PADDING = 10;

/** A two-digit year as IIS prints it: 70-99 are 19xx, 00-69 are 20xx (the POSIX `%y` pivot). */
function fullYear(text: string): number {
  const year = Number(text);
  if (text.length > 2) return year;
  return year < 70 ? 2000 + year : 1900 + year;
}

/** Parses one DOS/IIS line into an entry, `'skip'` for `.`/`..`, or null when it is not such a line. */
export function readDosLine(line: string, ctx?: ListContext): LineOutcome {
  const fields = scanDosLine(line);
  if (!fields) return null;
  const { first, second, third, hourText, minuteText, secondText, meridiem, sizeOrDir, gap, rest } = fields;

  let year: number;
  let month: number;
  let day: number;
  if (first.length === 4) {
    [year, month, day] = [Number(first), Number(second), Number(third)];
  } else if (first.length <= 2 && (third.length === 2 || third.length === 4)) {
    [month, day, year] = [Number(first), Number(second), fullYear(third)];
  } else {
    return null;
  }

  let hour = Number(hourText);
  if (meridiem) {
    if (hour < 1 || hour > 12) return null;
    // 12:xxAM is just after midnight and 12:xxPM just after noon.
    const pm = meridiem.toLowerCase() === 'pm';
    hour = (hour % 12) + (pm ? 12 : 0);
  }

  const isDir = sizeOrDir === '<DIR>';
  // After a size IIS puts exactly one space; after <DIR> it pads to a column. Anything beyond that
  // is part of the name (leading spaces are legal in Windows names via the FTP service).
  let name: string;
  if (isDir) name = gap.length >= IIS_DIR_PADDING ? gap.slice(IIS_DIR_PADDING) + rest : rest;
  else name = gap.slice(1) + rest;
  if (name === '') return null;
  if (isDotEntry(name)) return 'skip';

  const entry: FileEntry = { name, type: isDir ? 'dir' : 'file' };
  if (!isDir) entry.sizeBytes = Number(sizeOrDir.replace(/,/g, ''));
  const ms = serverTimeMs(ctx, year, month - 1, day, hour, Number(minuteText), Number(secondText ?? 0));
  if (ms !== undefined) entry.modifiedMs = ms;
  if (isHiddenName(name)) entry.isHidden = true;
  return entry;
}

/** Parses one DOS/IIS line, or returns null for `.`, `..` and lines that are not DOS style. */
export function parseDosLine(line: string, ctx?: ListContext): FileEntry | null {
  const outcome = readDosLine(line, ctx);
  return outcome === 'skip' ? null : outcome;
}
