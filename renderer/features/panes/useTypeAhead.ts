/**
 * Type-ahead find for a pane's list: printable keys typed in quick succession select the first
 * row whose name starts with them, and are never taken as shortcuts meanwhile.
 */
import { useRef, type KeyboardEvent } from 'react';
import { paneStore } from '../../commands/panes';
import type { PaneId } from '../../commands/types';
import { PARENT_NAME } from '../../lib/paneView';
import { EMPTY_TYPE_AHEAD, isActive, isTypeAheadKey, typeAhead, typeAheadBack } from '../../lib/typeAhead';

const MODIFIER_KEYS = new Set(['Shift', 'Control', 'Alt', 'Meta', 'AltGraph', 'CapsLock']);

/** A key handler for the list; returns true when it used the key. */
export function useTypeAhead(paneId: PaneId): (e: KeyboardEvent) => boolean {
  const state = useRef(EMPTY_TYPE_AHEAD);
  return (e) => {
    const now = performance.now();
    if (e.key === 'Backspace' && !e.ctrlKey && !e.altKey && !e.metaKey && isActive(state.current, now)) {
      // While a name is being typed, Backspace corrects it rather than leaving the folder.
      state.current = typeAheadBack(state.current, now);
      return true;
    }
    if (!isTypeAheadKey(e, state.current, now)) {
      if (!MODIFIER_KEYS.has(e.key)) state.current = EMPTY_TYPE_AHEAD;
      return false;
    }
    const pane = paneStore(paneId).getState();
    const { rows } = pane.view;
    const names = rows.map((r) => (r.name === PARENT_NAME ? null : (r.displayName ?? r.name)));
    const current = pane.selection.focus === null ? -1 : pane.view.indexOf(pane.selection.focus);
    const step = typeAhead(state.current, e.key, now, names, current);
    state.current = step.state;
    if (step.index >= 0) pane.select(step.index);
    return true;
  };
}
