/** What an edit's state means to a user, in the list of files being edited and in the editor's status line. */
import type { EditInfo } from '../../../shared/edit';
import { describeError } from '../../../shared/errorText';

/** An edit's state in words. */
export function editStateText(edit: Pick<EditInfo, 'state' | 'isConnected' | 'lastError' | 'uploadedMs'>): string {
  switch (edit.state) {
    case 'opening':
      return 'Opening…';
    case 'clean':
      return edit.uploadedMs ? 'Uploaded' : 'No changes';
    case 'uploading':
      return 'Uploading…';
    case 'conflict':
      return 'Changed on the server: not uploaded';
    case 'modified':
      if (!edit.isConnected) return 'Saved, not uploaded: reconnect to upload';
      return edit.lastError ? `Not uploaded: ${describeError(edit.lastError)}` : 'Saved, not uploaded';
  }
}

/** The built-in editor's status line: unsaved typing first, then what the server has. */
export function editorStatusText(edit: Parameters<typeof editStateText>[0] | undefined, isDirty: boolean, isSaving: boolean): string {
  if (isSaving) return 'Saving…';
  if (isDirty) return 'Modified';
  if (!edit) return '';
  return edit.state === 'clean' && edit.uploadedMs ? 'Saved and uploaded' : editStateText(edit);
}
