// @vitest-environment happy-dom
/**
 * The window's side of the settings: Ctrl+, (Cmd+, on macOS) opens the dialog through the window
 * keymap, the theme goes on <html> (none for System), and the log's detail setting hides raw lines.
 */
import { describe, expect, it } from 'vitest';
import { shortcutOf, windowBindingFor } from '../../../renderer/commands/keymap';
import { runWindowCommand } from '../../../renderer/commands/windowCommands';
import { applyTheme, useSettings } from '../../../renderer/stores/settingsStore';
import { byDetail } from '../../../renderer/stores/logStore';
import type { LogEntry } from '../../../shared/domain';

const key = (k: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean; shiftKey: boolean }> = {}) => ({ key: k, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...mods });

describe('window settings', () => {
  it('binds Ctrl+, and Cmd+, to opening Settings, and nothing else', () => {
    expect(windowBindingFor(key(',', { ctrlKey: true }))?.command).toBe('openSettings');
    expect(windowBindingFor(key(',', { metaKey: true }))?.command).toBe('openSettings');
    expect(windowBindingFor(key(','))).toBeUndefined();
    expect(windowBindingFor(key(',', { ctrlKey: true, shiftKey: true }))).toBeUndefined();
    expect(shortcutOf('openSettings')).toBe('Ctrl+,');
    expect(runWindowCommand('openSettings')).toBe(true);
    expect(useSettings.getState().isDialogOpen).toBe(true);
  });

  it('sets data-theme for Light and Dark and removes it for System', () => {
    const root = document.documentElement;
    applyTheme('dark', root);
    expect(root.dataset.theme).toBe('dark');
    applyTheme('light', root);
    expect(root.dataset.theme).toBe('light');
    applyTheme('system', root);
    expect(root.hasAttribute('data-theme')).toBe(false);
  });

  it('keeps only the plain-words lines when raw replies are hidden', () => {
    const line = (seq: number, kind: LogEntry['kind']): LogEntry => ({ seq, timeMs: 0, connectionId: 'c', kind, text: kind });
    const lines = [line(1, 'command'), line(2, 'reply'), line(3, 'status'), line(4, 'error')];
    expect(byDetail(lines, true)).toHaveLength(4);
    expect(byDetail(lines, false).map((l) => l.kind)).toEqual(['status', 'error']);
  });
});
