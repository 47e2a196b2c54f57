/** The context menu of a pane, built from the command registry (rows, or empty space). */
import { commandFor, commandLabel, ROW_MENU, runCommand, SPACE_MENU } from '../../commands/registry';
import { shortcutOf } from '../../commands/keymap';
import type { CommandContext } from '../../commands/types';
import { ContextMenu, type MenuItem } from '../../components/ContextMenu';

/** Where the menu is open and whether it is about rows. */
export interface PaneMenuState {
  x: number;
  y: number;
  isOnRows: boolean;
}

/** Props of the pane menu. */
export interface PaneContextMenuProps {
  label: string;
  menu: PaneMenuState;
  makeContext(): CommandContext;
  onClose(): void;
}

/** Lists the commands that exist on this pane, disabled ones greyed. */
export function PaneContextMenu({ label, menu, makeContext, onClose }: PaneContextMenuProps) {
  const ctx = makeContext();
  const items: MenuItem[] = [];
  for (const [i, id] of (menu.isOnRows ? ROW_MENU : SPACE_MENU).entries()) {
    if (id === null) {
      // No separator first, last or doubled.
      if (items.length > 0 && !('separator' in items[items.length - 1])) items.push({ separator: true, id: `sep-${i}` });
      continue;
    }
    const command = commandFor(id, ctx.paneId);
    if (command) items.push({ id, label: commandLabel(command, ctx), shortcut: shortcutOf(id), isDisabled: !command.isEnabled(ctx) });
  }
  if (items.length > 0 && 'separator' in items[items.length - 1]) items.pop();
  return (
    <ContextMenu
      label={`${label} menu`}
      x={menu.x}
      y={menu.y}
      items={items}
      onClose={onClose}
      onSelect={(id) => {
        onClose();
        runCommand(id, makeContext());
      }}
    />
  );
}
