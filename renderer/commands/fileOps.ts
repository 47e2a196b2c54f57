/** Commands that change files: new folder, rename, delete (with confirmation), permissions. */
import { FolderPlus, KeyRound, PencilLine, Trash2 } from 'lucide-react';
import type { FileEntry } from '../../shared/domain';
import { baseNameEnd, nameProblem } from '../lib/fileNames';
import { PARENT_NAME } from '../lib/paneView';
import { symbolicToMode } from '../lib/permissions';
import { useDialogs } from '../stores/dialogStore';
import { useSettings } from '../stores/settingsStore';
import { chmodDialogContent } from '../components/dialogs/ChmodDialog';
import type { Command, CommandContext } from './types';

/** Whether a name is already used in the pane's folder (shown or not). */
function isTaken(ctx: CommandContext, name: string): boolean {
  return ctx.store.getState().entries.some((e) => e.name === name);
}

/** Whether the command has something to act on: a selection, or a cursor on a real entry. */
function hasTargets(ctx: CommandContext): boolean {
  return ctx.selectionCount > 0 || (ctx.focused !== null && ctx.focused.name !== PARENT_NAME);
}

/** Whether exactly one entry would be acted on. */
function hasOneTarget(ctx: CommandContext): boolean {
  return ctx.selectionCount === 1 || (ctx.selectionCount === 0 && ctx.focused !== null && ctx.focused.name !== PARENT_NAME);
}

/** Creates a folder in the shown folder, named in a dialog. */
export const newFolderCommand: Command = {
  id: 'newFolder',
  label: 'New folder',
  icon: FolderPlus,
  isEnabled: (ctx) => ctx.pane.path !== '',
  async run(ctx) {
    const name = await useDialogs.getState().askText({
      title: 'Create folder',
      label: `New folder in ${ctx.pane.path}`,
      initial: 'New folder',
      confirmLabel: 'Create',
      validate: (value) => nameProblem(value, (n) => isTaken(ctx, n)),
    });
    if (name !== null) await ctx.store.getState().mkdir(name);
  },
};

/** Renames the one selected entry. */
export const renameCommand: Command = {
  id: 'rename',
  icon: PencilLine,
  label: 'Rename',
  isEnabled: hasOneTarget,
  async run(ctx) {
    const [entry] = ctx.pane.selectedEntries();
    if (!entry) return;
    const name = await useDialogs.getState().askText({
      title: 'Rename',
      label: `New name for "${entry.name}"`,
      initial: entry.name,
      selectEnd: entry.type === 'dir' ? entry.name.length : baseNameEnd(entry.name),
      confirmLabel: 'Rename',
      validate: (value) => nameProblem(value, (n) => isTaken(ctx, n), entry.name),
    });
    if (name !== null && name !== entry.name) await ctx.store.getState().rename(entry, name);
  },
};

/** What a delete confirmation lists: folders marked as such. */
function describeForDelete(entries: FileEntry[]): string[] {
  return entries.map((e) => (e.type === 'dir' ? `${e.name}/ (folder and everything in it)` : e.name));
}

/** Deletes the selection after a confirmation naming every item; folders go with their contents. */
export const deleteCommand: Command = {
  id: 'delete',
  icon: Trash2,
  label: 'Delete',
  isEnabled: hasTargets,
  async run(ctx) {
    const entries = ctx.pane.selectedEntries();
    if (entries.length === 0) return;
    const what = entries.length === 1 ? `"${entries[0].name}"` : `these ${entries.length} items`;
    const hasFolders = entries.some((e) => e.type === 'dir');
    // Settings → Confirmations can turn the question off, as FileZilla users expect.
    const isAsking = useSettings.getState().settings?.confirm.delete ?? true;
    const confirmed = !isAsking || await useDialogs.getState().confirm({
      title: entries.length === 1 ? 'Delete item' : `Delete ${entries.length} items`,
      message: `Delete ${what} from ${ctx.pane.path}?${hasFolders ? ' Folders are deleted with everything in them.' : ''} This cannot be undone.`,
      items: describeForDelete(entries),
      confirmLabel: 'Delete',
      isDangerous: true,
    });
    if (confirmed) await ctx.store.getState().remove(entries);
  },
};

/** Changes the permissions of the selection (servers only, via SITE CHMOD). */
export const chmodCommand: Command = {
  id: 'chmod',
  icon: KeyRound,
  label: 'Permissions…',
  description: 'Change file permissions (chmod)',
  panes: ['remote'],
  isEnabled: (ctx) => ctx.pane.canChmod && hasTargets(ctx),
  async run(ctx) {
    const entries = ctx.pane.selectedEntries();
    if (entries.length === 0) return;
    // Prefilled from the first entry, as FileZilla does; 644 is the usual default for files.
    const initial = symbolicToMode(entries[0].permissions) ?? (entries[0].type === 'dir' ? 0o755 : 0o644);
    const names = entries.length === 1 ? `"${entries[0].name}"` : `${entries.length} items`;
    const mode = await useDialogs.getState().custom<string>(`Permissions of ${names}`, chmodDialogContent(initial));
    if (mode !== null) await ctx.store.getState().chmod(entries, mode);
  },
};
