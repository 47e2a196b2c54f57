/** The "Settings" button at the right end of the connect row, the window's keys (Ctrl+, opens Settings), and the dialog itself. */
import { Settings } from 'lucide-react';
import { shortcutOf } from '../../commands/keymap';
import { ToolButton } from '../../components/ToolButton';
import { runWindowCommand, useWindowKeys } from '../../commands/windowCommands';
import { useSettings } from '../../stores/settingsStore';
import { SettingsDialog } from './SettingsDialog';
import './settings.css';

/** Opens the Settings dialog; also mounts the window's keys. */
export function SettingsButton() {
  useWindowKeys();
  const isOpen = useSettings((s) => s.isDialogOpen);
  const shortcut = shortcutOf('openSettings') ?? '';
  return (
    <>
      <ToolButton
        icon={Settings}
        label="Settings"
        isIconOnly
        className="settings-button"
        title={`Settings (${shortcut})`}
        aria-keyshortcuts={shortcut.replace('Ctrl', 'Control')}
        onClick={() => runWindowCommand('openSettings')}
      />
      {isOpen ? <SettingsDialog /> : null}
    </>
  );
}
