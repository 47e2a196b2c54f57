/**
 * `ferry get URL [LOCAL]` and `ferry put LOCAL URL`: one file each way, binary or ASCII, with
 * --resume. Files go through the transfer core the queue uses (queue/singleTransfer.ts): a
 * download is written to `LOCAL.part` (never through a link someone planted) and renamed once its
 * size and checksum are checked, so a file under its final name is always whole; a failed
 * download keeps its `.part` for --resume; an upload is checked against the server's size. `-` as
 * LOCAL means stdout (get) or stdin (put).
 * Must not import electron.
 */
import { access, constants, stat } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { Writable } from 'node:stream';
import { runSingleTransfer, singleTransfer } from '../../queue/singleTransfer';
import { isServerRefusal, type RemoteSession } from '../../sessions';
import type { CliOptions } from '../args';
import { UsageError } from '../usageError';
import { withSession } from '../connect';
import { CliError, describeErrno, formatBytes, formatCount, jsonLine, LocalFileError, terminalSafe } from '../format';
import { joinRemote, parseFtpUrl, remoteBaseName, type FtpUrl } from '../ftpUrl';
import type { UploadedFile } from '../../sync/clockObservations';
import { writeLine, type CliIo } from '../io';
import { ProgressLine } from '../progress';
import { queueLocalFs } from '../queueLocalFs';
import { transferRuleFor } from '../transferRule';
import { transferTypeOf, type TransferType } from '../../../shared/settings';

// Local files go through the command line's synchronous filesystem (queueLocalFs: FileSink,
// FileSource): big synchronous reads and writes, and the engine's direct path without a stream
// pipeline (docs/benchmarks.md, Measurements behind the code).

async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}

/** The remote size, or undefined when the server cannot tell (no SIZE, no such file, a folder). */
async function remoteSize(session: RemoteSession, path: string): Promise<number | undefined> {
  try {
    return await session.size(path);
  } catch (err) {
    if (isServerRefusal(err)) return undefined;
    throw err;
  }
}

/** A path for messages: relative to the working folder when inside it. */
function shown(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  return rel && !rel.startsWith('..') && !rel.startsWith(sep) ? rel : path;
}

/** A Writable that forwards to stdout without ever ending it (stdout belongs to the process). */
function stdoutSink(stdout: NodeJS.WritableStream): Writable {
  const sink = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      if (stdout.write(chunk)) callback();
      else stdout.once('drain', () => callback());
    },
  });
  // A closed pipe (`ferry get URL - | head`) must end the transfer, not crash the process.
  const onError = (err: Error) => sink.destroy(err);
  stdout.on('error', onError);
  sink.on('close', () => stdout.off('error', onError));
  return sink;
}

/** What a finished transfer reports (--json, and the summary on a terminal). */
interface TransferSummary {
  command: 'get' | 'put';
  remote: string;
  local: string;
  /** Bytes moved in this run. */
  bytes: number;
  /** Where this run started (resume). */
  offset: number;
  seconds: number;
  /** Nothing was left to transfer (resume of a complete file). */
  isAlreadyComplete?: boolean;
}

function report(summary: TransferSummary, options: CliOptions, io: CliIo): void {
  if (options.isJson) {
    writeLine(io.stdout, jsonLine(summary));
    return;
  }
  if (!io.stderr.isTTY) return;
  const localShown = summary.local === '-' ? '-' : shown(summary.local, io.cwd);
  const arrow = summary.command === 'get' ? `${summary.remote} → ${localShown}` : `${localShown} → ${summary.remote}`;
  if (summary.isAlreadyComplete) {
    writeLine(io.stderr, `${arrow}: already complete`);
    return;
  }
  const rate = summary.seconds > 0 ? `, ${formatBytes(summary.bytes / summary.seconds)}/s` : '';
  const from = summary.offset > 0 ? `, resumed at ${formatCount(summary.offset)}` : '';
  writeLine(io.stderr, `${arrow}: ${formatCount(summary.bytes)} bytes in ${summary.seconds.toFixed(1)} s${rate}${from}`);
}

/** Runs `get` for one file: operands are [URL, LOCAL?]. */
export async function runGet(operands: readonly string[], options: CliOptions, io: CliIo): Promise<void> {
  const url = parseFtpUrl(operands[0]);
  const name = remoteBaseName(url.path);
  if (url.path === undefined || name === undefined) throw new UsageError('get: the URL names a folder; give a file path (or use get -r)', 'get');
  const remote = url.path;
  const localArg = operands[1];
  const type = await transferTypeFor(name, options, io, 'get', url.scheme);

  if (localArg === '-') {
    if (options.isResume) throw new UsageError('get: --resume needs a local file, not stdout', 'get');
    if (options.isJson) throw new UsageError('get: --json and stdout output (-) would mix on stdout', 'get');
    await withSession(url, options, io, (session) => session.download(remote, stdoutSink(io.stdout), { type, signal: io.signal }));
    return;
  }

  let target = resolve(io.cwd, localArg ?? name);
  if (localArg !== undefined && (localArg.endsWith('/') || localArg.endsWith(sep) || (await isDirectory(target)))) target = join(target, name);
  if (!(await isDirectory(dirname(target)))) {
    throw new LocalFileError(`cannot write ${shown(target, io.cwd)}: the folder ${dirname(target)} does not exist`, target);
  }

  const started = Date.now();
  await withSession(url, options, io, async (session) => {
    const transfer = singleTransfer({ direction: 'download', localPath: target, remotePath: remote });
    const progress = new ProgressLine(io.stderr, { isEnabled: io.stderr.isTTY === true && !options.isVerbose });
    let outcome: 'done' | 'skipped';
    try {
      outcome = await runSingleTransfer(transfer, {
        ...common(session, options, io, type, progress),
        direction: 'download',
        localPath: target,
        remotePath: remote,
      });
    } catch (err) {
      progress.finish();
      // What arrived stays in the partial file, for --resume to continue.
      const kept = (await queueLocalFs.inspectPartial(transfer.partialPath))?.sizeBytes ?? 0;
      if (kept > 0 && err instanceof Error) {
        const hint = type === 'binary' ? '; continue with --resume' : '';
        err.message = `${err.message}; ${formatCount(kept)} bytes kept in ${shown(transfer.partialPath, io.cwd)}${hint}`;
      }
      throw err;
    }
    progress.finish();
    const { item, startOffset } = transfer;
    report({ command: 'get', remote, local: target, bytes: item.transferredBytes - startOffset, offset: startOffset, seconds: (Date.now() - started) / 1000, isAlreadyComplete: outcome === 'skipped' || undefined }, options, io);
  });
}

/** The type a file goes with (transferRule.ts); resuming needs binary, since ASCII changes byte counts. */
async function transferTypeFor(name: string, options: CliOptions, io: CliIo, command: 'get' | 'put', scheme: FtpUrl['scheme']): Promise<TransferType> {
  const type = transferTypeOf(name, await transferRuleFor(options, io, scheme));
  if (type === 'ascii' && options.isResume) {
    throw new UsageError(`--resume works only for binary transfers, and ${name} goes as ASCII (the transfer type is ${options.transferType ?? 'that of the saved settings'}); add --type binary`, command);
  }
  const binary = scheme === 'sftp' ? 'binary (SFTP sends bytes as they are)' : 'binary (TYPE I)';
  if (options.isVerbose) writeLine(io.stderr, `ferry: ${terminalSafe(name)}: ${type === 'ascii' ? 'ASCII (TYPE A, line endings converted)' : binary}`);
  return type;
}

/** What get and put pass to the shared transfer core alike. */
function common(session: RemoteSession, options: CliOptions, io: CliIo, type: 'ascii' | 'binary', progress: ProgressLine) {
  return {
    session: session.asTransferSession(),
    fs: queueLocalFs,
    policy: options.isResume ? ('resume' as const) : ('overwrite' as const),
    type,
    signal: io.signal,
    onProgress: (bytes: number, sizeBytes: number | undefined) => progress.update(bytes, sizeBytes),
    log: (level: 'info' | 'warn' | 'error', text: string) => {
      if (level !== 'info' || options.isVerbose) writeLine(io.stderr, `ferry: ${terminalSafe(text)}`);
    },
  };
}

/**
 * Keeps an upload for a later compare or sync to learn the server's clock from, while it is not
 * known (loaded only after an upload: `get` and the rest start without it).
 */
async function keepForClock(url: FtpUrl, session: RemoteSession, upload: UploadedFile, options: CliOptions, io: CliIo): Promise<void> {
  const { serverOf, UploadClockWatch } = await import('../cliClock');
  const watch = new UploadClockWatch(serverOf(url, options, io), io);
  watch.session(session);
  watch.note(upload);
  await watch.keepForLater();
}

/** Runs `put` for one file: operands are [LOCAL, URL]. */
export async function runPut(operands: readonly string[], options: CliOptions, io: CliIo): Promise<void> {
  const localArg = operands[0];
  const url = parseFtpUrl(operands[1]);
  const type = await transferTypeFor(localArg === '-' ? (remoteBaseName(url.path ?? '') ?? '') : basename(localArg), options, io, 'put', url.scheme);

  if (localArg === '-') {
    if (options.isResume) throw new UsageError('put: --resume needs a local file, not stdin', 'put');
    if (url.path === undefined || url.isFolder) throw new UsageError('put: uploading stdin (-) needs a remote file name in the URL', 'put');
    const remote = url.path;
    const started = Date.now();
    const result = await withSession(url, options, io, async (session) => {
      const sent = await session.upload(io.stdin, remote, { type, signal: io.signal });
      // A 226 after a connection that carried less (cut short, or taken by another local
      // process) must not pass for success: the server's size says what it stored.
      const stored = type === 'binary' ? await remoteSize(session, remote) : undefined;
      if (stored !== undefined && stored !== sent.bytes) {
        throw new CliError(`upload of ${remote} incomplete: the server holds ${formatCount(stored)} of the ${formatCount(sent.bytes)} bytes sent`);
      }
      // Nothing told the server a time: it stamped the file as it arrived.
      await keepForClock(url, session, { remotePath: remote, finishedMs: Date.now(), keepsSourceTime: false }, options, io);
      return sent;
    });
    report({ command: 'put', remote, local: '-', bytes: result.bytes, offset: 0, seconds: (Date.now() - started) / 1000 }, options, io);
    return;
  }

  const localPath = resolve(io.cwd, localArg);
  let size: number;
  try {
    const info = await stat(localPath);
    if (info.isDirectory()) throw new UsageError(`put: ${localArg} is a folder (use put -r)`, 'put');
    await access(localPath, constants.R_OK);
    size = info.size;
  } catch (err) {
    if (err instanceof UsageError) throw err;
    throw new LocalFileError(`cannot read ${localArg}: ${describeErrno(err)}`, localPath, { cause: err });
  }
  const remote = url.path === undefined || url.isFolder ? joinRemote(url.path, basename(localPath)) : url.path;

  const started = Date.now();
  await withSession(url, options, io, async (session) => {
    const transfer = singleTransfer({ direction: 'upload', localPath, remotePath: remote });
    const progress = new ProgressLine(io.stderr, { isEnabled: io.stderr.isTTY === true && !options.isVerbose, totalBytes: size });
    let outcome: 'done' | 'skipped';
    try {
      outcome = await runSingleTransfer(transfer, { ...common(session, options, io, type, progress), direction: 'upload', localPath, remotePath: remote });
    } finally {
      progress.finish();
    }
    const { item, startOffset } = transfer;
    if (outcome === 'done') await keepForClock(url, session, { remotePath: remote, sourceModifiedMs: item.modifiedMs, finishedMs: item.finishedMs ?? Date.now() }, options, io);
    report({ command: 'put', remote, local: localPath, bytes: item.transferredBytes - startOffset, offset: startOffset, seconds: (Date.now() - started) / 1000, isAlreadyComplete: outcome === 'skipped' || undefined }, options, io);
  });
}
