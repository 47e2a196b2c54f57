/** A toolbar button for a registered command: its label or icon, shortcut in the tooltip, disabled when the command is. */
import { commandFor, commandLabel, runCommand } from '../../commands/registry';
import { shortcutOf } from '../../commands/keymap';
import type { CommandContext } from '../../commands/types';

/** Props of a command button. */
export interface CommandButtonProps {
  id: string;
  ctx: CommandContext;
  /** Makes a fresh context at click time (the render's may be a frame old). */
  makeContext(): CommandContext;
  /** Show only the icon (the label stays as the accessible name and tooltip). */
  isCompact?: boolean;
}

/** Renders nothing for a command that does not exist on this pane. */
export function CommandButton({ id, ctx, makeContext, isCompact }: CommandButtonProps) {
  const command = commandFor(id, ctx.paneId);
  if (!command) return null;
  const label = commandLabel(command, ctx);
  const Icon = command.icon && 'local' in command.icon ? command.icon[ctx.paneId] : command.icon;
  const shortcut = shortcutOf(id);
  const title = [command.description ?? label, shortcut && `(${shortcut})`].filter(Boolean).join(' ');
  return (
    <button
      type="button"
      className={`command-button tool-button${isCompact ? ' is-compact icon-only' : ''}`}
      title={title}
      aria-label={isCompact ? label : undefined}
      aria-keyshortcuts={shortcut}
      disabled={!command.isEnabled(ctx)}
      // Keep the keyboard focus in the file list, so shortcuts keep working after a click.
      onMouseDown={(e) => e.preventDefault()}
      onClick={() => runCommand(id, makeContext())}
    >
      {Icon ? <Icon size={15} strokeWidth={1.8} aria-hidden /> : null}
      {isCompact && Icon ? null : <span>{label}</span>}
    </button>
  );
}
