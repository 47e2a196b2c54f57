/**
 * A sync run in words, for the status bar and the message log: what it is doing now, and at the
 * end how it went (done, how many failed, which conflicts were left). Pure.
 * Must not import electron.
 */
import type { SyncOutcome, SyncRunPhase, SyncRunStart } from '../../shared/syncPreview';

/** `1 file`, `3 files`. */
export function countOf(n: number, word: string, plural = `${word}s`): string {
  return `${n} ${n === 1 ? word : plural}`;
}

/** What a run did, step by step. */
export interface RunTally {
  foldersMade: number;
  copied: number;
  deleted: number;
  /** Steps that failed, were cancelled or were removed from the queue. */
  failed: number;
  /** Deletions not queued because a copy of the run did not succeed. */
  heldBack: number;
  conflictsLeft: number;
  /** Why the pair's state could not be kept, when it could not. */
  stateProblem?: string;
}

/** `1 conflict left as it is`: a conflict is never resolved silently, so it is always said. */
function conflictsLeftText(n: number): string {
  return `${countOf(n, 'conflict')} left as ${n === 1 ? 'it is' : 'they are'}`;
}

/** What a run is about to do, in words. */
export function startText(start: SyncRunStart): string {
  const parts = [
    start.folderCount ? `${countOf(start.folderCount, 'folder')} to make` : '',
    start.copyCount ? `${countOf(start.copyCount, 'file')} to copy` : '',
    start.deleteCount ? `${start.deleteCount} to delete once the copies are done` : '',
    start.conflictsLeft ? conflictsLeftText(start.conflictsLeft) : '',
  ].filter(Boolean);
  return parts.length ? parts.join(', ') : 'nothing ticked';
}

/** A run that has not ended, in words. */
export function phaseText(phase: Exclude<SyncRunPhase, 'ended'>, count: number): string {
  switch (phase) {
    case 'folders':
      return `Synchronizing: making ${countOf(count, 'folder')}`;
    case 'copying':
      return `Synchronizing: copying ${countOf(count, 'file')}`;
    case 'deleting':
      return `Synchronizing: deleting ${count} ${count === 1 ? 'item' : 'items'}`;
    case 'checking':
      return 'Synchronizing: comparing the folders again';
  }
}

/** How a run ended. */
export function outcomeOf(tally: RunTally): SyncOutcome {
  if (tally.failed > 0 || tally.heldBack > 0) return 'failed';
  return tally.conflictsLeft > 0 ? 'conflicts' : 'done';
}

/** The end of a run in words: the outcome first, then what was done. */
export function endText(tally: RunTally): string {
  const done = [
    tally.copied ? `${tally.copied} copied` : '',
    tally.foldersMade ? `${countOf(tally.foldersMade, 'folder')} made` : '',
    tally.deleted ? `${tally.deleted} deleted` : '',
  ].filter(Boolean);
  const did = done.length ? done.join(', ') : 'nothing changed';
  const parts = [tally.failed > 0 ? `Synchronize ended: ${tally.failed} failed (${did})` : `Synchronize done: ${did}`];
  if (tally.heldBack > 0) parts.push(`${countOf(tally.heldBack, 'deletion')} held back until every copy succeeds: sync again`);
  if (tally.conflictsLeft > 0) parts.push(conflictsLeftText(tally.conflictsLeft));
  if (tally.stateProblem) parts.push(`the folders' state was not kept (${tally.stateProblem})`);
  return parts.join('; ');
}
