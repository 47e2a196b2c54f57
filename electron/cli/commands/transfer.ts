/**
 * `ferry get URL [LOCAL]` and `ferry put LOCAL URL`: one file each way, binary or ASCII, with
 * --resume. A download goes to `LOCAL.part` and is renamed on success, so a file under its
 * final name is always whole; a failed download keeps its `.part` for --resume. `-` as LOCAL
 * means stdout (get) or stdin (put).
 * Must not import electron.
 */
import { access, constants, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { Writable } from 'node:stream';
import { FtpReplyError, type FtpSession } from '../../ftp';
import type { CliOptions } from '../args';
import { UsageError } from '../usageError';
import { withSession } from '../connect';
import { CliError, describeErrno, errnoCode, formatBytes, formatCount, LocalFileError } from '../format';
import { joinRemote, parseFtpUrl, remoteBaseName } from '../ftpUrl';
import { writeLine, type CliIo } from '../io';
import { FileSink } from '../fileSink';
import { FileSource } from '../fileSource';
import { ProgressLine } from '../progress';

// Local files go through FileSource (uploads) and FileSink (downloads): big synchronous reads and
// writes, and the engine's direct path without a stream pipeline (docs/benchmarks.md,
// Measurements behind the code).

/** Size of a local file, or undefined when there is none. */
async function localSize(path: string): Promise<number | undefined> {
  try {
    const info = await stat(path);
    return info.isFile() ? info.size : undefined;
  } catch (err) {
    if (errnoCode(err) === 'ENOENT') return undefined;
    throw new LocalFileError(`cannot read ${path}: ${describeErrno(err)}`, path, { cause: err });
  }
}

async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}

/** The remote size (SIZE), or undefined when the server cannot tell (no SIZE, no such file, a folder). */
async function remoteSize(session: FtpSession, path: string): Promise<number | undefined> {
  try {
    return await session.size(path);
  } catch (err) {
    if (err instanceof FtpReplyError) return undefined;
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
    writeLine(io.stdout, JSON.stringify(summary));
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
  const type = options.isAscii ? 'ascii' : 'binary';

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
  const partPath = `${target}.part`;

  const started = Date.now();
  await withSession(url, options, io, async (session) => {
    let offset = 0;
    let partFrom: 'part' | 'final' | undefined;
    if (options.isResume) {
      const partSize = await localSize(partPath);
      const finalSize = partSize === undefined ? await localSize(target) : undefined;
      offset = partSize ?? finalSize ?? 0;
      partFrom = partSize !== undefined ? 'part' : finalSize !== undefined ? 'final' : undefined;
    }
    const showProgress = io.stderr.isTTY === true && !options.isVerbose;
    const total = options.isResume || showProgress ? await remoteSize(session, remote) : undefined;
    if (options.isResume && total !== undefined && offset > 0) {
      if (offset > total) {
        throw new CliError(`cannot resume: the local ${partFrom === 'part' ? 'partial file' : 'file'} (${formatCount(offset)} bytes) is larger than ${remote} (${formatCount(total)} bytes)`);
      }
      if (offset === total) {
        if (partFrom === 'part') await rename(partPath, target);
        report({ command: 'get', remote, local: target, bytes: 0, offset, seconds: 0, isAlreadyComplete: true }, options, io);
        return;
      }
    }
    // Resuming a file under its final name: move it aside first, so the final name again means "whole".
    if (partFrom === 'final' && offset > 0) await rename(target, partPath);

    let file: FileSink;
    try {
      file = new FileSink(partPath, { isAppend: offset > 0 });
    } catch (err) {
      throw new LocalFileError(`cannot write ${shown(partPath, io.cwd)}: ${describeErrno(err)}`, partPath, { cause: err });
    }
    const progress = new ProgressLine(io.stderr, { isEnabled: showProgress, totalBytes: total, startBytes: offset });
    let received = 0;
    try {
      await session.download(remote, file, {
        offset,
        type,
        signal: io.signal,
        onProgress: (bytes) => {
          received = bytes;
          progress.update(offset + bytes);
        },
      });
    } catch (err) {
      progress.finish();
      file.destroy();
      if (offset === 0 && file.bytesWritten === 0) {
        await unlink(partPath).catch(() => undefined);
        throw err;
      }
      const kept = offset + file.bytesWritten;
      const hint = type === 'binary' ? '; continue with --resume' : '';
      if (err instanceof Error) err.message = `${err.message}; ${formatCount(kept)} bytes kept in ${shown(partPath, io.cwd)}${hint}`;
      throw err;
    }
    progress.finish();
    await rename(partPath, target);
    report({ command: 'get', remote, local: target, bytes: received, offset, seconds: (Date.now() - started) / 1000 }, options, io);
  });
}

/** APPE refused as unknown or unimplemented (RFC 959 §4.2: 500, 502, 504): try REST + STOR instead. */
const NOT_IMPLEMENTED = new Set([500, 502, 504]);

/** Runs `put` for one file: operands are [LOCAL, URL]. */
export async function runPut(operands: readonly string[], options: CliOptions, io: CliIo): Promise<void> {
  const localArg = operands[0];
  const url = parseFtpUrl(operands[1]);
  const type = options.isAscii ? 'ascii' : 'binary';

  if (localArg === '-') {
    if (options.isResume) throw new UsageError('put: --resume needs a local file, not stdin', 'put');
    if (url.path === undefined || url.isFolder) throw new UsageError('put: uploading stdin (-) needs a remote file name in the URL', 'put');
    const remote = url.path;
    const started = Date.now();
    const result = await withSession(url, options, io, (session) => session.upload(io.stdin, remote, { type, signal: io.signal }));
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
    let offset = 0;
    if (options.isResume) {
      offset = (await remoteSize(session, remote)) ?? 0;
      if (offset > size) {
        throw new CliError(`cannot resume: ${remote} (${formatCount(offset)} bytes) is larger than ${localArg} (${formatCount(size)} bytes)`);
      }
      if (offset === size) {
        report({ command: 'put', remote, local: localPath, bytes: 0, offset, seconds: 0, isAlreadyComplete: true }, options, io);
        return;
      }
    }
    const showProgress = io.stderr.isTTY === true && !options.isVerbose;
    const progress = new ProgressLine(io.stderr, { isEnabled: showProgress, totalBytes: size, startBytes: offset });
    const upload = async (append: boolean) => {
      let source: FileSource;
      try {
        source = new FileSource(localPath, { start: offset });
      } catch (err) {
        throw new LocalFileError(`cannot read ${localArg}: ${describeErrno(err)}`, localPath, { cause: err });
      }
      try {
        return await session.upload(source, remote, {
          type,
          signal: io.signal,
          ...(offset > 0 ? (append ? { append: true } : { offset }) : {}),
          onProgress: (bytes) => progress.update(offset + bytes),
        });
      } finally {
        // Refused before any data flowed, the stream was never read: close its file now.
        source.destroy();
      }
    };
    let bytes: number;
    try {
      // Resume with APPE first: every server we know has it, while REST before STOR is optional (RFC 3659 §5.5).
      try {
        bytes = (await upload(true)).bytes;
      } catch (err) {
        if (!(offset > 0 && err instanceof FtpReplyError && NOT_IMPLEMENTED.has(err.code))) throw err;
        bytes = (await upload(false)).bytes;
      }
    } finally {
      progress.finish();
    }
    report({ command: 'put', remote, local: localPath, bytes, offset, seconds: (Date.now() - started) / 1000 }, options, io);
  });
}
