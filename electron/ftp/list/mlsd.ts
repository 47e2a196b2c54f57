/**
 * RFC 3659 machine listings: one MLSD data line (`facts SP name`) and the entry line of an MLST
 * reply. Pure: imports only domain types and sibling parsers' helpers; no node:*, no I/O.
 */
import type { EntryType, FileEntry } from '../../../shared/domain';
import { isDotEntry, isHiddenName, utcMs, type LineOutcome } from './context';
import { modeToSymbolic, parseOctalMode } from './perms';

/** The facts of one entry, names lower-cased (RFC 3659 §7.5 says fact names are case-insensitive). */
type Facts = Map<string, string>;

// RFC 3659 §7.5: factname is a registered name or an "OS." / local token; never spaces or '='.
const FACT_NAME = /^[A-Za-z0-9._-]+$/;

/** The facts RFC 3659 §7.5 registers. */
const REGISTERED_FACTS = new Set(['size', 'modify', 'create', 'type', 'unique', 'perm', 'lang', 'media-type', 'charset']);

/** Reads `name=value;...` (the last `;` optional); undefined when it is not such a list. */
function readFacts(text: string): Facts | undefined {
  const facts: Facts = new Map();
  let start = 0;
  while (start <= text.length) {
    let stop = text.indexOf(';', start);
    if (stop < 0) stop = text.length;
    if (stop > start) {
      const fact = text.slice(start, stop);
      const eq = fact.indexOf('=');
      if (eq <= 0) return undefined;
      const factName = fact.slice(0, eq);
      if (!FACT_NAME.test(factName)) return undefined;
      facts.set(factName.toLowerCase(), fact.slice(eq + 1));
    }
    start = stop + 1;
  }
  return facts.size === 0 ? undefined : facts;
}

/**
 * Splits `facts SP name`; undefined when the facts part is not a list of `name=value;`. RFC 3659
 * §7.2: the facts end with ';' and a single space separates them from the name, so the first
 * "; " ends them even when the name holds spaces or ';' (values cannot hold ';'). Servers that
 * put a TAB there, or leave out the last ';', are read too: fact values hold no blank (SCHAR,
 * §7.2), so the first blank then ends the facts.
 */
function splitFactsLine(line: string): { facts: Facts; name: string } | undefined {
  const spaced = line.indexOf('; ');
  const tabbed = line.indexOf(';\t');
  const end = spaced < 0 ? tabbed : tabbed < 0 ? spaced : Math.min(spaced, tabbed);
  if (end >= 0) {
    const facts = readFacts(line.slice(0, end));
    return facts ? { facts, name: line.slice(end + 2) } : undefined;
  }
  const blank = line.search(/[ \t]/);
  if (blank <= 0) return undefined;
  const text = line.slice(0, blank);
  const facts = readFacts(text);
  // One `word=word` alone could be anything: it counts as facts only when it names a registered fact.
  if (!facts || (!text.includes(';') && ![...facts.keys()].some((name) => REGISTERED_FACTS.has(name)))) return undefined;
  return { facts, name: line.slice(blank + 1) };
}

/** RFC 3659 §2.3 time-val (`YYYYMMDDHHMMSS[.sss]`, always UTC) in ms, or undefined. */
export function parseTimeVal(value: string): number | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(?:\.(\d+))?$/.exec(value);
  if (!m) return undefined;
  const fraction = m[7] ? Number(m[7].slice(0, 3).padEnd(3, '0')) : 0;
  return utcMs(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6]), fraction);
}

/** The first non-empty value among some facts (ProFTPD sends `UNIX.groupname=;` when it has no name). */
function firstFact(facts: Facts, ...names: string[]): string | undefined {
  for (const name of names) {
    const value = facts.get(name);
    if (value) return value;
  }
  return undefined;
}

/** What the `type` fact says, including the `OS.unix=` forms pure-ftpd and ProFTPD use for symlinks. */
function readType(facts: Facts): { type: EntryType | 'cdir' | 'pdir'; linkTarget?: string } {
  const raw = facts.get('type');
  if (raw === undefined) {
    // RFC 3659 §7.5.5 lets a client turn the type fact off; `sizd` is only ever given for directories.
    return { type: facts.has('sizd') ? 'dir' : 'file' };
  }
  const value = raw.toLowerCase();
  if (value === 'file') return { type: 'file' };
  if (value === 'dir') return { type: 'dir' };
  if (value === 'cdir') return { type: 'cdir' };
  if (value === 'pdir') return { type: 'pdir' };
  // ProFTPD: `OS.unix=symlink`; pure-ftpd: `OS.unix=slink:TARGET` (target empty for some logins).
  if (value === 'os.unix=symlink' || value === 'os.unix=slink') return { type: 'link' };
  if (value.startsWith('os.unix=slink:')) {
    const target = raw.slice('os.unix=slink:'.length);
    return target ? { type: 'link', linkTarget: target } : { type: 'link' };
  }
  // Devices, sockets, `special` (Serv-U) and anything else a server invents.
  return { type: 'other' };
}

/** Builds the entry from parsed facts; `keepDirMarkers` maps cdir/pdir to 'dir' instead of skipping them. */
function entryFromFacts(facts: Facts, name: string, keepDirMarkers: boolean): LineOutcome {
  const { type: rawType, linkTarget } = readType(facts);
  if (!keepDirMarkers && (rawType === 'cdir' || rawType === 'pdir')) return 'skip';
  const type: EntryType = rawType === 'cdir' || rawType === 'pdir' ? 'dir' : rawType;
  if (!keepDirMarkers && isDotEntry(name)) return 'skip';
  if (name === '') return null;

  const entry: FileEntry = { name, type };
  // `sizd` (a directory's own size) is ignored: folders show no size, as FileEntry documents.
  const size = type === 'dir' ? undefined : facts.get('size');
  if (size !== undefined && /^\d+$/.test(size)) entry.sizeBytes = Number(size);
  const modify = facts.get('modify');
  if (modify !== undefined) {
    const ms = parseTimeVal(modify);
    if (ms !== undefined) entry.modifiedMs = ms;
  }
  const modeText = facts.get('unix.mode');
  const mode = modeText === undefined ? undefined : parseOctalMode(modeText);
  if (mode !== undefined) entry.permissions = modeToSymbolic(mode);
  // ProFTPD sends the uid as UNIX.owner plus UNIX.ownername; pyftpdlib and pure-ftpd send UNIX.uid only.
  const owner = firstFact(facts, 'unix.ownername', 'unix.owner', 'unix.uid');
  if (owner !== undefined) entry.owner = owner;
  const group = firstFact(facts, 'unix.groupname', 'unix.group', 'unix.gid');
  if (group !== undefined) entry.group = group;
  if (linkTarget !== undefined) entry.linkTarget = linkTarget;
  if (isHiddenName(name)) entry.isHidden = true;
  return entry;
}

/** The last segment of a path, for servers that put paths where RFC 3659 §7.2 wants MLSD names. */
function lastSegment(path: string): string {
  const trimmed = path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;
  const slash = trimmed.lastIndexOf('/');
  return slash < 0 || trimmed === '/' ? trimmed : trimmed.slice(slash + 1);
}

/** Parses one MLSD line into an entry, `'skip'` for cdir/pdir/`.`/`..`, or null when it is not a facts line. */
export function readMlsdLine(line: string): LineOutcome {
  const split = splitFactsLine(line);
  if (!split) return null;
  // A Unix file name cannot hold '/', so a slash means the server sent a path (RFC 3659 §7.2 says
  // MLSD lines carry names only); keep the name so joining it to the directory still works.
  const name = split.name.includes('/') ? lastSegment(split.name) : split.name;
  return entryFromFacts(split.facts, name, false);
}

/** Parses one MLSD line, or returns null for cdir/pdir entries and lines that are not MLSD. */
export function parseMlsdLine(line: string): FileEntry | null {
  const outcome = readMlsdLine(line);
  return outcome === 'skip' ? null : outcome;
}

/** What an MLST reply describes: the path as the server gave it and the entry (named by its last segment). */
export interface MlstResult {
  path: string;
  entry: FileEntry;
}

/** Parses an MLST reply (`250-...`, ` facts; /path`, `250 End`) given as text or raw lines; null when no entry line can be read. */
export function parseMlstReply(reply: string | readonly string[]): MlstResult | null {
  const lines = typeof reply === 'string' ? reply.split(/\r\n|\r|\n/) : reply;
  for (const raw of lines) {
    // RFC 3659 §7.2: the entry line starts with one space; some servers omit it, so accept any line
    // that is not a reply-code line.
    if (raw === '' || /^\d{3}[ -]/.test(raw)) continue;
    const line = raw.startsWith(' ') ? raw.slice(1) : raw;
    const split = splitFactsLine(line);
    if (!split) continue;
    // MLST describes the one object asked about, so cdir (ProFTPD's answer for a directory) is just 'dir'.
    const outcome = entryFromFacts(split.facts, lastSegment(split.name), true);
    if (outcome && outcome !== 'skip') return { path: split.name, entry: outcome };
  }
  return null;
}
