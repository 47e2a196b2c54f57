/** The Synchronize dialog's checklist: groups in order, counts and bytes, ticking steps and groups, conflicts, folding, rows. */
import { describe, expect, it } from 'vitest';
import type { SyncAction, SyncActionKind } from '../../../shared/sync';
import {
  checkedIndexes,
  checklistOf,
  groupTick,
  rowsOf,
  setGroup,
  summaryOf,
  toggleFold,
  toggleStep,
  type Checklist,
} from '../../../renderer/stores/syncChecklist';

const step = (kind: SyncActionKind, relPath: string, bytes = 0, extra: Partial<SyncAction> = {}): SyncAction => ({
  kind,
  relPath,
  isFolder: kind.startsWith('mkdir'),
  bytes,
  reason: 'why',
  isChecked: kind !== 'conflict',
  ...extra,
});

// In the order planSync gives: folders, copies, deletions; conflicts among the copies.
const ACTIONS: SyncAction[] = [
  step('mkdir-remote', 'img'),
  step('conflict', 'clash', 0),
  step('overwrite-remote', 'index.html', 100),
  step('conflict', 'older.txt', 7, { resolution: 'overwrite-remote' }),
  step('upload', 'img/a.png', 1000),
  step('upload', 'img/b.png', 2000),
  step('delete-remote', 'stale.html'),
];
const group = (list: Checklist, kind: SyncActionKind) => summaryOf(list).groups.find((g) => g.kind === kind)!;

describe('checklistOf and summaryOf', () => {
  it('groups the steps by kind in the dialog\'s order, with counts and the bytes of what is ticked', () => {
    const list = checklistOf(ACTIONS);
    const summary = summaryOf(list);
    expect(summary.groups.map((g) => [g.kind, g.count, g.checkedCount, g.checkedBytes])).toEqual([
      ['upload', 2, 2, 3000],
      ['overwrite-remote', 1, 1, 100],
      ['mkdir-remote', 1, 1, 0],
      ['delete-remote', 1, 1, 0],
      ['conflict', 2, 0, 0],
    ]);
    expect(summary).toMatchObject({ checkedCount: 5, checkedBytes: 3100, conflictsLeft: 2 });
    expect(checkedIndexes(list)).toEqual([0, 2, 4, 5, 6]);
  });

  it('says "nothing to do" through an empty plan: no groups, no rows', () => {
    const list = checklistOf([]);
    expect(summaryOf(list)).toEqual({ groups: [], checkedCount: 0, checkedBytes: 0, conflictsLeft: 0 });
    expect(rowsOf(list, [])).toEqual([]);
  });
});

describe('ticking', () => {
  it('unticks and ticks one step, and the totals follow', () => {
    const off = toggleStep(checklistOf(ACTIONS), 5);
    expect(group(off, 'upload')).toMatchObject({ checkedCount: 1, checkedBytes: 1000 });
    expect(groupTick(group(off, 'upload'))).toBe('some');
    expect(summaryOf(off).checkedBytes).toBe(1100);
    const on = toggleStep(off, 5);
    expect(groupTick(group(on, 'upload'))).toBe('all');
    expect(checkedIndexes(on)).toEqual(checkedIndexes(checklistOf(ACTIONS)));
  });

  it('ticks a whole group or none of it', () => {
    const none = setGroup(checklistOf(ACTIONS), 'upload', false);
    expect(groupTick(group(none, 'upload'))).toBe('none');
    expect(checkedIndexes(none)).toEqual([0, 2, 6]);
    expect(checkedIndexes(setGroup(none, 'upload', true))).toEqual([0, 2, 4, 5, 6]);
  });

  it('a conflict starts unticked; ticking it counts its bytes, and one without a resolution cannot be ticked', () => {
    const list = checklistOf(ACTIONS);
    expect(list.checked[3]).toBe(false);
    const ticked = toggleStep(list, 3);
    expect(group(ticked, 'conflict')).toMatchObject({ checkedCount: 1, checkedBytes: 7, tickableCount: 1 });
    expect(summaryOf(ticked).conflictsLeft).toBe(1);
    expect(toggleStep(list, 1)).toBe(list);
    const all = setGroup(list, 'conflict', true);
    expect(all.checked[1]).toBe(false);
    expect(groupTick(group(all, 'conflict'))).toBe('all');
  });

  it('never ticks a conflict the plan marked ticked without a resolution', () => {
    const list = checklistOf([step('conflict', 'x', 0, { isChecked: true })]);
    expect(checkedIndexes(list)).toEqual([]);
  });

  it('leaves the checklist it was given alone', () => {
    const list = checklistOf(ACTIONS);
    toggleStep(list, 0);
    setGroup(list, 'upload', false);
    expect(checkedIndexes(list)).toEqual([0, 2, 4, 5, 6]);
  });
});

describe('rowsOf', () => {
  const skipped = [{ side: 'local' as const, relPath: 'link', reason: 'a link to a folder, not followed' }];

  it('lists each group\'s heading and steps, then what was left out', () => {
    expect(rowsOf(checklistOf(ACTIONS), skipped)).toEqual([
      { type: 'group', kind: 'upload' },
      { type: 'step', index: 4 },
      { type: 'step', index: 5 },
      { type: 'group', kind: 'overwrite-remote' },
      { type: 'step', index: 2 },
      { type: 'group', kind: 'mkdir-remote' },
      { type: 'step', index: 0 },
      { type: 'group', kind: 'delete-remote' },
      { type: 'step', index: 6 },
      { type: 'group', kind: 'conflict' },
      { type: 'step', index: 1 },
      { type: 'step', index: 3 },
      { type: 'skipped-head', count: 1 },
      { type: 'skipped', entry: skipped[0] },
    ]);
  });

  it('lists a group in path order, though the plan runs deletions deepest first', () => {
    const list = checklistOf([step('delete-local', 'b/x'), step('delete-local', 'b'), step('delete-local', 'a')]);
    expect(rowsOf(list, []).map((r) => (r.type === 'step' ? list.actions[r.index].relPath : r.type))).toEqual(['group', 'a', 'b', 'b/x']);
  });

  it('keeps the heading of a folded group and drops its steps; unfolding brings them back', () => {
    const folded = toggleFold(toggleFold(checklistOf(ACTIONS), 'upload'), 'skipped');
    const rows = rowsOf(folded, skipped);
    expect(rows.slice(0, 2)).toEqual([{ type: 'group', kind: 'upload' }, { type: 'group', kind: 'overwrite-remote' }]);
    expect(rows.at(-1)).toEqual({ type: 'skipped-head', count: 1 });
    expect(rowsOf(toggleFold(folded, 'upload'), skipped)[1]).toEqual({ type: 'step', index: 4 });
  });

  it('handles a plan of 10,000 steps: one row per step plus one per group', () => {
    const many = Array.from({ length: 10_000 }, (_, i) => (i % 2 ? step('upload', `f${i}`, 10) : step('delete-remote', `f${i}`)));
    let list = checklistOf(many);
    expect(rowsOf(list, []).length).toBe(10_002);
    list = setGroup(list, 'upload', false);
    expect(summaryOf(list)).toMatchObject({ checkedCount: 5_000, checkedBytes: 0 });
  });
});
