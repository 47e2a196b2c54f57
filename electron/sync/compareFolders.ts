/**
 * A whole compare of a local and a remote folder: both trees read at once (the remote one over
 * several connections), filtered by the include/exclude patterns, judged pair by pair, and,
 * when comparing by checksum, the files of equal size hashed on both sides with the algorithm
 * the server offers. Used by the window and the command line alike.
 */
import path from 'node:path';
import type { ComparedPair, CompareOptions } from '../../shared/sync';
import { joinRemote } from '../queue/safeName';
import type { TransferSession } from '../queue/types';
import { compareTrees, judge } from '../../shared/compareTrees';
import { listLocalTree, listRemoteTree, type ListedTree, type OpenListingSession } from './listTrees';
import { pathFilter, type PathPatterns } from './pathFilter';

/** What to compare and how. */
export interface CompareFoldersRequest {
  localDir: string;
  remoteDir: string;
  openSession: OpenListingSession;
  /** Connections at once for listing and checksums (the site's limit). */
  parallel: number;
  isRecursive: boolean;
  compare: CompareOptions;
  patterns?: PathPatterns;
  followLocalLinks?: boolean;
  /** The local file's digest in the server's algorithm (lower-case hex), undefined when unknown. */
  hashLocal(filePath: string, algorithm: string): Promise<string | undefined>;
  signal?: AbortSignal;
}

/** The verdicts, what was left out, and how long each step took. */
export interface FolderComparison {
  pairs: ComparedPair[];
  skipped: { local: ListedTree['skipped']; remote: ListedTree['skipped'] };
  /** The server's checksum algorithm, when the compare used one. */
  checksumAlgorithm?: string;
  timings: { listMs: number; checksumMs: number; compareMs: number };
}

/** Reads, filters and compares the two folders. */
export async function compareFolders(request: CompareFoldersRequest): Promise<FolderComparison> {
  const { isRecursive, signal } = request;
  const started = performance.now();
  const [local, remote] = await Promise.all([
    listLocalTree(request.localDir, { isRecursive, signal, followLinks: request.followLocalLinks }),
    listRemoteTree(request.remoteDir, request.openSession, { isRecursive, signal, parallel: request.parallel }),
  ]);
  const listed = performance.now();
  const keep = pathFilter(request.patterns ?? {});
  const pairs = compareTrees(keep(local.entries), keep(remote.entries), request.compare);
  let compared = performance.now();
  let checksumAlgorithm: string | undefined;
  let checksumMs = 0;
  if (request.compare.by.includes('checksum')) {
    checksumAlgorithm = await addChecksums(pairs, request);
    checksumMs = performance.now() - compared;
    compared = performance.now();
  }
  return {
    pairs,
    skipped: { local: local.skipped, remote: remote.skipped },
    checksumAlgorithm,
    timings: { listMs: listed - started, checksumMs, compareMs: compared - listed - checksumMs },
  };
}

/**
 * Hashes the pairs whose content is in question (two files of one size; different sizes differ
 * anyway) and judges them again. Returns the server's algorithm, or undefined when it offers none
 * (the pairs then stay judged by size, and say so).
 */
async function addChecksums(pairs: ComparedPair[], request: CompareFoldersRequest): Promise<string | undefined> {
  const todo = pairs.filter((p) => p.local?.kind === 'file' && p.remote?.kind === 'file' && p.local.sizeBytes === p.remote.sizeBytes);
  if (todo.length === 0) return undefined;
  let algorithm: string | undefined;
  let failure: unknown;
  const worker = async (session: TransferSession) => {
    try {
      for (let pair = todo.shift(); pair && failure === undefined; pair = todo.shift()) {
        request.signal?.throwIfAborted();
        const remote = await session.checksum(joinRemote(request.remoteDir, pair.relPath));
        if (!remote) {
          todo.length = 0;
          return;
        }
        algorithm = remote.algorithm;
        const mine = await request.hashLocal(path.join(request.localDir, ...pair.relPath.split('/')), remote.algorithm);
        pair.remote!.checksum = remote.hex.toLowerCase();
        if (mine) pair.local!.checksum = mine.toLowerCase();
        Object.assign(pair, judge(pair.local, pair.remote, request.compare));
      }
    } catch (err) {
      failure ??= err;
    } finally {
      await session.close().catch(() => session.destroy());
    }
  };
  const count = Math.min(request.parallel, todo.length);
  const sessions = await Promise.all(Array.from({ length: count }, () => request.openSession().catch((err: unknown) => err)));
  const open = sessions.filter((s): s is TransferSession => typeof s === 'object' && s !== null && 'checksum' in s);
  if (open.length === 0) throw sessions[0];
  await Promise.all(open.map(worker));
  if (failure !== undefined) throw failure;
  return algorithm;
}
