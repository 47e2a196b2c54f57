/**
 * The upload of an edit stopped because someone changed the server's file since it was opened:
 * save mine under another name (the default, which loses nothing), overwrite theirs, or keep
 * theirs (and, if asked, load it into the copy). "Decide later" leaves the copy as it is; the
 * list of files being edited asks again.
 */
import { useId, useState } from 'react';
import { Modal } from '../../components/dialogs/Modal';
import { describeRemoteChange, type ConflictAnswer, type EditInfo } from '../../../shared/edit';
import { describeError } from '../../../shared/errorText';
import { nameProblem } from '../../lib/fileNames';
import { useEdits } from '../../stores/editStore';

/** A change's words as a sentence of its own. */
const sentence = (text: string) => text.charAt(0).toUpperCase() + text.slice(1) + '.';

/** Shows the first conflict the user has not put off. */
export function ConflictDialog() {
  const edit = useEdits((s) => s.edits.find((e) => e.state === 'conflict' && e.conflict && !s.deferredConflicts.has(e.id)));
  if (!edit?.conflict) return null;
  return <ConflictQuestion key={`${edit.id} ${edit.remotePath}`} edit={edit} />;
}

function ConflictQuestion({ edit }: { edit: EditInfo }) {
  const titleId = useId();
  const conflict = edit.conflict!;
  const [answer, setAnswer] = useState<ConflictAnswer>('save-as');
  const [name, setName] = useState(conflict.proposedName);
  const [isReload, setReload] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);
  const later = () => useEdits.getState().deferConflict(edit.id);

  const submit = async () => {
    const nameIssue = answer === 'save-as' ? nameProblem(name, () => false) : null;
    if (nameIssue) return setProblem(nameIssue);
    setBusy(true);
    const error = await useEdits.getState().resolveConflict(edit.id, answer, answer === 'save-as' ? { name } : answer === 'keep-theirs' ? { reload: isReload } : {});
    setBusy(false);
    if (error) setProblem(describeError(error));
  };

  return (
    <Modal labelledBy={titleId} className="dialog conflict-dialog" onCancel={later} initialFocus="button[type=submit]">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <h2 id={titleId}>{edit.name} changed on the server</h2>
        <p className="dialog-message">
          Since you opened it, someone changed <span className="path">{edit.remotePath}</span> on {edit.server}: your saved copy was not uploaded.
        </p>
        <ul className="conflict-changes">
          {conflict.changes.map((c) => (
            <li key={c.kind}>{sentence(describeRemoteChange(c))}</li>
          ))}
        </ul>
        <fieldset>
          <legend>Your changes</legend>
          <label>
            <input type="radio" name="conflict-answer" checked={answer === 'save-as'} onChange={() => setAnswer('save-as')} /> Save mine under another name
          </label>
          <label className="conflict-name">
            Name
            <input
              value={name}
              spellCheck={false}
              disabled={answer !== 'save-as'}
              aria-invalid={problem && answer === 'save-as' ? true : undefined}
              onChange={(e) => {
                setName(e.target.value);
                setProblem(null);
              }}
            />
          </label>
          <label>
            <input type="radio" name="conflict-answer" checked={answer === 'overwrite'} onChange={() => setAnswer('overwrite')} /> Overwrite their version with mine
          </label>
          <label>
            <input type="radio" name="conflict-answer" checked={answer === 'keep-theirs'} onChange={() => setAnswer('keep-theirs')} /> Keep theirs and do not upload mine
          </label>
          <label className="conflict-reload">
            <input type="checkbox" checked={isReload} disabled={answer !== 'keep-theirs'} onChange={(e) => setReload(e.target.checked)} /> Load their version into my
            copy (my changes are dropped)
          </label>
        </fieldset>
        {problem ? (
          <p className="dialog-problem" role="alert">
            {problem}
          </p>
        ) : null}
        <div className="dialog-actions">
          <button type="button" onClick={later} title="Leave the copy as it is; the list of files being edited asks again">
            Decide later
          </button>
          <button type="submit" className="is-primary" disabled={isBusy}>
            Continue
          </button>
        </div>
      </form>
    </Modal>
  );
}
