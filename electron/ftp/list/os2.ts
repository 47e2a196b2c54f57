/**
 * LIST lines of IBM's OS/2 FTP server: `size  attributes  MM-DD-YY  HH:MM  name`, e.g.
 * `     0           DIR   05-12-97   16:44  PSFONTS` or ` 36611      A          04-23-103   10:57  a b.txt`.
 * Owns the attribute column (`DIR` marks a folder, `H` a hidden entry) and the servers' years.
 * Pure: imports only domain types and sibling helpers; no node:*, no I/O.
 */
import type { FileEntry } from '../../../shared/domain';
import { isDotEntry, isHiddenName, serverTimeMs, type LineOutcome, type ListContext } from './context';
import { isBlank } from './tokens';

// Read by a scanner that passes over each character at most twice: a line is server input, and a
// backtracking pattern over its runs of blanks and digits can take seconds on one long line.

// The file attributes OS/2 keeps on FAT and HPFS: archive, read-only, hidden, system. Servers
// print the set ones run together (`RSA`, `RHS`), so only the letters are checked, not their order.
const ATTRIBUTE_LETTERS = /^[ARHS]+$/;

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/**
 * The year of an OS/2 date. Servers that are not year-2000 aware print `tm_year`, the years since
 * 1900, so 2003 arrives as `103`; the others print the last two digits, read with the POSIX `%y`
 * pivot (70-99 are 19xx), which also covers the unaware ones before 2000.
 */
function fullYear(text: string): number {
  const year = Number(text);
  if (text.length === 3) return 1900 + year;
  return year < 70 ? 2000 + year : 1900 + year;
}

/** Parses one OS/2 LIST line into an entry, `'skip'` for `.`/`..`, or null when it is not such a line. */
export function readOs2Line(line: string, ctx?: ListContext): LineOutcome {
  const length = line.length;
  let pos = 0;
  const blanks = (): number => {
    const start = pos;
    while (pos < length && isBlank(line.charCodeAt(pos))) pos++;
    return pos - start;
  };
  const digits = (min: number, max: number): string | null => {
    const start = pos;
    while (pos < length && pos - start < max && isDigit(line.charCodeAt(pos))) pos++;
    if (pos - start < min || (pos < length && isDigit(line.charCodeAt(pos)))) return null;
    return line.slice(start, pos);
  };

  // The size is right-aligned in its column, so the line usually starts with blanks.
  blanks();
  const sizeText = digits(1, Number.POSITIVE_INFINITY);
  if (sizeText === null || blanks() === 0) return null;

  // Zero or more attribute words: a file with no attribute bit set leaves the column blank, and a
  // folder can carry letters as well as DIR (" 1123 DIR  A    10-05-100  23:38  name").
  let isDir = false;
  let hasHiddenBit = false;
  for (;;) {
    const start = pos;
    while (pos < length && !isBlank(line.charCodeAt(pos))) pos++;
    const word = line.slice(start, pos);
    if (word === 'DIR') isDir = true;
    else if (ATTRIBUTE_LETTERS.test(word)) hasHiddenBit ||= word.includes('H');
    else {
      pos = start;
      break;
    }
    if (blanks() === 0) return null;
  }

  const monthText = digits(1, 2);
  if (monthText === null || line[pos] !== '-') return null;
  pos++;
  const dayText = digits(1, 2);
  if (dayText === null || line[pos] !== '-') return null;
  pos++;
  const yearText = digits(2, 3);
  if (yearText === null || blanks() === 0) return null;
  const hourText = digits(1, 2);
  if (hourText === null || line[pos] !== ':') return null;
  pos++;
  const minuteText = digits(2, 2);
  if (minuteText === null || blanks() === 0) return null;

  // The server pads the time column with two blanks; others use more, so the name starts at the
  // first non-blank (HPFS names may contain blanks, but a leading one cannot be told from padding).
  const name = line.slice(pos);
  if (name === '') return null;

  const modifiedMs = serverTimeMs(ctx, fullYear(yearText), Number(monthText) - 1, Number(dayText), Number(hourText), Number(minuteText));
  if (modifiedMs === undefined) return null;
  if (isDotEntry(name)) return 'skip';

  const entry: FileEntry = { name, type: isDir ? 'dir' : 'file' };
  // A folder's size column holds 0 or an allocation figure, never its contents' size.
  if (!isDir) entry.sizeBytes = Number(sizeText);
  entry.modifiedMs = modifiedMs;
  if (hasHiddenBit || isHiddenName(name)) entry.isHidden = true;
  return entry;
}
