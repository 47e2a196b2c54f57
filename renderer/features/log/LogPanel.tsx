/**
 * The message log: every command and reply, the reply code in its own column and coloured
 * by class, errors highlighted, plain-language hints; virtualised, with follow mode, a
 * filter, copy of the selected lines and clear.
 */
import { useEffect, useMemo, useRef } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { byDetail, filterLog, logToText, useLogStore } from '../../stores/logStore';
import { useSettings } from '../../stores/settingsStore';
import { LogLine } from './LogLine';
import { useLayout } from '../../stores/layoutStore';
import { useQueue } from '../../stores/queueStore';
import { CollapseButton } from '../../components/CollapseButton';
import { ToolButton } from '../../components/ToolButton';
import { Copy, Eraser } from 'lucide-react';

const LINE_HEIGHT = 18;

/** Shows the log; follows new lines unless the user scrolled up. */
export function LogPanel() {
  const { lines, follow, filter, selected, setFollow, setFilter, clear, select } = useLogStore();
  const { isLogCollapsed, toggleLog } = useLayout();
  const reveal = useQueue((s) => s.reveal);
  const detail = useSettings((s) => s.settings?.log);
  const showRawReplies = detail?.showRawReplies ?? true;
  const visible = useMemo(() => filterLog(byDetail(lines, showRawReplies), filter), [lines, filter, showRawReplies]);
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: visible.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => LINE_HEIGHT,
    overscan: 20,
    getItemKey: (i) => visible[i].seq,
  });

  useEffect(() => {
    if (follow && visible.length > 0) virtualizer.scrollToIndex(visible.length - 1, { align: 'end' });
  }, [visible.length, follow, virtualizer]);

  const copy = () => {
    const chosen = visible.filter((l) => selected.has(l.seq));
    void navigator.clipboard?.writeText(logToText(chosen.length ? chosen : visible));
  };

  return (
    <section className="log-panel" aria-label="Message log">
      <div className="log-toolbar">
        <CollapseButton panel="message log" isCollapsed={isLogCollapsed} onToggle={toggleLog} />
        {isLogCollapsed ? <span className="panel-name">Message log ({lines.length} lines)</span> : null}
        <input aria-label="Filter log" placeholder="Filter (text, code, connection)" value={filter} onChange={(e) => setFilter(e.target.value)} />
        <label title="Keep the newest line in view">
          <input type="checkbox" checked={follow} onChange={(e) => setFollow(e.target.checked)} /> Follow
        </label>
        <ToolButton icon={Copy} label="Copy" onClick={copy} title="Copy the selected lines (or all shown lines) as text" />
        <ToolButton icon={Eraser} label="Clear" onClick={clear} title="Remove all lines from the log" />
      </div>
      {isLogCollapsed ? null : lines.length === 0 ? (
        <p className="empty">No messages yet. Commands and server replies appear here when you connect.</p>
      ) : visible.length === 0 ? (
        <p className="empty" role="status">
          {filter.trim() ? `No line matches “${filter.trim()}”.` : 'Only raw commands and replies so far; they are hidden (Settings, Ctrl+,).'}
        </p>
      ) : (
        <div
          className="log-lines"
          role="log"
          ref={scrollRef}
          onWheel={(e) => {
            // Scrolling up means the user wants to read: stop following until they return to the end.
            if (e.deltaY < 0 && follow) setFollow(false);
          }}
          onScroll={(e) => {
            const el = e.currentTarget;
            if (!follow && el.scrollTop + el.clientHeight >= el.scrollHeight - 2) setFollow(true);
          }}
        >
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {virtualizer.getVirtualItems().map((item) => {
              const line = visible[item.index];
              return (
                <LogLine
                  key={item.key}
                  line={line}
                  top={item.start}
                  height={LINE_HEIGHT}
                  isSelected={selected.has(line.seq)}
                  onSelect={(mode) => select(line.seq, mode, visible)}
                  onReveal={reveal}
                  showHint={detail?.showHints ?? true}
                />
              );
            })}
          </div>
        </div>
      )}
    </section>
  );
}
