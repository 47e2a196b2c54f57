/**
 * One pane, local or remote, over its store: toolbar, path bar, filter, errors, the file
 * grid, the footer and the context menu. Keys go through the keymap to the command registry;
 * all actions go to the pane's store.
 */
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { Group, Panel, Separator, useDefaultLayout } from 'react-resizable-panels';
import { bindingFor } from '../../commands/keymap';
import { commandContext, otherPane, PANE_TITLES, paneStore } from '../../commands/panes';
import { runCommand } from '../../commands/registry';
import type { PaneId, PaneUi } from '../../commands/types';
import { formatSize } from '../../lib/format';
import { useSession } from '../../stores/sessionStore';
import { usePaneLayout } from '../../stores/paneLayout';
import { LOCAL_COLUMNS, REMOTE_COLUMNS } from './columns';
import { Breadcrumbs } from './Breadcrumbs';
import { FileList, type FileListHandle } from './FileList';
import { FolderTree } from './FolderTree';
import { focusList, isFocusBusy, registerList } from './paneFocus';
import { PaneContextMenu, type PaneMenuState } from './PaneContextMenu';
import { PaneErrors } from './PaneErrors';
import { PaneFilterBar } from './PaneFilterBar';
import { PaneToolbar } from './PaneToolbar';
import { PathBar } from './PathBar';
import { watchFinishedTransfers } from './refreshAfterTransfers';
import { useTypeAhead } from './useTypeAhead';
import './panes.css';

/** Props of a file pane. */
export interface FilePaneProps {
  paneId: PaneId;
}

function isTextField(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.tagName === 'TEXTAREA' || (el.tagName === 'INPUT' && !['checkbox', 'radio', 'button'].includes((el as HTMLInputElement).type)));
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** Renders a pane; the title is also the region's accessible name. */
export function FilePane({ paneId }: FilePaneProps) {
  const title = PANE_TITLES[paneId];
  const pane = paneStore(paneId)();
  // Re-render when what enables transfers changes: the session and the other pane's folder.
  useSession((s) => s.status);
  paneStore(otherPane(paneId))((s) => s.path);
  const listRef = useRef<FileListHandle>(null);
  const filterRef = useRef<HTMLInputElement>(null);
  const [menu, setMenu] = useState<PaneMenuState | null>(null);
  const widths = usePaneLayout((s) => s.columns[paneId]);
  const isTreeShown = usePaneLayout((s) => s.isTreeShown[paneId]);
  const setColumnWidth = usePaneLayout((s) => s.setColumnWidth);
  const treeLayout = useDefaultLayout({ id: `ferry.paneTree.${paneId}`, storage: localStorage });
  const onTypeAhead = useTypeAhead(paneId);
  useEffect(() => watchFinishedTransfers(paneId), [paneId]);
  useEffect(() => registerList(paneId, { focus: () => listRef.current?.focus() }), [paneId]);

  // The first folder of a new connection takes the keyboard, so arrows and Enter work at once
  // (unless the user is already busy in a pane or a dialog). A folder entered from the list
  // gets a cursor row too.
  const hasShownFolder = useRef(false);
  useEffect(() => {
    if (!pane.path) return;
    const isFirst = !hasShownFolder.current;
    hasShownFolder.current = true;
    if (isFirst && paneId === 'remote' && !isFocusBusy()) focusList(paneId);
    else if (listRef.current?.hasFocus()) paneStore(paneId).getState().placeCursor();
  }, [paneId, pane.path]);

  const ui = useMemo<PaneUi>(
    () => ({
      openContextMenu: () => setMenu({ ...(listRef.current?.menuPoint() ?? { x: 0, y: 0 }), isOnRows: paneStore(paneId).getState().selectedEntries().length > 0 }),
      focusFilter: () => filterRef.current?.focus(),
      pageRows: () => listRef.current?.pageRows() ?? 10,
    }),
    [paneId],
  );
  const makeContext = useCallback(() => commandContext(paneId, ui), [paneId, ui]);
  const ctx = makeContext();
  const closeMenu = useCallback(() => {
    setMenu(null);
    listRef.current?.focus();
  }, []);

  const onKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    const inText = isTextField(e.target);
    // Row keys (Enter, arrows, Delete, ...) act only with the focus in the list; keys that
    // never edit text (F5, Alt+Left, ...) act anywhere in the pane.
    const inList = (e.target as HTMLElement).getAttribute?.('role') === 'grid';
    if (inList && e.key === 'Tab' && !e.ctrlKey && !e.altKey && !e.metaKey) {
      // As in FileZilla, Tab goes from the local list to the remote one and Shift+Tab back,
      // past the toolbars; the other way Tab leaves the lists as usual.
      const target = !e.shiftKey && paneId === 'local' ? 'remote' : e.shiftKey && paneId === 'remote' ? 'local' : null;
      if (target && focusList(target)) e.preventDefault();
      return;
    }
    if (inList && onTypeAhead(e)) {
      e.preventDefault();
      e.stopPropagation();
      return;
    }
    const binding = bindingFor(e, inText || !inList);
    if (binding && runCommand(binding.command, commandContext(paneId, ui, binding.args))) {
      e.preventDefault();
      e.stopPropagation();
    }
  };

  const list = (
    <FileList
      ref={listRef}
      paneId={paneId}
      label={`${title} files`}
      path={pane.path}
      columns={paneId === 'remote' ? REMOTE_COLUMNS : LOCAL_COLUMNS}
      view={pane.view}
      selection={pane.selection}
      sort={pane.sort}
      onSort={pane.setSort}
      widths={widths}
      onColumnResize={(key, width) => setColumnWidth(paneId, key, width)}
      onKeyboardFocus={() => paneStore(paneId).getState().placeCursor()}
      onRowClick={pane.select}
      onRowOpen={(index) => {
        pane.select(index);
        runCommand('open', makeContext());
      }}
      onContextMenu={(index, x, y) => {
        const s = paneStore(paneId).getState();
        // Right-click on an unselected row selects it alone; on empty space, nothing.
        if (index >= 0 && !s.selection.selected.has(s.view.rows[index].name)) s.select(index);
        if (index < 0) s.clearSelection();
        setMenu({ x, y, isOnRows: index >= 0 });
      }}
    />
  );

  const { stats } = pane.view;
  const selectedCount = pane.selection.selected.size;
  return (
    <>
      <section className="pane" aria-label={title} aria-busy={pane.loading || pane.busy !== null} onKeyDown={onKeyDown}>
        <header className="pane-title">
          <span>{title}</span>
          <Breadcrumbs label={title} path={pane.path} onNavigate={(p) => void pane.navigate(p)} />
        </header>
        <PathBar
          label={title}
          path={pane.path}
          ctx={ctx}
          makeContext={makeContext}
          onNavigate={async (p) => {
            const ok = await pane.navigate(p);
            // Arrived: the keys are for the folder's rows now.
            if (ok) listRef.current?.focus();
            return ok;
          }}
        />
        <div className="pane-actions">
          <PaneToolbar label={title} ctx={ctx} makeContext={makeContext} />
          <PaneFilterBar
            ref={filterRef}
            label={title}
            filter={pane.filter}
            showHidden={pane.showHidden}
            onFilter={pane.setFilter}
            onToggleHidden={() => runCommand('toggleHidden', makeContext())}
            onDone={() => listRef.current?.focus()}
          />
        </div>
        <PaneErrors error={pane.error} failedPath={pane.failedPath} opError={pane.opError} onDismiss={pane.dismissError} />
        {isTreeShown ? (
          <Group orientation="vertical" className="pane-split" defaultLayout={treeLayout.defaultLayout} onLayoutChanged={treeLayout.onLayoutChanged}>
            <Panel id="tree" defaultSize="35" minSize="10" className="pane-tree-panel">
              <FolderTree paneId={paneId} label={title} />
            </Panel>
            <Separator className="pane-splitter" aria-label={`${title} tree and list`} />
            <Panel id="list" minSize="20" className="pane-list-panel">
              {list}
            </Panel>
          </Group>
        ) : (
          list
        )}
        <footer className="pane-footer" aria-live="polite">
          {pane.busy ??
            (pane.loading
              ? 'Loading…'
              : `${plural(stats.files, 'file')} and ${plural(stats.folders, 'folder')}. Total size: ${formatSize(stats.totalBytes)}` +
                (selectedCount > 0 ? `. ${selectedCount} selected` : '') +
                (stats.notShown > 0 ? ` (${stats.notShown} not shown)` : ''))}
        </footer>
      </section>
      {menu ? <PaneContextMenu label={title} menu={menu} makeContext={makeContext} onClose={closeMenu} /> : null}
    </>
  );
}
