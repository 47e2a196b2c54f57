/**
 * Every pane command, once. The toolbar, the context menu and the keymap refer to them by
 * id; `runCommand` is the only way they run, so a disabled command never runs from any of them.
 */
import { chmodCommand, deleteCommand, newFolderCommand, renameCommand } from './fileOps';
import { backCommand, forwardCommand, openCommand, refreshCommand, upCommand } from './navigation';
import {
  contextMenuCommand,
  cursorCommands,
  filterCommand,
  selectAllCommand,
  toggleHiddenCommand,
  toggleSelectCommand,
} from './selectionCommands';
import { transferCommand } from './transferCommands';
import { keepUpToDateCommand } from './keepUpToDateCommand';
import { viewEditCommand } from './editCommands';
import type { Command, CommandContext, PaneId } from './types';

/** All commands by id. */
export const COMMANDS: ReadonlyMap<string, Command> = new Map(
  [
    openCommand,
    transferCommand,
    viewEditCommand,
    upCommand,
    backCommand,
    forwardCommand,
    refreshCommand,
    newFolderCommand,
    renameCommand,
    deleteCommand,
    chmodCommand,
    keepUpToDateCommand,
    selectAllCommand,
    toggleSelectCommand,
    toggleHiddenCommand,
    filterCommand,
    contextMenuCommand,
    ...cursorCommands,
  ].map((c) => [c.id, c]),
);

/** Commands of the pane toolbar, in order; null is a group separator. */
export const TOOLBAR: readonly (string | null)[] = ['transfer', 'viewEdit', null, 'newFolder', 'rename', 'delete', 'chmod', null, 'keepUpToDate'];

/** Commands of the context menu on rows, in order; null is a separator. */
export const ROW_MENU: readonly (string | null)[] = ['open', 'transfer', 'viewEdit', null, 'rename', 'delete', 'chmod', null, 'newFolder', 'refresh', null, 'selectAll', 'toggleHidden'];

/** Commands of the context menu on empty space. */
export const SPACE_MENU: readonly (string | null)[] = ['newFolder', 'refresh', null, 'selectAll', 'toggleHidden', null, 'keepUpToDate'];

/** The command `id`, if it exists on pane `paneId`. */
export function commandFor(id: string, paneId: PaneId): Command | undefined {
  const command = COMMANDS.get(id);
  return command && (!command.panes || command.panes.includes(paneId)) ? command : undefined;
}

/** The label of a command in a context. */
export function commandLabel(command: Command, ctx: CommandContext): string {
  return typeof command.label === 'function' ? command.label(ctx) : command.label;
}

/** Runs a command if it exists on the pane and is enabled; says whether it ran. */
export function runCommand(id: string, ctx: CommandContext): boolean {
  const command = commandFor(id, ctx.paneId);
  if (!command || !command.isEnabled(ctx)) return false;
  void Promise.resolve(command.run(ctx)).catch((e: unknown) => {
    // Stores turn I/O failures into pane errors; anything reaching here is a bug worth seeing.
    console.error(`Command ${id} failed`, e);
  });
  return true;
}
