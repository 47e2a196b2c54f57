/** "Keep remote folder up to date" (WinSCP's Ctrl+U): opens the dialog for the folder the local pane shows and the remote pane's folder. */
import { FolderSync } from 'lucide-react';
import { useKeepUpToDate } from '../stores/keepUpToDateStore';
import type { Command } from './types';

/** Opens the Keep up to date dialog for the two folders the panes show. */
export const keepUpToDateCommand: Command = {
  id: 'keepUpToDate',
  label: 'Keep remote folder up to date…',
  description: 'Upload every change in this folder to the folder the remote pane shows, as it happens',
  icon: FolderSync,
  panes: ['local'],
  isEnabled: (ctx) => ctx.isConnected && ctx.pane.path !== '' && ctx.otherFolder !== '',
  run(ctx) {
    useKeepUpToDate.getState().openDialog({ localFolder: ctx.pane.path, remoteFolder: ctx.otherFolder });
  },
};
