/**
 * Commands of the whole window (not of a pane), bound to keys by WINDOW_KEYMAP in keymap.ts and
 * run by the same name from a button or the desktop menu, so each exists once.
 */
import { useLayoutEffect } from 'react';
import { useSettings } from '../stores/settingsStore';
import { windowBindingFor } from './keymap';

/** One window command. */
export interface WindowCommand {
  id: string;
  label: string;
  run(): void;
}

/** Every window command by id. */
export const WINDOW_COMMANDS: ReadonlyMap<string, WindowCommand> = new Map(
  [{ id: 'openSettings', label: 'Settings…', run: () => useSettings.getState().openDialog() }].map((c) => [c.id, c]),
);

/** Runs a window command; says whether one of that id exists. */
export function runWindowCommand(id: string): boolean {
  const command = WINDOW_COMMANDS.get(id);
  command?.run();
  return command !== undefined;
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
