/**
 * Asks what to do when a transfer's target already exists, with "apply to all". Cancel (or
 * Escape) skips this one file and asks again about the next. Only in the window the question
 * belongs to (questionPlace.ts); the others show it in the queue.
 */
import { useId, useState } from 'react';
import { Modal } from '../../components/dialogs/Modal';
import type { ExistsAction } from '../../../shared/queue';
import { useQueue } from '../../stores/queueStore';
import { formatDate, formatSize } from '../../lib/format';
import { EXISTS_ACTIONS } from './existsActions';
import { dialogQuestion } from './questionPlace';

/** Shown while the queue waits for an answer this window is to ask for. */
export function ExistsDialog() {
  const questions = useQueue((s) => s.questions);
  const clientId = useQueue((s) => s.clientId);
  const openedQuestionId = useQueue((s) => s.openedQuestionId);
  const question = dialogQuestion(questions, { clientId, openedQuestionId });
  const answer = useQueue((s) => s.answer);
  const [action, setAction] = useState<ExistsAction>('overwrite');
  const [applyToAll, setApplyToAll] = useState(false);
  const titleId = useId();
  if (!question) return null;
  const skip = () => void answer(question.questionId, 'skip', false);
  const side = (label: string, s: typeof question.source) => (
    <div>
      <strong>{label}</strong> <span className="path">{s.path}</span>
      <div className="muted">
        {formatSize(s.sizeBytes)} {s.modifiedMs ? `· ${formatDate(s.modifiedMs)}` : ''}
      </div>
    </div>
  );
  return (
    // Keyed by the question, so the next conflict opens as a new dialog with its own focus.
    <Modal key={question.questionId} labelledBy={titleId} className="dialog" onCancel={skip} initialFocus="button[type=submit]">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void answer(question.questionId, action, applyToAll);
        }}
      >
        <h2 id={titleId}>Target file already exists</h2>
        {side(question.item.direction === 'upload' ? 'Local file:' : 'Remote file:', question.source)}
        {side(question.item.direction === 'upload' ? 'Remote file:' : 'Local file:', question.target)}
        <fieldset>
          <legend>Action</legend>
          {EXISTS_ACTIONS.map((a) => (
            <label key={a.action}>
              <input type="radio" name="exists-action" checked={action === a.action} onChange={() => setAction(a.action)} /> {a.label}
            </label>
          ))}
        </fieldset>
        <label>
          <input type="checkbox" checked={applyToAll} onChange={(e) => setApplyToAll(e.target.checked)} /> Apply to all later conflicts in this
          queue
        </label>
        <div className="dialog-actions">
          <button type="button" onClick={skip} title="Skip this file; the next conflict is asked about again">
            Cancel
          </button>
          <button type="submit" className="is-primary">
            OK
          </button>
        </div>
      </form>
    </Modal>
  );
}
