/**
 * Turns the chunks of a listing's data connection into results: entries for MLSD/LIST, names for
 * NLST. Chunks split characters and lines anywhere, so lines are found in the bytes first and each
 * is decoded in the session's charset (charset.ts), which an Auto session may switch on the way.
 * Each reader takes a chunk, or undefined once the data has ended.
 * Must not import electron or React.
 */
import type { FileEntry } from '../../shared/domain';
import { displayNameOf, type CharsetHost, type DecodedLine, LineDecoder } from './charset';
import type { ListParser } from './list';

/** How much of the first unreadable line the log shows. */
const UNPARSED_PREVIEW_LENGTH = 120;

/** The log line for a listing with `count` lines no reader could read, showing the first. */
export function unparsedSummary(count: number, first: string): string {
  const preview = first.length > UNPARSED_PREVIEW_LENGTH ? `${first.slice(0, UNPARSED_PREVIEW_LENGTH)}…` : first;
  return `${count === 1 ? '1 line' : `${count} lines`} of this listing could not be read; the first: ${JSON.stringify(preview)}`;
}

/**
 * Reads MLSD/LIST data through `parser`; the lines it cannot read are counted and logged once,
 * when the listing ends (one odd server must not flood the log, nor lose lines silently). Entries of
 * an ISO-8859-1 session get their readable `displayName` when their octets are UTF-8.
 * `onSwitch` hears how many entries came before the line at which an Auto session switched to
 * ISO-8859-1: those were read as UTF-8.
 */
export function listingReader(
  parser: ListParser,
  host: CharsetHost,
  log: (message: string) => void,
  onSwitch?: (entriesBefore: number) => void,
): (chunk: Buffer | undefined) => FileEntry[] {
  const decoder = new LineDecoder(host);
  let unparsedCount = 0;
  let firstUnparsed = '';
  let produced = 0;
  const report = (unparsed: string[]) => {
    if (unparsed.length === 0) return;
    if (unparsedCount === 0) firstUnparsed = unparsed[0];
    unparsedCount += unparsed.length;
  };
  const parse = (lines: DecodedLine[], out: FileEntry[]) => {
    for (const line of lines) {
      if (line.isOverlong) {
        report([line.text]);
        continue;
      }
      if (line.isSwitch) onSwitch?.(produced);
      const batch = parser.push(`${line.text}\n`);
      report(batch.unparsed);
      for (const entry of batch.entries) out.push(finish(entry));
    }
  };
  const finish = (entry: FileEntry): FileEntry => {
    produced++;
    if (host.charset === 'latin1') {
      const readable = displayNameOf(entry.name);
      if (readable !== undefined) entry.displayName = readable;
    }
    return entry;
  };
  return (chunk) => {
    const out: FileEntry[] = [];
    if (chunk !== undefined) {
      parse(decoder.push(chunk), out);
      return out;
    }
    parse(decoder.end(), out);
    const tail = parser.end();
    report(tail.unparsed);
    for (const entry of tail.entries) out.push(finish(entry));
    if (unparsedCount > 0) log(unparsedSummary(unparsedCount, firstUnparsed.replace(/\r$/, '')));
    return out;
  };
}

/** Reads NLST data into `names`, one per non-empty line; yields nothing itself. */
export function nameListReader(host: CharsetHost, names: string[]): (chunk: Buffer | undefined) => never[] {
  const decoder = new LineDecoder(host);
  const take = (lines: DecodedLine[]) => {
    for (const { text, isOverlong } of lines) {
      if (isOverlong) continue;
      const name = text.endsWith('\r') ? text.slice(0, -1) : text;
      if (name !== '') names.push(name);
    }
  };
  return (chunk) => {
    take(chunk === undefined ? decoder.end() : decoder.push(chunk));
    return [];
  };
}
