/** The Settings dialog's form: the settings round-trip through it, and bad values get one message per field. */
import { describe, expect, it } from 'vitest';
import { formOf, settingsFromForm, fieldOf } from '../../../renderer/features/settings/settingsForm';
import { DEFAULT_SETTINGS } from '../../../shared/settings';

describe('settings form', () => {
  it('gives back the settings it shows', () => {
    expect(settingsFromForm(formOf(DEFAULT_SETTINGS))).toEqual({ settings: DEFAULT_SETTINGS });
  });

  it('reads an edited extension list and numbers', () => {
    const form = { ...formOf(DEFAULT_SETTINGS), extensions: 'TXT, .md ini', timeoutSeconds: ' 30 ', type: 'ascii' as const };
    expect(settingsFromForm(form)).toMatchObject({ settings: { transfers: { type: 'ascii', asciiExtensions: ['txt', 'md', 'ini'] }, connection: { timeoutSeconds: 30 } } });
  });

  it('names each bad field once, and nothing is saved', () => {
    const form = { ...formOf(DEFAULT_SETTINGS), extensions: 'txt,,md', timeoutSeconds: '-3', keepAliveSeconds: '', perServer: '2.5' };
    expect(settingsFromForm(form)).toEqual({
      errors: {
        extensions: 'Entry 2: an extension cannot be empty',
        timeoutSeconds: 'The timeout must be at least 5',
        keepAliveSeconds: 'The keep-alive interval must be a number',
        perServer: 'Transfers per server must be a whole number',
      },
    });
  });

  it('keeps the editor command as typed, trimmed, and says what is wrong with one it cannot split', () => {
    const form = { ...formOf(DEFAULT_SETTINGS), editorCommand: '  "/opt/My Editor/edit" --wait %f ' };
    expect(settingsFromForm(form)).toMatchObject({ settings: { edit: { editorCommand: '"/opt/My Editor/edit" --wait %f' } } });
    expect(settingsFromForm({ ...form, editorCommand: "gedit 'x" })).toEqual({ errors: { editorCommand: 'The command has a single quote that is not closed' } });
  });

  it('places a refusal of the main process at its field', () => {
    expect(fieldOf('transfers.defaultLocalFolder')).toBe('defaultLocalFolder');
    expect(fieldOf('transfers.asciiExtensions.3')).toBe('extensions');
    expect(fieldOf('theme')).toBeUndefined();
  });
});
