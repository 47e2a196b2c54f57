/**
 * LIST lines of the IBM z/VM FTP server for CMS minidisks and Shared File System (SFS) directories,
 * in its default VM list format (`FILENAME FILETYPE FORMAT LRECL RECORDS BLOCKS DATE TIME OWNER`) and
 * in the CMS FILELIST layout that adds a file mode (`FILENAME FILETYPE FM FORMAT ...`). Owns the
 * `FILENAME.FILETYPE` naming, SFS directory lines and the FILELIST heading.
 * Pure: imports only domain types and sibling helpers; no node:*, no I/O.
 */
import type { FileEntry } from '../../../shared/domain';
import { serverTimeMs, type LineOutcome, type ListContext } from './context';
import { words } from './tokens';

// Shapes, column by column:
//   PROFILE  EXEC     V         71         12          1 2024-03-05 12:00:01 MAINT191
//   PROFILE  EXEC     A1 V      71         12          1  3/05/24  12:00:01
//   PROJECTS          DIR        -          -          - 2024-03-05 12:00:01 -
// The z/VM server ends each line with one more column, the owner, or `-` when it shows none; the
// FILELIST layout has no such column. An SFS directory has no file type, its format reads DIR and
// its three counts are dashes.
//
// Sizes: a file of fixed-length records (format F) holds exactly LRECL x RECORDS bytes, which is also
// the size the z/VM server reports for it in its UNIX list format. A variable-length (V) file's records
// are only bounded by LRECL and its blocks have no size on the line, so its size stays unknown.

// The FILELIST layout's column heading.
const HEADING = ['filename', 'filetype', 'fm', 'format', 'lrecl', 'records', 'blocks', 'date', 'time'];

/** Most columns a line can have: name, type, mode, format, three counts, date, time, owner. */
const MAX_COLUMNS = 10;

// CMS file names and types are 1-8 characters from this set; SFS directory names run to 16.
const CMS_NAME = /^[A-Za-z0-9$#@+_-]{1,8}$/;
const SFS_DIRECTORY_NAME = /^[A-Za-z0-9$#@+_-]{1,16}$/;
const FILE_MODE = /^[A-Z][0-6]?$/;
const COUNT = /^\d{1,10}$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
// Some CMS levels print years past 1999 as 100, 101, ... (a year-2000 flaw), so `1/03/102` is 2002.
const US_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{2,4})$/;
const TIME = /^(\d{1,2}):(\d{2}):(\d{2})$/;

/** A calendar date of either layout as [year, month0, day], or undefined. */
function readDate(text: string): [number, number, number] | undefined {
  const iso = ISO_DATE.exec(text);
  if (iso) return [Number(iso[1]), Number(iso[2]) - 1, Number(iso[3])];
  const us = US_DATE.exec(text);
  if (!us) return undefined;
  const yearText = us[3];
  let year = Number(yearText);
  if (yearText.length === 2) year += year < 70 ? 2000 : 1900;
  else if (yearText.length === 3) year += 1900;
  return [year, Number(us[1]) - 1, Number(us[2])];
}

function isHeading(tokens: readonly string[]): boolean {
  return tokens.length === HEADING.length && tokens.every((token, i) => token.toLowerCase() === HEADING[i]);
}

/** Parses one z/VM (CMS/SFS) line into an entry, `'skip'` for the FILELIST heading, or null for other lines. */
export function readZvmLine(line: string, ctx?: ListContext): LineOutcome {
  const tokens = words(line, MAX_COLUMNS + 1);
  if (tokens.length > MAX_COLUMNS || tokens.length < 7) return null;
  if (isHeading(tokens)) return 'skip';

  // The date and time close the line, or come just before the owner column.
  let dateAt = tokens.length - 2;
  let owner: string | undefined;
  if (!readDate(tokens[dateAt]) || !TIME.test(tokens[dateAt + 1])) {
    dateAt = tokens.length - 3;
    owner = tokens[tokens.length - 1];
  }
  const date = readDate(tokens[dateAt]);
  const time = TIME.exec(tokens[dateAt + 1]);
  if (!date || !time) return null;

  const format = tokens[dateAt - 4];
  const [lrecl, records, blocks] = tokens.slice(dateAt - 3, dateAt);
  const names = tokens.slice(0, dateAt - 4);
  if (names.length === 0) return null;
  const isDir = format === 'DIR';
  let name: string;
  if (isDir) {
    // SFS directories have no file type; a second column can only be the FILELIST file mode.
    if (names.length === 2 && !FILE_MODE.test(names[1])) return null;
    if (names.length > 2 || !SFS_DIRECTORY_NAME.test(names[0])) return null;
    if (![lrecl, records, blocks].every((count) => count === '-' || COUNT.test(count))) return null;
    name = names[0];
  } else {
    if (format !== 'F' && format !== 'V') return null;
    if (names.length < 2 || names.length > 3) return null;
    if (!CMS_NAME.test(names[0]) || !CMS_NAME.test(names[1])) return null;
    if (names.length === 3 && !FILE_MODE.test(names[2])) return null;
    if (![lrecl, records, blocks].every((count) => COUNT.test(count))) return null;
    name = `${names[0]}.${names[1]}`;
  }

  const [year, month0, day] = date;
  const ms = serverTimeMs(ctx, year, month0, day, Number(time[1]), Number(time[2]), Number(time[3]));
  if (ms === undefined || Number(time[3]) > 59) return null;

  const entry: FileEntry = { name, type: isDir ? 'dir' : 'file', modifiedMs: ms };
  if (format === 'F') {
    const bytes = Number(lrecl) * Number(records);
    if (Number.isSafeInteger(bytes)) entry.sizeBytes = bytes;
  }
  if (owner !== undefined && owner !== '-') entry.owner = owner;
  return entry;
}
