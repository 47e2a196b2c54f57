/**
 * Pure selection reducers for a file list: click, shift-click ranges, ctrl-click toggles,
 * keyboard moves and select-all. Selected rows are a Set of names (`..` never in it), so
 * checking a row is O(1) and a range costs only its length.
 */
import type { FileEntry } from '../../shared/domain';
import { PARENT_NAME } from './paneView';

/** The selection of a pane. */
export interface Selection {
  selected: ReadonlySet<string>;
  /** Where a shift-range starts. */
  anchor: string | null;
  /** The row with the keyboard cursor. */
  focus: string | null;
}

/** Nothing selected, no cursor. */
export const EMPTY_SELECTION: Selection = { selected: new Set(), anchor: null, focus: null };

/** How a click or move combines with the current selection. */
export interface SelectMode {
  /** Shift: select the range from the anchor. */
  extend?: boolean;
  /** Ctrl or Cmd: toggle (with extend: add the range). */
  toggle?: boolean;
}

function rangeNames(rows: readonly FileEntry[], from: number, to: number, into: Set<string>): Set<string> {
  const [lo, hi] = from <= to ? [from, to] : [to, from];
  for (let i = Math.max(0, lo); i <= hi && i < rows.length; i++) {
    if (rows[i].name !== PARENT_NAME) into.add(rows[i].name);
  }
  return into;
}

/** The selection after clicking (or moving the cursor to) row `index`. */
export function selectRow(sel: Selection, rows: readonly FileEntry[], indexOf: (name: string) => number, index: number, mode: SelectMode = {}): Selection {
  const row = rows[index];
  if (!row) return sel;
  const name = row.name;
  if (mode.extend) {
    const anchorIndex = sel.anchor === null ? -1 : indexOf(sel.anchor);
    const from = anchorIndex < 0 ? index : anchorIndex;
    const base = mode.toggle ? new Set(sel.selected) : new Set<string>();
    return { selected: rangeNames(rows, from, index, base), anchor: anchorIndex < 0 ? name : sel.anchor, focus: name };
  }
  if (mode.toggle) {
    const selected = new Set(sel.selected);
    if (selected.has(name)) selected.delete(name);
    else if (name !== PARENT_NAME) selected.add(name);
    return { selected, anchor: name, focus: name };
  }
  return { selected: name === PARENT_NAME ? new Set() : new Set([name]), anchor: name, focus: name };
}

/** The row index a keyboard move lands on: a delta from the cursor, or `home`/`end`. */
export function moveTarget(sel: Selection, rowCount: number, indexOf: (name: string) => number, move: number | 'home' | 'end'): number {
  if (rowCount === 0) return -1;
  if (move === 'home') return 0;
  if (move === 'end') return rowCount - 1;
  const current = sel.focus === null ? -1 : indexOf(sel.focus);
  // With no cursor yet, the first Down lands on the first row, the first Up on the last.
  if (current < 0) return move > 0 ? 0 : rowCount - 1;
  return Math.min(rowCount - 1, Math.max(0, current + move));
}

/** Every row except `..`. */
export function selectAll(sel: Selection, rows: readonly FileEntry[]): Selection {
  return { ...sel, selected: rangeNames(rows, 0, rows.length - 1, new Set()) };
}

/** Keeps only names still present (after a refresh, filter or delete); the cursor too. */
export function pruneSelection(sel: Selection, indexOf: (name: string) => number): Selection {
  let selected: Set<string> | null = null;
  for (const name of sel.selected) {
    if (indexOf(name) < 0) {
      selected ??= new Set(sel.selected);
      selected.delete(name);
    }
  }
  const focus = sel.focus !== null && indexOf(sel.focus) >= 0 ? sel.focus : null;
  const anchor = sel.anchor !== null && indexOf(sel.anchor) >= 0 ? sel.anchor : focus;
  if (!selected && focus === sel.focus && anchor === sel.anchor) return sel;
  return { selected: selected ?? sel.selected, anchor, focus };
}

/** The selected entries in row order (the cursor's row when nothing is selected). */
export function selectedEntries(sel: Selection, rows: readonly FileEntry[], indexOf: (name: string) => number): FileEntry[] {
  const names = sel.selected.size > 0 ? [...sel.selected] : sel.focus !== null && sel.focus !== PARENT_NAME ? [sel.focus] : [];
  return names
    .map(indexOf)
    .filter((i) => i >= 0)
    .sort((a, b) => a - b)
    .map((i) => rows[i]);
}
