/**
 * One attempt of one transfer over one session: the file-exists decision, resuming from the bytes
 * already there (REST for downloads from the `.part` size; SIZE then REST+STOR/APPE for uploads),
 * the temporary `.part` file and its rename, and the size and checksum checks. Throws on failure;
 * the queue decides about retries. No sockets here: everything goes through the interfaces.
 */
import path from 'node:path';
import type { Writable } from 'node:stream';
import type { FileExistsPolicy, TransferItem } from '../../shared/domain';
import { decideExists, firstFreeName, type ExistsAction } from './fileExists';
import { failureOf, TransferError, type TransferFailure } from './transferError';
import type { RemoteDirCache } from './remoteDirs';
import { joinRemote, remoteBaseName, remoteParent } from './safeName';
import { RateLimiter } from './SpeedLimiter';
import { countingReader, countingWriter, DIRECT_MAX_BYTES } from './transferStreams';
import { remoteSizeOrUndefined, verifyChecksum } from './transferChecks';
import type { ExistsQuestion, ItemMeta, LocalFs, TransferSession } from './types';

/** Everything an attempt needs; `item` and `meta` are the queue's live objects and are updated in place. */
export interface AttemptContext {
  item: TransferItem;
  meta: ItemMeta;
  session: TransferSession;
  fs: LocalFs;
  signal: AbortSignal;
  /**
   * The speed limit of the item's direction. Without one the transfer can never be limited (the
   * command line's single file), so a file of any size goes by the engine's direct path.
   */
  limiter?: RateLimiter;
  partSuffix: string;
  remoteDirs: Pick<RemoteDirCache, 'ensure' | 'isCreatedThisRun'>;
  /**
   * ASCII transfers (TYPE A) convert line endings, so the local size differs from the server's:
   * their size and checksum are not compared. Binary by default.
   */
  type?: 'ascii' | 'binary';
  /** Hears the byte offset the data starts from, once it is decided (0, or where a resume continues). */
  onStartAt?(offset: number): void;
  /**
   * The user asked to resume this one file (the command line's --resume): a target larger than
   * its source is an error, not a file already complete.
   */
  isResumeStrict?: boolean;
  /** Resolves the item's file-exists policy, asking the user if it is `ask`. */
  chooseExists(question: ExistsQuestion): Promise<ExistsAction>;
  /** The file-exists policy in force for an item (its own, else the queue's), before any asking. */
  policyOf(item: TransferItem): FileExistsPolicy;
  /** Called when `item.transferredBytes` grew. */
  onProgress(): void;
  /** Called once the data connection is done with, so the session can prepare the next transfer's while local work finishes. */
  dataDone(): void;
  /** Whether another transfer is expected on this session right after this one (see TransferOptions.isFollowed). */
  isFollowed?(): boolean;
  /** Called when other item fields changed (paths, size), so they get persisted. */
  onChanged(): void;
  log(level: 'info' | 'warn' | 'error', text: string): void;
}

/** The limiter of a transfer that has none. */
const UNLIMITED = new RateLimiter();

/**
 * An ASCII transfer's byte counts differ on the two sides (CRLF on the wire, the local line ending
 * on disk), so an offset for REST means nothing: it starts over, as FileZilla and lftp do.
 */
const ASCII_RESTART = 'ASCII transfer of %s: it cannot continue from where it stopped (line endings change the byte count), so it starts over';
/** Nor can sizes be compared after an ASCII transfer: that check is left out, and the log says so. */
const ASCII_NO_SIZE_CHECK = 'ASCII transfer of %s: sizes are not compared (line endings were converted)';

/** How an attempt ended when it did not throw. */
export type AttemptResult = 'done' | 'skipped';

function throwIfAborted(signal: AbortSignal): void {
  if (signal.aborted) throw new TransferError({ kind: 'aborted', message: 'transfer aborted', isTransient: false });
}

async function withLocal<T>(what: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    throw new TransferError({ kind: 'local', message: `${what}: ${(err as Error).message}`, isTransient: false });
  }
}

function isMissingFolder(err: unknown): boolean {
  return (err as NodeJS.ErrnoException | undefined)?.code === 'ENOENT';
}

/**
 * Opens the partial file for writing at `offset`. The folder is created only when the open says
 * it is missing: one filesystem call per file instead of a mkdir before every open (folders of a
 * tree exist after the expansion anyway, or after the first file of each).
 */
async function openPartial(ctx: AttemptContext, partPath: string, offset: number): Promise<Writable> {
  try {
    return await ctx.fs.createWriteStream(partPath, offset);
  } catch (err) {
    if (!isMissingFolder(err)) throw new TransferError({ kind: 'local', message: `cannot write ${partPath}: ${(err as Error).message}`, isTransient: false });
  }
  await withLocal(`cannot create the folder of ${partPath}`, () => ctx.fs.mkdirp(path.dirname(partPath)));
  return withLocal(`cannot write ${partPath}`, () => ctx.fs.createWriteStream(partPath, offset));
}

/** Where a download's bytes go until they are verified: the item's own suffix, else the queue's. */
export function partialPath(ctx: Pick<AttemptContext, 'item' | 'meta' | 'partSuffix'>): string {
  return ctx.item.localPath + (ctx.meta.partSuffix ?? ctx.partSuffix);
}

/** Runs one download attempt into its partial file (partialPath), renamed to `localPath` when verified. */
export async function runDownload(ctx: AttemptContext): Promise<AttemptResult> {
  const { item, meta, fs } = ctx;
  // A fresh item trusts the listing's size (one round trip less per file, which dominates small
  // files); a retry asks SIZE, since the file may have changed, and so does a mismatch below.
  const isListedSize = item.sizeBytes !== undefined && !meta.hasStarted;
  let remoteSize = isListedSize ? item.sizeBytes : ((await remoteSizeOrUndefined(ctx, item.remotePath)) ?? item.sizeBytes);
  if (remoteSize !== undefined && remoteSize !== item.sizeBytes) {
    item.sizeBytes = remoteSize;
    ctx.onChanged();
  }
  throwIfAborted(ctx.signal);

  let isResumeChosen = false;
  // Under `overwrite` an existing target changes nothing (the rename replaces it): no stat.
  if (!meta.isExistsResolved && ctx.policyOf(item) === 'overwrite') meta.isExistsResolved = true;
  if (!meta.isExistsResolved) {
    const target = await fs.stat(item.localPath);
    if (target?.type === 'dir') throw new TransferError({ kind: 'local', message: `cannot write ${item.localPath}: a folder has that name`, isTransient: false });
    if (target) {
      const source = { path: item.remotePath, sizeBytes: remoteSize, modifiedMs: item.modifiedMs };
      const action = await ctx.chooseExists({ item: { ...item }, source, target: { path: item.localPath, sizeBytes: target.sizeBytes, modifiedMs: target.modifiedMs } });
      const outcome = decideExists(action, source, { path: item.localPath, sizeBytes: target.sizeBytes, modifiedMs: target.modifiedMs });
      if (outcome === 'skip') return 'skipped';
      if (outcome === 'rename') {
        const dir = path.dirname(item.localPath);
        const name = await firstFreeName(path.basename(item.localPath), async (c) => (await fs.stat(path.join(dir, c))) !== undefined);
        item.localPath = path.join(dir, name);
        ctx.log('info', `target exists; downloading to ${item.localPath}`);
      } else if (outcome === 'resume' && ctx.type === 'ascii') {
        ctx.log('info', ASCII_RESTART.replace('%s', item.remotePath));
      } else if (outcome === 'resume') {
        isResumeChosen = true;
        // A partial file of ours is the newer attempt: it is continued and the target left for the
        // final rename. Otherwise the target itself becomes the partial, if it is a file of ours.
        const part = await fs.inspectPartial(partialPath(ctx));
        if (!part?.isResumable) {
          const own = await fs.inspectPartial(item.localPath);
          if (!own?.isResumable) {
            ctx.log('warn', `${item.localPath} is ${own?.reason ?? 'gone'}; downloading ${item.remotePath} from the start instead of continuing it`);
            isResumeChosen = false;
          } else {
            if (remoteSize !== undefined && own.sizeBytes > remoteSize && ctx.isResumeStrict) {
              throw new TransferError({ kind: 'integrity', message: `cannot resume: ${item.localPath} (${own.sizeBytes} bytes) is larger than ${item.remotePath} (${remoteSize} bytes)`, isTransient: false });
            }
            if (remoteSize !== undefined && own.sizeBytes >= remoteSize) return 'skipped';
            await withLocal(`cannot rename ${item.localPath} to continue it`, () => fs.rename(item.localPath, partialPath(ctx)));
          }
        }
      }
    }
    meta.isExistsResolved = true;
    ctx.onChanged();
  }

  const partPath = partialPath(ctx);
  // A `.part` is ours to continue only if this item already started or the user chose resume (for
  // this conflict, or as the policy: a `ferry get -r --on-exists resume` run again after Ctrl-C
  // continues the partial files the first left); otherwise it may be a leftover of another file
  // version and is overwritten (so a fresh item need not look for one).
  // Only a regular file of this user's is continued: in a shared folder someone else may have
  // put a link or a file of theirs at the name (local/partialFile.ts). Anything else is replaced.
  const mayResume = meta.hasStarted || isResumeChosen || ctx.policyOf(item) === 'resume';
  if (mayResume && ctx.type === 'ascii' && (await fs.inspectPartial(partPath))?.isResumable) ctx.log('info', ASCII_RESTART.replace('%s', item.remotePath));
  const found = mayResume && ctx.type !== 'ascii' ? await fs.inspectPartial(partPath) : undefined;
  if (found && !found.isResumable) ctx.log('warn', `${partPath} is ${found.reason}; downloading ${item.remotePath} from the start instead of continuing it`);
  let part = found?.isResumable ? found : undefined;
  let offset = part?.sizeBytes ?? 0;
  if (remoteSize !== undefined && offset > remoteSize) {
    ctx.log('warn', `partial file is larger than the server's (${offset} > ${remoteSize}); starting over`);
    offset = 0;
    part = undefined;
  }
  meta.hasStarted = true;
  item.transferredBytes = offset;
  ctx.onChanged();
  throwIfAborted(ctx.signal);

  // What the partial file holds, counted as it is written: the size check needs no stat afterwards.
  let writtenBytes = part?.sizeBytes ?? 0;
  // An empty remote file still needs its RETR (and a local file); a complete partial does not.
  if (remoteSize === undefined || offset < remoteSize || !part) {
    if (offset > 0) ctx.log('info', `resuming download of ${item.remotePath} at ${offset} bytes`);
    writtenBytes = offset;
    const file = await openPartial(ctx, partPath, offset);
    const isDirect = !ctx.limiter || (!ctx.limiter.isLimited && remoteSize !== undefined && remoteSize - offset <= DIRECT_MAX_BYTES);
    ctx.onStartAt?.(offset);
    const writer = countingWriter(file, ctx.limiter ?? UNLIMITED, (n) => {
      writtenBytes += n;
      item.transferredBytes += n;
      ctx.onProgress();
    }, { isDirect });
    try {
      await ctx.session.download(item.remotePath, writer.stream, {
        offset, signal: ctx.signal, onProgress: writer.onProgress, type: ctx.type, isFollowed: ctx.isFollowed?.(),
      });
      ctx.dataDone();
      if (!writer.stream.writableEnded) writer.stream.end();
      if (!writer.stream.writableFinished) {
        await new Promise<void>((resolve, reject) => {
          writer.stream.once('finish', resolve);
          writer.stream.once('error', reject);
        });
      }
    } catch (err) {
      if (!writer.stream.writableFinished) writer.stream.destroy();
      await writer.closed;
      // A refused RETR (550) must not leave an empty `.part` behind.
      if (offset === 0 && item.transferredBytes === 0) await fs.remove(partPath).catch(() => undefined);
      if (writer.localError) throw new TransferError({ kind: 'local', message: `writing ${partPath}: ${writer.localError.message}`, isTransient: false });
      throw err;
    } finally {
      if (!writer.stream.writableFinished) writer.stream.destroy();
      await writer.closed;
    }
  }
  throwIfAborted(ctx.signal);

  item.transferredBytes = writtenBytes;
  if (ctx.type === 'ascii') ctx.log('info', ASCII_NO_SIZE_CHECK.replace('%s', item.remotePath));
  else {
    if (isListedSize && writtenBytes !== remoteSize) {
      remoteSize = (await remoteSizeOrUndefined(ctx, item.remotePath)) ?? remoteSize;
      item.sizeBytes = remoteSize;
    }
    if (remoteSize !== undefined && writtenBytes < remoteSize) {
      // The data connection ended early but the server said 226: resume from here next time.
      throw new TransferError({ kind: 'truncated', message: `download ended at ${writtenBytes} of ${remoteSize} bytes`, isTransient: true });
    }
    if (remoteSize !== undefined && writtenBytes > remoteSize) {
      await fs.remove(partPath);
      throw new TransferError({ kind: 'integrity', message: `downloaded ${writtenBytes} bytes but the server reports ${remoteSize}`, isTransient: false });
    }
    // A corrupt partial must not be resumed later, so a checksum mismatch deletes it.
    await verifyChecksum(ctx, partPath, item.remotePath, () => fs.remove(partPath));
  }
  if (item.sizeBytes === undefined || ctx.type === 'ascii') item.sizeBytes = writtenBytes;
  await withLocal(`cannot rename ${partPath} to ${item.localPath}`, () => fs.rename(partPath, item.localPath));
  if (item.modifiedMs !== undefined) await fs.setModifiedTime(item.localPath, item.modifiedMs).catch(() => undefined);
  return 'done';
}

/** Sends the local file from `offset` (counting and rate-limiting on the way). */
async function sendFrom(ctx: AttemptContext, offset: number): Promise<void> {
  const { item } = ctx;
  const file = ctx.fs.createReadStream(item.localPath, offset);
  let source = file;
  let onProgress: ((bytes: number) => void) | undefined;
  if (ctx.limiter && (ctx.limiter.isLimited || (item.sizeBytes ?? Infinity) - offset > DIRECT_MAX_BYTES)) {
    source = countingReader(file, ctx.limiter, (n) => {
      item.transferredBytes += n;
      ctx.onProgress();
    });
  } else {
    // A small file and no limit: it goes to the session as it is and the session counts.
    onProgress = (bytes) => {
      item.transferredBytes = offset + bytes;
      ctx.onProgress();
    };
  }
  try {
    await ctx.session.upload(source, item.remotePath, {
      offset, signal: ctx.signal, onProgress, type: ctx.type, isFollowed: ctx.isFollowed?.(), modifiedMs: item.modifiedMs,
    });
  } finally {
    if (!source.destroyed) source.destroy();
    if (!file.destroyed) file.destroy();
  }
}

/** Replies saying the server lacks a command (500/502/504, RFC 959 §4.2). */
const NOT_IMPLEMENTED = new Set([500, 502, 504]);

/** Whether the server answered the REST/STOR/APPE itself with a refusal (no data moved). */
function isRefusedCommand({ code, command }: TransferFailure): boolean {
  return code !== undefined && code !== 421 && code >= 450 && /^(REST|STOR|APPE)\b/i.test(command ?? '');
}

/** Runs one upload attempt straight to `remotePath`, continuing a remote partial when there is one. */
export async function runUpload(ctx: AttemptContext): Promise<AttemptResult> {
  const { item, meta, fs } = ctx;
  const local = await fs.stat(item.localPath);
  if (!local || local.type !== 'file') throw new TransferError({ kind: 'local', message: `local file not found: ${item.localPath}`, isTransient: false });
  if (item.sizeBytes !== local.sizeBytes || item.modifiedMs !== local.modifiedMs) {
    item.sizeBytes = local.sizeBytes;
    item.modifiedMs = local.modifiedMs;
    ctx.onChanged();
  }
  // In a folder this run created, nothing can exist yet: skip the SIZE probe (a round trip per file).
  const isInNewFolder = !meta.hasStarted && ctx.remoteDirs.isCreatedThisRun(item.siteId, remoteParent(item.remotePath));
  let remoteSize = isInNewFolder ? undefined : await remoteSizeOrUndefined(ctx, item.remotePath, true);
  throwIfAborted(ctx.signal);

  let offset = 0;
  let isDecided = false;
  // Under `overwrite` an existing target changes nothing (STOR replaces it): no MDTM.
  if (!meta.isExistsResolved && ctx.policyOf(item) === 'overwrite') meta.isExistsResolved = true;
  if (!meta.isExistsResolved) {
    if (remoteSize !== undefined) {
      let remoteModifiedMs: number | undefined;
      try {
        remoteModifiedMs = await ctx.session.modifiedTime(item.remotePath);
      } catch (err) {
        if (failureOf(err).isTransient) throw err;
      }
      const source = { path: item.localPath, sizeBytes: local.sizeBytes, modifiedMs: local.modifiedMs };
      const target = { path: item.remotePath, sizeBytes: remoteSize, modifiedMs: remoteModifiedMs };
      const action = await ctx.chooseExists({ item: { ...item }, source, target });
      const outcome = decideExists(action, source, target);
      if (outcome === 'skip') return 'skipped';
      if (outcome === 'rename') {
        const dir = remoteParent(item.remotePath);
        const name = await firstFreeName(remoteBaseName(item.remotePath), async (c) => (await remoteSizeOrUndefined(ctx, joinRemote(dir, c), true)) !== undefined);
        item.remotePath = joinRemote(dir, name);
        remoteSize = undefined;
        ctx.log('info', `target exists; uploading to ${item.remotePath}`);
      } else if (outcome === 'resume' && ctx.type === 'ascii') {
        ctx.log('info', ASCII_RESTART.replace('%s', item.remotePath));
      } else if (outcome === 'resume') {
        if (remoteSize > local.sizeBytes && ctx.isResumeStrict) {
          throw new TransferError({ kind: 'integrity', message: `cannot resume: ${item.remotePath} (${remoteSize} bytes) is larger than ${item.localPath} (${local.sizeBytes} bytes)`, isTransient: false });
        }
        if (remoteSize >= local.sizeBytes) return 'skipped';
        offset = remoteSize;
      }
      isDecided = true;
    }
    meta.isExistsResolved = true;
    ctx.onChanged();
  }
  // On a retry or after a restart the remote file is our own partial: continue it.
  if (!isDecided && meta.hasStarted && remoteSize !== undefined && remoteSize <= local.sizeBytes) {
    if (ctx.type === 'ascii') ctx.log('info', ASCII_RESTART.replace('%s', item.remotePath));
    else offset = remoteSize;
  }
  meta.hasStarted = true;
  item.transferredBytes = offset;
  ctx.onChanged();

  await ctx.remoteDirs.ensure(item.siteId, ctx.session, remoteParent(item.remotePath));
  throwIfAborted(ctx.signal);

  if (offset < local.sizeBytes || local.sizeBytes === 0) {
    if (offset > 0) ctx.log('info', `resuming upload of ${item.remotePath} at ${offset} bytes`);
    let from = offset;
    let refusals = 0;
    for (;;) {
      ctx.onStartAt?.(from);
      try {
        await sendFrom(ctx, from);
        break;
      } catch (err) {
        const refusal = failureOf(err);
        if (from === 0 || !isRefusedCommand(refusal)) throw err;
        refusals++;
        // The server lacks this command (500/502/504): the session has another way to resume, tried next.
        if (refusals === 1 && NOT_IMPLEMENTED.has(refusal.code ?? 0)) {
          ctx.log('info', `the server does not implement this way of resuming (${refusal.message}); trying the other`);
          continue;
        }
        // Some servers refuse REST+STOR and APPE outright (proftpd without AllowStoreRestart:
        // "451 Append/Restart not permitted"); a refused command moved no data, and the only way
        // on is from byte 0.
        ctx.log('warn', `the server refuses to resume uploads (${refusal.message}); sending ${item.remotePath} from the start`);
        item.transferredBytes = 0;
        from = 0;
      }
    }
  }
  throwIfAborted(ctx.signal);

  // Before the size check, so the next transfer's mode command goes out with the SIZE (one round trip for both).
  ctx.dataDone();
  if (ctx.type === 'ascii') {
    // The server stores the converted text, whose size is not the local file's.
    ctx.log('info', ASCII_NO_SIZE_CHECK.replace('%s', item.remotePath));
    item.transferredBytes = local.sizeBytes;
    return 'done';
  }
  const finalSize = await remoteSizeOrUndefined(ctx, item.remotePath);
  if (finalSize !== undefined && finalSize < local.sizeBytes) {
    item.transferredBytes = finalSize;
    throw new TransferError({ kind: 'truncated', message: `upload ended at ${finalSize} of ${local.sizeBytes} bytes`, isTransient: true });
  }
  if (finalSize !== undefined && finalSize > local.sizeBytes) {
    throw new TransferError({ kind: 'integrity', message: `uploaded ${local.sizeBytes} bytes but the server reports ${finalSize}`, isTransient: false });
  }
  item.transferredBytes = local.sizeBytes;
  await verifyChecksum(ctx, item.localPath, item.remotePath, async () => undefined);
  return 'done';
}
