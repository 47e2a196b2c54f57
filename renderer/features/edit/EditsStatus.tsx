/**
 * The status bar's part of View/Edit: "2 files being edited" (marked when one has changes not
 * uploaded), which opens the list, and the last problem of an edit action.
 */
import { FilePen, X } from 'lucide-react';
import { hasUnuploadedChanges } from '../../../shared/edit';
import { useEdits } from '../../stores/editStore';
import './edit.css';

/** Nothing while no file is being edited and nothing went wrong. */
export function EditsStatus() {
  const edits = useEdits((s) => s.edits);
  const notice = useEdits((s) => s.notice);
  const waiting = edits.filter(hasUnuploadedChanges).length;
  return (
    <span className="edits-status">
      {notice ? (
        <span className={`edits-notice${notice.isError ? ' is-error' : ''}`} role={notice.isError ? 'alert' : 'status'}>
          <span title={notice.text}>{notice.text}</span>
          <button type="button" className="icon-only" aria-label="Dismiss" title="Dismiss" onClick={() => useEdits.getState().dismissNotice()}>
            <X size={13} aria-hidden />
          </button>
        </span>
      ) : null}
      {edits.length > 0 ? (
        <button type="button" className={`tool-button edits-button${waiting > 0 ? ' is-waiting' : ''}`} onClick={() => useEdits.getState().setListOpen(true)}>
          <FilePen size={13} aria-hidden />
          {`${edits.length} file${edits.length === 1 ? '' : 's'} being edited`}
          {waiting > 0 ? `, ${waiting} not uploaded` : ''}
        </button>
      ) : null}
    </span>
  );
}
