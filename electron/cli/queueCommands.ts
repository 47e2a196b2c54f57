/**
 * Folder transfers of the `ferry` command through the transfer queue: `get -r URL [LOCALDIR]` and
 * `put -r LOCALDIR URL`, with --parallel, --retries and --on-exists, and the queue run that sync
 * (and mirror, its alias) copies its files with. Prints one line per finished file (or JSON events
 * with --json) and a summary; resolves with the exit status (1 when any file failed). Setup errors
 * (bad URL, login refused) are thrown for runCli to report like any other command's.
 * Must not import electron.
 */
import path from 'node:path';
import type { TransferItem, TransferState } from '../../shared/domain';
import { describeError } from '../../shared/errorText';
import { MAX_SITE_LIMIT, subjectOf, TransferQueue, type ExpandReport } from '../queue';
import { remoteSessionFactory, type RemoteSession } from '../sessions';
import { serverOf, UploadClockWatch } from './cliClock';
import type { CliOptions } from './args';
import { UsageError } from './usageError';
import { remoteOptionsFor } from './connect';
import { formatBytes, formatCount, formatLogEvent, jsonLine, terminalSafe } from './format';
import { describeFtpUrl, parseFtpUrl, type FtpUrl } from './ftpUrl';
import { writeLine, type CliIo } from './io';
import { transferRuleFor } from './transferRule';
import { LineBuffer } from './lineBuffer';
import { ProgressLine } from './progress';
import { queueLocalFs } from './queueLocalFs';
import type { CliExistsPolicy, QueueCliOptions, QueueCommandName } from './queueOptions';

/** Default transfers at once, like `lftp mirror` without --parallel. */
const DEFAULT_PARALLEL = 1;
const DEFAULT_RETRIES = 3;

interface Plan {
  direction: 'download' | 'upload';
  url: FtpUrl;
  remoteDir: string;
  localDir: string;
  onExists: CliExistsPolicy;
}

/** Works out direction and folders from the command and its operands. */
function plan(command: QueueCommandName, operands: readonly string[], options: QueueCliOptions, cwd: string): Plan {
  let direction: Plan['direction'];
  let urlText: string;
  let localText: string | undefined;
  if (command === 'get') {
    direction = 'download';
    [urlText, localText] = operands;
  } else {
    direction = 'upload';
    [localText, urlText] = operands;
  }
  if (urlText === undefined) throw new UsageError(`${command}: missing URL`, command);
  if (direction === 'upload' && localText === undefined) throw new UsageError(`${command}: missing local folder`, command);
  const url = parseFtpUrl(urlText);
  // An undefined path is the login folder; `.` keeps remote paths relative to it.
  const remoteDir = url.path === undefined ? '.' : url.path.replace(/(.)\/+$/, '$1');
  const remoteName = remoteDir === '.' || remoteDir === '/' ? undefined : remoteDir.slice(remoteDir.lastIndexOf('/') + 1);
  const localDir = path.resolve(cwd, localText ?? remoteName ?? '.');
  return { direction, url, remoteDir, localDir, onExists: options.onExists ?? 'overwrite' };
}

/** One line for a finished file. */
function fileLine(item: TransferItem, cwd: string): string {
  return terminalSafe(plainFileLine(item, cwd));
}

function plainFileLine(item: TransferItem, cwd: string): string {
  const local = path.relative(cwd, item.localPath) || item.localPath;
  if (item.deleteSide) {
    const target = item.deleteSide === 'remote' ? item.remotePath : local;
    return item.state === 'failed' ? `failed to delete ${target}: ${item.lastError ? describeError(item.lastError) : 'unknown error'}` : `deleted ${target}`;
  }
  const route = item.direction === 'download' ? `${item.remotePath} -> ${local}` : `${local} -> ${item.remotePath}`;
  if (item.state === 'failed') {
    const e = item.lastError;
    return `failed ${route}: ${e ? describeError(e) : 'unknown error'}`;
  }
  if (item.isSkipped) return `skipped ${route} (exists)`;
  return `${item.direction === 'download' ? 'got' : 'put'} ${route} (${formatBytes(item.sizeBytes ?? item.transferredBytes)})`;
}

/** Plain-data record of an item for --json. */
function itemRecord(item: TransferItem): Record<string, unknown> {
  return {
    direction: item.direction,
    remotePath: item.remotePath,
    localPath: item.localPath,
    state: item.state,
    skipped: item.isSkipped === true,
    sizeBytes: item.sizeBytes,
    attempts: item.attempts,
    error: item.lastError,
  };
}

/** Runs `get -r` or `put -r` through the queue; resolves with the exit status (0 ok, 1 a file failed, 130 interrupted). */
export async function runQueueCommand(command: QueueCommandName, operands: readonly string[], options: CliOptions & QueueCliOptions, io: CliIo): Promise<number> {
  const p = plan(command, operands, options, io.cwd);
  // What put -r uploads may tell a later compare the server's clock.
  const uploads = p.direction === 'upload' ? new UploadClockWatch(serverOf(p.url, options, io), io) : undefined;
  const status = await runThroughQueue(
    { url: p.url, onExists: p.onExists, verb: 'transferred', onFinished: uploads?.finished, onConnected: uploads?.session },
    (queue) => queue.addFolder({ direction: p.direction, siteId: 'cli', remoteDir: p.remoteDir, localDir: p.localDir }),
    options,
    io,
  );
  await uploads?.keepForLater();
  return status;
}

/** What a run through the queue is about: the server, the file-exists policy, and the summary's verb. */
export interface QueueRun {
  url: FtpUrl;
  onExists: CliExistsPolicy;
  verb: string;
  /** Sees each item that ended (done, failed or cancelled). */
  onFinished?: (item: TransferItem) => void;
  /** Sees each transfer session once logged in. */
  onConnected?: (session: RemoteSession) => void;
}

/**
 * Queues what `enqueue` adds (a folder walk, or files a sync planned), prints a line per file and a
 * summary, and resolves with the exit status (0 ok, 1 a file failed, 130 interrupted).
 */
export async function runThroughQueue(
  run: QueueRun,
  enqueue: (queue: TransferQueue) => Promise<Pick<ExpandReport, 'addedIds' | 'folderCount'>>,
  options: CliOptions & QueueCliOptions,
  io: CliIo,
): Promise<number> {
  const p = run;
  const connect = await remoteOptionsFor(p.url, options, io);
  const parallel = Math.min(MAX_SITE_LIMIT, options.parallel ?? DEFAULT_PARALLEL);
  // A line per file adds up over thousands of small files: stdout is written in batches, and
  // flushed before anything goes to stderr so the two stay in order on a terminal.
  const out = new LineBuffer(io.stdout);
  const emit = (record: Record<string, unknown>) => out.write(jsonLine(record));
  const toStderr = (line: string) => {
    out.flush();
    writeLine(io.stderr, line);
  };
  const sessions = remoteSessionFactory(connect, {
    onLog: options.isVerbose ? (_site, event) => toStderr(formatLogEvent(event)) : undefined,
    onConnected: p.onConnected && ((_site, session) => p.onConnected!(session)),
  });
  const transferType = await transferRuleFor(options, io, p.url.scheme);
  const queue = new TransferQueue({
    sessions,
    fs: queueLocalFs,
    options: {
      transferType,
      globalLimit: parallel,
      defaultSiteLimit: parallel,
      retry: { maxRetries: options.retries ?? DEFAULT_RETRIES, baseDelayMs: 1_000, maxDelayMs: 30_000 },
      onExists: p.onExists,
      // The CLI exits when done; idle sessions must not linger.
      idleSessionMs: 1_000,
    },
  });

  const progress = new ProgressLine(io.stderr, { isEnabled: !options.isJson });
  let doneBytes = 0;
  const FINAL: ReadonlySet<TransferState> = new Set(['done', 'failed', 'cancelled']);
  queue.on('transition', ({ id, to }) => {
    if (!FINAL.has(to)) return;
    const item = queue.get(id);
    if (!item) return;
    p.onFinished?.(item);
    if (to === 'done' && !item.isSkipped) doneBytes += item.sizeBytes ?? item.transferredBytes;
    progress.finish();
    if (options.isJson) emit({ type: 'file', ...itemRecord(item) });
    else if (to === 'failed') toStderr(fileLine(item, io.cwd));
    else out.write(fileLine(item, io.cwd));
  });
  queue.on('changed', ({ totals }) => progress.update(doneBytes + totals.transferredBytes));
  queue.on('log', (line) => {
    // Retries and refusals matter to a user watching; routine notes only with --verbose.
    if (line.level === 'info' && !options.isVerbose) return;
    if (options.isJson) emit({ type: 'log', level: line.level, text: line.text });
    else {
      progress.finish();
      toStderr(`ferry: ${terminalSafe(line.text)}`);
    }
  });

  const onAbort = () => queue.cancel();
  io.signal?.addEventListener('abort', onAbort, { once: true });
  let report: Pick<ExpandReport, 'addedIds' | 'folderCount'>;
  try {
    report = await enqueue(queue);
    if (options.isJson) emit({ type: 'queued', files: report.addedIds.length, folders: report.folderCount, source: describeFtpUrl(p.url) });
    await queue.whenIdle();
  } finally {
    io.signal?.removeEventListener('abort', onAbort);
    progress.finish();
    await queue.close();
    // Also when the expansion failed: what was printed so far goes out before the error line.
    out.flush();
  }

  const items = queue.list();
  const done = items.filter((i) => i.state === 'done');
  const skipped = done.filter((i) => i.isSkipped).length;
  const deleted = done.filter((i) => i.deleteSide).length;
  const failed = items.filter((i) => i.state === 'failed');
  const cancelled = items.filter((i) => i.state === 'cancelled').length;
  const summary = {
    files: done.length - skipped - deleted,
    skipped,
    deleted,
    failed: failed.length,
    cancelled,
    bytes: doneBytes,
    folders: report.folderCount,
  };
  if (options.isJson) {
    emit({ type: 'summary', ...summary, failures: failed.map((i) => ({ path: subjectOf(i), error: i.lastError })) });
  } else {
    const parts = [`${formatCount(summary.files)} file(s), ${formatBytes(summary.bytes)} (${formatCount(summary.bytes)} bytes)`];
    if (skipped) parts.push(`${formatCount(skipped)} skipped`);
    if (deleted) parts.push(`${formatCount(deleted)} deleted`);
    if (cancelled) parts.push(`${formatCount(cancelled)} cancelled`);
    parts.push(`${formatCount(failed.length)} failed`);
    out.write(`${p.verb} ${parts.join(', ')}`);
    for (const i of failed) {
      const e = i.lastError;
      toStderr(terminalSafe(`  failed: ${subjectOf(i)}: ${e ? describeError(e) : 'unknown error'}`));
    }
  }
  out.flush();
  if (io.signal?.aborted) return 130;
  return failed.length > 0 ? 1 : 0;
}
