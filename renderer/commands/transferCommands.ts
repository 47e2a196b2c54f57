/** Upload (local pane) / Download (remote pane) of the selection to the other pane's folder. */
import { Download, Upload } from 'lucide-react';
import type { FileEntry } from '../../shared/domain';
import { PARENT_NAME } from '../lib/paneView';
import { enqueueTransfer } from './transfer';
import { transferRequest } from './transferRequest';
import type { Command, CommandContext } from './types';

/** Queues `entries` of the context's pane for the other pane's folder; false when nothing could be queued. */
export function runTransfer(ctx: CommandContext, entries: readonly FileEntry[]): boolean {
  if (!ctx.isConnected) return false;
  const request = transferRequest(ctx.paneId, entries, ctx.pane.path, ctx.otherFolder);
  if (!request) return false;
  enqueueTransfer(request);
  return true;
}

/** Transfers the selection to the folder shown in the other pane. */
export const transferCommand: Command = {
  id: 'transfer',
  icon: { local: Upload, remote: Download },
  label: (ctx) => (ctx.paneId === 'local' ? 'Upload' : 'Download'),
  description: 'Add the selected files and folders to the queue, to the folder open in the other pane',
  isEnabled: (ctx) =>
    ctx.isConnected && ctx.otherFolder !== '' && (ctx.selectionCount > 0 || (ctx.focused !== null && ctx.focused.name !== PARENT_NAME)),
  run: (ctx) => void runTransfer(ctx, ctx.pane.selectedEntries()),
};
