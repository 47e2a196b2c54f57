/** Selection reducers of the file lists: click, shift ranges, ctrl toggles, keyboard moves, pruning. */
import { describe, expect, it } from 'vitest';
import type { FileEntry } from '../../../shared/domain';
import { EMPTY_SELECTION, moveTarget, pruneSelection, selectAll, selectedEntries, selectRow, type Selection } from '../../../renderer/lib/selection';
import { buildView, PARENT_ENTRY } from '../../../renderer/lib/paneView';

const file = (name: string): FileEntry => ({ name, type: 'file' });
const rows: FileEntry[] = [PARENT_ENTRY, file('a'), file('b'), file('c'), file('d'), file('e')];
const view = buildView(rows.slice(1), true, '', true);
const { indexOf } = view;
const names = (s: Selection) => [...s.selected].sort();

describe('selectRow', () => {
  it('selects one row on a plain click and sets anchor and cursor', () => {
    const s = selectRow(EMPTY_SELECTION, rows, indexOf, 2);
    expect(names(s)).toEqual(['b']);
    expect(s).toMatchObject({ anchor: 'b', focus: 'b' });
  });

  it('selects the range from the anchor on shift, in either direction, keeping the anchor', () => {
    let s = selectRow(EMPTY_SELECTION, rows, indexOf, 2);
    s = selectRow(s, rows, indexOf, 4, { extend: true });
    expect(names(s)).toEqual(['b', 'c', 'd']);
    s = selectRow(s, rows, indexOf, 1, { extend: true });
    expect(names(s)).toEqual(['a', 'b']);
    expect(s).toMatchObject({ anchor: 'b', focus: 'a' });
  });

  it('toggles rows on ctrl and adds a range on ctrl+shift', () => {
    let s = selectRow(EMPTY_SELECTION, rows, indexOf, 1);
    s = selectRow(s, rows, indexOf, 3, { toggle: true });
    expect(names(s)).toEqual(['a', 'c']);
    s = selectRow(s, rows, indexOf, 1, { toggle: true });
    expect(names(s)).toEqual(['c']);
    // The toggled row is the new anchor: ctrl+shift adds the range from it to what was there.
    s = selectRow(s, rows, indexOf, 3, { toggle: true });
    s = selectRow(s, rows, indexOf, 3, { toggle: true });
    s = selectRow(s, rows, indexOf, 5, { extend: true, toggle: true });
    expect(names(s)).toEqual(['c', 'd', 'e']);
  });

  it('never puts `..` in the selection, even inside a range', () => {
    expect(names(selectRow(EMPTY_SELECTION, rows, indexOf, 0))).toEqual([]);
    const s = selectRow(selectRow(EMPTY_SELECTION, rows, indexOf, 3), rows, indexOf, 0, { extend: true });
    expect(names(s)).toEqual(['a', 'b', 'c']);
    expect(s.focus).toBe('..');
  });

  it('ranges cost their length only: a 100,000-row shift-select is one pass', () => {
    const many = Array.from({ length: 100_000 }, (_, i) => file(`f${i}`));
    const big = buildView(many, false, '', true);
    const start = selectRow(EMPTY_SELECTION, big.rows, big.indexOf, 0);
    const s = selectRow(start, big.rows, big.indexOf, 99_999, { extend: true });
    expect(s.selected.size).toBe(100_000);
  });
});

describe('keyboard moves', () => {
  it('starts at the first row going down and the last going up', () => {
    expect(moveTarget(EMPTY_SELECTION, rows.length, indexOf, 1)).toBe(0);
    expect(moveTarget(EMPTY_SELECTION, rows.length, indexOf, -1)).toBe(5);
  });
  it('moves from the cursor and clamps at both ends', () => {
    const s = selectRow(EMPTY_SELECTION, rows, indexOf, 4);
    expect(moveTarget(s, rows.length, indexOf, 1)).toBe(5);
    expect(moveTarget(s, rows.length, indexOf, 10)).toBe(5);
    expect(moveTarget(s, rows.length, indexOf, -10)).toBe(0);
    expect(moveTarget(s, rows.length, indexOf, 'home')).toBe(0);
    expect(moveTarget(s, rows.length, indexOf, 'end')).toBe(5);
    expect(moveTarget(s, 0, indexOf, 1)).toBe(-1);
  });
});

describe('select all, prune and read the selection', () => {
  it('selects everything but `..`', () => {
    expect(names(selectAll(EMPTY_SELECTION, rows))).toEqual(['a', 'b', 'c', 'd', 'e']);
  });
  it('drops names no longer shown and keeps the same object when nothing changed', () => {
    const s: Selection = { selected: new Set(['a', 'gone']), anchor: 'gone', focus: 'a' };
    expect(pruneSelection(s, indexOf)).toEqual({ selected: new Set(['a']), anchor: 'a', focus: 'a' });
    const kept: Selection = { selected: new Set(['a']), anchor: 'a', focus: 'a' };
    expect(pruneSelection(kept, indexOf)).toBe(kept);
  });
  it('returns selected entries in row order, or the cursor row when none is selected', () => {
    const s: Selection = { selected: new Set(['d', 'a']), anchor: 'a', focus: 'd' };
    expect(selectedEntries(s, rows, indexOf).map((e) => e.name)).toEqual(['a', 'd']);
    expect(selectedEntries({ selected: new Set(), anchor: 'c', focus: 'c' }, rows, indexOf).map((e) => e.name)).toEqual(['c']);
    expect(selectedEntries({ selected: new Set(), anchor: '..', focus: '..' }, rows, indexOf)).toEqual([]);
  });
});
