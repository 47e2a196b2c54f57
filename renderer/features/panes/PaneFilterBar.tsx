/** The filter box and the hidden-files toggle of a pane. */
import { forwardRef } from 'react';

/** Props of the filter bar. */
export interface PaneFilterBarProps {
  label: string;
  filter: string;
  showHidden: boolean;
  onFilter(text: string): void;
  onToggleHidden(): void;
  /** Leaves the box for the list (Escape on an empty box, Enter, Down). */
  onDone(): void;
}

/** Filters by a case-insensitive substring of the name; `..` is never filtered out. */
export const PaneFilterBar = forwardRef<HTMLInputElement, PaneFilterBarProps>(function PaneFilterBar(
  { label, filter, showHidden, onFilter, onToggleHidden, onDone },
  ref,
) {
  return (
    <div className="pane-filter">
      <input
        ref={ref}
        type="search"
        aria-label={`${label} filter`}
        placeholder="Filter names"
        value={filter}
        spellCheck={false}
        onChange={(e) => onFilter(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape' && filter) {
            e.preventDefault();
            onFilter('');
          } else if (e.key === 'Escape' || e.key === 'Enter' || e.key === 'ArrowDown') {
            e.preventDefault();
            onDone();
          }
        }}
      />
      <label className="hidden-toggle" title="Show files whose names start with a dot, or marked hidden">
        <input type="checkbox" checked={showHidden} onChange={onToggleHidden} /> Hidden files
      </label>
    </div>
  );
});
