/**
 * Plans a sync from compared pairs: what to copy, overwrite, create and delete in the chosen
 * direction, and what Ferry will not decide alone (a conflict, unticked until the user says).
 * With "both", the state of the last sync tells a file deleted on one side from a new file on
 * the other, and a file changed on both sides from one changed on one. Pure.
 */
import type { ComparedPair, SyncAction, SyncActionKind, SyncDirection, SyncPlan, SyncSide } from '../../shared/sync';
import { comparePaths, toleranceOf } from '../../shared/compareTrees';

/** What a path looked like on each side right after the last sync. */
export interface SyncedPair {
  local: SyncSide;
  remote: SyncSide;
}

/** The last sync's state of a folder pair, by relative path. */
export type SyncState = ReadonlyMap<string, SyncedPair>;

/** How to plan. */
export interface PlanOptions {
  direction: SyncDirection;
  /** Remove what the source side does not have (orphans); off by default, as in WinSCP. */
  deleteOrphans: boolean;
  toleranceMs: number;
}

const KINDS: SyncActionKind[] = ['upload', 'download', 'overwrite-remote', 'overwrite-local', 'mkdir-remote', 'mkdir-local', 'delete-remote', 'delete-local', 'conflict'];

/** The side a direction copies from and to, for one-way plans. */
const ONE_WAY = {
  upload: { copy: 'upload', overwrite: 'overwrite-remote', mkdir: 'mkdir-remote', remove: 'delete-remote', target: 'the server' },
  download: { copy: 'download', overwrite: 'overwrite-local', mkdir: 'mkdir-local', remove: 'delete-local', target: 'the local folder' },
} as const;

function changedSince(now: SyncSide, then: SyncSide | undefined, toleranceMs: number): boolean {
  if (!then || now.kind !== then.kind) return true;
  if (now.kind === 'folder') return false;
  if (now.sizeBytes !== then.sizeBytes) return true;
  if (now.checksum && then.checksum) return now.checksum !== then.checksum;
  if (now.modifiedMs === undefined || then.modifiedMs === undefined) return false;
  return Math.abs(now.modifiedMs - then.modifiedMs) > toleranceOf(now, then, toleranceMs);
}

const isFolderPair = (pair: ComparedPair) => (pair.local ?? pair.remote)!.kind === 'folder';

function action(kind: SyncActionKind, pair: ComparedPair, reason: string, extra: Partial<SyncAction> = {}): SyncAction {
  const source = kind === 'upload' || kind === 'overwrite-remote' ? pair.local : kind === 'download' || kind === 'overwrite-local' ? pair.remote : undefined;
  return { kind, relPath: pair.relPath, isFolder: isFolderPair(pair), bytes: source?.sizeBytes ?? 0, reason, isChecked: kind !== 'conflict', ...extra };
}

function conflict(pair: ComparedPair, reason: string, resolution?: SyncAction['resolution']): SyncAction {
  const source = resolution === 'upload' || resolution === 'overwrite-remote' ? pair.local : resolution === 'download' || resolution === 'overwrite-local' ? pair.remote : undefined;
  return { kind: 'conflict', relPath: pair.relPath, isFolder: isFolderPair(pair), bytes: source?.sizeBytes ?? 0, reason, isChecked: false, resolution };
}

/** Copies one way: the source side wins, except where the target's copy is newer. */
function planOneWay(pair: ComparedPair, direction: 'upload' | 'download', deleteOrphans: boolean): SyncAction | undefined {
  const way = ONE_WAY[direction];
  const source = direction === 'upload' ? pair.local : pair.remote;
  const isOnlySource = pair.verdict === (direction === 'upload' ? 'only-local' : 'only-remote');
  const isOnlyTarget = pair.verdict === (direction === 'upload' ? 'only-remote' : 'only-local');
  const targetNewer = pair.verdict === (direction === 'upload' ? 'newer-remote' : 'newer-local');
  if (isOnlySource) return action(source!.kind === 'folder' ? way.mkdir : way.copy, pair, pair.reason);
  if (isOnlyTarget) return deleteOrphans ? action(way.remove, pair, `${pair.reason}: removed to match`) : undefined;
  switch (pair.verdict) {
    case 'identical':
      return undefined;
    case 'type-conflict':
      return conflict(pair, pair.reason);
    default:
      if (targetNewer) return conflict(pair, `the copy on ${way.target} is newer: ${pair.reason}`, way.overwrite);
      return action(way.overwrite, pair, pair.reason);
  }
}

/** Copies both ways, deciding by what changed since the last sync. */
function planBothWays(pair: ComparedPair, last: SyncedPair | undefined, options: PlanOptions): SyncAction | undefined {
  const { deleteOrphans, toleranceMs } = options;
  switch (pair.verdict) {
    case 'identical':
      return undefined;
    case 'type-conflict':
      return conflict(pair, pair.reason);
    case 'only-local':
    case 'only-remote': {
      const isLocal = pair.verdict === 'only-local';
      const present = (isLocal ? pair.local : pair.remote)!;
      const copy = isLocal ? (present.kind === 'folder' ? 'mkdir-remote' : 'upload') : present.kind === 'folder' ? 'mkdir-local' : 'download';
      if (!last) return action(copy, pair, `new ${isLocal ? 'here' : 'on the server'}`);
      const otherSide = isLocal ? 'the server' : 'the local folder';
      if (changedSince(present, isLocal ? last.local : last.remote, toleranceMs)) {
        return conflict(pair, `deleted on ${otherSide} since the last sync, but changed ${isLocal ? 'here' : 'on the server'}`, copy);
      }
      const remove = isLocal ? 'delete-local' : 'delete-remote';
      return deleteOrphans ? action(remove, pair, `deleted on ${otherSide} since the last sync`) : undefined;
    }
    default: {
      if (!last) {
        // No history: the newer copy wins, as WinSCP does; without a direction there is no winner.
        if (pair.verdict === 'newer-local') return action('overwrite-remote', pair, pair.reason);
        if (pair.verdict === 'newer-remote') return action('overwrite-local', pair, pair.reason);
        return conflict(pair, `${pair.reason}; no earlier sync says which side changed`);
      }
      const localChanged = changedSince(pair.local!, last.local, toleranceMs);
      const remoteChanged = changedSince(pair.remote!, last.remote, toleranceMs);
      if (localChanged && !remoteChanged) return action('overwrite-remote', pair, `changed here since the last sync: ${pair.reason}`);
      if (remoteChanged && !localChanged) return action('overwrite-local', pair, `changed on the server since the last sync: ${pair.reason}`);
      const newer = pair.verdict === 'newer-local' ? 'overwrite-remote' : pair.verdict === 'newer-remote' ? 'overwrite-local' : undefined;
      return conflict(pair, localChanged ? `changed on both sides since the last sync: ${pair.reason}` : `differs although neither side changed since the last sync: ${pair.reason}`, newer);
    }
  }
}

const isDelete = (a: SyncAction | undefined) => a?.kind === 'delete-local' || a?.kind === 'delete-remote';

/** The plan for these pairs: folders made first, then copies, then deletions deepest first. */
export function planSync(pairs: readonly ComparedPair[], options: PlanOptions, state: SyncState = new Map()): SyncPlan {
  const steps = pairs.map((pair) =>
    options.direction === 'both' ? planBothWays(pair, state.get(pair.relPath), options) : planOneWay(pair, options.direction, options.deleteOrphans),
  );
  const actions: SyncAction[] = [];
  for (let i = 0; i < pairs.length; i++) {
    const step = steps[i];
    if (!step) continue;
    const pair = pairs[i];
    if (isDelete(step) && step.isFolder) {
      // Pairs are in path order, so what the folder holds follows it.
      const prefix = `${pair.relPath}/`;
      let end = i + 1;
      while (end < pairs.length && pairs[end].relPath.startsWith(prefix)) end++;
      const inside = end - i - 1;
      const isAllGoing = steps.slice(i + 1, end).every((s) => s === undefined || s.kind === step.kind);
      if (isAllGoing) {
        // Removing the folder takes what it holds with it: one step, not one per file.
        actions.push({ ...step, reason: `${step.reason} (folder${inside ? ` with ${inside} item${inside === 1 ? '' : 's'}` : ''})` });
        i = end - 1;
        continue;
      }
      // Something in it is to be kept or copied: the folder stays unless the user says otherwise.
      actions.push(conflict(pair, `${step.reason}, but something in it changed since the last sync`));
      continue;
    }
    actions.push(step);
  }
  const rank = (a: SyncAction) => (a.kind.startsWith('mkdir') ? 0 : a.kind.startsWith('delete') ? 2 : 1);
  actions.sort((a, b) => rank(a) - rank(b) || (rank(a) === 2 ? comparePaths(b.relPath, a.relPath) : comparePaths(a.relPath, b.relPath)));
  return summarize(options.direction, actions);
}

/** Counts and bytes of the ticked steps (conflicts count whether ticked or not). */
export function summarize(direction: SyncDirection, actions: SyncAction[]): SyncPlan {
  const counts = Object.fromEntries(KINDS.map((k) => [k, 0])) as Record<SyncActionKind, number>;
  let bytes = 0;
  for (const a of actions) {
    counts[a.kind] += 1;
    if (a.isChecked) bytes += a.bytes;
  }
  return { direction, actions, counts, bytes };
}

/**
 * The state to keep after a sync that left both sides as in `pairs`: each path the two sides now
 * agree on, and for a path they still differ on (a conflict left alone, a step unticked) its state
 * of the `previous` sync, so the next "both" sync asks again rather than taking the newer copy.
 */
export function stateAfter(pairs: readonly ComparedPair[], previous: SyncState = new Map()): Map<string, SyncedPair> {
  const state = new Map<string, SyncedPair>();
  for (const p of pairs) {
    if (p.local && p.remote && p.verdict === 'identical') state.set(p.relPath, { local: p.local, remote: p.remote });
    else if (previous.has(p.relPath)) state.set(p.relPath, previous.get(p.relPath)!);
  }
  return state;
}
