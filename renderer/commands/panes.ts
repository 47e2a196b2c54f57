/** Which store backs which pane, and how to build a command context for a pane. */
import { useLocalPane } from '../stores/localPane';
import { useRemotePane } from '../stores/remotePane';
import { useSession } from '../stores/sessionStore';
import type { PaneStore } from '../stores/createPaneStore';
import { createFolderTreeStore, type FolderTreeStore } from '../stores/folderTreeStore';
import type { CommandArgs, CommandContext, PaneId, PaneUi } from './types';

/** Titles as the window shows them; also the panes' accessible names. */
export const PANE_TITLES: Record<PaneId, string> = { local: 'Local site', remote: 'Remote site' };

/** The store of a pane. */
export function paneStore(id: PaneId): PaneStore {
  return id === 'local' ? useLocalPane : useRemotePane;
}

const folderTrees: Record<PaneId, FolderTreeStore> = {
  local: createFolderTreeStore(useLocalPane),
  remote: createFolderTreeStore(useRemotePane),
};

/** The folder tree store of a pane. */
export function folderTreeStore(id: PaneId): FolderTreeStore {
  return folderTrees[id];
}

/** The pane across from `id`. */
export function otherPane(id: PaneId): PaneId {
  return id === 'local' ? 'remote' : 'local';
}

/** A command context from the stores' current state. */
export function commandContext(paneId: PaneId, ui?: PaneUi, args?: CommandArgs): CommandContext {
  const store = paneStore(paneId);
  const pane = store.getState();
  const isConnected = useSession.getState().status === 'connected';
  const focusName = pane.selection.focus;
  const focusIndex = focusName === null ? -1 : pane.view.indexOf(focusName);
  const other = paneStore(otherPane(paneId)).getState();
  return {
    paneId,
    store,
    pane,
    selectionCount: pane.selection.selected.size,
    focused: focusIndex >= 0 ? pane.view.rows[focusIndex] : null,
    isConnected,
    otherFolder: isConnected || otherPane(paneId) === 'local' ? other.path : '',
    ui,
    args,
  };
}
