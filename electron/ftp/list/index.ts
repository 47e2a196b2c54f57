/**
 * The listing parsers' registry: detects a line's format (MLSD, Unix `ls -l`, DOS/IIS, EPLF, and
 * the dialects of VMS, MVS/z/OS, OS/2, IBM i, NetWare, Connect:Enterprise, z/VM, NonStop,
 * VxWorks and OS-9), remembers it for the rest of the listing, and parses listings that arrive as
 * arbitrary string chunks with memory bounded by one line (two for a VMS name printed on a line of
 * its own). Callers decode bytes to text first (the site's charset).
 * Pure: no node:*, no sockets; the engine (`electron/ftp/`) feeds it data-connection text.
 */
import type { FileEntry } from '../../../shared/domain';
import type { ServerType } from '../../../shared/serverType';
import { isDotEntry, isHiddenName, type LineOutcome, type ListContext } from './context';
import { readDosLine } from './dos';
import { readEplfLine } from './eplf';
import { readMlsdLine } from './mlsd';
import { readUnixLine } from './unix';
import { readConnectEnterpriseLine } from './connectEnterprise';
import { readJesLine, readMvsDatasetLine, readMvsMemberLine } from './mvs';
import { readNetwareLine } from './netware';
import { readOs2Line } from './os2';
import { readOs400Line } from './os400';
import { readOs9Line } from './os9';
import { readTandemLine } from './tandem';
import { isVmsNameOnlyLine, readVmsLine } from './vms';
import { readVxWorksLine } from './vxworks';
import { readZvmLine } from './zvm';

export type { ListContext, LineOutcome } from './context';
export { listingCutShort, watchCutShort } from './cutShort';
export { parseMlsdLine, parseMlstReply, parseTimeVal, readMlsdLine, type MlstResult } from './mlsd';
export { parseUnixLine, readUnixLine } from './unix';
export { parseDosLine, readDosLine } from './dos';
export { parseEplfLine, readEplfLine } from './eplf';
export { modeToSymbolic, parseOctalMode, symbolicToMode } from './perms';

/** The listing formats this registry knows. */
export type ListFormat =
  | 'mlsd'
  | 'unix'
  | 'dos'
  | 'eplf'
  | 'vms'
  | 'mvs-dataset'
  | 'mvs-member'
  | 'jes'
  | 'os2'
  | 'os400'
  | 'netware'
  | 'connect-enterprise'
  | 'zvm'
  | 'tandem'
  | 'vxworks'
  | 'os9';

/** Options for parsing a listing: the parse context plus what the caller already knows. */
export interface ListParseOptions extends ListContext {
  /**
   * The format to try first: 'mlsd' when the listing answers MLSD, or the format the previous
   * listing of this site had. Other formats are still tried for lines it cannot read.
   */
  format?: ListFormat;
  /**
   * The system the user said the server is (a site's server type): only its forms are read, and
   * MLSD in an MLSD listing. Auto or unset: every form, detected from the lines.
   */
  serverType?: ServerType;
  /**
   * Longest line read, in characters (default 65,536); a longer one is reported, cut to 256
   * characters, in `unparsed` and the rest of it dropped, so a server that never sends a line
   * break cannot grow memory and no reader sees more than this much of one line.
   */
  maxLineLength?: number;
}

/** What one line of a listing turned out to be. */
export type ListLineResult =
  | { kind: 'entry'; format: ListFormat; entry: FileEntry }
  /** A line that holds no entry by design: blank, `total N`, `.`, `..`, MLSD cdir/pdir. */
  | { kind: 'skip'; format?: ListFormat }
  | { kind: 'unparsed' };

/** Entries and unreadable lines produced by one `push` or `end` of a {@link ListParser}. */
export interface ListBatch {
  entries: FileEntry[];
  /** Lines no parser could read, as received (without the line break); the engine logs them. */
  unparsed: string[];
}

type Reader = (line: string, ctx: ListParseOptions) => LineOutcome;

/** A line holding one word and nothing else. */
function isOneWord(line: string): boolean {
  return /^\s*\S+\s*$/.test(line);
}

/** The forms each server type reads (ListParseOptions.serverType). */
const FORMATS_OF_TYPE: Readonly<Record<Exclude<ServerType, 'auto'>, readonly ListFormat[]>> = {
  unix: ['unix'],
  dos: ['dos'],
  vms: ['vms'],
  mvs: ['mvs-dataset', 'mvs-member', 'jes'],
  os2: ['os2'],
  os400: ['os400'],
  netware: ['netware'],
  'connect-enterprise': ['connect-enterprise'],
  zvm: ['zvm'],
  tandem: ['tandem'],
  vxworks: ['vxworks'],
  os9: ['os9'],
};

/** The forms the user's server type allows, or undefined for Auto. */
function formatsOfType(serverType: ServerType | undefined): readonly ListFormat[] | undefined {
  return serverType === undefined || serverType === 'auto' ? undefined : FORMATS_OF_TYPE[serverType];
}

/**
 * A reader that takes a line of one word only inside a listing known to be its format (detected,
 * or the site's server type): a PDS member or a VMS file listed by name alone looks like any
 * stray word, which elsewhere is a line that could not be read.
 */
function knownFormatForOneWord(format: ListFormat, read: Reader): Reader {
  return (line, ctx) => (ctx.format !== format && !formatsOfType(ctx.serverType)?.includes(format) && isOneWord(line) ? null : read(line, ctx));
}

const READERS: Readonly<Record<ListFormat, Reader>> = {
  mlsd: (line) => readMlsdLine(line),
  unix: readUnixLine,
  dos: readDosLine,
  eplf: (line) => readEplfLine(line),
  vms: knownFormatForOneWord('vms', readVmsLine),
  'mvs-dataset': readMvsDatasetLine,
  'mvs-member': knownFormatForOneWord('mvs-member', readMvsMemberLine),
  jes: readJesLine,
  os2: readOs2Line,
  os400: readOs400Line,
  netware: readNetwareLine,
  'connect-enterprise': readConnectEnterpriseLine,
  zvm: readZvmLine,
  tandem: readTandemLine,
  vxworks: readVxWorksLine,
  os9: readOs9Line,
};

// Cheapest, most distinctive first: EPLF starts with '+', MLSD needs `fact=value;`, then the two
// column formats most servers send, then the other dialects, each of which refuses the others'
// lines (their tests check it). A listing's known format always goes first.
const AUTO_ORDER: readonly ListFormat[] = [
  'eplf', 'mlsd', 'unix', 'dos', 'netware', 'connect-enterprise', 'os400', 'vms', 'mvs-dataset', 'mvs-member', 'jes',
  'tandem', 'zvm', 'os2', 'vxworks', 'os9',
];
/** The order for a listing whose format is known: that format first, then the rest as AUTO_ORDER has them. */
function orderFor(format: ListFormat): readonly ListFormat[] {
  return [format, ...AUTO_ORDER.filter((f) => f !== format)];
}
const ORDER = {} as Record<ListFormat, readonly ListFormat[]>;
for (const format of AUTO_ORDER) ORDER[format] = orderFor(format);

/** The forms to try on a line, in order: the server type's (an MLSD listing stays MLSD), else every form, the listing's own first. */
function orderOf(ctx: ListParseOptions): readonly ListFormat[] {
  const allowed = formatsOfType(ctx.serverType);
  if (!allowed) return ctx.format ? ORDER[ctx.format] : AUTO_ORDER;
  if (ctx.format === 'mlsd') return ['mlsd'];
  return ctx.format && allowed.includes(ctx.format) ? [ctx.format, ...allowed.filter((f) => f !== ctx.format)] : allowed;
}

/**
 * The format a server's SYST reply suggests trying first (RFC 959 §4.1.3: the first word is the
 * system's name in the Assigned Numbers list; real servers add more), or undefined. Only the order
 * changes: every line is still read by whichever format takes it.
 */
export function formatForSystem(system: string | undefined): ListFormat | undefined {
  if (!system) return undefined;
  const text = system.toUpperCase();
  if (/\bMVS\b|Z\/OS|OS\/390/.test(text)) return 'mvs-dataset';
  if (/\bVMS\b|OPENVMS/.test(text)) return 'vms';
  if (/OS\/400|\bIBM I\b/.test(text)) return 'os400';
  if (/OS\/2/.test(text)) return 'os2';
  if (/NETWARE/.test(text)) return 'netware';
  if (/Z\/VM|VM\/ESA|\bVM\/CMS\b/.test(text)) return 'zvm';
  if (/NONSTOP|TANDEM|GUARDIAN/.test(text)) return 'tandem';
  if (/VXWORKS/.test(text)) return 'vxworks';
  if (/OS-9/.test(text)) return 'os9';
  if (/^UNIX\b/.test(text)) return 'unix';
  return undefined;
}

const DEFAULT_MAX_LINE_LENGTH = 65_536;
const UNPARSED_PREVIEW_LENGTH = 256;

/**
 * The rules every reader's entry must meet, checked once here: a name (an entry without one
 * cannot be shown, opened or transferred) and a size that is an exact number (a size beyond
 * 2^53 cannot be, so it is dropped as unknown rather than rounded).
 */
function saneEntry(entry: FileEntry): boolean {
  if (entry.name === '') return false;
  if (entry.sizeBytes !== undefined && !Number.isSafeInteger(entry.sizeBytes)) delete entry.sizeBytes;
  return true;
}

/** Parses one listing line (no line break), trying `ctx.format` first and then every other format. */
export function parseListLine(line: string, ctx: ListParseOptions = {}): ListLineResult {
  if (!/\S/.test(line)) return { kind: 'skip' };
  const order = orderOf(ctx);
  for (const format of order) {
    const outcome = READERS[format](line, ctx);
    if (outcome === null) continue;
    if (outcome === 'skip') return { kind: 'skip', format };
    if (!saneEntry(outcome)) return { kind: 'unparsed' };
    // Only MLSD and EPLF times are to the second; the other readers see minutes at best.
    if (outcome.modifiedMs !== undefined && outcome.timePrecision === undefined && format !== 'mlsd' && format !== 'eplf' && format !== 'unix') outcome.timePrecision = 'minute';
    return { kind: 'entry', format, entry: outcome };
  }
  // RFC 3659 §7.2 allows an MLSD line with no facts at all (" name") once a client turned every fact
  // off; only trust that reading inside a listing already known to be MLSD.
  if (ctx.format === 'mlsd' && line.startsWith(' ') && line.length > 1) {
    const name = line.slice(1);
    if (isDotEntry(name)) return { kind: 'skip', format: 'mlsd' };
    const entry: FileEntry = { name, type: 'file' };
    if (isHiddenName(name)) entry.isHidden = true;
    return { kind: 'entry', format: 'mlsd', entry };
  }
  return { kind: 'unparsed' };
}

/**
 * Incremental listing parser: `push` each decoded chunk as it arrives (chunks may split lines
 * anywhere, even between CR and LF) and call `end` once the data connection closes; each call
 * returns only the entries and unparsed lines completed by that chunk, never throws, and keeps no
 * more than one partial line between calls.
 */
export class ListParser {
  private pending = '';
  /** A VMS file name printed on a line of its own (too long for its column): its columns follow on the next line. */
  private vmsName?: string;
  private isDiscarding = false;
  private isStart = true;
  private readonly options: ListParseOptions;
  private readonly maxLineLength: number;
  private readonly hasFixedNow: boolean;

  /** Creates a parser for a listing; `options.format` seeds the format, e.g. 'mlsd' after MLSD. */
  constructor(options: ListParseOptions = {}) {
    this.options = { ...options };
    this.hasFixedNow = options.nowMs !== undefined;
    this.maxLineLength = options.maxLineLength ?? DEFAULT_MAX_LINE_LENGTH;
  }

  /** The format detected so far (or given), which later lines try first. */
  get format(): ListFormat | undefined {
    return this.options.format;
  }

  /** Consumes one chunk of listing text and returns what its complete lines held. */
  push(chunk: string): ListBatch {
    const batch: ListBatch = { entries: [], unparsed: [] };
    let text = chunk;
    if (this.isStart && text.length > 0) {
      // One "now" per listing, so every yearless date in it is judged alike.
      if (!this.hasFixedNow) this.options.nowMs = Date.now();
      // A UTF-8 byte order mark, as a few Windows servers send, is not part of the first name.
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      this.isStart = false;
    }
    const eol = /\r\n|\r|\n/g;
    let start = 0;
    for (let m = eol.exec(text); m !== null; m = eol.exec(text)) {
      const piece = text.slice(start, m.index);
      start = m.index + m[0].length;
      if (this.isDiscarding) {
        // The tail of an over-long line already reported.
        this.isDiscarding = false;
        this.pending = '';
        continue;
      }
      // A lone CR at a chunk's end is taken as a line break; the LF that may follow in the next
      // chunk then ends an empty line, which is skipped.
      const line = this.pending === '' ? piece : this.pending + piece;
      this.pending = '';
      // A line that came whole in one chunk is held to the same cap as one that did not.
      if (line.length > this.maxLineLength) batch.unparsed.push(line.slice(0, UNPARSED_PREVIEW_LENGTH));
      else this.take(line, batch);
    }
    if (!this.isDiscarding) {
      this.pending = this.pending + text.slice(start);
      if (this.pending.length > this.maxLineLength) {
        batch.unparsed.push(this.pending.slice(0, UNPARSED_PREVIEW_LENGTH));
        this.pending = '';
        this.isDiscarding = true;
      }
    }
    return batch;
  }

  /** Flushes a last line that had no line break and readies the parser for the next listing (keeping the detected format as its first guess). */
  end(): ListBatch {
    const batch: ListBatch = { entries: [], unparsed: [] };
    if (!this.isDiscarding && this.pending !== '') this.take(this.pending, batch);
    this.flushVmsName(batch);
    this.pending = '';
    this.isDiscarding = false;
    this.isStart = true;
    return batch;
  }

  private take(line: string, batch: ListBatch): void {
    if (line === '') return;
    if (this.vmsName !== undefined) {
      const joined = parseListLine(`${this.vmsName} ${line.trimStart()}`, { ...this.options, format: 'vms' });
      if (joined.kind === 'entry' && joined.format === 'vms') {
        this.vmsName = undefined;
        this.accept(joined, line, batch);
        return;
      }
      this.flushVmsName(batch);
    }
    if ((this.options.format === undefined || this.options.format === 'vms') && isVmsNameOnlyLine(line)) {
      this.vmsName = line;
      return;
    }
    this.accept(parseListLine(line, this.options), line, batch);
  }

  /** A VMS name whose next line was not its columns: an entry by its name alone. */
  private flushVmsName(batch: ListBatch): void {
    if (this.vmsName === undefined) return;
    const line = this.vmsName;
    this.vmsName = undefined;
    this.accept(parseListLine(line, { ...this.options, format: 'vms' }), line, batch);
  }

  private accept(result: ListLineResult, line: string, batch: ListBatch): void {
    if (result.kind === 'entry') {
      batch.entries.push(result.entry);
      this.options.format = result.format;
    } else if (result.kind === 'skip') {
      // A heading tells the listing's format before any entry (an MVS member list, say).
      if (result.format && this.options.format === undefined) this.options.format = result.format;
    } else {
      batch.unparsed.push(line);
    }
  }
}

/** Parses a whole listing held in memory (small listings, STAT replies, tests). */
export function parseListing(text: string, options: ListParseOptions = {}): ListBatch & { format?: ListFormat } {
  const parser = new ListParser(options);
  const batch = parser.push(text);
  const last = parser.end();
  batch.entries.push(...last.entries);
  batch.unparsed.push(...last.unparsed);
  return { ...batch, format: parser.format };
}

/** Parses listing text from an async source of decoded chunks, yielding one batch per chunk that completed a line. */
export async function* parseListChunks(chunks: AsyncIterable<string>, options: ListParseOptions = {}): AsyncGenerator<ListBatch> {
  const parser = new ListParser(options);
  for await (const chunk of chunks) {
    const batch = parser.push(chunk);
    if (batch.entries.length > 0 || batch.unparsed.length > 0) yield batch;
  }
  const last = parser.end();
  if (last.entries.length > 0 || last.unparsed.length > 0) yield last;
}
