/**
 * What an edit asks of the server, over a browsing connection: the remote file's state (SIZE,
 * MDTM and the checksum where offered) and the copy's download and upload, which are the queue's
 * own single-file attempt (queue/singleTransfer.ts), so the partial file, its safety rules and
 * the size and checksum checks are those of every other transfer. Must not import electron.
 */
import { nodeLocalFs } from '../queue/nodeLocalFs';
import { runSingleTransfer, singleTransfer } from '../queue/singleTransfer';
import { failureOf } from '../queue/transferError';
import type { LocalFs, TransferSession } from '../queue/types';
import { editedName, type RemoteFileState } from '../../shared/edit';
import { joinRemotePath, remoteBaseName, remoteParent } from '../../shared/remotePath';

/** Replies saying the server lacks a command (500/502/504, RFC 959 §4.2). */
const NOT_IMPLEMENTED = new Set([500, 502, 504]);

/** Asks the server one thing; a refusal is `undefined`, a broken connection throws. */
async function unlessRefused<T>(ask: () => Promise<T>): Promise<T | undefined> {
  try {
    return await ask();
  } catch (err) {
    if (failureOf(err).isTransient) throw err;
    return undefined;
  }
}

/**
 * The remote file's state now, or undefined when it is gone (the server refuses both SIZE and
 * MDTM for it). `withChecksum`: also ask for the server's checksum, where it offers one.
 */
export async function remoteStateOf(session: TransferSession, remotePath: string, withChecksum: boolean): Promise<RemoteFileState | undefined> {
  const sizeBytes = await unlessRefused(() => session.size(remotePath));
  const modifiedMs = await unlessRefused(() => session.modifiedTime(remotePath));
  if (sizeBytes === undefined && modifiedMs === undefined) return undefined;
  const state: RemoteFileState = {};
  if (sizeBytes !== undefined) state.sizeBytes = sizeBytes;
  if (modifiedMs !== undefined) state.modifiedMs = modifiedMs;
  if (withChecksum && session.offersChecksum !== false) {
    const checksum = await unlessRefused(() => session.checksum(remotePath));
    if (checksum) state.checksum = checksum;
  }
  return state;
}

/**
 * A session that remembers the checksum it last reported: the transfer's own verification asks
 * for it after every download and upload, and the edit keeps it without asking again.
 */
function recordingChecksums(session: TransferSession): { session: TransferSession; last(): RemoteFileState['checksum'] } {
  let last: RemoteFileState['checksum'];
  const recording: TransferSession = Object.create(session, {
    checksum: {
      value: async (remotePath: string) => {
        last = await session.checksum(remotePath);
        return last;
      },
    },
  });
  return { session: recording, last: () => last };
}

/** How one copy moves, and where its log lines go. */
export interface CopyTransfer {
  session: TransferSession;
  localPath: string;
  remotePath: string;
  log(level: 'info' | 'warn' | 'error', text: string): void;
  fs?: LocalFs;
}

/** One binary transfer of the copy, overwriting its target, by the queue's single-file attempt; with the checksum it verified. */
async function moveCopy(direction: 'download' | 'upload', transfer: CopyTransfer, known?: RemoteFileState) {
  const { session, last } = recordingChecksums(transfer.session);
  const { localPath, remotePath, log } = transfer;
  const single = singleTransfer({ direction, localPath, remotePath });
  if (known?.sizeBytes !== undefined) single.item.sizeBytes = known.sizeBytes;
  if (known?.modifiedMs !== undefined) single.item.modifiedMs = known.modifiedMs;
  await runSingleTransfer(single, { direction, session, fs: transfer.fs ?? nodeLocalFs, localPath, remotePath, policy: 'overwrite', type: 'binary', log });
  return { single, checksum: last() };
}

/**
 * Downloads the remote file over the copy (binary: the bytes as they are); `known` is its state
 * just asked, so the listed size is trusted as the queue trusts a listing. Resolves with the state
 * the copy now matches, its checksum as the transfer verified it.
 */
export async function downloadCopy(transfer: CopyTransfer, known: RemoteFileState): Promise<RemoteFileState> {
  const { single, checksum } = await moveCopy('download', transfer, known);
  const state: RemoteFileState = { ...known, sizeBytes: single.item.sizeBytes ?? known.sizeBytes };
  if (checksum) state.checksum = checksum;
  return state;
}

/**
 * Uploads the copy over `remotePath` (binary), then asks the remote file's time: resolves with
 * the state the server's file now has, so the next save does not take this upload for someone
 * else's change.
 */
export async function uploadCopy(transfer: CopyTransfer): Promise<RemoteFileState> {
  const { single, checksum } = await moveCopy('upload', transfer);
  // The transfer compared the server's size with the copy's already: only the time is new.
  const after: RemoteFileState = {};
  if (single.item.sizeBytes !== undefined) after.sizeBytes = single.item.sizeBytes;
  const modifiedMs = await unlessRefused(() => transfer.session.modifiedTime(transfer.remotePath));
  if (modifiedMs !== undefined) after.modifiedMs = modifiedMs;
  if (checksum) after.checksum = checksum;
  return after;
}

/** Whether the server holds `remotePath`: SIZE as a probe, or MDTM where the server has no SIZE. */
export async function existsRemote(session: TransferSession, remotePath: string): Promise<boolean> {
  try {
    await session.size(remotePath, { isProbe: true });
    return true;
  } catch (err) {
    const failure = failureOf(err);
    if (failure.isTransient) throw err;
    if (failure.code === undefined || !NOT_IMPLEMENTED.has(failure.code)) return false;
  }
  return (await remoteStateOf(session, remotePath, false)) !== undefined;
}

/** The first `name (edited).ext` (then `(edited 2)`…) that the folder of `remotePath` does not hold. */
export async function freeEditedName(session: TransferSession, remotePath: string): Promise<string> {
  const folder = remoteParent(remotePath) ?? '/';
  const name = remoteBaseName(remotePath);
  for (let attempt = 1; attempt < 100; attempt++) {
    const candidate = editedName(name, attempt);
    if (!(await existsRemote(session, joinRemotePath(folder, candidate)))) return candidate;
  }
  return editedName(name, Date.now());
}
