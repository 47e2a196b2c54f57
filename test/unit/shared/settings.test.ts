/** The settings object: FileZilla's Auto rule for the transfer type, the extension list a user types, and what the schema refuses. */
import { describe, expect, it } from 'vitest';
import { appSettingsSchema, DEFAULT_SETTINGS, parseExtensionList, settingsFromJson, transferTypeOf, type TransferTypeRule } from '../../../shared/settings';

const AUTO: TransferTypeRule = { ...DEFAULT_SETTINGS.transfers, type: 'auto' };

describe('transferTypeOf', () => {
  it.each([
    ['index.html', 'ascii'],
    ['README.TXT', 'ascii'],
    ['script.php', 'ascii'],
    ['archive.tar.gz', 'binary'],
    ['photo.jpeg', 'binary'],
    ['data.csv', 'binary'],
    ['Makefile', 'ascii'],
    ['.htaccess', 'ascii'],
    ['notes.txt.bak', 'binary'],
  ])('Auto with FileZilla\'s defaults: %s goes as %s', (name, type) => {
    expect(transferTypeOf(name, AUTO)).toBe(type);
  });

  it('follows an edited list and the no-extension and dotfile choices', () => {
    const rule = { ...AUTO, asciiExtensions: ['csv'], isNoExtensionAscii: false, isDotfileAscii: false };
    expect(['data.CSV', 'index.html', 'Makefile', '.profile'].map((n) => transferTypeOf(n, rule))).toEqual(['ascii', 'binary', 'binary', 'binary']);
  });

  it('uses one type for every file when the setting is ASCII or Binary', () => {
    expect(transferTypeOf('photo.png', { ...AUTO, type: 'ascii' })).toBe('ascii');
    expect(transferTypeOf('index.html', { ...AUTO, type: 'binary' })).toBe('binary');
  });
});

describe('the settings schema', () => {
  it('reads an extension list as a user types it', () => {
    expect(parseExtensionList(' txt, .HTML  md;ini|conf ')).toEqual(['txt', 'html', 'md', 'ini', 'conf']);
    expect(parseExtensionList('   ')).toEqual([]);
    // An empty entry stays, for the schema to point at.
    expect(parseExtensionList('txt, ,md')).toEqual(['txt', '', 'md']);
  });

  it.each([
    [{ connection: { ...DEFAULT_SETTINGS.connection, timeoutSeconds: -5 } }, 'connection.timeoutSeconds', 'at least 5'],
    [{ connection: { ...DEFAULT_SETTINGS.connection, keepAliveSeconds: 1.5 } }, 'connection.keepAliveSeconds', 'whole number'],
    [{ transfers: { ...DEFAULT_SETTINGS.transfers, asciiExtensions: ['txt', ''] } }, 'transfers.asciiExtensions.1', 'cannot be empty'],
    [{ transfers: { ...DEFAULT_SETTINGS.transfers, asciiExtensions: ['t.xt'] } }, 'transfers.asciiExtensions.0', 'without the dot'],
    [{ transfers: { ...DEFAULT_SETTINGS.transfers, perServer: 11 } }, 'transfers.perServer', 'at most 10'],
    [{ edit: { editorCommand: 'code "--wait' } }, 'edit.editorCommand', 'double quote that is not closed'],
    [{ edit: { editorCommand: 'gedit\nrm -rf ~' } }, 'edit.editorCommand', 'one line'],
  ])('refuses %j with a message for its field', (change, field, message) => {
    const parsed = appSettingsSchema.safeParse({ ...DEFAULT_SETTINGS, ...change });
    expect(parsed.success).toBe(false);
    const issue = parsed.error?.issues[0];
    expect(issue?.path.join('.')).toBe(field);
    expect(issue?.message).toContain(message);
  });

  it('reads a saved file without changing it, and says why one cannot be used', () => {
    expect(settingsFromJson(JSON.stringify({ version: 1, ...DEFAULT_SETTINGS, theme: 'dark' }))).toEqual({ settings: { ...DEFAULT_SETTINGS, theme: 'dark' } });
    expect(settingsFromJson('{"version":1')).toMatchObject({ reason: expect.stringContaining('not valid JSON') });
    expect(settingsFromJson(JSON.stringify({ version: 7 }))).toMatchObject({ reason: 'not a format 1 settings file' });
  });

  it('reads a file saved before the editor command existed with the system default editor, not as damaged', () => {
    const { edit: _edit, ...older } = DEFAULT_SETTINGS;
    expect(settingsFromJson(JSON.stringify({ version: 1, ...older }))).toEqual({ settings: DEFAULT_SETTINGS });
    expect(appSettingsSchema.safeParse({ ...DEFAULT_SETTINGS, edit: { editorCommand: '"/opt/My Editor/edit" -n %f' } }).success).toBe(true);
  });
});
