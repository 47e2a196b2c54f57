/**
 * A virtualised, multi-select file grid: fixed row height, sortable column headers, `..`
 * first. Renders only the rows in view (100,000 entries scroll smoothly) and handles row
 * events once for the whole list through `data-index`.
 */
import { forwardRef, useEffect, useImperativeHandle, useRef, type MouseEvent } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { PaneView } from '../../lib/paneView';
import type { Selection } from '../../lib/selection';
import type { SortKey, SortOrder } from '../../lib/sortEntries';
import type { PaneId } from '../../commands/types';
import type { Column } from './columns';
import { FileRow } from './FileRow';
import { rowIndexOf, usePaneDnd } from './usePaneDnd';

/** Height of one row in pixels; fixed so the virtualiser needs no measuring. */
export const ROW_HEIGHT = 22;

/** What the pane can ask of its list. */
export interface FileListHandle {
  focus(): void;
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
  onRowClick(index: number, mode: { extend: boolean; toggle: boolean }): void;
  onRowOpen(index: number): void;
  /** A right-click on a row (index) or on empty space (-1). */
  onContextMenu(index: number, x: number, y: number): void;
}

/** The grid of one pane. */
export const FileList = forwardRef<FileListHandle, FileListProps>(function FileList(
  { paneId, label, path, columns, view, selection, sort, onSort, onRowClick, onRowOpen, onContextMenu },
  ref,
) {
  const gridRef = useRef<HTMLDivElement>(null);
  const scrollRef = useRef<HTMLDivElement>(null);
  const { rows } = view;
  const dnd = usePaneDnd(paneId);
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
  const onClick = (e: MouseEvent) => {
    const index = rowIndexOf(e.target);
    if (index >= 0) onRowClick(index, { extend: e.shiftKey, toggle: e.ctrlKey || e.metaKey });
  };

  return (
    <div
      ref={gridRef}
      className={`file-list cols-${columns.length}${dnd.dropTarget === '' ? ' is-drop-target' : ''}`}
      role="grid"
      aria-label={label}
      aria-multiselectable="true"
      aria-rowcount={rows.length + 1}
      aria-activedescendant={focusIndex >= 0 && virtualizer.getVirtualItems().some((v) => v.index === focusIndex) ? rowId(focusIndex) : undefined}
      tabIndex={0}
    >
      <div className="file-row file-header" role="row" aria-rowindex={1}>
        {columns.map((c) => (
          <div
            key={c.key}
            role="columnheader"
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
              />
            );
          })}
        </div>
      </div>
    </div>
  );
});
