/**
 * `ferry ls URL`: lists a remote folder as an `ls -l`-like table, or as JSON with --json
 * (streamed entry by entry, so a huge folder does not pile up in memory).
 * Must not import electron.
 */
import type { CliOptions } from '../args';
import { withSession } from '../connect';
import { entryRecord, formatListing, sortEntries } from '../format';
import { parseFtpUrl } from '../ftpUrl';
import { writeLine, type CliIo } from '../io';
import type { FileEntry } from '../../../shared/domain';

/** Runs `ls`: operands are [URL]. */
export async function runLs(operands: readonly string[], options: CliOptions, io: CliIo): Promise<void> {
  const url = parseFtpUrl(operands[0]);
  await withSession(url, options, io, async (session) => {
    if (options.isJson) {
      // One entry per line inside the array: valid JSON, greppable, and written as it arrives.
      let count = 0;
      io.stdout.write('[');
      for await (const entry of session.listStream(url.path)) {
        io.stdout.write(`${count++ === 0 ? '\n' : ',\n'}${JSON.stringify(entryRecord(entry))}`);
      }
      writeLine(io.stdout, count === 0 ? ']' : '\n]');
      return;
    }
    const entries: FileEntry[] = [];
    for await (const entry of session.listStream(url.path)) entries.push(entry);
    for (const line of formatListing(sortEntries(entries))) writeLine(io.stdout, line);
  });
}
