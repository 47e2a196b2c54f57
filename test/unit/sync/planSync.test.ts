import { describe, expect, it } from 'vitest';
import { compareTrees, DEFAULT_COMPARE } from '../../../shared/compareTrees';
import { planSync, stateAfter, type PlanOptions } from '../../../electron/sync/planSync';
import type { SyncEntry, SyncPlan } from '../../../shared/sync';

const T = Date.UTC(2026, 5, 1, 10, 0, 0);
const HOUR = 3_600_000;
const file = (relPath: string, sizeBytes: number, modifiedMs = T): SyncEntry => ({ relPath, kind: 'file', sizeBytes, modifiedMs });
const folder = (relPath: string): SyncEntry => ({ relPath, kind: 'folder' });
const steps = (plan: SyncPlan) => plan.actions.map((a) => `${a.kind} ${a.relPath}${a.isChecked ? '' : ' (unticked)'}`);
const plan = (local: SyncEntry[], remote: SyncEntry[], options: Partial<PlanOptions>, state?: ReturnType<typeof stateAfter>) =>
  planSync(compareTrees(local, remote), { direction: 'upload', deleteOrphans: false, toleranceMs: 1000, ...options }, state);

/** A tree with every kind of difference, local side and server side. */
const LOCAL = [file('same.txt', 3), file('new-here.txt', 4), folder('site'), file('site/index.html', 50), file('edited.txt', 9, T + HOUR), file('older-here.txt', 2, T - HOUR), file('resized.txt', 8), folder('clash')];
const REMOTE = [file('same.txt', 3), file('only-there.txt', 6), folder('old'), file('old/a', 1), file('old/b', 2), file('edited.txt', 9), file('older-here.txt', 2), file('resized.txt', 5), file('clash', 1)];

describe('planSync one way', () => {
  it('upload: copies what is new or changed here, makes folders first, and asks about what is newer on the server', () => {
    const p = plan(LOCAL, REMOTE, { direction: 'upload' });
    expect(steps(p)).toEqual([
      'mkdir-remote site',
      'conflict clash (unticked)',
      'overwrite-remote edited.txt',
      'upload new-here.txt',
      'conflict older-here.txt (unticked)',
      'overwrite-remote resized.txt',
      'upload site/index.html',
    ]);
    expect(p.actions.find((a) => a.relPath === 'older-here.txt')).toMatchObject({ resolution: 'overwrite-remote', reason: 'the copy on the server is newer: modified 60 min later on the server, same size' });
    expect(p.counts).toMatchObject({ upload: 2, 'overwrite-remote': 2, 'mkdir-remote': 1, conflict: 2, 'delete-remote': 0 });
    expect(p.bytes).toBe(4 + 50 + 9 + 8);
  });

  it('upload with deletions removes only the orphans, a folder in one step after the copies', () => {
    const p = plan(LOCAL, REMOTE, { direction: 'upload', deleteOrphans: true });
    const deletes = p.actions.filter((a) => a.kind === 'delete-remote');
    expect(deletes.map((a) => [a.relPath, a.reason])).toEqual([
      ['only-there.txt', 'only on the server: removed to match'],
      ['old', 'folder only on the server: removed to match (folder with 2 items)'],
    ]);
    expect(p.actions.slice(-2).map((a) => a.kind)).toEqual(['delete-remote', 'delete-remote']);
  });

  it('download mirrors upload: the server is the source', () => {
    const p = plan(LOCAL, REMOTE, { direction: 'download', deleteOrphans: true });
    expect(steps(p)).toEqual([
      'mkdir-local old',
      'conflict clash (unticked)',
      'conflict edited.txt (unticked)',
      'download old/a',
      'download old/b',
      'overwrite-local older-here.txt',
      'download only-there.txt',
      'overwrite-local resized.txt',
      'delete-local site',
      'delete-local new-here.txt',
    ]);
  });

  it('two trees in agreement need nothing', () => {
    expect(plan(REMOTE, REMOTE, { direction: 'upload', deleteOrphans: true }).actions).toEqual([]);
  });
});

describe('planSync both ways', () => {
  const base = [file('a.txt', 1), file('b.txt', 2), file('c.txt', 3), folder('docs'), file('docs/x', 4)];
  const lastSync = stateAfter(compareTrees(base, base, DEFAULT_COMPARE));

  it('without an earlier sync: new files go across both ways, the newer copy wins, a difference without a winner is a conflict', () => {
    const p = plan([file('mine', 1), file('both', 5, T + HOUR), file('sized', 3)], [file('theirs', 1), file('both', 5), file('sized', 4)], { direction: 'both' });
    expect(steps(p)).toEqual(['overwrite-remote both', 'upload mine', 'conflict sized (unticked)', 'download theirs']);
  });

  it('tells a deletion on one side from a new file on the other, and deletes only when asked', () => {
    const local = [file('a.txt', 1), file('c.txt', 3), file('new-here', 7), folder('docs'), file('docs/x', 4)];
    const remote = [file('a.txt', 1), file('b.txt', 2), file('c.txt', 3)];
    expect(steps(plan(local, remote, { direction: 'both' }, lastSync))).toEqual(['upload new-here']);
    expect(steps(plan(local, remote, { direction: 'both', deleteOrphans: true }, lastSync))).toEqual(['upload new-here', 'delete-local docs', 'delete-remote b.txt']);
  });

  it('copies a file changed on one side since the last sync, whichever copy is newer', () => {
    const local = [file('a.txt', 10, T - HOUR), file('b.txt', 2), file('c.txt', 3), folder('docs'), file('docs/x', 4)];
    const remote = [file('a.txt', 1), file('b.txt', 2), file('c.txt', 30, T - HOUR), folder('docs'), file('docs/x', 4)];
    expect(steps(plan(local, remote, { direction: 'both' }, lastSync))).toEqual(['overwrite-remote a.txt', 'overwrite-local c.txt']);
  });

  it('never resolves a file changed on both sides by itself', () => {
    const local = [...base.filter((e) => e.relPath !== 'a.txt'), file('a.txt', 11, T + HOUR)];
    const remote = [...base.filter((e) => e.relPath !== 'a.txt'), file('a.txt', 12, T + 2 * HOUR)];
    const p = plan(local, remote, { direction: 'both' }, lastSync);
    expect(p.actions).toEqual([
      expect.objectContaining({ kind: 'conflict', relPath: 'a.txt', isChecked: false, resolution: 'overwrite-local', reason: expect.stringContaining('changed on both sides since the last sync') }),
    ]);
  });

  it('a file deleted on one side but changed on the other is a conflict, and keeps its folder', () => {
    const local = [...base.filter((e) => e.relPath !== 'docs/x'), file('docs/x', 40, T + HOUR)];
    const remote = base.filter((e) => !e.relPath.startsWith('docs'));
    const p = plan(local, remote, { direction: 'both', deleteOrphans: true }, lastSync);
    expect(steps(p)).toEqual(['conflict docs (unticked)', 'conflict docs/x (unticked)']);
    expect(p.actions[1]).toMatchObject({ resolution: 'upload', reason: 'deleted on the server since the last sync, but changed here' });
  });

  it('keeps the last agreed state of a path still differing after a run, so a conflict left alone is a conflict the next time', () => {
    const local = [...base.filter((e) => e.relPath !== 'a.txt'), file('a.txt', 11, T + HOUR)];
    const remote = [...base.filter((e) => e.relPath !== 'a.txt' && e.relPath !== 'b.txt'), file('a.txt', 12, T + 2 * HOUR)];
    const after = stateAfter(compareTrees(local, remote, DEFAULT_COMPARE), lastSync);
    expect(after.get('a.txt')).toEqual(lastSync.get('a.txt'));
    expect(after.has('b.txt')).toBe(true);
    expect(steps(plan(local, remote, { direction: 'both' }, after))).toEqual(['conflict a.txt (unticked)']);
    // Without the earlier state the newer copy would win, which would overwrite the change made here.
    expect(steps(plan(local, remote, { direction: 'both' }, stateAfter(compareTrees(local, remote, DEFAULT_COMPARE))))).toEqual(['overwrite-local a.txt', 'upload b.txt']);
  });

  it('a type clash is a conflict with nothing to tick', () => {
    const p = plan([folder('x')], [file('x', 1)], { direction: 'both' });
    expect(p.actions).toEqual([expect.objectContaining({ kind: 'conflict', resolution: undefined, reason: 'a folder here, a file on the server' })]);
  });
});
