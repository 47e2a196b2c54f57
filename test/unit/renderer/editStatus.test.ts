/** An edit's state in words: the list of files being edited and the built-in editor's status line. */
import { describe, expect, it } from 'vitest';
import { editorStatusText, editStateText } from '../../../renderer/features/edit/editStatus';

const base = { isConnected: true, lastError: undefined, uploadedMs: undefined };

describe('editStateText', () => {
  it('says what the server has and what the user can do', () => {
    expect(editStateText({ ...base, state: 'clean' })).toBe('No changes');
    expect(editStateText({ ...base, state: 'clean', uploadedMs: 1 })).toBe('Uploaded');
    expect(editStateText({ ...base, state: 'modified' })).toBe('Saved, not uploaded');
    expect(editStateText({ ...base, state: 'modified', isConnected: false })).toBe('Saved, not uploaded: reconnect to upload');
    expect(editStateText({ ...base, state: 'modified', lastError: { kind: 'ftp', message: 'Permission denied', ftpCode: 553 } })).toBe('Not uploaded: 553 Permission denied');
    expect(editStateText({ ...base, state: 'conflict' })).toBe('Changed on the server: not uploaded');
  });
});

describe('editorStatusText', () => {
  it('puts typing not yet saved first, then what the server has', () => {
    expect(editorStatusText({ ...base, state: 'clean', uploadedMs: 1 }, true, false)).toBe('Modified');
    expect(editorStatusText({ ...base, state: 'clean', uploadedMs: 1 }, false, true)).toBe('Saving…');
    expect(editorStatusText({ ...base, state: 'clean', uploadedMs: 1 }, false, false)).toBe('Saved and uploaded');
    expect(editorStatusText({ ...base, state: 'clean' }, false, false)).toBe('No changes');
  });
});
