/** The order a plan runs in, given the ticks: folders, copies, deletions; conflicts resolved only when ticked. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareTrees } from '../../../shared/compareTrees';
import { planSync } from '../../../electron/sync/planSync';
import { copyRequestOf, deleteRequestOf, runStepsOf } from '../../../electron/sync/syncSteps';
import type { SyncAction, SyncEntry } from '../../../shared/sync';

const T = Date.UTC(2026, 5, 1, 10, 0, 0);
const HOUR = 3_600_000;
const file = (relPath: string, sizeBytes: number, modifiedMs = T): SyncEntry => ({ relPath, kind: 'file', sizeBytes, modifiedMs });
const folder = (relPath: string): SyncEntry => ({ relPath, kind: 'folder' });
const names = (actions: SyncAction[]) => actions.map((a) => `${a.kind} ${a.relPath}`);

const LOCAL = [folder('site'), folder('site/img'), file('site/img/a.png', 10), file('edited.txt', 9, T + HOUR), file('older-here.txt', 2, T - HOUR), folder('clash'), file('new.txt', 4)];
const REMOTE = [file('edited.txt', 9), file('older-here.txt', 2), file('clash', 1), file('gone.txt', 3), folder('old'), folder('old/deep'), file('old/deep/x', 1)];
const pairs = compareTrees(LOCAL, REMOTE);
const plan = planSync(pairs, { direction: 'upload', deleteOrphans: true, toleranceMs: 1000 });
const indexOf = (relPath: string) => plan.actions.findIndex((a) => a.relPath === relPath);

describe('runStepsOf', () => {
  it('with the plan\'s own ticks: folders parent first, then copies, then deletions deepest first; conflicts left', () => {
    const steps = runStepsOf(plan.actions);
    expect(names(steps.folders)).toEqual(['mkdir-remote site', 'mkdir-remote site/img']);
    expect(names(steps.copies)).toEqual(['overwrite-remote edited.txt', 'upload new.txt', 'upload site/img/a.png']);
    expect(names(steps.deletions)).toEqual(['delete-remote old', 'delete-remote gone.txt']);
    expect(names(steps.conflictsLeft)).toEqual(['conflict clash', 'conflict older-here.txt']);
  });

  it('runs a ticked conflict as what ticking it does, and leaves one it cannot resolve even when ticked', () => {
    const ticked = new Set(plan.actions.map((_, i) => i));
    const steps = runStepsOf(plan.actions, (i) => ticked.has(i));
    expect(steps.copies.find((a) => a.relPath === 'older-here.txt')).toMatchObject({ kind: 'overwrite-remote', isChecked: true });
    // A folder here against a file there: no resolution, so it stays a conflict whatever the tick says.
    expect(names(steps.conflictsLeft)).toEqual(['conflict clash']);
  });

  it('leaves out what is unticked: a deletion and a copy', () => {
    const unticked = new Set([indexOf('gone.txt'), indexOf('new.txt')]);
    const steps = runStepsOf(plan.actions, (i) => plan.actions[i].isChecked && !unticked.has(i));
    expect(names(steps.deletions)).toEqual(['delete-remote old']);
    expect(names(steps.copies)).toEqual(['overwrite-remote edited.txt', 'upload site/img/a.png']);
  });

  it('orders folders and deletions by path segments, whatever order the ticks came in', () => {
    const actions: SyncAction[] = ['b', 'a/b', 'a'].map((relPath) => ({ kind: 'mkdir-local', relPath, isFolder: true, bytes: 0, reason: '', isChecked: true }));
    actions.push(...['x', 'x-y/z'].map((relPath): SyncAction => ({ kind: 'delete-local', relPath, isFolder: false, bytes: 0, reason: '', isChecked: true })));
    const steps = runStepsOf(actions);
    expect(steps.folders.map((a) => a.relPath)).toEqual(['a', 'a/b', 'b']);
    expect(steps.deletions.map((a) => a.relPath)).toEqual(['x-y/z', 'x']);
  });
});

describe('queue requests of steps', () => {
  const folders = { localDir: path.join(path.sep, 'home', 'me', 'site'), remoteDir: '/www' };
  const byPath = new Map(pairs.map((p) => [p.relPath, p]));

  it('a copy overwrites, with the source side\'s size and time', () => {
    const up = plan.actions[indexOf('edited.txt')];
    expect(copyRequestOf(up, byPath.get('edited.txt'), folders, 'site-1')).toEqual({
      direction: 'upload',
      siteId: 'site-1',
      localPath: path.join(folders.localDir, 'edited.txt'),
      remotePath: '/www/edited.txt',
      sizeBytes: 9,
      modifiedMs: T + HOUR,
      onExists: 'overwrite',
    });
    const down: SyncAction = { kind: 'overwrite-local', relPath: 'edited.txt', isFolder: false, bytes: 9, reason: '', isChecked: true };
    expect(copyRequestOf(down, byPath.get('edited.txt'), folders, 'site-1')).toMatchObject({ direction: 'download', modifiedMs: T, sizeBytes: 9 });
    // A server an hour ahead: the download's time as this computer counts it; an upload's is the local one.
    expect(copyRequestOf(down, byPath.get('edited.txt'), folders, 'site-1', HOUR)).toMatchObject({ modifiedMs: T - HOUR });
    expect(copyRequestOf(up, byPath.get('edited.txt'), folders, 'site-1', HOUR)).toMatchObject({ modifiedMs: T + HOUR });
  });

  it('a deletion names its side and whether it is a folder, with both paths', () => {
    expect(deleteRequestOf(plan.actions[indexOf('old')], folders, 's')).toEqual({
      siteId: 's',
      side: 'remote',
      localPath: path.join(folders.localDir, 'old'),
      remotePath: '/www/old',
      isFolder: true,
    });
    const local: SyncAction = { kind: 'delete-local', relPath: 'a/b.txt', isFolder: false, bytes: 0, reason: '', isChecked: true };
    expect(deleteRequestOf(local, folders, 's')).toMatchObject({ side: 'local', localPath: path.join(folders.localDir, 'a', 'b.txt'), isFolder: false });
  });
});
