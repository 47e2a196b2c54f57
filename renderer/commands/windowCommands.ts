/**
 * Commands of the whole window (not of a pane), bound to keys by WINDOW_KEYMAP in keymap.ts and
 * run by the same name from a button or the desktop menu, so each exists once.
 */
import { useLayoutEffect } from 'react';
import { useLocalPane } from '../stores/localPane';
import { useRemotePane } from '../stores/remotePane';
import { useSession } from '../stores/sessionStore';
import { useSettings } from '../stores/settingsStore';
import { useSync } from '../stores/syncStore';
import { windowBindingFor } from './keymap';

/** One window command. */
export interface WindowCommand {
  id: string;
  label: string;
  /** Whether it can run now; always when absent. */
  isEnabled?(): boolean;
  run(): void;
}

/** Whether both panes show a folder of a connected server: what Synchronize needs. */
export function canSynchronize(): boolean {
  return useSession.getState().status === 'connected' && useRemotePane.getState().path !== '' && useLocalPane.getState().path !== '';
}

/** Every window command by id. */
export const WINDOW_COMMANDS: ReadonlyMap<string, WindowCommand> = new Map(
  [
    { id: 'openSettings', label: 'Settings…', run: () => useSettings.getState().openDialog() },
    { id: 'synchronize', label: 'Synchronize…', isEnabled: canSynchronize, run: () => useSync.getState().open() },
  ].map((c: WindowCommand) => [c.id, c]),
);

/** Runs a window command if it exists and is enabled; says whether it ran. */
export function runWindowCommand(id: string): boolean {
  const command = WINDOW_COMMANDS.get(id);
  if (!command || (command.isEnabled && !command.isEnabled())) return false;
  command.run();
  return true;
}

/** Listens for the window's keys while the calling component is mounted. */
export function useWindowKeys(): void {
  // A layout effect listens before the first paint, so a shortcut works as soon as the window shows.
  useLayoutEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const binding = windowBindingFor(e);
      if (binding && runWindowCommand(binding.command)) e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
