/**
 * Drag and drop handlers of a file list: dragging selected rows out, and accepting rows
 * from the other pane (or OS files on the remote pane) onto the pane or onto a folder row.
 */
import { useState, type DragEvent } from 'react';
import { dragSourcePane, dropOnPane, readDrag, writeDrag } from '../../commands/dragDrop';
import { onExternalFiles } from '../../commands/externalFiles';
import { paneStore } from '../../commands/panes';
import type { PaneId } from '../../commands/types';
import { PARENT_NAME } from '../../lib/paneView';
import { isFolderLike } from '../../lib/sortEntries';
import { useSession } from '../../stores/sessionStore';

/** The row under a pointer event, as its index in the view, or -1 for empty space. */
export function rowIndexOf(target: EventTarget | null): number {
  const row = (target as Element | null)?.closest?.('[role=row][data-index]');
  return row ? Number(row.getAttribute('data-index')) : -1;
}

/** Drop target: a folder row's name, '' for the pane itself, or null when nothing is dragged over. */
export type DropTarget = string | null;

/** DnD state and handlers for the list of pane `paneId`. */
export function usePaneDnd(paneId: PaneId) {
  const [dropTarget, setDropTarget] = useState<DropTarget>(null);
  const store = paneStore(paneId);

  const accepts = (types: readonly string[]) => {
    const source = dragSourcePane(types);
    if (source) return source !== paneId;
    // Files from the OS can only go up to the server.
    return paneId === 'remote' && types.includes('Files');
  };

  /** The folder row under the pointer that would receive the drop, or '' for the shown folder. */
  const targetAt = (target: EventTarget | null): string => {
    const index = rowIndexOf(target);
    const entry = index >= 0 ? store.getState().view.rows[index] : undefined;
    return entry && isFolderLike(entry) ? entry.name : '';
  };

  const folderFor = (name: string): string => {
    const s = store.getState();
    if (name === '') return s.path;
    return name === PARENT_NAME ? (s.parent ?? s.path) : s.pathOf(name);
  };

  return {
    dropTarget,
    onDragStart(e: DragEvent<HTMLElement>) {
      const index = rowIndexOf(e.target);
      const s = store.getState();
      const entry = s.view.rows[index];
      if (!entry || entry.name === PARENT_NAME) return e.preventDefault();
      // Dragging an unselected row drags just that row, as file managers do.
      if (!s.selection.selected.has(entry.name)) s.select(index);
      const state = store.getState();
      if (!writeDrag(e.dataTransfer, paneId, state.path, state.selectedEntries(), state.pathOf)) e.preventDefault();
    },
    onDragOver(e: DragEvent<HTMLElement>) {
      if (!accepts(e.dataTransfer.types)) return;
      e.preventDefault();
      e.dataTransfer.dropEffect = 'copy';
      const next = targetAt(e.target);
      if (next !== dropTarget) setDropTarget(next);
    },
    onDragLeave(e: DragEvent<HTMLElement>) {
      if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setDropTarget(null);
    },
    onDrop(e: DragEvent<HTMLElement>) {
      setDropTarget(null);
      if (!accepts(e.dataTransfer.types)) return;
      e.preventDefault();
      const toFolder = folderFor(targetAt(e.target));
      const isConnected = useSession.getState().status === 'connected';
      const payload = readDrag(e.dataTransfer);
      if (payload) {
        dropOnPane(paneId, payload, toFolder, isConnected);
        return;
      }
      if (paneId !== 'remote' || !isConnected) return;
      const files: File[] = [];
      const folders = new Set<File>();
      for (const item of e.dataTransfer.items) {
        const file = item.kind === 'file' ? item.getAsFile() : null;
        if (!file) continue;
        files.push(file);
        if (item.webkitGetAsEntry?.()?.isDirectory) folders.add(file);
      }
      onExternalFiles(files, toFolder, folders);
    },
  };
}
