/**
 * Moving the keyboard focus between the two file lists (Tab from one list to the other, the
 * remote list after connecting), without the panes knowing each other's components.
 */
import type { PaneId } from '../../commands/types';

/** What a mounted list offers for focusing it. */
export interface FocusableList {
  focus(): void;
}

const lists = new Map<PaneId, FocusableList>();

/** Registers the list of a pane while it is mounted; returns the function that unregisters it. */
export function registerList(paneId: PaneId, list: FocusableList): () => void {
  lists.set(paneId, list);
  return () => {
    if (lists.get(paneId) === list) lists.delete(paneId);
  };
}

/** Focuses the list of a pane; false when that pane shows no list (e.g. not connected). */
export function focusList(paneId: PaneId): boolean {
  const list = lists.get(paneId);
  if (!list) return false;
  list.focus();
  return true;
}

/** Whether the user is busy elsewhere (a pane's box or list, a dialog), so the focus must not be taken. */
export function isFocusBusy(): boolean {
  const active = document.activeElement;
  return !!active && active !== document.body && active.closest('.pane, dialog, [role=dialog], [role=alertdialog]') !== null;
}
