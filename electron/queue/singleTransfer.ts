/**
 * One file transferred outside a queue, by the queue's own attempt (runTransfer.ts): the
 * command line's `ferry get URL LOCAL` and `ferry put LOCAL URL`. The partial file and its
 * safety rules, the resume policy and the size and checksum checks are the queue's, so a file
 * under its final name means the same whichever way it came. No retries: a failure is reported
 * with what it left (a partial file that `--resume` continues).
 * Loads nothing of the queue's machinery (scheduler, pool, persistence), so the command line
 * starts quickly.
 */
import { randomUUID } from 'node:crypto';
import type { FileExistsPolicy, TransferDirection, TransferItem } from '../../shared/domain';
import { runDownload, runUpload, type AttemptContext } from './runTransfer';
import type { LocalFs, TransferSession } from './types';

/** The partial-file suffix of single transfers, as of the queue's. */
export const SINGLE_PART_SUFFIX = '.part';

/** What one transfer needs. */
export interface SingleTransferRequest {
  direction: TransferDirection;
  session: TransferSession;
  fs: LocalFs;
  localPath: string;
  remotePath: string;
  /** `overwrite` (a fresh transfer) or `resume` (continue what a partial file or the target holds). */
  policy: Extract<FileExistsPolicy, 'overwrite' | 'resume'>;
  type?: 'ascii' | 'binary';
  signal?: AbortSignal;
  /** Hears the bytes the file holds so far (the resumed part included), and its size when known. */
  onProgress?(bytes: number, sizeBytes: number | undefined): void;
  log(level: 'info' | 'warn' | 'error', text: string): void;
}

/** How a single transfer went, for its report. */
export interface SingleTransfer {
  /** The transfer as the queue would hold it: sizes, paths and bytes so far. */
  readonly item: TransferItem;
  /** Where the data started: 0, or the bytes a resume continued after. */
  startOffset: number;
  /** Where a download's bytes are kept until they are whole. */
  readonly partialPath: string;
}

/** A transfer to run with runSingleTransfer; its fields tell the caller what happened, also after a failure. */
export function singleTransfer(request: Pick<SingleTransferRequest, 'direction' | 'localPath' | 'remotePath'>): SingleTransfer {
  const item: TransferItem = {
    id: randomUUID(),
    direction: request.direction,
    localPath: request.localPath,
    remotePath: request.remotePath,
    siteId: 'single',
    transferredBytes: 0,
    state: 'transferring',
    attempts: 1,
    createdMs: Date.now(),
  };
  return { item, startOffset: 0, partialPath: request.localPath + SINGLE_PART_SUFFIX };
}

/** Runs the transfer; resolves `done`, or `skipped` when a resume found nothing left to send. Throws as the queue's attempt does. */
export async function runSingleTransfer(transfer: SingleTransfer, request: SingleTransferRequest): Promise<'done' | 'skipped'> {
  const { item } = transfer;
  const meta = { hasStarted: false, failuresInRow: 0, isExistsResolved: false };
  const ctx: AttemptContext = {
    item,
    meta,
    session: request.session,
    fs: request.fs,
    signal: request.signal ?? new AbortController().signal,
    partSuffix: SINGLE_PART_SUFFIX,
    // The user named the remote folder: it exists, or the server's refusal says it does not.
    remoteDirs: { ensure: async () => undefined, isCreatedThisRun: () => false },
    type: request.type,
    isResumeStrict: request.policy === 'resume',
    chooseExists: async () => request.policy,
    policyOf: () => request.policy,
    onProgress: () => request.onProgress?.(item.transferredBytes, item.sizeBytes),
    dataDone: () => undefined,
    onChanged: () => undefined,
    onStartAt: (offset) => {
      transfer.startOffset = offset;
    },
    log: request.log,
  };
  const result = item.direction === 'download' ? await runDownload(ctx) : await runUpload(ctx);
  item.state = 'done';
  return result;
}

