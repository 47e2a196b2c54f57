/**
 * LIST lines of Sterling Connect:Enterprise for UNIX, a mailbox server whose batches are listed in
 * an `ls -l` look-alike: `-ARTE-----TCP A MAILBOX  batch#  bytes Mon DD HH:MM|YYYY batch-id`.
 * Owns telling these lines from real `ls -l` lines and the batch-list footer.
 * Pure: imports only domain types and sibling helpers; no node:*, no I/O.
 */
import type { FileEntry } from '../../../shared/domain';
import { isDotEntry, monthIndex, recentServerTimeMs, serverTimeMs, type LineOutcome, type ListContext } from './context';
import { tokenize } from './tokens';

// Columns: ten batch status flags and a three-letter protocol fused into one 13-character token
// (`-ARTE-----TCP`, `-C--E-----FTP`, `-SR--M-------`), a one-letter transfer indicator (A, B), the
// mailbox ID, the batch number, the batch's size in bytes, an `ls`-style date and the batch ID.
//
// How this stays apart from `ls -l`, in both directions: an `ls` mode is ten characters, eleven with
// an ACL or attribute mark (`+`, `@`, `.`), and a blank follows it. Here the first token is exactly
// thirteen characters, so this reader takes no `ls -l` line, and the Unix reader takes none of these,
// since the eleventh character here is a protocol letter or dash where it needs a blank or a mark.
// Two more checks back the length up: the flags are upper-case letters and dashes where `ls` modes
// use lower-case `r`, `w` and `x`, and a lone letter stands where `ls` puts the numeric link count.

/** The flags-and-protocol token: ten status flags, then the protocol (or dashes when there is none). */
const FLAGS_AND_PROTOCOL = /^[A-Z-]{13}$/;
const TRANSFER_INDICATOR = /^[A-Z]$/;
const DIGITS = /^\d{1,19}$/;
const DAY = /^\d{1,2}$/;
const CLOCK = /^(\d{1,2}):(\d{2})$/;
const YEAR = /^\d{4}$/;

// A batch listing may end with this count; it names no batch.
const FOOTER_PREFIX = 'total number of batches listed:';

/** The columns before the name, in order: flags, indicator, mailbox, batch, size, month, day, clock/year. */
const COLUMNS = 8;

function isFooter(line: string): boolean {
  const text = line.trim().toLowerCase();
  if (!text.startsWith(FOOTER_PREFIX)) return false;
  return DIGITS.test(text.slice(FOOTER_PREFIX.length).trim());
}

/** Parses one Connect:Enterprise batch line into an entry, `'skip'` for the batch-count footer, or null for other lines. */
export function readConnectEnterpriseLine(line: string, ctx?: ListContext): LineOutcome {
  const tokens = tokenize(line, COLUMNS);
  if (tokens.length < COLUMNS) return isFooter(line) ? 'skip' : null;
  const [flags, indicator, mailbox, batch, size, monthText, dayText, clockOrYear] = tokens;
  if (!FLAGS_AND_PROTOCOL.test(flags.text) || !TRANSFER_INDICATOR.test(indicator.text)) return null;
  if (!DIGITS.test(batch.text) || !DIGITS.test(size.text)) return null;

  const month = monthIndex(monthText.text);
  if (month < 0 || !DAY.test(dayText.text)) return null;
  const day = Number(dayText.text);
  let ms: number | undefined;
  const clock = CLOCK.exec(clockOrYear.text);
  if (clock) ms = recentServerTimeMs(ctx, month, day, Number(clock[1]), Number(clock[2]));
  else if (YEAR.test(clockOrYear.text)) ms = serverTimeMs(ctx, Number(clockOrYear.text), month, day);
  else return null;
  if (ms === undefined) return null;

  // As in `ls -l`, one blank separates the date from the batch ID; any further blanks are part of it.
  const name = line.slice(clockOrYear.end + 1);
  if (name === '') return null;
  if (isDotEntry(name)) return 'skip';

  const entry: FileEntry = { name, type: 'file', modifiedMs: ms, owner: mailbox.text };
  const bytes = Number(size.text);
  if (Number.isSafeInteger(bytes)) entry.sizeBytes = bytes;
  return entry;
}
