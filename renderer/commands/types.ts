/**
 * The shape of a user command: defined once, shown by the toolbar and the context menu,
 * bound to keys by `keymap.ts`, and run with a context describing the pane it acts on.
 */
import type { LucideIcon } from 'lucide-react';
import type { FileEntry } from '../../shared/domain';
import type { PaneId } from '../lib/paneId';
import type { PaneState, PaneStore } from '../stores/createPaneStore';

export type { PaneId };

/** What the pane's UI lets a command do that is not state (focus, menus, sizes). */
export interface PaneUi {
  openContextMenu(): void;
  focusFilter(): void;
  /** Rows that fit in the list, for Page Up/Down. */
  pageRows(): number;
}

/** Extra input a key binding passes, e.g. Shift extending a cursor move. */
export interface CommandArgs {
  extend?: boolean;
}

/** Everything a command needs to decide whether it applies and to run. */
export interface CommandContext {
  paneId: PaneId;
  store: PaneStore;
  /** The pane's state when the context was made. */
  pane: PaneState;
  /** Selected rows (not counting `..`). */
  selectionCount: number;
  /** The entry under the keyboard cursor, if any (may be `..`). */
  focused: FileEntry | null;
  /** Whether a server session is open (transfers and the remote pane need one). */
  isConnected: boolean;
  /** The other pane's folder, the default target of transfers ('' when it shows none). */
  otherFolder: string;
  ui?: PaneUi;
  args?: CommandArgs;
}

/** One user command. */
export interface Command {
  id: string;
  /** Menu and toolbar text; may depend on the pane (Upload on the left, Download on the right). */
  label: string | ((ctx: CommandContext) => string);
  /** A longer tooltip. */
  description?: string;
  /** The toolbar icon, or one per pane (an arrow up to upload on the left, down to download on the right). */
  icon?: LucideIcon | Readonly<Record<PaneId, LucideIcon>>;
  /** Panes it exists on; default both. */
  panes?: readonly PaneId[];
  isEnabled(ctx: CommandContext): boolean;
  run(ctx: CommandContext): void | Promise<unknown>;
}
