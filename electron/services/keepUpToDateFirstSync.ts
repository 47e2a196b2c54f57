/**
 * "Upload everything that differs first" of a folder kept up to date (WinSCP's "synchronize on
 * start"): the pair compared and planned as an upload-direction sync (compareFolders, planSync),
 * and the plan turned into the steps a watch carries out for its changes. A file that is newer on
 * the server, or a file on one side and a folder on the other, is left as it is.
 * Must not import electron.
 */
import type { TransferSession } from '../queue/types';
import { nodeLocalFs } from '../queue';
import { compareFolders } from '../sync/compareFolders';
import { planSync } from '../sync/planSync';
import { DEFAULT_COMPARE } from '../../shared/compareTrees';

/** One step of a watch: a file to upload, or a path to delete on the server. */
export type KeepStep =
  | { kind: 'upload'; relPath: string; sizeBytes?: number; modifiedMs?: number }
  | { kind: 'delete'; relPath: string; isFolder: boolean };

/** What the first sync does: folders to make, steps to queue, and how many paths it left alone. */
export interface FirstSyncPlan {
  folders: string[];
  steps: KeepStep[];
  /** Paths left as they are (newer on the server, or a file against a folder). */
  leftCount: number;
}

/** What the compare needs. */
export interface FirstSyncRequest {
  localFolder: string;
  remoteFolder: string;
  exclude: readonly string[];
  deleteOnServer: boolean;
  openSession(): Promise<TransferSession>;
  /** Connections the listing may use at once. */
  parallel: number;
  /** The server's clock minus this computer's (ServerClocks), so a LIST time in another zone is no change. */
  clockOffsetMs: number;
}

/** Compares the pair and plans the uploads (and, with deleteOnServer, deletions) that make the server agree. */
export async function planFirstSync(request: FirstSyncRequest): Promise<FirstSyncPlan> {
  const comparison = await compareFolders({
    localDir: request.localFolder,
    remoteDir: request.remoteFolder,
    openSession: request.openSession,
    parallel: request.parallel,
    isRecursive: true,
    compare: { ...DEFAULT_COMPARE, clockOffsetMs: request.clockOffsetMs },
    patterns: { exclude: request.exclude },
    hashLocal: (file, algorithm) => nodeLocalFs.hashFile(file, algorithm),
  });
  const plan = planSync(comparison.pairs, { direction: 'upload', deleteOrphans: request.deleteOnServer, toleranceMs: DEFAULT_COMPARE.toleranceMs });
  const local = new Map(comparison.pairs.map((p) => [p.relPath, p.local]));
  const result: FirstSyncPlan = { folders: [], steps: [], leftCount: 0 };
  for (const a of plan.actions) {
    if (!a.isChecked) result.leftCount++;
    else if (a.kind === 'mkdir-remote') result.folders.push(a.relPath);
    else if (a.kind === 'upload' || a.kind === 'overwrite-remote') {
      const side = local.get(a.relPath);
      result.steps.push({ kind: 'upload', relPath: a.relPath, sizeBytes: side?.sizeBytes, modifiedMs: side?.modifiedMs });
    } else if (a.kind === 'delete-remote') result.steps.push({ kind: 'delete', relPath: a.relPath, isFolder: a.isFolder });
  }
  return result;
}
