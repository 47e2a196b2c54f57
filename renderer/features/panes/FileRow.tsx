/** One row of a file list. Memoised: a selection change re-renders only the rows it touches. */
import { memo } from 'react';
import type { FileEntry } from '../../../shared/domain';
import { EntryIcon } from '../../components/EntryIcon';
import { PARENT_NAME } from '../../lib/paneView';
import type { CompareMark } from '../../stores/compareStore';
import type { Column } from './columns';

/** Props of a row; events are handled by the list through `data-index`. */
export interface FileRowProps {
  id: string;
  entry: FileEntry;
  index: number;
  start: number;
  height: number;
  columns: readonly Column[];
  isSelected: boolean;
  isFocused: boolean;
  isDropTarget: boolean;
  /** How the row compares with the other pane, while Compare is on. */
  mark?: CompareMark;
}

/** A row positioned by the virtualiser. */
export const FileRow = memo(function FileRow({ id, entry, index, start, height, columns, isSelected, isFocused, isDropTarget, mark }: FileRowProps) {
  const isParent = entry.name === PARENT_NAME;
  const className = ['file-row', entry.isHidden && 'is-hidden', isSelected && 'is-selected', isFocused && 'is-focused', isDropTarget && 'is-drop-target', mark && `cmp-${mark}`]
    .filter(Boolean)
    .join(' ');
  return (
    <div
      id={id}
      role="row"
      aria-rowindex={index + 2}
      aria-selected={isSelected}
      data-index={index}
      data-name={entry.name}
      data-compare={mark}
      className={className}
      draggable={!isParent}
      style={{ transform: `translateY(${start}px)`, height }}
    >
      {columns.map((c) =>
        c.key === 'name' ? (
          <div key={c.key} role="gridcell" className={c.className} title={entry.linkTarget ? `${entry.name} → ${entry.linkTarget}` : entry.name}>
            <EntryIcon entry={entry} />
            <span className="name-text">{entry.displayName ?? entry.name}</span>
          </div>
        ) : (
          <div key={c.key} role="gridcell" className={c.className} title={isParent ? undefined : c.title?.(entry)}>
            {isParent ? '' : c.text(entry)}
          </div>
        ),
      )}
    </div>
  );
});
