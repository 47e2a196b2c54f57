/** Commands on the selection and the cursor: select all, cursor moves, filter, hidden files, menu. */
import type { Command, CommandContext } from './types';

const hasRows = (ctx: CommandContext) => ctx.pane.view.rows.length > 0;

function cursorCommand(id: string, label: string, move: (ctx: CommandContext) => number | 'home' | 'end'): Command {
  return {
    id,
    label,
    isEnabled: hasRows,
    run: (ctx) => ctx.pane.moveCursor(move(ctx), ctx.args?.extend ?? false),
  };
}

/** Cursor movement (Shift extends the selection through `args.extend`). */
export const cursorCommands: Command[] = [
  cursorCommand('cursorUp', 'Previous row', () => -1),
  cursorCommand('cursorDown', 'Next row', () => 1),
  cursorCommand('cursorPageUp', 'Page up', (ctx) => -(ctx.ui?.pageRows() ?? 10)),
  cursorCommand('cursorPageDown', 'Page down', (ctx) => ctx.ui?.pageRows() ?? 10),
  cursorCommand('cursorHome', 'First row', () => 'home'),
  cursorCommand('cursorEnd', 'Last row', () => 'end'),
];

/** Selects every row except `..`. */
export const selectAllCommand: Command = {
  id: 'selectAll',
  label: 'Select all',
  isEnabled: hasRows,
  run: (ctx) => ctx.pane.selectAll(),
};

/** Adds or removes the cursor's row from the selection without moving (Ctrl+Space). */
export const toggleSelectCommand: Command = {
  id: 'toggleSelect',
  label: 'Toggle selection',
  isEnabled: (ctx) => ctx.focused !== null,
  run(ctx) {
    const index = ctx.focused ? ctx.pane.view.indexOf(ctx.focused.name) : -1;
    if (index >= 0) ctx.pane.select(index, { toggle: true });
  },
};

/** Shows or hides hidden files (dot files, the OS hidden flag). */
export const toggleHiddenCommand: Command = {
  id: 'toggleHidden',
  label: (ctx) => (ctx.pane.showHidden ? 'Hide hidden files' : 'Show hidden files'),
  isEnabled: () => true,
  run: (ctx) => ctx.pane.setShowHidden(!ctx.pane.showHidden),
};

/** Moves the keyboard focus to the filter box. */
export const filterCommand: Command = {
  id: 'filter',
  label: 'Filter…',
  isEnabled: (ctx) => ctx.ui !== undefined,
  run: (ctx) => ctx.ui?.focusFilter(),
};

/** Opens the context menu at the cursor's row (ContextMenu key, Shift+F10). */
export const contextMenuCommand: Command = {
  id: 'contextMenu',
  label: 'Context menu',
  isEnabled: (ctx) => ctx.ui !== undefined,
  run: (ctx) => ctx.ui?.openContextMenu(),
};
