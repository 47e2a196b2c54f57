/**
 * EPLF, D. J. Bernstein's Easily Parsed LIST Format (publicfile, some embedded servers):
 * `+fact,fact,...<TAB>name` with facts `r` (retrievable), `/` (a directory), `s<bytes>`,
 * `m<unix seconds>`, `i<id>` and `up<octal mode>`. Pure; no node:*, no I/O.
 */
import type { EntryType, FileEntry } from '../../../shared/domain';
import { isDotEntry, isHiddenName, type LineOutcome } from './context';
import { modeToSymbolic, parseOctalMode } from './perms';

/** Parses one EPLF line into an entry, `'skip'` for `.`/`..`, or null when it is not EPLF. */
export function readEplfLine(line: string): LineOutcome {
  if (!line.startsWith('+')) return null;
  const tab = line.indexOf('\t');
  if (tab < 0) return null;
  const name = line.slice(tab + 1);
  if (name === '') return null;
  if (isDotEntry(name)) return 'skip';

  let isDir = false;
  let isFile = false;
  let sizeBytes: number | undefined;
  let modifiedMs: number | undefined;
  let permissions: string | undefined;
  for (const fact of line.slice(1, tab).split(',')) {
    const tag = fact[0];
    const value = fact.slice(1);
    if (tag === '/') isDir = true;
    else if (tag === 'r') isFile = true;
    else if (tag === 's' && /^\d+$/.test(value)) sizeBytes = Number(value);
    else if (tag === 'm' && /^\d+$/.test(value)) modifiedMs = Number(value) * 1000; // UTC seconds, no zone guess
    else if (tag === 'u' && value.startsWith('p')) {
      const mode = parseOctalMode(value.slice(1));
      if (mode !== undefined) permissions = modeToSymbolic(mode);
    }
    // `i` (a unique id) and unknown facts are ignored, as the format asks of clients.
  }

  // Neither `/` nor `r`: something that can be neither entered nor downloaded.
  const type: EntryType = isDir ? 'dir' : isFile ? 'file' : 'other';
  const entry: FileEntry = { name, type };
  if (sizeBytes !== undefined && type !== 'dir') entry.sizeBytes = sizeBytes;
  if (modifiedMs !== undefined) entry.modifiedMs = modifiedMs;
  if (permissions !== undefined) entry.permissions = permissions;
  if (isHiddenName(name)) entry.isHidden = true;
  return entry;
}

/** Parses one EPLF line, or returns null for `.`, `..` and lines that are not EPLF. */
export function parseEplfLine(line: string): FileEntry | null {
  const outcome = readEplfLine(line);
  return outcome === 'skip' ? null : outcome;
}
