/**
 * The drag handle at the right edge of a column header: drag it, or focus it and use the
 * arrow keys (Shift for bigger steps); a double-click fits the column to what it shows.
 */
import { useLayoutEffect, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { clampWidth, MAX_COLUMN_WIDTH, MIN_COLUMN_WIDTH } from '../../lib/columnWidths';

/** Arrow key steps in pixels, without and with Shift. */
const STEP = 8;
const BIG_STEP = 40;

/** Props of a column's resize handle. */
export interface ColumnResizerProps {
  label: string;
  /** The width the user gave the column, if any: keys pressed in quick succession build on it before layout catches up. */
  width: number | undefined;
  onResize(width: number): void;
  /** Width that shows the column's widest visible text. */
  fitWidth(): number;
}

/** A focusable vertical separator inside its column's header cell, with the cell's laid-out width as its value. */
export function ColumnResizer({ label, width: givenWidth, onResize, fitWidth }: ColumnResizerProps) {
  const ref = useRef<HTMLDivElement>(null);
  const drag = useRef<{ startX: number; startWidth: number } | null>(null);
  // The laid-out width, for a column the user has not sized (the name column fills the free space).
  const [laidOutWidth, setLaidOutWidth] = useState(0);
  useLayoutEffect(() => {
    const cell = ref.current?.parentElement;
    if (!cell) return;
    setLaidOutWidth(cell.getBoundingClientRect().width);
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => setLaidOutWidth(cell.getBoundingClientRect().width));
    observer.observe(cell);
    return () => observer.disconnect();
  }, []);
  const width = givenWidth ?? laidOutWidth;

  const onKeyDown = (e: KeyboardEvent) => {
    const step = e.shiftKey ? BIG_STEP : STEP;
    const next = { ArrowRight: width + step, ArrowLeft: width - step, Home: MIN_COLUMN_WIDTH, End: MAX_COLUMN_WIDTH }[e.key];
    if (next === undefined) return;
    // The pane's own keys (row moves) must not see these.
    e.preventDefault();
    e.stopPropagation();
    onResize(clampWidth(next));
  };
  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    if (e.button !== 0) return;
    e.preventDefault();
    e.currentTarget.setPointerCapture(e.pointerId);
    drag.current = { startX: e.clientX, startWidth: width };
  };
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    if (drag.current) onResize(clampWidth(drag.current.startWidth + e.clientX - drag.current.startX));
  };
  const onPointerEnd = () => {
    drag.current = null;
  };

  return (
    <div
      ref={ref}
      role="separator"
      aria-orientation="vertical"
      aria-label={label}
      aria-valuenow={Math.round(width)}
      aria-valuemin={MIN_COLUMN_WIDTH}
      aria-valuemax={MAX_COLUMN_WIDTH}
      tabIndex={0}
      className="column-resizer"
      title="Drag to resize; double-click to fit"
      onKeyDown={onKeyDown}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerEnd}
      onPointerCancel={onPointerEnd}
      onClick={(e) => e.stopPropagation()}
      onDoubleClick={() => onResize(clampWidth(fitWidth()))}
    />
  );
}
