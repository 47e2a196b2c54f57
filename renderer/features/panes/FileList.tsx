/**
 * A virtualised, multi-select file grid: fixed row height, sortable column headers, `..`
 * first. Renders only the rows in view (100,000 entries scroll smoothly) and handles row
 * events once for the whole list through `data-index`.
 */
import { forwardRef, useEffect, useImperativeHandle, useRef, type CSSProperties, type MouseEvent } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { PaneView } from '../../lib/paneView';
import type { Selection } from '../../lib/selection';
import type { SortKey, SortOrder } from '../../lib/sortEntries';
import type { PaneId } from '../../commands/types';
import { gridTemplate, minListWidth, widthOf, type ColumnWidths } from '../../lib/columnWidths';
import type { Column } from './columns';
import { ColumnResizer } from './ColumnResizer';
import { FileRow } from './FileRow';
import { useCompare } from '../../stores/compareStore';
import { rowIndexOf, usePaneDnd } from './usePaneDnd';

/** Height of one row in pixels; fixed so the virtualiser needs no measuring. */
export const ROW_HEIGHT = 22;

/** What the pane can ask of its list. */
export interface FileListHandle {
  focus(): void;
  /** Whether the keyboard focus is on the list. */
  hasFocus(): boolean;
  /** Rows that fit in view. */
  pageRows(): number;
  /** Where to open a keyboard context menu: below the cursor's row, or the list's corner. */
  menuPoint(): { x: number; y: number };
}

/** Props of the file grid. */
export interface FileListProps {
  paneId: PaneId;
  label: string;
  /** The folder shown; a new one scrolls back to the top. */
  path: string;
  columns: readonly Column[];
  view: PaneView;
  selection: Selection;
  sort: SortOrder;
  onSort(key: SortKey): void;
  /** Widths the user gave the columns. */
  widths: ColumnWidths;
  onColumnResize(key: SortKey, width: number): void;
  /** The list got the keyboard focus other than by a click (Tab, or moved there after connecting). */
  onKeyboardFocus(): void;
  onRowClick(index: number, mode: { extend: boolean; toggle: boolean }): void;
  onRowOpen(index: number): void;
  /** A right-click on a row (index) or on empty space (-1). */
  onContextMenu(index: number, x: number, y: number): void;
}

/** The grid of one pane. */
export const FileList = forwardRef<FileListHandle, FileListProps>(function FileList(
  { paneId, label, path, columns, view, selection, sort, onSort, widths, onColumnResize, onKeyboardFocus, onRowClick, onRowOpen, onContextMenu },
  ref,
) {
  const gridRef = useRef<HTMLDivElement>(null);
  // A click focuses the list too, but puts the cursor where it clicked itself.
  const isPointerDown = useRef(false);
  const scrollRef = useRef<HTMLDivElement>(null);
  const { rows } = view;
  const dnd = usePaneDnd(paneId);
  const marks = useCompare((s) => (paneId === 'local' ? s.local : s.remote));
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    getItemKey: (i) => rows[i].name,
  });
  const focusIndex = selection.focus === null ? -1 : view.indexOf(selection.focus);

  const shownPath = useRef(path);
  useEffect(() => {
    // Keep the keyboard cursor in view, whether it moved by key, click or a navigation;
    // a newly opened folder without a cursor starts at its top, not where the last one was.
    if (focusIndex >= 0) virtualizer.scrollToIndex(focusIndex, { align: 'auto' });
    else if (shownPath.current !== path) virtualizer.scrollToOffset(0);
    shownPath.current = path;
  }, [focusIndex, path, virtualizer]);

  useImperativeHandle(
    ref,
    () => ({
      focus: () => gridRef.current?.focus(),
      hasFocus: () => !!gridRef.current && document.activeElement === gridRef.current,
      pageRows: () => Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? ROW_HEIGHT * 10) / ROW_HEIGHT) - 1),
      menuPoint() {
        const row = focusIndex >= 0 ? gridRef.current?.querySelector(`[data-index="${focusIndex}"]`) : null;
        const box = (row ?? scrollRef.current)?.getBoundingClientRect();
        return box ? { x: box.left + 24, y: row ? box.bottom : box.top + 4 } : { x: 0, y: 0 };
      },
    }),
    [focusIndex],
  );

  const rowId = (index: number) => `${paneId}-row-${index}`;
  const keys = columns.map((c) => c.key);
  const layout = { '--file-cols': gridTemplate(keys, widths), '--file-min-width': `${minListWidth(keys, widths)}px` } as CSSProperties;
  /** The width that shows a column's header and its widest rendered cell whole. */
  const fitWidth = (column: Column): number => {
    const grid = gridRef.current;
    if (!grid) return 0;
    const range = document.createRange();
    // The text's own width, not the element's: a cell is as wide as its column.
    const textWidth = (el: Element) => {
      range.selectNodeContents(el);
      const style = getComputedStyle(el);
      return range.getBoundingClientRect().width + parseFloat(style.paddingLeft) + parseFloat(style.paddingRight);
    };
    let widest = 0;
    const header = grid.querySelector(`.file-header .${column.className}`);
    const label = header?.querySelector('button');
    if (header && label) widest = textWidth(label) + textWidth(header) - label.getBoundingClientRect().width;
    for (const cell of grid.querySelectorAll(`.file-scroll .${column.className}`)) widest = Math.max(widest, textWidth(cell));
    return Math.ceil(widest) + 4;
  };
  const onClick = (e: MouseEvent) => {
    const index = rowIndexOf(e.target);
    if (index >= 0) onRowClick(index, { extend: e.shiftKey, toggle: e.ctrlKey || e.metaKey });
  };

  return (
    <div
      ref={gridRef}
      className={`file-list has-widths cols-${columns.length}${dnd.dropTarget === '' ? ' is-drop-target' : ''}`}
      style={layout}
      role="grid"
      aria-label={label}
      aria-multiselectable="true"
      aria-rowcount={rows.length + 1}
      aria-activedescendant={focusIndex >= 0 && virtualizer.getVirtualItems().some((v) => v.index === focusIndex) ? rowId(focusIndex) : undefined}
      tabIndex={0}
      onPointerDown={() => (isPointerDown.current = true)}
      onPointerUp={() => (isPointerDown.current = false)}
      onFocus={(e) => {
        if (e.target === e.currentTarget && !isPointerDown.current) onKeyboardFocus();
        isPointerDown.current = false;
      }}
    >
      <div className="file-row file-header" role="row" aria-rowindex={1}>
        {columns.map((c) => (
          <div
            key={c.key}
            role="columnheader"
            // Named by its label alone, not also by the resize handle inside it.
            aria-label={c.label}
            className={c.className}
            aria-sort={sort.key === c.key ? (sort.direction === 'asc' ? 'ascending' : 'descending') : 'none'}
          >
            <button
              type="button"
              // A click sorts without taking the focus from the rows, so keys keep working.
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => onSort(c.key)}
              title={`Sort by ${c.label.toLowerCase()}`}
            >
              {c.label}
              {sort.key === c.key ? <span aria-hidden="true">{sort.direction === 'asc' ? ' ▲' : ' ▼'}</span> : null}
            </button>
            <ColumnResizer label={`Resize ${c.label} column`} width={widthOf(c.key, widths)} onResize={(width) => onColumnResize(c.key, width)} fitWidth={() => fitWidth(c)} />
          </div>
        ))}
      </div>
      <div
        className="file-scroll"
        ref={scrollRef}
        onClick={onClick}
        onDoubleClick={(e) => {
          const index = rowIndexOf(e.target);
          if (index >= 0) onRowOpen(index);
        }}
        onContextMenu={(e) => {
          e.preventDefault();
          onContextMenu(rowIndexOf(e.target), e.clientX, e.clientY);
        }}
        onDragStart={dnd.onDragStart}
        onDragOver={dnd.onDragOver}
        onDragLeave={dnd.onDragLeave}
        onDrop={dnd.onDrop}
      >
        <div className="file-rows" style={{ height: virtualizer.getTotalSize() }}>
          {virtualizer.getVirtualItems().map((item) => {
            const entry = rows[item.index];
            return (
              <FileRow
                key={item.key}
                id={rowId(item.index)}
                entry={entry}
                index={item.index}
                start={item.start}
                height={ROW_HEIGHT}
                columns={columns}
                isSelected={selection.selected.has(entry.name)}
                isFocused={item.index === focusIndex}
                isDropTarget={dnd.dropTarget === entry.name}
                mark={marks.get(entry.name)}
              />
            );
          })}
        </div>
      </div>
    </div>
  );
});
