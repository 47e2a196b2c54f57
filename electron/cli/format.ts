/**
 * Output formatting of the command line: the one-line error, the `ls -l`-like table, JSON
 * records, verbose log lines, byte counts and rates. Pure functions, no I/O.
 * Must not import electron.
 */
import type { ErrorInfo, FileEntry } from '../../shared/domain';
import { errorInfoOf, systemErrorWords } from '../../shared/errorText';
import type { FtpLogEvent } from '../ftp';
import { UsageError } from './usageError';

/** A failure on the local side (a file that cannot be read or written), worded for the user. */
export class LocalFileError extends Error {
  readonly path: string;
  constructor(message: string, path: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'LocalFileError';
    this.path = path;
  }
}

/** A failure the command itself detects (no checksum command, a file bigger than its source, ...). */
export class CliError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CliError';
  }
}

/** The `code` of a Node system error (ENOENT, EACCES...), if it is one. */
export function errnoCode(err: unknown): string | undefined {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** Words for a local file-system error after what was being done: `cannot read a.bin: permission denied (EACCES)`. */
export function describeErrno(err: unknown): string {
  const code = errnoCode(err);
  const words = code && systemErrorWords(code);
  if (words) return `${words} (${code})`;
  return err instanceof Error ? err.message : String(err);
}

/**
 * Text a server supplied, made safe to print on a terminal: C0 and C1 control characters and DEL
 * are shown as `\xHH`, so a file name or a reply cannot move the cursor, retitle the window, clear
 * the screen or forge a line; the marks that reorder text right to left (bidirectional
 * overrides and isolates, as in "Trojan Source") and the line and paragraph separators are shown
 * as `\u{HHHH}`, so a name reads as it is.
 */
export function terminalSafe(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (c) => {
    const code = c.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u{${code.toString(16)}}`;
  });
}

/**
 * One JSON value as a line for `--json` output. JSON.stringify leaves C1 controls, separators and
 * bidirectional marks as they are, and a terminal would act on them: they are written as \uHHHH.
 */
export function jsonLine(value: unknown): string {
  return JSON.stringify(value).replace(/[\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * The single line printed on failure, in the words the window uses (shared/errorText.ts):
 * `ferry: 550 No such file (after RETR /x)`. Never contains a line break.
 */
export function formatErrorLine(err: unknown): string {
  const info = errorInfoOf(err);
  // The queue's TransferError keeps the engine's error, with the key, as its cause.
  const key = info.hostKey ?? errorInfoOf((err as { cause?: unknown } | null)?.cause ?? null).hostKey;
  // An SSH host key nothing vouches for: the line names it and how to trust it, as for a certificate.
  if (key && info.kind === 'host-key-unknown') {
    return `ferry: ${terminalSafe(`unknown host key for ${key.host}:${key.port}: ${key.type} ${key.fingerprint} (add --fingerprint ${key.fingerprint} if you trust it)`)}`;
  }
  const hint = info.certificate ? `; to trust this certificate, pass --fingerprint ${info.certificate.fingerprint256}` : '';
  return `ferry: ${terminalSafe(`${info.message}${hint}`.replace(/\s*[\r\n]+\s*/g, ' ').trim())}`;
}

/** The error as a JSON-ready record (for --json): kind, message, and the reply code and command when a server refused. */
export function errorRecord(err: unknown): ErrorInfo {
  // The command line's own errors: a usage error's `command` is the subcommand, not one a server refused.
  if (err instanceof UsageError) return { kind: 'usage', message: err.message };
  if (err instanceof LocalFileError) return { kind: 'local', message: err.message };
  if (err instanceof CliError) return { kind: 'cli', message: err.message };
  return errorInfoOf(err);
}

/** Exact byte count with thousands separators: 1234567 → `1,234,567`. */
export function formatCount(value: number): string {
  return String(Math.round(value)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** A size for progress lines, in binary units: `512 B`, `1.5 KiB`, `3.25 GiB`. */
export function formatBytes(bytes: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  if (unit === 0) return `${bytes} B`;
  return `${value.toFixed(value < 10 ? 2 : value < 100 ? 1 : 0)} ${units[unit]}`;
}

const TYPE_CHAR: Record<FileEntry['type'], string> = { file: '-', dir: 'd', link: 'l', other: '?' };

/** Two-digit field. */
const pad2 = (n: number) => String(n).padStart(2, '0');

/** `2024-05-01 13:07` in the given zone offset (minutes east of UTC; default: this machine's zone at that time). */
export function formatTime(ms: number | undefined, offsetMinutes?: number): string {
  if (ms === undefined) return '';
  const offset = offsetMinutes ?? -new Date(ms).getTimezoneOffset();
  const d = new Date(ms + offset * 60_000);
  return `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())} ${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}`;
}

/** Sorts folders first, then by name (code-point order, like `LC_ALL=C ls`). */
export function sortEntries(entries: readonly FileEntry[]): FileEntry[] {
  return [...entries].sort((a, b) => {
    const aDir = a.type === 'dir' ? 0 : 1;
    const bDir = b.type === 'dir' ? 0 : 1;
    if (aDir !== bDir) return aDir - bDir;
    return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
  });
}

/**
 * An `ls -l`-like table: type and permissions, owner and group (when the listing has them), size,
 * modification time, name (and ` -> target` for links). Columns are aligned; one entry a line.
 */
export function formatListing(entries: readonly FileEntry[], opts: { offsetMinutes?: number } = {}): string[] {
  const hasOwner = entries.some((e) => e.owner !== undefined || e.group !== undefined);
  // MLSD often carries no permissions: then the column shows only the type, not a row of question marks.
  const hasPermissions = entries.some((e) => e.permissions !== undefined);
  const rows = entries.map((e) => {
    const mode = `${TYPE_CHAR[e.type]}${hasPermissions ? (e.permissions ?? '?????????') : ''}`;
    return {
      mode: terminalSafe(mode),
      owner: terminalSafe(e.owner ?? '-'),
      group: terminalSafe(e.group ?? '-'),
      size: e.sizeBytes === undefined ? '-' : String(e.sizeBytes),
      time: formatTime(e.modifiedMs, opts.offsetMinutes) || '-',
      name: terminalSafe(e.type === 'link' && e.linkTarget ? `${e.displayName ?? e.name} -> ${e.linkTarget}` : (e.displayName ?? e.name)),
    };
  });
  // A loop, not Math.max(...rows): spreading a listing of 100,000+ rows overflows the call stack.
  const width = (key: 'mode' | 'owner' | 'group' | 'size' | 'time') => rows.reduce((widest, r) => Math.max(widest, r[key].length), 0);
  const w = { mode: width('mode'), owner: width('owner'), group: width('group'), size: width('size'), time: width('time') };
  return rows.map((r) => {
    const cells = [r.mode.padEnd(w.mode)];
    if (hasOwner) cells.push(r.owner.padEnd(w.owner), r.group.padEnd(w.group));
    cells.push(r.size.padStart(w.size), r.time.padEnd(w.time), r.name);
    return cells.join(' ');
  });
}

/** One listing entry for --json: the engine's fields, with the time also as an ISO string. */
export function entryRecord(entry: FileEntry): Record<string, unknown> {
  return {
    ...entry,
    ...(entry.modifiedMs !== undefined ? { modified: new Date(entry.modifiedMs).toISOString() } : {}),
  };
}

/** A verbose log line: `> USER ferry`, `< 331 Password required`, `* Connecting ...`, `! error`. */
export function formatLogEvent(event: FtpLogEvent): string {
  const mark = event.kind === 'command' ? '>' : event.kind === 'reply' ? '<' : event.kind === 'error' ? '!' : '*';
  const lines = event.text.split(/\r?\n/);
  return lines.map((line) => `${mark} ${terminalSafe(line)}`).join('\n');
}

/** A progress line: `  42% 420.0 MiB / 1000.0 MiB  110.3 MiB/s` (no total when unknown). */
export function formatProgress(bytes: number, totalBytes: number | undefined, bytesPerSecond: number): string {
  const rate = `${formatBytes(bytesPerSecond)}/s`;
  if (totalBytes === undefined || totalBytes <= 0) return `${formatBytes(bytes)}  ${rate}`;
  const percent = Math.min(100, Math.floor((bytes / totalBytes) * 100));
  return `${String(percent).padStart(3)}% ${formatBytes(bytes)} / ${formatBytes(totalBytes)}  ${rate}`;
}
