/**
 * `ferry compare LOCALDIR URL`: compares a local folder with a server folder and prints the
 * paths that differ, one line each with the reason, then a summary. Like diff, the exit status
 * is 0 when the two agree, 1 when they differ (or the compare failed), 2 for a bad command line.
 * Must not import electron.
 */
import path from 'node:path';
import type { ComparedPair, CompareOptions, Verdict } from '../../shared/sync';
import { MAX_SITE_LIMIT, nodeLocalFs } from '../queue';
import { remoteSessionFactory, type RemoteSession } from '../sessions';
import { compareFolders, type FolderComparison } from '../sync/compareFolders';
import type { SessionFactory } from '../queue/types';
import { DEFAULT_COMPARE, DEFAULT_TOLERANCE_MS, judge } from '../../shared/compareTrees';
import type { DetectedClock } from '../../shared/serverClock';
import { joinRemote } from '../queue/safeName';
import type { CliOptions } from './args';
import type { CompareCliOptions } from './compareOptions';
import { clockFor, clockLine, clockRecord, detectedClock, serverOf, UploadClockWatch, type CliClock } from './cliClock';
import { remoteOptionsFor } from './connect';
import { formatCount, formatLogEvent, jsonLine, terminalSafe } from './format';
import { parseFtpUrl, type FtpUrl } from './ftpUrl';
import { writeLine, type CliIo } from './io';
import { LineBuffer } from './lineBuffer';
import { UsageError } from './usageError';

/** Listing connections at once, like the folder transfers' default. */
const DEFAULT_PARALLEL = 4;

/** The verdicts in words, in the order a summary lists them. */
export const VERDICT_LABELS: Record<Verdict, string> = {
  'only-local': 'only here',
  'only-remote': 'only on server',
  'newer-local': 'newer here',
  'newer-remote': 'newer on server',
  'size-differs': 'size differs',
  'content-differs': 'content differs',
  'type-conflict': 'type differs',
  identical: 'identical',
};

const isUrl = (text: string) => /^[a-z][a-z0-9+.-]*:\/\//i.test(text);

/** One line for a pair that differs. */
function pairLine(pair: ComparedPair): string {
  const label = VERDICT_LABELS[pair.verdict].padEnd(16);
  const shown = (pair.local ?? pair.remote)?.kind === 'folder' ? `${pair.relPath}/` : pair.relPath;
  const reason = pair.verdict === 'only-local' || pair.verdict === 'only-remote' ? '' : `  (${pair.reason})`;
  return terminalSafe(`${label}${shown}${reason}`);
}

/** A local folder and a server folder, from two operands in either order. */
export interface FolderPair {
  url: FtpUrl;
  remoteDir: string;
  localDir: string;
}

/** Reads LOCALDIR and URL (either order) for `command`; throws UsageError. */
export function folderPairOf(operands: readonly string[], command: 'compare' | 'sync' | 'mirror', cwd: string): FolderPair {
  const [a, b] = operands;
  if (a === undefined || b === undefined) throw new UsageError(`${command} needs a local folder and a URL`, command);
  if (isUrl(a) === isUrl(b)) throw new UsageError(`${command} needs exactly one ftp://, ftps:// or sftp:// URL and one local folder`, command);
  const [localText, urlText] = isUrl(a) ? [b, a] : [a, b];
  const url = parseFtpUrl(urlText);
  const remoteDir = url.path === undefined ? '.' : url.path.replace(/(.)\/+$/, '$1');
  return { url, remoteDir, localDir: path.resolve(cwd, localText) };
}

/** Listing and logging connections for a folder pair's server, with --verbose on stderr; `onConnected` sees each session. */
export async function sessionsFor(pair: FolderPair, options: CliOptions, io: CliIo, out: LineBuffer, onConnected?: (session: RemoteSession) => void): Promise<SessionFactory> {
  const connect = await remoteOptionsFor(pair.url, options, io);
  return remoteSessionFactory(connect, {
    onConnected: onConnected && ((_site, session) => onConnected(session)),
    onLog: options.isVerbose
      ? (_site, event) => {
          out.flush();
          writeLine(io.stderr, formatLogEvent(event));
        }
      : undefined,
  });
}

/** Compares the pair as the options say, the server's times shifted by `clockOffsetMs`. */
export function compareFolderPair(
  pair: FolderPair,
  options: CliOptions & CompareCliOptions,
  io: CliIo,
  sessions: SessionFactory,
  clockOffsetMs: number,
): Promise<FolderComparison> {
  let n = 0;
  return compareFolders({
    localDir: pair.localDir,
    remoteDir: pair.remoteDir,
    openSession: () => sessions('cli', `compare ${++n}`),
    parallel: Math.min(MAX_SITE_LIMIT, options.parallel ?? DEFAULT_PARALLEL),
    isRecursive: !options.isOneLevel,
    compare: compareOptionsOf(options, clockOffsetMs),
    patterns: { exclude: options.exclude },
    hashLocal: (p, algorithm) => nodeLocalFs.hashFile(p, algorithm),
    signal: io.signal,
  });
}

/** What a compare found, with the offset it applied in the end and the one it detected, if it did. */
export interface ClockedComparison {
  result: FolderComparison;
  clock: CliClock;
  detected?: DetectedClock;
}

/**
 * Compares the pair with `clock`; files uploaded to the server (by this run, or by an earlier one
 * and kept in the ledger) that the listing shows detect the offset when none is kept yet, and the
 * pairs are then judged again with it, unless the user chose the offset (--clock-offset, or the site's).
 */
export async function compareDetecting(
  pair: FolderPair,
  options: CliOptions & CompareCliOptions,
  io: CliIo,
  sessions: SessionFactory,
  clock: CliClock,
  uploads: UploadClockWatch,
): Promise<ClockedComparison> {
  const result = await compareFolderPair(pair, options, io, sessions, clock.offsetMs);
  await uploads.includeEarlier();
  const detected = await uploads.detect(result.pairs, (rel) => joinRemote(pair.remoteDir, rel));
  if (!detected || clock.source === 'option' || clock.source === 'override') return { result, clock, detected };
  const now = detectedClock(clock.account, detected);
  const compare = compareOptionsOf(options, now.offsetMs);
  for (const p of result.pairs) Object.assign(p, judge(p.local, p.remote, compare));
  return { result, clock: now, detected };
}

/** The compare settings the options ask for, with the server clock offset to apply. */
export function compareOptionsOf(options: CompareCliOptions, clockOffsetMs = 0): CompareOptions {
  return { by: options.by ?? DEFAULT_COMPARE.by, toleranceMs: DEFAULT_TOLERANCE_MS, clockOffsetMs };
}

/** Runs the compare; resolves with the exit status. */
export async function runCompareCommand(operands: readonly string[], options: CliOptions & CompareCliOptions, io: CliIo): Promise<number> {
  const pair = folderPairOf(operands, 'compare', io.cwd);
  const out = new LineBuffer(io.stdout);
  const kept = await clockFor(pair.url, options, io);
  if (options.isVerbose) writeLine(io.stderr, `ferry: ${clockLine(kept)}`);
  const uploads = new UploadClockWatch(serverOf(pair.url, options, io), io);
  const { result, clock, detected } = await compareDetecting(pair, options, io, await sessionsFor(pair, options, io, out, uploads.session), kept, uploads);
  if (detected && options.isVerbose) writeLine(io.stderr, `ferry: ${clockLine(detectedClock(kept.account, detected))}; compares allow for it from now on`);
  const by = compareOptionsOf(options).by;
  const counts = Object.fromEntries(Object.keys(VERDICT_LABELS).map((v) => [v, 0])) as Record<Verdict, number>;
  for (const pair of result.pairs) counts[pair.verdict] += 1;
  const differing = result.pairs.length - counts.identical;
  if (options.isJson) {
    for (const pair of result.pairs) out.write(jsonLine({ type: 'pair', path: pair.relPath, verdict: pair.verdict, reason: pair.reason, local: pair.local, remote: pair.remote }));
    for (const s of result.skipped.local) out.write(jsonLine({ type: 'skipped', side: 'local', path: s.relPath, reason: s.reason }));
    for (const s of result.skipped.remote) out.write(jsonLine({ type: 'skipped', side: 'remote', path: s.relPath, reason: s.reason }));
    out.write(jsonLine({ type: 'summary', compared: result.pairs.length, differing, counts, by, checksumAlgorithm: result.checksumAlgorithm, clock: clockRecord(clock), timings: result.timings }));
  } else {
    for (const pair of result.pairs) if (pair.verdict !== 'identical') out.write(pairLine(pair));
    for (const s of [...result.skipped.local, ...result.skipped.remote]) out.write(terminalSafe(`${'not compared'.padEnd(16)}${s.relPath}  (${s.reason})`));
    const parts = (Object.keys(VERDICT_LABELS) as Verdict[]).filter((v) => counts[v] > 0).map((v) => `${formatCount(counts[v])} ${VERDICT_LABELS[v]}`);
    const method = by.includes('checksum') ? `checksum${result.checksumAlgorithm ? ` (${result.checksumAlgorithm})` : ', none offered: size'}` : by.join(' and ');
    out.write(`${differing === 0 ? 'in agreement' : 'differ'}: ${formatCount(result.pairs.length)} compared by ${method}${parts.length ? `: ${parts.join(', ')}` : ''}`);
  }
  out.flush();
  return differing === 0 ? 0 : 1;
}
