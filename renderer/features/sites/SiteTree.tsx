/**
 * The folders and sites as a keyboard-navigable tree (WAI-ARIA tree pattern with a roving
 * tab stop): arrows move and expand, Enter connects a site, F2 renames, Delete deletes.
 */
import { useMemo, useRef, type KeyboardEvent } from 'react';
import { useSites } from '../../stores/sitesStore';
import { buildSiteTree, folderKey, nodeName, parentFolder, visibleRows, type TreeRow } from '../../stores/sitesTree';

/** Props: what F2 and Delete ask the toolbar to start. */
export interface SiteTreeProps {
  onRename(): void;
  onDelete(): void;
}

/** The Site Manager's tree. */
export function SiteTree({ onRename, onDelete }: SiteTreeProps) {
  const folders = useSites((s) => s.folders);
  const sites = useSites((s) => s.sites);
  const expanded = useSites((s) => s.expanded);
  const selection = useSites((s) => s.selection);
  const { select, toggleFolder, connect } = useSites.getState();
  const listRef = useRef<HTMLUListElement>(null);
  const rows = useMemo(() => visibleRows(buildSiteTree(folders, sites), new Set(expanded)), [folders, sites, expanded]);
  const index = rows.findIndex((r) => r.key === selection);

  const focusRow = (row: TreeRow | undefined) => {
    if (!row) return;
    select(row.key);
    // Focus follows the selection so the roving tab stop stays on the selected row.
    queueMicrotask(() => listRef.current?.querySelector<HTMLElement>(`[data-key="${CSS.escape(row.key)}"]`)?.focus());
  };

  const onKeyDown = (e: KeyboardEvent) => {
    const row = rows[index];
    const actions: Record<string, () => void> = {
      ArrowDown: () => focusRow(rows[Math.min(index + 1, rows.length - 1)] ?? rows[0]),
      ArrowUp: () => focusRow(rows[Math.max(index - 1, 0)]),
      Home: () => focusRow(rows[0]),
      End: () => focusRow(rows[rows.length - 1]),
      ArrowRight: () => {
        if (row?.node.kind === 'folder' && !row.isExpanded) toggleFolder(row.node.path);
        else if (row?.isExpanded) focusRow(rows[index + 1]);
      },
      ArrowLeft: () => {
        if (row?.node.kind === 'folder' && row.isExpanded) return toggleFolder(row.node.path);
        const parent = row ? (row.node.kind === 'folder' ? parentFolder(row.node.path) : row.node.site.folder) : '';
        if (parent) focusRow(rows.find((r) => r.key === folderKey(parent)));
      },
      Enter: () => {
        if (row?.node.kind === 'site') void connect(row.node.site.id);
        else if (row?.node.kind === 'folder') toggleFolder(row.node.path);
      },
      F2: () => row && onRename(),
      Delete: () => row && onDelete(),
    };
    const action = actions[e.key];
    if (!action) return;
    e.preventDefault();
    action();
  };

  if (rows.length === 0) {
    return <p className="sm-tree-empty">No sites yet. Press New site, or import FileZilla's sitemanager.xml.</p>;
  }
  return (
    <ul className="sm-tree" role="tree" aria-label="Sites and folders" ref={listRef} onKeyDown={onKeyDown}>
      {rows.map((row, i) => {
        const isSelected = row.key === selection;
        const isFolder = row.node.kind === 'folder';
        return (
          <li
            key={row.key}
            data-key={row.key}
            role="treeitem"
            aria-level={row.depth + 1}
            aria-selected={isSelected}
            aria-expanded={isFolder ? row.isExpanded : undefined}
            tabIndex={isSelected || (index < 0 && i === 0) ? 0 : -1}
            className={isSelected ? 'sm-tree-row is-selected' : 'sm-tree-row'}
            style={{ paddingLeft: 6 + row.depth * 16 }}
            onClick={() => select(row.key)}
            onDoubleClick={() => (row.node.kind === 'site' ? void connect(row.node.site.id) : toggleFolder(row.node.path))}
          >
            {isFolder ? (
              <span
                className="sm-twisty"
                aria-hidden="true"
                onClick={(e) => {
                  e.stopPropagation();
                  if (row.node.kind === 'folder') toggleFolder(row.node.path);
                }}
              >
                {row.hasChildren ? (row.isExpanded ? '▾' : '▸') : ''}
              </span>
            ) : (
              <span className="sm-twisty" aria-hidden="true" />
            )}
            <span className={isFolder ? 'sm-icon is-folder' : 'sm-icon is-site'} aria-hidden="true" />
            <span className="sm-tree-name">{nodeName(row.node)}</span>
            {row.node.kind === 'site' ? <span className="sm-tree-host">{row.node.site.host}</span> : null}
          </li>
        );
      })}
    </ul>
  );
}
