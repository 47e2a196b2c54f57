/**
 * The order a sync plan runs in, given the steps the user ticked: folders first (a parent before
 * what it holds), then copies, then deletions (deepest first, and only after the copies: a
 * renamed file is a deletion plus a new file). A ticked conflict runs as what ticking it does
 * (its `resolution`); an unticked one is left as it is and reported. Also the queue requests the
 * copies become. Pure; used by the window's Synchronize and `ferry sync` alike.
 * Must not import electron.
 */
import path from 'node:path';
import type { ComparedPair, SyncAction, SyncActionKind, SyncSide } from '../../shared/sync';
import { comparePaths } from '../../shared/compareTrees';
import { isTickable } from '../../shared/syncPreview';
import { joinRemote } from '../queue/safeName';
import type { AddDeleteRequest, AddFileRequest } from '../queue/types';

/** The ticked steps by when they run, and the conflicts left alone. */
export interface RunSteps {
  /** mkdir-local and mkdir-remote, in path order. */
  folders: SyncAction[];
  /** upload, download, overwrite-remote, overwrite-local. */
  copies: SyncAction[];
  /** delete-local and delete-remote, deepest first. */
  deletions: SyncAction[];
  /** Conflicts not ticked (or that Ferry cannot resolve): nothing happens to them. */
  conflictsLeft: SyncAction[];
}

const COPY_KINDS: ReadonlySet<SyncActionKind> = new Set(['upload', 'download', 'overwrite-remote', 'overwrite-local']);

/** Whether a step copies a file from the local folder to the server. */
export const isUploadKind = (kind: SyncActionKind) => kind === 'upload' || kind === 'overwrite-remote';

/** Splits the ticked steps (`isChecked(i)` for the plan's step i; default: the plan's own ticks) by when they run. */
export function runStepsOf(actions: readonly SyncAction[], isChecked: (index: number) => boolean = (i) => actions[i].isChecked): RunSteps {
  const steps: RunSteps = { folders: [], copies: [], deletions: [], conflictsLeft: [] };
  actions.forEach((a, i) => {
    const ticked = isChecked(i) && isTickable(a);
    if (a.kind === 'conflict' && !ticked) return steps.conflictsLeft.push(a);
    if (!ticked) return;
    const step: SyncAction = a.kind === 'conflict' ? { ...a, kind: a.resolution!, isChecked: true } : a;
    if (step.kind.startsWith('mkdir')) steps.folders.push(step);
    else if (COPY_KINDS.has(step.kind)) steps.copies.push(step);
    else steps.deletions.push(step);
  });
  steps.folders.sort((a, b) => comparePaths(a.relPath, b.relPath));
  steps.deletions.sort((a, b) => comparePaths(b.relPath, a.relPath));
  return steps;
}

/** The local folder and the server folder a plan is about. */
export interface FolderPaths {
  localDir: string;
  remoteDir: string;
}

/** A step's local path. */
export const localPathOf = (folders: FolderPaths, relPath: string) => path.join(folders.localDir, ...relPath.split('/'));

/** A step's remote path. */
export const remotePathOf = (folders: FolderPaths, relPath: string) => joinRemote(folders.remoteDir, relPath);

/**
 * The queue request of a copy: overwriting (the plan decided), with the source's size and time
 * (the queue keeps the time on the copy, so the next compare finds the two alike). A download's
 * time is the server's less its clock offset (server minus local): the time as this computer counts.
 */
export function copyRequestOf(a: SyncAction, pair: ComparedPair | undefined, folders: FolderPaths, siteId: string, clockOffsetMs = 0): AddFileRequest {
  const isUpload = isUploadKind(a.kind);
  const source: SyncSide | undefined = isUpload ? pair?.local : pair?.remote;
  const shift = isUpload ? 0 : clockOffsetMs;
  return {
    direction: isUpload ? 'upload' : 'download',
    siteId,
    localPath: localPathOf(folders, a.relPath),
    remotePath: remotePathOf(folders, a.relPath),
    sizeBytes: source?.sizeBytes,
    modifiedMs: source?.modifiedMs === undefined ? undefined : source.modifiedMs - shift,
    onExists: 'overwrite',
  };
}

/** The queue request of a deletion: on the side it names, a whole folder when it is one. */
export function deleteRequestOf(a: SyncAction, folders: FolderPaths, siteId: string): AddDeleteRequest {
  return {
    siteId,
    side: a.kind === 'delete-remote' ? 'remote' : 'local',
    localPath: localPathOf(folders, a.relPath),
    remotePath: remotePathOf(folders, a.relPath),
    isFolder: a.isFolder,
  };
}
