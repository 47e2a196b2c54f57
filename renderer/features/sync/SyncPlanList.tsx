/**
 * The plan of the Synchronize dialog: the totals (ticked steps, bytes to copy, conflicts left),
 * "In agreement: nothing to do" for an empty plan, and the checklist as a virtualised list with
 * fixed row height (as the file lists and the queue draw theirs), so 10,000 steps scroll and
 * tick without delay.
 */
import { useMemo, useRef } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { SyncPreview } from '../../../shared/syncPreview';
import { formatBytesExact, formatCount, formatSize } from '../../lib/format';
import { rowsOf, summaryOf, type Checklist, type ChecklistRow } from '../../stores/syncChecklist';
import { GroupRow, rowStyle, SkippedHeadRow, SkippedRow, StepRow } from './SyncPlanRow';

const ROW_HEIGHT = 24;

const keyOf = (row: ChecklistRow, i: number) =>
  row.type === 'group' ? `g:${row.kind}` : row.type === 'step' ? `s:${row.index}` : row.type === 'skipped-head' ? 'k' : `k:${i}`;

/** The totals line. */
function totalsText(preview: SyncPreview, checklist: Checklist, summary: ReturnType<typeof summaryOf>): string {
  const steps = checklist.actions.length;
  const parts = [`${formatCount(summary.checkedCount)} of ${formatCount(steps)} step${steps === 1 ? '' : 's'} ticked`, `${formatSize(summary.checkedBytes)} to copy`];
  if (summary.conflictsLeft > 0) parts.push(`${summary.conflictsLeft} conflict${summary.conflictsLeft === 1 ? '' : 's'} left as ${summary.conflictsLeft === 1 ? 'it is' : 'they are'}`);
  const seconds = (preview.timings.listMs + preview.timings.checksumMs + preview.timings.compareMs) / 1000;
  const took = seconds < 0.1 ? 'under 0.1 s' : `${seconds < 10 ? seconds.toFixed(1) : Math.round(seconds)} s`;
  parts.push(`${formatCount(preview.comparedCount)} path${preview.comparedCount === 1 ? '' : 's'} compared in ${took}`);
  return parts.join(' · ');
}

/** The plan's totals and checklist. */
export function SyncPlanList({ preview, checklist }: { preview: SyncPreview; checklist: Checklist }) {
  const summary = useMemo(() => summaryOf(checklist), [checklist]);
  const groups = useMemo(() => new Map(summary.groups.map((g) => [g.kind, g])), [summary]);
  const rows = useMemo(() => rowsOf(checklist, preview.skipped), [checklist, preview.skipped]);
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    getItemKey: (i) => keyOf(rows[i], i),
  });
  const isEmpty = checklist.actions.length === 0;
  const usedSizeForChecksum = preview.settings.method === 'checksum' && !preview.checksumAlgorithm;

  return (
    <section className="sync-plan" aria-label="Plan">
      <p className="sync-totals" role="status">
        {isEmpty ? 'In agreement: nothing to do' : <span title={formatBytesExact(summary.checkedBytes)}>{totalsText(preview, checklist, summary)}</span>}
      </p>
      {usedSizeForChecksum ? <p className="sync-hint is-warning">The server offers no checksum: files were compared by size.</p> : null}
      {rows.length > 0 ? (
        <div className="sync-plan-scroll" ref={scrollRef}>
          <div role="list" aria-label="Steps" style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {virtualizer.getVirtualItems().map((v) => {
              const row = rows[v.index];
              const style = rowStyle(v.start, ROW_HEIGHT);
              switch (row.type) {
                case 'group':
                  return <GroupRow key={v.key} group={groups.get(row.kind)!} isFolded={checklist.folded.has(row.kind)} style={style} />;
                case 'step':
                  return <StepRow key={v.key} action={checklist.actions[row.index]} index={row.index} isChecked={checklist.checked[row.index]} style={style} />;
                case 'skipped-head':
                  return <SkippedHeadRow key={v.key} count={row.count} isFolded={checklist.folded.has('skipped')} style={style} />;
                case 'skipped':
                  return <SkippedRow key={v.key} entry={row.entry} style={style} />;
              }
            })}
          </div>
        </div>
      ) : null}
    </section>
  );
}
