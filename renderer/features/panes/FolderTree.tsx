/**
 * A pane's folder tree: the folders from the root to the one shown, and any the user
 * expands. Clicking a folder (or Enter) opens it in the list; arrows move, Right expands,
 * Left collapses or goes to the parent, as in a file manager's tree.
 */
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { ChevronDown, ChevronRight, Folder, FolderOpen } from 'lucide-react';
import { folderTreeStore, paneStore } from '../../commands/panes';
import type { PaneId } from '../../commands/types';
import { visibleRows, type TreeRow } from '../../lib/folderTree';

/** Props of the folder tree. */
export interface FolderTreeProps {
  paneId: PaneId;
  label: string;
}

/** The tree, with one tab stop: the folder the keyboard is on. */
export function FolderTree({ paneId, label }: FolderTreeProps) {
  const current = paneStore(paneId)((s) => s.path);
  const { tree, expanded, loading, expand, collapse } = folderTreeStore(paneId)();
  const rows = visibleRows(tree, expanded, current);
  const [cursor, setCursor] = useState(current);
  const listRef = useRef<HTMLUListElement>(null);

  // The keyboard cursor follows the folder shown, and the folder shown is always in view.
  useEffect(() => setCursor(current), [current]);
  useEffect(() => {
    const item = listRef.current?.querySelector<HTMLElement>('[aria-selected=true]');
    item?.scrollIntoView?.({ block: 'nearest' });
  }, [current, rows.length]);

  const cursorIndex = Math.max(0, rows.findIndex((r) => r.path === cursor));
  const moveTo = (row: TreeRow | undefined) => {
    if (!row) return;
    setCursor(row.path);
    listRef.current?.querySelector<HTMLElement>(`[data-path="${CSS.escape(row.path)}"]`)?.focus();
  };
  const open = (row: TreeRow) => {
    if (row.path !== current) void paneStore(paneId).getState().navigate(row.path);
  };

  const onKeyDown = (e: KeyboardEvent) => {
    const row = rows[cursorIndex];
    if (!row || e.ctrlKey || e.altKey || e.metaKey) return;
    const actions: Record<string, () => void> = {
      ArrowDown: () => moveTo(rows[cursorIndex + 1]),
      ArrowUp: () => moveTo(rows[cursorIndex - 1]),
      Home: () => moveTo(rows[0]),
      End: () => moveTo(rows[rows.length - 1]),
      ArrowRight: () => (row.state === 'collapsed' ? void expand(row.path) : row.state === 'expanded' ? moveTo(rows[cursorIndex + 1]) : undefined),
      ArrowLeft: () => (row.state === 'expanded' ? collapse(row.path) : moveTo(rows.find((r) => r.path === row.parent))),
      Enter: () => open(row),
      ' ': () => open(row),
    };
    const action = actions[e.key];
    if (!action) return;
    // The list's keys (Enter opens a row, arrows move its cursor) must not see these.
    e.preventDefault();
    e.stopPropagation();
    action();
  };

  return (
    <ul ref={listRef} className="folder-tree" role="tree" aria-label={`${label} folders`} onKeyDown={onKeyDown}>
      {rows.map((row, i) => {
        const isCurrent = row.path === current;
        const isOpen = row.state === 'expanded';
        return (
          <li
            key={row.path}
            role="treeitem"
            data-path={row.path}
            aria-level={row.level}
            aria-expanded={row.state === 'leaf' ? undefined : isOpen}
            aria-selected={isCurrent}
            aria-busy={loading.has(row.path) || undefined}
            tabIndex={i === cursorIndex ? 0 : -1}
            className={`tree-row${isCurrent ? ' is-current' : ''}`}
            style={{ paddingLeft: (row.level - 1) * 14 + 4 }}
            title={row.path}
            onFocus={() => setCursor(row.path)}
            onClick={() => open(row)}
          >
            <span
              className="tree-twisty"
              aria-hidden="true"
              onClick={(e) => {
                e.stopPropagation();
                if (row.state === 'collapsed') void expand(row.path);
                else if (isOpen) collapse(row.path);
              }}
            >
              {row.state === 'leaf' ? null : isOpen ? <ChevronDown size={14} /> : <ChevronRight size={14} />}
            </span>
            {isOpen || isCurrent ? <FolderOpen size={14} className="tree-icon" aria-hidden="true" /> : <Folder size={14} className="tree-icon" aria-hidden="true" />}
            <span className="tree-name">{row.name}</span>
          </li>
        );
      })}
    </ul>
  );
}
