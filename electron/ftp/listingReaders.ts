/**
 * Turns the chunks of a listing's data connection into results: entries for MLSD/LIST, names for
 * NLST. Chunks split characters and lines anywhere, so both decode and split incrementally.
 * Each reader takes a chunk, or undefined once the data has ended.
 * Must not import electron or React.
 */
import { StringDecoder } from 'node:string_decoder';
import type { FileEntry } from '../../shared/domain';
import type { ListParser } from './list';

/** At most this many unparsable lines are logged per listing: one odd server must not flood the log. */
const UNPARSED_LOG_LIMIT = 20;

/** Reads MLSD/LIST data through `parser`, logging (a few of) the lines it cannot parse. */
export function listingReader(
  parser: ListParser,
  encoding: 'utf8' | 'latin1',
  log: (message: string) => void,
): (chunk: Buffer | undefined) => FileEntry[] {
  const decoder = new StringDecoder(encoding);
  let unparsedLogged = 0;
  const report = (unparsed: string[]) => {
    for (const line of unparsed) {
      if (unparsedLogged++ < UNPARSED_LOG_LIMIT) log(`Could not parse listing line: ${line}`);
    }
  };
  return (chunk) => {
    const batch = chunk === undefined ? parser.push(decoder.end()) : parser.push(decoder.write(chunk));
    report(batch.unparsed);
    if (chunk !== undefined) return batch.entries;
    const tail = parser.end();
    report(tail.unparsed);
    return [...batch.entries, ...tail.entries];
  };
}

/** Reads NLST data into `names`, one per non-empty line; yields nothing itself. */
export function nameListReader(encoding: 'utf8' | 'latin1', names: string[]): (chunk: Buffer | undefined) => never[] {
  const decoder = new StringDecoder(encoding);
  let partial = '';
  const take = (text: string, final: boolean) => {
    const lines = (partial + text).split(/\r?\n/);
    partial = final ? '' : lines.pop() ?? '';
    for (const line of lines) if (line !== '') names.push(line);
  };
  return (chunk) => {
    take(chunk === undefined ? decoder.end() : decoder.write(chunk), chunk === undefined);
    return [];
  };
}
