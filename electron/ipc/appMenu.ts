/**
 * The desktop app's menu: Settings… (Cmd+, in the app menu on macOS, Ctrl+, in File elsewhere,
 * where desktop users look for it), Edit, View and Window. Built as plain data from its inputs so
 * it is tested without Electron; the window opens the dialog when told by an `appCommand` event.
 */
import type { MenuItemConstructorOptions, WebContents } from 'electron';
import type { AppCommand, EventPayloads } from '../../shared/contract';
import { EVENT_CHANNEL } from './registerIpc';
import { viewMenu } from './windowPolicy';

/** What the menu depends on. */
export interface AppMenuOptions {
  platform: NodeJS.Platform;
  isPackaged: boolean;
  /** Asks the focused window to open its Settings dialog. */
  openSettings(): void;
}

/** The menu template. */
export function appMenuTemplate({ platform, isPackaged, openSettings }: AppMenuOptions): MenuItemConstructorOptions[] {
  const settings: MenuItemConstructorOptions = { label: 'Settings…', accelerator: 'CommandOrControl+,', click: () => openSettings() };
  const appOrFile: MenuItemConstructorOptions =
    platform === 'darwin'
      ? {
          role: 'appMenu',
          submenu: [
            { role: 'about' },
            { type: 'separator' },
            settings,
            { type: 'separator' },
            { role: 'services' },
            { type: 'separator' },
            { role: 'hide' },
            { role: 'hideOthers' },
            { role: 'unhide' },
            { type: 'separator' },
            { role: 'quit' },
          ],
        }
      : { label: 'File', submenu: [settings, { type: 'separator' }, { role: 'quit' }] };
  return [appOrFile, ...(platform === 'darwin' ? [{ label: 'File', submenu: [{ role: 'close' as const }] }] : []), { role: 'editMenu' }, viewMenu(isPackaged), { role: 'windowMenu' }];
}

/** Sends a menu command to a window, on the channel its events come by. */
export function sendAppCommand(contents: Pick<WebContents, 'isDestroyed' | 'send'>, command: AppCommand): void {
  const payload: EventPayloads['appCommand'] = command;
  if (!contents.isDestroyed()) contents.send(EVENT_CHANNEL, 'appCommand', payload);
}
