/**
 * LIST lines of the HP NonStop (Tandem) FTP server for the Guardian file system:
 * `NAME  code  eof  D-Mon-YY HH:MM:SS group,user "RWEP"` under a `File Code EOF ...` heading.
 * Owns Guardian name rules, the owner pair and the RWEP security string.
 * Pure: imports only domain types and sibling helpers; no node:*, no I/O.
 */
import type { FileEntry } from '../../../shared/domain';
import { monthIndex, serverTimeMs, type LineOutcome, type ListContext } from './context';
import { words } from './tokens';

// A Guardian subvolume is flat: every line is a file, never a folder. The file code says what kind
// of file (0 unstructured, 100 object code, 101 an EDIT text file, ...), so it does not change the
// entry's type. EOF is the end-of-file offset, i.e. the size in bytes. The owner is `group,user`
// (numbers, sometimes padded as `155, 76`), and RWEP gives who may read, write, execute and purge:
// A any local user, G group, O owner, N/C/U their network-wide counterparts, `-` super ID only.

const HEADING = ['file', 'code', 'eof', 'last', 'modification', 'owner', 'rwep'];

/** Most columns a line can have: name, code, EOF, date, time, owner as two tokens, RWEP. */
const MAX_COLUMNS = 8;

// Guardian file names: a letter, then up to seven letters or digits; no extension.
const GUARDIAN_NAME = /^[A-Za-z][A-Za-z0-9]{0,7}$/;
const FILE_CODE = /^\d{1,5}$/;
const EOF = /^\d{1,19}$/;
const DATE = /^(\d{1,2})-([A-Za-z]{3})-(\d{2})$/;
const TIME = /^(\d{1,2}):(\d{2}):(\d{2})$/;
const OWNER = /^(\d{1,3}),(\d{1,3})$/;
const OWNER_GROUP = /^(\d{1,3}),$/;
const OWNER_USER = /^\d{1,3}$/;
const RWEP = /^"([AGOCUNagocun-]{4})"$/;

function isHeading(tokens: readonly string[]): boolean {
  return tokens.length === HEADING.length && tokens.every((token, i) => token.toLowerCase() === HEADING[i]);
}

/** Parses one Guardian line into an entry, `'skip'` for the heading, or null for other lines. */
export function readTandemLine(line: string, ctx?: ListContext): LineOutcome {
  const tokens = words(line, MAX_COLUMNS + 1);
  if (isHeading(tokens)) return 'skip';
  if (tokens.length < 7 || tokens.length > MAX_COLUMNS) return null;
  const [name, code, eof, dateText, timeText] = tokens;
  if (!GUARDIAN_NAME.test(name) || !FILE_CODE.test(code) || !EOF.test(eof)) return null;

  // The owner is one token (`255,255`) or two when the user number is padded (`155, 76`).
  let owner: string;
  let rwepText: string;
  const pair = OWNER.exec(tokens[5]);
  const group = OWNER_GROUP.exec(tokens[5]);
  if (pair && tokens.length === 7) {
    owner = `${pair[1]},${pair[2]}`;
    rwepText = tokens[6];
  } else if (group && tokens.length === 8 && OWNER_USER.test(tokens[6])) {
    owner = `${group[1]},${tokens[6]}`;
    rwepText = tokens[7];
  } else {
    return null;
  }
  const rwep = RWEP.exec(rwepText);
  if (!rwep) return null;

  const date = DATE.exec(dateText);
  const time = TIME.exec(timeText);
  if (!date || !time) return null;
  const month = monthIndex(date[2]);
  if (month < 0 || Number(time[3]) > 59) return null;
  // Two-digit years, read with the POSIX `%y` pivot: 70-99 are 19xx, 00-69 are 20xx.
  const year = Number(date[3]) + (Number(date[3]) < 70 ? 2000 : 1900);
  const ms = serverTimeMs(ctx, year, month, Number(date[1]), Number(time[1]), Number(time[2]), Number(time[3]));
  if (ms === undefined) return null;

  const entry: FileEntry = { name, type: 'file', modifiedMs: ms, owner, permissions: rwep[1] };
  const bytes = Number(eof);
  if (Number.isSafeInteger(bytes)) entry.sizeBytes = bytes;
  return entry;
}
