/**
 * The files being edited, each with its server, its state in words and what can be done: show it
 * again, upload its saved changes, answer its conflict, close it (asking first when its changes
 * were not uploaded, since closing removes the copy).
 */
import { useId } from 'react';
import { DialogFrame } from '../../components/dialogs/DialogFrame';
import { hasUnuploadedChanges, type EditInfo } from '../../../shared/edit';
import { describeError } from '../../../shared/errorText';
import { isDesktopApp } from '../../api/getApi';
import { useDialogs } from '../../stores/dialogStore';
import { useEdits } from '../../stores/editStore';
import { editStateText } from './editStatus';

/** Closes an edit, asking before its changes that did not reach the server are thrown away. */
async function closeEdit(edit: EditInfo): Promise<void> {
  const edits = useEdits.getState();
  const isUnsaved = hasUnuploadedChanges(edit);
  if (isUnsaved) {
    const isDiscarded = await useDialogs.getState().confirm({
      title: 'Discard changes?',
      message: `${edit.name} has changes that were not uploaded to ${edit.server}. Closing removes the copy with them.`,
      confirmLabel: 'Close and discard',
      isDangerous: true,
    });
    if (!isDiscarded) return;
  }
  const error = await edits.close(edit.id, isUnsaved);
  if (error) edits.tell({ text: describeError(error), isError: true, editId: edit.id });
}

/** One row of the list. */
function EditRow({ edit }: { edit: EditInfo }) {
  const edits = useEdits.getState();
  const mode = isDesktopApp() ? 'external' : 'builtin';
  return (
    <li className="edit-row" data-state={edit.state}>
      <div className="edit-row-name">
        <strong>{edit.name}</strong> <span className="muted path">{`${edit.server}${edit.remotePath}`}</span>
      </div>
      <div className={`edit-row-state${hasUnuploadedChanges(edit) ? ' is-waiting' : ''}`}>{editStateText(edit)}</div>
      <div className="edit-row-actions">
        <button type="button" onClick={() => void edits.reopen(edit.id, mode).then(() => edits.setListOpen(false))}>
          {mode === 'builtin' ? 'Edit' : 'Open'}
        </button>
        {edit.state === 'modified' ? (
          <button type="button" disabled={!edit.isConnected} title={edit.isConnected ? undefined : 'Reconnect to the server to upload'} onClick={() => void edits.answerOffer(edit.id, 'once')}>
            Upload
          </button>
        ) : null}
        {edit.state === 'conflict' ? (
          <button type="button" onClick={() => edits.showConflict(edit.id)}>
            Resolve…
          </button>
        ) : null}
        <button type="button" onClick={() => void closeEdit(edit)}>
          Close
        </button>
      </div>
    </li>
  );
}

/** The list, in a dialog from the status bar. */
export function EditsDialog() {
  const edits = useEdits((s) => s.edits);
  const listId = useId();
  const close = () => useEdits.getState().setListOpen(false);
  return (
    <DialogFrame title="Files being edited" onCancel={close}>
      {edits.length === 0 ? <p className="dialog-message">No file is being edited.</p> : null}
      <ul className="edit-list" id={listId} aria-label="Files being edited">
        {edits.map((e) => (
          <EditRow key={e.id} edit={e} />
        ))}
      </ul>
      <div className="dialog-actions">
        <button type="button" className="is-primary" data-autofocus onClick={close}>
          Done
        </button>
      </div>
    </DialogFrame>
  );
}
