/**
 * The desktop app's menu: Settings… (Cmd+, in the app menu on macOS, Ctrl+, in File elsewhere,
 * where desktop users look for it), Synchronize… in File (Ctrl+Shift+S), Edit, View and Window.
 * Built as plain data from its inputs so it is tested without Electron; the window opens the
 * dialog when told by an `appCommand` event.
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
  /** Asks the focused window to open its Synchronize dialog (it does only while connected). */
  synchronize(): void;
}

/** The menu template. */
export function appMenuTemplate({ platform, isPackaged, openSettings, synchronize }: AppMenuOptions): MenuItemConstructorOptions[] {
  const settings: MenuItemConstructorOptions = { label: 'Settings…', accelerator: 'CommandOrControl+,', click: () => openSettings() };
  const sync: MenuItemConstructorOptions = { label: 'Synchronize…', accelerator: 'CommandOrControl+Shift+S', click: () => synchronize() };
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
      : { label: 'File', submenu: [settings, sync, { type: 'separator' }, { role: 'quit' }] };
  const macFile: MenuItemConstructorOptions[] = platform === 'darwin' ? [{ label: 'File', submenu: [sync, { type: 'separator' }, { role: 'close' }] }] : [];
  return [appOrFile, ...macFile, { role: 'editMenu' }, viewMenu(isPackaged), { role: 'windowMenu' }];
}

/** Sends a menu command to a window, on the channel its events come by. */
export function sendAppCommand(contents: Pick<WebContents, 'isDestroyed' | 'send'>, command: AppCommand): void {
  const payload: EventPayloads['appCommand'] = command;
  if (!contents.isDestroyed()) contents.send(EVENT_CHANNEL, 'appCommand', payload);
}
