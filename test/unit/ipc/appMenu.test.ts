/**
 * The desktop menu, with Electron mocked (it cannot run here): Settings… sits in the app menu on
 * macOS and in File elsewhere, with Cmd/Ctrl+, and it tells the window to open the dialog;
 * Synchronize… is in File with Ctrl+Shift+S.
 */
import { describe, expect, it, vi } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';

vi.mock('electron', () => ({ ipcMain: { handle: vi.fn() } }));

const { appMenuTemplate, sendAppCommand } = await import('../../../electron/ipc/appMenu');

const submenuOf = (item: MenuItemConstructorOptions) => item.submenu as MenuItemConstructorOptions[];
const settingsItem = (template: MenuItemConstructorOptions[]) => template.flatMap((m) => submenuOf(m) ?? []).find((i) => i.label === 'Settings…');

describe('the app menu', () => {
  it('puts Settings… first in File on Windows and Linux, with Ctrl+,', () => {
    const openSettings = vi.fn();
    const template = appMenuTemplate({ platform: 'linux', isPackaged: true, openSettings, synchronize: () => undefined });
    expect(template[0].label).toBe('File');
    expect(submenuOf(template[0])[0]).toMatchObject({ label: 'Settings…', accelerator: 'CommandOrControl+,' });
    (settingsItem(template)!.click as () => void)();
    expect(openSettings).toHaveBeenCalledOnce();
  });

  it('puts Settings… in the app menu on macOS', () => {
    const template = appMenuTemplate({ platform: 'darwin', isPackaged: true, openSettings: () => undefined, synchronize: () => undefined });
    expect(template[0].role).toBe('appMenu');
    expect(submenuOf(template[0]).map((i) => i.label ?? i.role)).toContain('Settings…');
  });

  it('has Synchronize… in File with Ctrl+Shift+S, the window\'s own key for it', () => {
    for (const platform of ['linux', 'darwin'] as const) {
      const synchronize = vi.fn();
      const template = appMenuTemplate({ platform, isPackaged: true, openSettings: () => undefined, synchronize });
      const item = submenuOf(template.find((m) => m.label === 'File')!).find((i) => i.label === 'Synchronize…')!;
      expect(item.accelerator).toBe('CommandOrControl+Shift+S');
      (item.click as () => void)();
      expect(synchronize).toHaveBeenCalledOnce();
    }
  });

  it('sends the window an appCommand event on the events channel, and nothing to a closed one', () => {
    const send = vi.fn();
    sendAppCommand({ isDestroyed: () => false, send }, 'openSettings');
    expect(send).toHaveBeenCalledWith('ferry:event', 'appCommand', 'openSettings');
    sendAppCommand({ isDestroyed: () => true, send }, 'openSettings');
    expect(send).toHaveBeenCalledOnce();
  });
});
