/**
 * The transfer queue: Queued / Failed / Successful tabs, a virtualised table of transfers,
 * and the actions on the selection (or on everything when nothing is selected).
 */
import { useEffect, useMemo, useRef } from 'react';
import { useSites } from '../../stores/sitesStore';
import { serverLabelOf } from './queueColumns';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useQueue } from '../../stores/queueStore';
import { itemsOfTab, type QueueTab } from '../../stores/queueReducer';
import { QueueRow } from './QueueRow';
import { QueueSettingsBar } from './QueueSettingsBar';
import { QueueToolbar } from './QueueToolbar';
import { useLayout } from '../../stores/layoutStore';
import { CollapseButton } from '../../components/CollapseButton';

const ROW_HEIGHT = 24;
const TABS: { tab: QueueTab; label: string; count: (t: ReturnType<typeof useQueue.getState>['totals']) => number }[] = [
  { tab: 'queued', label: 'Queued files', count: (t) => t.queuedCount + t.activeCount + t.pausedCount },
  { tab: 'failed', label: 'Failed transfers', count: (t) => t.failedCount + t.cancelledCount },
  { tab: 'done', label: 'Successful transfers', count: (t) => t.doneCount },
];

/** Shows the queue. */
export function QueuePanel() {
  const state = useQueue();
  const { isQueueCollapsed, toggleQueue } = useLayout();
  const items = useMemo(() => itemsOfTab(state, state.tab), [state]);
  const questionOf = useMemo(() => new Map(state.questions.map((q) => [q.item.id, q])), [state.questions]);
  const sites = useSites((s) => s.sites);
  // Saved sites' names for the Server column; the Site Manager loads them too when it opens.
  useEffect(() => {
    void useSites.getState().refresh();
  }, []);
  const scrollRef = useRef<HTMLDivElement>(null);
  const anchor = useRef<string | null>(null);
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
    getItemKey: (i) => items[i].id,
  });

  // A log line's "show in queue" link asks to bring its row into view.
  useEffect(() => {
    if (!state.revealedId) return;
    const index = items.findIndex((i) => i.id === state.revealedId);
    if (index >= 0) virtualizer.scrollToIndex(index, { align: 'center' });
  }, [state.revealedId, items, virtualizer]);

  const select = (id: string, mode: 'only' | 'toggle' | 'range') => {
    const next = new Set(mode === 'only' ? [] : state.selected);
    if (mode === 'range' && anchor.current) {
      const a = items.findIndex((i) => i.id === anchor.current);
      const b = items.findIndex((i) => i.id === id);
      for (let i = Math.min(a, b); i <= Math.max(a, b); i++) if (i >= 0) next.add(items[i].id);
    } else if (mode === 'toggle' && next.has(id)) next.delete(id);
    else next.add(id);
    if (mode !== 'range') anchor.current = id;
    state.select([...next]);
  };

  return (
    <section className="queue-panel" aria-label="Transfer queue">
      <div className="queue-head">
        <CollapseButton panel="transfer queue" isCollapsed={isQueueCollapsed} onToggle={toggleQueue} />
        <div role="tablist" className="tabs">
          {TABS.map(({ tab, label, count }) => (
            <button key={tab} role="tab" type="button" aria-selected={state.tab === tab} onClick={() => state.setTab(tab)}>
              {label} ({count(state.totals)})
            </button>
          ))}
        </div>
        <QueueToolbar tab={state.tab} selected={[...state.selected]} items={items} />
      </div>
      {isQueueCollapsed ? null : <QueueSettingsBar />}
      {isQueueCollapsed ? null : state.notice ? (
        <div className={`queue-notice${state.notice.isError ? ' is-error' : ''}`} role="status">
          {state.notice.text}
          <button type="button" aria-label="Dismiss" onClick={state.dismissNotice}>
            ×
          </button>
        </div>
      ) : null}
      {isQueueCollapsed ? null : items.length === 0 ? (
        <p className="empty" role="tabpanel">
          {state.tab === 'queued' ? 'The queue is empty. Drag files between the panes to transfer them.' : state.tab === 'failed' ? 'No failed transfers.' : 'No finished transfers yet.'}
        </p>
      ) : (
        <div className="queue-scroll" ref={scrollRef} role="table" aria-label={`${TABS.find((t) => t.tab === state.tab)!.label}`}>
          <div role="row" className="queue-row queue-header">
            <div role="columnheader" aria-label="Direction" />
            <div role="columnheader">Local file</div>
            <div role="columnheader">Remote file</div>
            <div role="columnheader">Server</div>
            <div role="columnheader" className="q-size">Size</div>
            <div role="columnheader">Progress</div>
            <div role="columnheader" className="q-speed">Speed</div>
            <div role="columnheader" className="q-eta">Time left</div>
            <div role="columnheader">Status</div>
          </div>
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {virtualizer.getVirtualItems().map((v) => {
              const item = items[v.index];
              return (
                <QueueRow
                  key={v.key}
                  item={item}
                  top={v.start}
                  height={ROW_HEIGHT}
                  isSelected={state.selected.has(item.id)}
                  server={serverLabelOf(item.siteId, sites)}
                  question={questionOf.get(item.id)}
                  onSelect={(mode) => select(item.id, mode)}
                />
              );
            })}
          </div>
        </div>
      )}
    </section>
  );
}
