/**
 * A copy opened in the desktop's editor was saved: upload it now, always upload this file's saves
 * without asking, or not now (it stays in the list, marked as not uploaded).
 */
import { useId } from 'react';
import { Modal } from '../../components/dialogs/Modal';
import type { UploadOfferAnswer } from '../../../shared/edit';
import { useEdits } from '../../stores/editStore';

/** Shows the first save waiting for an answer. */
export function UploadOfferDialog() {
  const edit = useEdits((s) => s.edits.find((e) => e.isOfferPending && e.state === 'modified'));
  const titleId = useId();
  if (!edit) return null;
  const answer = (a: UploadOfferAnswer) => void useEdits.getState().answerOffer(edit.id, a);
  return (
    <Modal key={edit.id} labelledBy={titleId} className="dialog" onCancel={() => answer('not-now')} initialFocus="button.is-primary">
      <h2 id={titleId}>Upload {edit.name}?</h2>
      <p className="dialog-message">
        {edit.name} was saved. Upload it to <span className="path">{`${edit.server}${edit.remotePath}`}</span>?
        {edit.isConnected ? '' : ' (Not connected: reconnect to the server first.)'}
      </p>
      <div className="dialog-actions">
        <button type="button" onClick={() => answer('not-now')}>
          Not now
        </button>
        <button type="button" onClick={() => answer('always')} title="Upload each later save of this file without asking">
          Always upload this file
        </button>
        <button type="button" className="is-primary" onClick={() => answer('once')}>
          Upload
        </button>
      </div>
    </Modal>
  );
}
