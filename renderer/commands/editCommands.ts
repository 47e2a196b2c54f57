/**
 * View/Edit (F3, F4): the remote file under the cursor opens in the desktop's editor (desktop app)
 * or in the window's own text editor (browser mode); a file that editor cannot show (binary, or
 * over its size limit) is offered for download to the local pane's folder instead.
 */
import { FilePen } from 'lucide-react';
import type { FileEntry } from '../../shared/domain';
import { BUILTIN_EDIT_MAX_BYTES } from '../../shared/edit';
import { joinRemotePath } from '../../shared/remotePath';
import { describeError } from '../../shared/errorText';
import { isDesktopApp } from '../api/getApi';
import { formatSize } from '../lib/format';
import { PARENT_NAME } from '../lib/paneView';
import { isFolderLike } from '../lib/sortEntries';
import { useDialogs } from '../stores/dialogStore';
import { useEdits } from '../stores/editStore';
import { useSession } from '../stores/sessionStore';
import { runTransfer } from './transferCommands';
import type { Command, CommandContext } from './types';

/** The one file View/Edit would open: the single selected row, else the row under the cursor. */
export function editTarget(ctx: CommandContext): FileEntry | null {
  const selected = ctx.pane.selectedEntries();
  const entry = ctx.selectionCount === 1 ? selected[0] : ctx.selectionCount === 0 ? ctx.focused : null;
  if (!entry || entry.name === PARENT_NAME || entry.type === 'other' || isFolderLike(entry)) return null;
  return entry;
}

/** Offers to download a file the built-in editor cannot open, to the folder the local pane shows. */
async function offerDownload(ctx: CommandContext, entry: FileEntry, why: string): Promise<void> {
  const canDownload = ctx.otherFolder !== '';
  const isConfirmed = await useDialogs.getState().confirm({
    title: 'Cannot edit this file here',
    message: canDownload ? `${why}. Download it to ${ctx.otherFolder} instead?` : `${why}. Open a local folder to download it instead.`,
    confirmLabel: canDownload ? 'Download' : 'OK',
  });
  if (isConfirmed && canDownload) runTransfer(ctx, [entry]);
}

/** Opens the file for editing, or says why not. */
async function viewEdit(ctx: CommandContext): Promise<void> {
  const entry = editTarget(ctx);
  const info = useSession.getState().info;
  if (!entry || !info) return;
  const edits = useEdits.getState();
  const remotePath = joinRemotePath(ctx.pane.path, entry.name);
  if (isDesktopApp()) {
    const error = await edits.open(info.sessionId, remotePath, 'external');
    if (error) edits.tell({ text: describeError(error), isError: true });
    return;
  }
  const name = entry.displayName ?? entry.name;
  if (entry.sizeBytes !== undefined && entry.sizeBytes > BUILTIN_EDIT_MAX_BYTES) {
    return offerDownload(ctx, entry, `${name} is ${formatSize(entry.sizeBytes)}; the built-in editor opens files up to ${formatSize(BUILTIN_EDIT_MAX_BYTES)}`);
  }
  const error = await edits.open(info.sessionId, remotePath, 'builtin');
  if (error?.kind === 'edit-binary' || error?.kind === 'edit-too-large') return offerDownload(ctx, entry, error.message);
  if (error) edits.tell({ text: describeError(error), isError: true });
}

/** Opens the remote file in an editor; each save goes back to the server. */
export const viewEditCommand: Command = {
  id: 'viewEdit',
  label: 'View/Edit',
  icon: FilePen,
  description: 'Open the file in an editor; saving it uploads it back to the server',
  panes: ['remote'],
  isEnabled: (ctx) => ctx.isConnected && ctx.pane.path !== '' && editTarget(ctx) !== null,
  run: viewEdit,
};
