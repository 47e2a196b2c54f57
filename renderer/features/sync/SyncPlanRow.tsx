/**
 * The rows of the Synchronize checklist: a group's heading (fold button, a box that ticks the
 * whole group and shows "some" when only part is ticked, counts and bytes), a step (its box,
 * path, bytes and reason; a conflict says what ticking it would do), and what the compare left
 * out. Positioned by the virtualised list; state comes from and goes to the sync store.
 */
import { ChevronDown, ChevronRight } from 'lucide-react';
import type { CSSProperties } from 'react';
import type { SyncAction, SyncActionKind } from '../../../shared/sync';
import { isTickable, type SkippedEntry } from '../../../shared/syncPreview';
import { formatBytesExact, formatCount, formatSize } from '../../lib/format';
import { GROUP_LABELS, groupTick, RESOLUTION_LABELS, type GroupSummary } from '../../stores/syncChecklist';
import { useSync } from '../../stores/syncStore';

/** Where the list puts a row. */
export const rowStyle = (top: number, height: number): CSSProperties => ({ position: 'absolute', top, left: 0, right: 0, height });

/** A group's heading. */
export function GroupRow({ group, isFolded, style }: { group: GroupSummary; isFolded: boolean; style: CSSProperties }) {
  const setGroup = useSync((s) => s.setGroup);
  const toggleFold = useSync((s) => s.toggleFold);
  const tick = groupTick(group);
  const label = GROUP_LABELS[group.kind];
  const Chevron = isFolded ? ChevronRight : ChevronDown;
  return (
    <div role="listitem" className={`sync-plan-row sync-group sync-kind-${group.kind}`} style={style}>
      <button type="button" className="sync-fold" aria-expanded={!isFolded} aria-label={`${isFolded ? 'Show' : 'Hide'} ${label}`} onClick={() => toggleFold(group.kind)}>
        <Chevron size={14} aria-hidden />
      </button>
      <label className="sync-group-label">
        <input
          type="checkbox"
          checked={tick === 'all'}
          disabled={group.tickableCount === 0}
          ref={(el) => {
            if (el) el.indeterminate = tick === 'some';
          }}
          onChange={() => setGroup(group.kind, tick !== 'all')}
        />
        {label}
      </label>
      <span className="sync-group-count">
        {formatCount(group.checkedCount)} of {formatCount(group.count)} ticked
        {group.checkedBytes > 0 ? <span title={formatBytesExact(group.checkedBytes)}> · {formatSize(group.checkedBytes)}</span> : null}
      </span>
    </div>
  );
}

/** What a step's row says after its path: the reason, and for a conflict what ticking does. */
function reasonOf(a: SyncAction): string {
  if (a.kind !== 'conflict') return a.reason;
  return `${a.reason} — ${a.resolution ? RESOLUTION_LABELS[a.resolution] : 'Ferry cannot resolve this one: change one side, then sync again'}`;
}

/** One step of the plan. */
export function StepRow({ action, index, isChecked, style }: { action: SyncAction; index: number; isChecked: boolean; style: CSSProperties }) {
  const toggleStep = useSync((s) => s.toggleStep);
  const shown = action.isFolder ? `${action.relPath}/` : action.relPath;
  const reason = reasonOf(action);
  const kind: SyncActionKind = action.kind;
  return (
    <div role="listitem" className={`sync-plan-row sync-step sync-kind-${kind}`} style={style} title={`${shown}\n${reason}`}>
      <input type="checkbox" aria-label={`${GROUP_LABELS[kind]}: ${shown}`} checked={isChecked} disabled={!isTickable(action)} onChange={() => toggleStep(index)} />
      <span className="sync-path">{shown}</span>
      <span className="sync-bytes" title={action.bytes ? formatBytesExact(action.bytes) : undefined}>
        {action.bytes ? formatSize(action.bytes) : ''}
      </span>
      <span className="sync-reason">{reason}</span>
    </div>
  );
}

/** The heading of what the compare left out. */
export function SkippedHeadRow({ count, isFolded, style }: { count: number; isFolded: boolean; style: CSSProperties }) {
  const toggleFold = useSync((s) => s.toggleFold);
  const Chevron = isFolded ? ChevronRight : ChevronDown;
  return (
    <div role="listitem" className="sync-plan-row sync-group" style={style}>
      <button type="button" className="sync-fold" aria-expanded={!isFolded} aria-label={`${isFolded ? 'Show' : 'Hide'} what was not compared`} onClick={() => toggleFold('skipped')}>
        <Chevron size={14} aria-hidden />
      </button>
      <span className="sync-group-label">Not compared</span>
      <span className="sync-group-count">{formatCount(count)} left out: nothing happens to them</span>
    </div>
  );
}

/** Something the compare left out, and why. */
export function SkippedRow({ entry, style }: { entry: SkippedEntry; style: CSSProperties }) {
  return (
    <div role="listitem" className="sync-plan-row sync-step sync-skipped" style={style} title={`${entry.relPath}\n${entry.reason}`}>
      <span className="sync-side">{entry.side === 'local' ? 'here' : 'server'}</span>
      <span className="sync-path">{entry.relPath}</span>
      <span className="sync-bytes" />
      <span className="sync-reason">{entry.reason}</span>
    </div>
  );
}
