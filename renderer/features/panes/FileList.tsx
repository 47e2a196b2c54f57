/**
 * A virtualised file table: fixed row height, `..` first, sortable column headers.
 * Renders only the rows in view, so 100,000 entries scroll smoothly.
 */
import { useRef } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { FileEntry } from '../../../shared/domain';
import type { SortKey, SortOrder } from '../../lib/sortEntries';
import { typeLabel } from '../../lib/sortEntries';
import { formatBytesExact, formatDate, formatSize } from '../../lib/format';
import { EntryIcon } from '../../components/EntryIcon';

/** Height of one row in pixels; fixed so the virtualiser needs no measuring. */
export const ROW_HEIGHT = 22;

const COLUMNS: { key: SortKey; label: string; className: string }[] = [
  { key: 'name', label: 'Name', className: 'col-name' },
  { key: 'size', label: 'Size', className: 'col-size' },
  { key: 'type', label: 'Type', className: 'col-type' },
  { key: 'modified', label: 'Modified', className: 'col-modified' },
];

/** Props of the file table. */
export interface FileListProps {
  label: string;
  entries: FileEntry[];
  hasParent: boolean;
  sort: SortOrder;
  onSort(key: SortKey): void;
  onOpen(entry: FileEntry): void;
  onUp(): void;
}

const PARENT: FileEntry = { name: '..', type: 'dir' };

/** The table of one pane. */
export function FileList({ label, entries, hasParent, sort, onSort, onOpen, onUp }: FileListProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const rows = hasParent ? [PARENT, ...entries] : entries;
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    getItemKey: (i) => (hasParent && i === 0 ? '\0parent' : rows[i].name),
  });

  return (
    <div className="file-list" role="table" aria-label={label} aria-rowcount={rows.length}>
      <div className="file-row file-header" role="row">
        {COLUMNS.map((c) => (
          <div
            key={c.key}
            role="columnheader"
            className={c.className}
            aria-sort={sort.key === c.key ? (sort.direction === 'asc' ? 'ascending' : 'descending') : 'none'}
          >
            <button type="button" onClick={() => onSort(c.key)} title={`Sort by ${c.label.toLowerCase()}`}>
              {c.label}
              {sort.key === c.key ? <span aria-hidden="true">{sort.direction === 'asc' ? ' ▲' : ' ▼'}</span> : null}
            </button>
          </div>
        ))}
      </div>
      <div className="file-scroll" ref={scrollRef}>
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((item) => {
            const entry = rows[item.index];
            const isParent = hasParent && item.index === 0;
            return (
              <div
                key={item.key}
                role="row"
                aria-rowindex={item.index + 1}
                data-name={isParent ? '..' : entry.name}
                className={`file-row${entry.isHidden ? ' is-hidden' : ''}`}
                style={{ transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }}
                onDoubleClick={() => (isParent ? onUp() : onOpen(entry))}
              >
                <div role="cell" className="col-name" title={entry.linkTarget ? `${entry.name} → ${entry.linkTarget}` : entry.name}>
                  <EntryIcon entry={entry} />
                  <span className="name-text">{entry.name}</span>
                </div>
                <div role="cell" className="col-size" title={formatBytesExact(entry.sizeBytes)}>
                  {entry.type === 'dir' ? '' : formatSize(entry.sizeBytes)}
                </div>
                <div role="cell" className="col-type">{isParent ? '' : typeLabel(entry)}</div>
                <div role="cell" className="col-modified" title={entry.permissions}>
                  {formatDate(entry.modifiedMs)}
                </div>
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
