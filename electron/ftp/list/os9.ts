/**
 * LIST lines of Microware OS-9 FTP servers, which send the extended directory listing (`dir -e`):
 * `owner  YY/MM/DD HHMM  attributes  sector  bytecount  name` under a `Directory of` line, a column
 * heading and a dashed rule. Owns the attribute string and those headings.
 * Pure: imports only domain types and sibling helpers; no node:*, no I/O.
 */
import type { FileEntry } from '../../../shared/domain';
import { isDotEntry, isHiddenName, serverTimeMs, type LineOutcome, type ListContext } from './context';
import { tokenize, type Token } from './tokens';

// Columns: the owner as `group.user`; the last modification as `YY/MM/DD HHMM` (some tools print a
// four-digit year or `HH:MM`); eight attribute letters `dsewrewr` (directory, non-sharable, public
// execute, write and read, owner execute, write and read) with `-` for each one unset; the sector of
// the file descriptor in hexadecimal, which says where the file is and nothing about its size; the
// size in bytes in decimal; the name. A directory's byte count is the size of its entry table, not content,
// so it is not reported. Names starting with a dot are hidden by `dir` unless asked for with `-a`.

const HEADING = ['owner', 'last', 'modified', 'attributes', 'sector', 'bytecount', 'name'];
const ATTRIBUTES = 'dsewrewr';
/** Runs of dashes under the heading's six column groups. */
const RULE_COLUMNS = 6;

const OWNER = /^\d{1,5}\.\d{1,5}$/;
const DATE = /^(\d{2}|\d{4})\/(\d{2})\/(\d{2})$/;
const TIME = /^(\d{2}):?(\d{2})$/;
const SECTOR = /^[0-9A-Fa-f]{1,8}$/;
const BYTECOUNT = /^\d{1,19}$/;
const RULE = /^-+$/;
const CLOCK = /^\d{1,2}:\d{2}(?::\d{2})?$/;

/** `Directory of <path> [HH:MM:SS]`, the column heading, or the dashed rule beneath it. */
function isHeading(tokens: readonly Token[]): boolean {
  const words = tokens.map((token) => token.text);
  if (words.length >= 3 && words[0] === 'Directory' && words[1] === 'of') {
    // The path is one token; the time of the listing may follow it.
    return words.length === 3 || (words.length === 4 && CLOCK.test(words[3]));
  }
  if (words.length === HEADING.length && words.every((word, i) => word.toLowerCase() === HEADING[i])) return true;
  return words.length === RULE_COLUMNS && words.every((word) => RULE.test(word));
}

function isAttributes(text: string): boolean {
  if (text.length !== ATTRIBUTES.length) return false;
  for (let i = 0; i < text.length; i++) {
    if (text[i] !== '-' && text[i] !== ATTRIBUTES[i]) return false;
  }
  return true;
}

/** Parses one OS-9 `dir -e` line into an entry, `'skip'` for the headings, `.` and `..`, or null for other lines. */
export function readOs9Line(line: string, ctx?: ListContext): LineOutcome {
  const tokens = tokenize(line, 7);
  if (isHeading(tokens)) return 'skip';
  if (tokens.length < 7) return null;
  const [owner, dateText, timeText, attributes, sector, bytecount] = tokens;
  if (!OWNER.test(owner.text) || !isAttributes(attributes.text)) return null;
  if (!SECTOR.test(sector.text) || !BYTECOUNT.test(bytecount.text)) return null;

  const date = DATE.exec(dateText.text);
  const time = TIME.exec(timeText.text);
  if (!date || !time) return null;
  let year = Number(date[1]);
  if (date[1].length === 2) year += year < 70 ? 2000 : 1900;
  const ms = serverTimeMs(ctx, year, Number(date[2]) - 1, Number(date[3]), Number(time[1]), Number(time[2]));
  if (ms === undefined) return null;

  const name = line.slice(bytecount.end).trim();
  if (name === '') return null;
  if (isDotEntry(name)) return 'skip';

  const isDir = attributes.text[0] === 'd';
  // As with `ls -l`, the type letter is shown as the type, the rest as permissions.
  const entry: FileEntry = { name, type: isDir ? 'dir' : 'file', modifiedMs: ms, permissions: attributes.text.slice(1), owner: owner.text };
  const bytes = Number(bytecount.text);
  if (!isDir && Number.isSafeInteger(bytes)) entry.sizeBytes = bytes;
  if (isHiddenName(name)) entry.isHidden = true;
  return entry;
}
