/**
 * The Synchronize button beside Compare (enabled while connected, with its shortcut in the
 * tooltip), and the dialog while it is open. The button runs the window command, so the button,
 * the key and the desktop menu open the same dialog.
 */
import { FolderSync } from 'lucide-react';
import { shortcutOf } from '../../commands/keymap';
import { canSynchronize, runWindowCommand } from '../../commands/windowCommands';
import { ToolButton } from '../../components/ToolButton';
import { useLocalPane } from '../../stores/localPane';
import { useRemotePane } from '../../stores/remotePane';
import { useSession } from '../../stores/sessionStore';
import { useSync } from '../../stores/syncStore';
import { SyncDialog } from './SyncDialog';
import './sync.css';

/** The button and, while open, the dialog. */
export function SyncButton() {
  // Subscribed to what canSynchronize reads, so the button follows the connection and the panes.
  useSession((s) => s.status);
  useRemotePane((s) => s.path);
  useLocalPane((s) => s.path);
  const isOpen = useSync((s) => s.phase !== 'closed');
  const shortcut = shortcutOf('synchronize') ?? '';
  return (
    <>
      <ToolButton
        icon={FolderSync}
        label="Synchronize"
        disabled={!canSynchronize()}
        title={`Make the two folders agree, with a preview of every step (${shortcut})`}
        aria-keyshortcuts={shortcut.replace('Ctrl', 'Control')}
        onClick={() => runWindowCommand('synchronize')}
      />
      {isOpen ? <SyncDialog /> : null}
    </>
  );
}
