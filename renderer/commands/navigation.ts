/** Commands that move through folders: open, up, back, forward, refresh. */
import { ArrowLeft, ArrowRight, CornerLeftUp, RotateCw } from 'lucide-react';
import { backTarget, forwardTarget } from '../lib/history';
import { isFolderLike } from '../lib/sortEntries';
import { PARENT_NAME } from '../lib/paneView';
import type { Command } from './types';
import { runTransfer, transferCommand } from './transferCommands';

const ready = (ctx: { pane: { path: string } }) => ctx.pane.path !== '';

/** Opens the entry under the cursor: a folder opens, `..` goes up, a file is transferred to the other pane. */
export const openCommand: Command = {
  id: 'open',
  label: 'Open',
  description: 'Open the folder, or transfer the file to the other side',
  isEnabled(ctx) {
    const entry = ctx.focused ?? (ctx.selectionCount > 0 ? ctx.pane.selectedEntries()[0] : undefined);
    if (!entry) return false;
    return entry.name === PARENT_NAME || isFolderLike(entry) || transferCommand.isEnabled(ctx);
  },
  run(ctx) {
    const entry = ctx.focused ?? ctx.pane.selectedEntries()[0];
    if (!entry) return;
    if (entry.name === PARENT_NAME || isFolderLike(entry)) return ctx.pane.open(entry);
    runTransfer(ctx, [entry]);
  },
};

/** Goes to the parent folder. */
export const upCommand: Command = {
  id: 'up',
  label: 'Parent folder',
  icon: CornerLeftUp,
  isEnabled: (ctx) => ctx.pane.parent !== null,
  run: (ctx) => ctx.pane.up(),
};

/** Goes back to the previous folder. */
export const backCommand: Command = {
  id: 'back',
  label: 'Back',
  icon: ArrowLeft,
  isEnabled: (ctx) => backTarget(ctx.pane.history) !== undefined,
  run: (ctx) => ctx.pane.back(),
};

/** Goes forward again after Back. */
export const forwardCommand: Command = {
  id: 'forward',
  label: 'Forward',
  icon: ArrowRight,
  isEnabled: (ctx) => forwardTarget(ctx.pane.history) !== undefined,
  run: (ctx) => ctx.pane.forward(),
};

/** Lists the folder again. */
export const refreshCommand: Command = {
  id: 'refresh',
  label: 'Refresh',
  icon: RotateCw,
  isEnabled: ready,
  run: (ctx) => ctx.pane.refresh(),
};
