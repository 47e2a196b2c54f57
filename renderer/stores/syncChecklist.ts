/**
 * A sync plan as the Synchronize dialog's checklist: the steps grouped by kind (copy here, copy
 * to server, overwrite, make folder, delete, conflicts), ticked one by one or a group at once,
 * with counts and bytes per group and in total, and the rows a virtualised list draws (group
 * headings, steps of groups not folded away, and what the compare left out). Conflicts start
 * unticked, and one that ticking would not resolve cannot be ticked. Pure: every change returns
 * a new checklist, so a 10,000-step plan costs one array copy per click.
 */
import { comparePaths } from '../../shared/compareTrees';
import type { SyncAction, SyncActionKind } from '../../shared/sync';
import { isTickable, type SkippedEntry } from '../../shared/syncPreview';

/** The groups in the order the dialog lists them. */
export const GROUP_ORDER: readonly SyncActionKind[] = [
  'download',
  'upload',
  'overwrite-local',
  'overwrite-remote',
  'mkdir-local',
  'mkdir-remote',
  'delete-local',
  'delete-remote',
  'conflict',
];

/** Each group's heading. */
export const GROUP_LABELS: Readonly<Record<SyncActionKind, string>> = {
  download: 'Copy here',
  upload: 'Copy to server',
  'overwrite-local': 'Overwrite here',
  'overwrite-remote': 'Overwrite on server',
  'mkdir-local': 'Make folder here',
  'mkdir-remote': 'Make folder on server',
  'delete-local': 'Delete here',
  'delete-remote': 'Delete on server',
  conflict: 'Conflicts',
};

/** What ticking a conflict would do, in words. */
export const RESOLUTION_LABELS: Readonly<Record<Exclude<SyncActionKind, 'conflict'>, string>> = {
  download: 'ticking copies it here',
  upload: 'ticking copies it to the server',
  'overwrite-local': 'ticking overwrites the local copy with the server’s',
  'overwrite-remote': 'ticking overwrites the server’s copy with the local one',
  'mkdir-local': 'ticking makes the folder here',
  'mkdir-remote': 'ticking makes the folder on the server',
  'delete-local': 'ticking deletes it here',
  'delete-remote': 'ticking deletes it on the server',
};

/** The plan's steps, their ticks, and the groups folded away. */
export interface Checklist {
  actions: readonly SyncAction[];
  /** Whether step i is ticked. */
  checked: readonly boolean[];
  /** Indexes of each group's steps, in path order; only groups with steps. */
  groups: ReadonlyMap<SyncActionKind, readonly number[]>;
  /** Groups whose steps are not listed (their heading still is). */
  folded: ReadonlySet<SyncActionKind | 'skipped'>;
}

/** A checklist over a plan, ticked as the plan says. */
export function checklistOf(actions: readonly SyncAction[]): Checklist {
  const byKind = new Map<SyncActionKind, number[]>();
  actions.forEach((a, i) => {
    let list = byKind.get(a.kind);
    if (!list) byKind.set(a.kind, (list = []));
    list.push(i);
  });
  const groups = new Map<SyncActionKind, readonly number[]>();
  // Listed in path order, as the panes list files; the plan's own order (deletions deepest first) is the run's.
  const byPath = (a: number, b: number) => comparePaths(actions[a].relPath, actions[b].relPath);
  for (const kind of GROUP_ORDER) if (byKind.has(kind)) groups.set(kind, byKind.get(kind)!.sort(byPath));
  return { actions, checked: actions.map((a) => a.isChecked && isTickable(a)), groups, folded: new Set() };
}

/** Ticks or unticks one step (a conflict that cannot be resolved stays unticked). */
export function toggleStep(list: Checklist, index: number): Checklist {
  const action = list.actions[index];
  if (!action || !isTickable(action)) return list;
  const checked = [...list.checked];
  checked[index] = !checked[index];
  return { ...list, checked };
}

/** Ticks or unticks every step of a group that can be ticked. */
export function setGroup(list: Checklist, kind: SyncActionKind, isChecked: boolean): Checklist {
  const checked = [...list.checked];
  for (const i of list.groups.get(kind) ?? []) if (isTickable(list.actions[i])) checked[i] = isChecked;
  return { ...list, checked };
}

/** Folds a group away, or unfolds it. */
export function toggleFold(list: Checklist, group: SyncActionKind | 'skipped'): Checklist {
  const folded = new Set(list.folded);
  if (!folded.delete(group)) folded.add(group);
  return { ...list, folded };
}

/** A group's counts. */
export interface GroupSummary {
  kind: SyncActionKind;
  count: number;
  checkedCount: number;
  /** Steps that can be ticked at all. */
  tickableCount: number;
  /** Bytes the ticked steps copy. */
  checkedBytes: number;
}

/** The counts of every group and of the whole plan. */
export interface ChecklistSummary {
  groups: GroupSummary[];
  checkedCount: number;
  checkedBytes: number;
  /** Conflicts not ticked: they stay as they are. */
  conflictsLeft: number;
}

/** Counts per group and in total. */
export function summaryOf(list: Checklist): ChecklistSummary {
  const summary: ChecklistSummary = { groups: [], checkedCount: 0, checkedBytes: 0, conflictsLeft: 0 };
  for (const [kind, indexes] of list.groups) {
    const group: GroupSummary = { kind, count: indexes.length, checkedCount: 0, tickableCount: 0, checkedBytes: 0 };
    for (const i of indexes) {
      if (isTickable(list.actions[i])) group.tickableCount++;
      if (!list.checked[i]) continue;
      group.checkedCount++;
      group.checkedBytes += list.actions[i].bytes;
    }
    summary.groups.push(group);
    summary.checkedCount += group.checkedCount;
    summary.checkedBytes += group.checkedBytes;
    if (kind === 'conflict') summary.conflictsLeft = group.count - group.checkedCount;
  }
  return summary;
}

/** Whether a group's box shows ticked, unticked, or some of each. */
export function groupTick(group: GroupSummary): 'all' | 'none' | 'some' {
  if (group.checkedCount === 0) return 'none';
  return group.checkedCount === group.tickableCount ? 'all' : 'some';
}

/** One row of the checklist as the list draws it. */
export type ChecklistRow =
  /** A group's heading with its box and counts. */
  | { type: 'group'; kind: SyncActionKind }
  /** Step `index` of the plan. */
  | { type: 'step'; index: number }
  /** The heading of what the compare left out. */
  | { type: 'skipped-head'; count: number }
  /** Something the compare left out. */
  | { type: 'skipped'; entry: SkippedEntry };

/** The rows to draw: each group's heading then (unless folded) its steps, then what was left out. */
export function rowsOf(list: Checklist, skipped: readonly SkippedEntry[]): ChecklistRow[] {
  const rows: ChecklistRow[] = [];
  for (const [kind, indexes] of list.groups) {
    rows.push({ type: 'group', kind });
    if (!list.folded.has(kind)) for (const index of indexes) rows.push({ type: 'step', index });
  }
  if (skipped.length > 0) {
    rows.push({ type: 'skipped-head', count: skipped.length });
    if (!list.folded.has('skipped')) for (const entry of skipped) rows.push({ type: 'skipped', entry });
  }
  return rows;
}

/** The indexes of the ticked steps, as `syncRun` takes them. */
export function checkedIndexes(list: Checklist): number[] {
  const indexes: number[] = [];
  list.checked.forEach((isChecked, i) => {
    if (isChecked) indexes.push(i);
  });
  return indexes;
}
