/**
 * LIST lines of the Wind River VxWorks FTP server (ftpdLib) on dosFs volumes, which sends
 * the target shell's long `ls` output: `  size  MON-DD-YYYY  HH:MM:SS  name  [<DIR>]` under a
 * `size date time name` heading and a dashed rule. Owns the trailing `<DIR>` mark and those headings.
 * Pure: imports only domain types and sibling helpers; no node:*, no I/O.
 */
import type { FileEntry } from '../../../shared/domain';
import { isDotEntry, monthIndex, serverTimeMs, type LineOutcome, type ListContext } from './context';
import { isBlank, tokenize, type Token } from './tokens';

// What the server really sends (for example `     512    JAN-01-1980  00:00:00   TMP      <DIR>`):
// the size comes first, the date is one token with dashes and an upper-case month, a time with
// seconds follows, and the name is padded to a column, after which folders carry `<DIR>`. A folder's
// size is its allocation on the volume rather than content, so it is not reported.
// A VxWorks server whose listing imitates `ls -l` instead is the Unix reader's.

const HEADING = ['size', 'date', 'time', 'name'];
const DIR_MARK = '<DIR>';

const SIZE = /^\d{1,19}$/;
const DATE = /^([A-Za-z]{3})-(\d{1,2})-(\d{4})$/;
const TIME = /^(\d{1,2}):(\d{2}):(\d{2})$/;
const RULE = /^-+$/;

/** The heading `size date time name` or the rule of four dash runs beneath it. */
function isHeading(tokens: readonly Token[]): boolean {
  if (tokens.length !== HEADING.length) return false;
  return tokens.every((token, i) => token.text === HEADING[i]) || tokens.every((token) => RULE.test(token.text));
}

/** Parses one VxWorks line into an entry, `'skip'` for the headings, `.` and `..`, or null for other lines. */
export function readVxWorksLine(line: string, ctx?: ListContext): LineOutcome {
  const tokens = tokenize(line, 5);
  if (isHeading(tokens)) return 'skip';
  if (tokens.length < 4) return null;
  const [size, dateText, timeText] = tokens;
  if (!SIZE.test(size.text)) return null;
  const date = DATE.exec(dateText.text);
  const time = TIME.exec(timeText.text);
  if (!date || !time) return null;
  const month = monthIndex(date[1]);
  if (month < 0 || Number(time[3]) > 59) return null;
  const ms = serverTimeMs(ctx, Number(date[3]), month, Number(date[2]), Number(time[1]), Number(time[2]), Number(time[3]));
  if (ms === undefined) return null;

  // The name is padded to a column, so blanks around it are layout, not part of it.
  let name = line.slice(timeText.end).trim();
  const isDir = name === DIR_MARK || (name.endsWith(DIR_MARK) && isBlank(name.charCodeAt(name.length - DIR_MARK.length - 1)));
  if (isDir) name = name.slice(0, -DIR_MARK.length).trimEnd();
  if (name === '') return null;
  if (isDotEntry(name)) return 'skip';

  const entry: FileEntry = { name, type: isDir ? 'dir' : 'file', modifiedMs: ms };
  const bytes = Number(size.text);
  if (!isDir && Number.isSafeInteger(bytes)) entry.sizeBytes = bytes;
  return entry;
}
