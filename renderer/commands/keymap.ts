/**
 * The one table from keys to pane commands. Shortcut hints in menus and tooltips are read
 * from here too, so a key is never documented in one place and bound in another.
 */
import type { CommandArgs } from './types';

/** A key (as `comboOf` spells it) bound to a command. */
export interface KeyBinding {
  combo: string;
  command: string;
  args?: CommandArgs;
  /** Also while typing in the pane's path or filter box (keys that never edit text). */
  inTextField?: boolean;
}

/** Every pane key binding. `Ctrl` also stands for Cmd on macOS. */
export const KEYMAP: readonly KeyBinding[] = [
  { combo: 'Enter', command: 'open' },
  { combo: 'Backspace', command: 'up' },
  { combo: 'Alt+ArrowUp', command: 'up' },
  { combo: 'Alt+ArrowLeft', command: 'back', inTextField: true },
  { combo: 'Alt+ArrowRight', command: 'forward', inTextField: true },
  { combo: 'F5', command: 'refresh', inTextField: true },
  { combo: 'Ctrl+R', command: 'refresh' },
  { combo: 'F7', command: 'newFolder', inTextField: true },
  { combo: 'F2', command: 'rename' },
  // F3 views and F4 edits in Total Commander; in Ferry both open the same editor.
  { combo: 'F3', command: 'viewEdit' },
  { combo: 'F4', command: 'viewEdit' },
  { combo: 'Delete', command: 'delete' },
  { combo: 'Ctrl+A', command: 'selectAll' },
  { combo: 'Ctrl+Space', command: 'toggleSelect' },
  { combo: 'Ctrl+F', command: 'filter', inTextField: true },
  // WinSCP's key for Keep remote directory up to date.
  { combo: 'Ctrl+U', command: 'keepUpToDate' },
  { combo: 'ContextMenu', command: 'contextMenu' },
  { combo: 'Shift+F10', command: 'contextMenu' },
  { combo: 'ArrowUp', command: 'cursorUp' },
  { combo: 'Shift+ArrowUp', command: 'cursorUp', args: { extend: true } },
  { combo: 'ArrowDown', command: 'cursorDown' },
  { combo: 'Shift+ArrowDown', command: 'cursorDown', args: { extend: true } },
  { combo: 'PageUp', command: 'cursorPageUp' },
  { combo: 'Shift+PageUp', command: 'cursorPageUp', args: { extend: true } },
  { combo: 'PageDown', command: 'cursorPageDown' },
  { combo: 'Shift+PageDown', command: 'cursorPageDown', args: { extend: true } },
  { combo: 'Home', command: 'cursorHome' },
  { combo: 'Shift+Home', command: 'cursorHome', args: { extend: true } },
  { combo: 'End', command: 'cursorEnd' },
  { combo: 'Shift+End', command: 'cursorEnd', args: { extend: true } },
];

/**
 * Keys of the whole window, wherever the focus is but inside a dialog (dialogs keep their keys):
 * `Ctrl+,` is the Settings shortcut of most desktop apps (Cmd+, on macOS); WinSCP's Ctrl+S for
 * Synchronize is FileZilla's Site Manager here, so Synchronize takes Ctrl+Shift+S. Run by windowCommands.ts.
 */
export const WINDOW_KEYMAP: readonly KeyBinding[] = [
  { combo: 'Ctrl+,', command: 'openSettings', inTextField: true },
  { combo: 'Ctrl+Shift+S', command: 'synchronize', inTextField: true },
];

/** The parts of a keyboard event a binding depends on. */
export interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
}

/** A key event as a combo such as `Ctrl+Shift+A` (Cmd counts as Ctrl). */
export function comboOf(e: KeyLike): string {
  let key = e.key === ' ' ? 'Space' : e.key;
  if (key.length === 1) key = key.toUpperCase();
  const parts: string[] = [];
  if (e.ctrlKey || e.metaKey) parts.push('Ctrl');
  if (e.altKey) parts.push('Alt');
  if (e.shiftKey) parts.push('Shift');
  parts.push(key);
  return parts.join('+');
}

const BY_COMBO = new Map(KEYMAP.map((b) => [b.combo, b]));

/** The binding of a key event, if any; in a text field only bindings marked `inTextField` apply. */
export function bindingFor(e: KeyLike, isInTextField = false): KeyBinding | undefined {
  const binding = BY_COMBO.get(comboOf(e));
  return binding && (!isInTextField || binding.inTextField) ? binding : undefined;
}

/** The shortcut to show beside a command (its first binding without args), e.g. `F2`. */
export function shortcutOf(command: string): string | undefined {
  return [...KEYMAP, ...WINDOW_KEYMAP].find((b) => b.command === command && !b.args)?.combo.replace('Delete', 'Del');
}

/** The window binding of a key event, if any. */
export function windowBindingFor(e: KeyLike): KeyBinding | undefined {
  const combo = comboOf(e);
  return WINDOW_KEYMAP.find((b) => b.combo === combo);
}
