/**
 * DOS-style LIST lines as Microsoft IIS sends them by default ("MS-DOS" directory listing style)
 * and as other Windows servers imitate: `01-31-24  02:15PM  <DIR>  name` or `... 1234 name`.
 * Pure: imports only domain types and sibling helpers; no node:*, no I/O.
 */
import type { FileEntry } from '../../../shared/domain';
import { isDotEntry, isHiddenName, serverTimeMs, type LineOutcome, type ListContext } from './context';

// date: MM-DD-YY (IIS), MM-DD-YYYY (IIS with four-digit years), MM/DD/YYYY, YYYY-MM-DD;
// time: 12-hour with AM/PM (IIS) or 24-hour; then <DIR> or a size (commas allowed), then the name.
const DOS = /^(\d{1,4})([-/])(\d{1,2})\2(\d{1,4})[ \t]+(\d{1,2}):(\d{2})(?::(\d{2}))?[ \t]*([AaPp][Mm])?[ \t]+(<DIR>|\d[\d,]*)([ \t]+)(.*)$/;

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
  const m = DOS.exec(line);
  if (!m) return null;
  const [, first, , second, third, hourText, minuteText, secondText, meridiem, sizeOrDir, gap, rest] = m;

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
