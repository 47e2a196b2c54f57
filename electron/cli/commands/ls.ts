/**
 * `ferry ls URL`: lists a remote folder as an `ls -l`-like table, or as JSON with --json
 * (streamed entry by entry, so a huge folder does not pile up in memory).
 * Must not import electron.
 */
import type { CliOptions } from '../args';
import { withSession } from '../connect';
import { entryRecord, formatListing, jsonLine, sortEntries } from '../format';
import { parseFtpUrl } from '../ftpUrl';
import { writeLine, writeWithBackpressure, type CliIo } from '../io';
import type { FileEntry } from '../../../shared/domain';

/**
 * Writes a listing as a JSON array, one entry per line inside it: valid JSON, greppable, and
 * written as it arrives. A reader slower than the server holds the listing back (the next entry is
 * taken only once the output took the last), so memory stays flat however big the folder.
 */
export async function writeJsonListing(entries: AsyncIterable<FileEntry>, out: NodeJS.WritableStream): Promise<void> {
  let count = 0;
  out.write('[');
  for await (const entry of entries) {
    await writeWithBackpressure(out, `${count++ === 0 ? '\n' : ',\n'}${jsonLine(entryRecord(entry))}`);
  }
  writeLine(out, count === 0 ? ']' : '\n]');
}

/** Runs `ls`: operands are [URL]. */
export async function runLs(operands: readonly string[], options: CliOptions, io: CliIo): Promise<void> {
  const url = parseFtpUrl(operands[0]);
  await withSession(url, options, io, async (session) => {
    if (options.isJson) {
      await writeJsonListing(session.listStream(url.path), io.stdout);
      return;
    }
    const entries: FileEntry[] = [];
    for await (const entry of session.listStream(url.path)) entries.push(entry);
    for (const line of formatListing(sortEntries(entries))) await writeWithBackpressure(io.stdout, `${line}\n`);
  });
}
