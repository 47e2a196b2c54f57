/**
 * A "target exists" question in its transfer's queue row, for windows that do not ask it with a
 * dialog: the commonest answers at hand, and the dialog (with every answer) one click away. An
 * answer from any window settles it in all of them.
 */
import { Ellipsis } from 'lucide-react';
import type { ExistsQuestionInfo } from '../../../shared/queue';
import { useQueue } from '../../stores/queueStore';
import './queue.css';

/** The waiting question with its answer buttons. */
export function RowQuestion({ question }: { question: ExistsQuestionInfo }) {
  const answer = useQueue((s) => s.answer);
  const openQuestion = useQueue((s) => s.openQuestion);
  const target = question.target.path;
  return (
    // A click on an answer is not a click that selects the row.
    <div className="q-question" role="group" aria-label={`Target exists: ${target}`} onClick={(e) => e.stopPropagation()}>
      <span className="q-question-text" title={`Waiting: ${target} already exists`}>
        Waiting: target exists
      </span>
      <button type="button" title={`Overwrite ${target}`} onClick={() => void answer(question.questionId, 'overwrite', false)}>
        Overwrite
      </button>
      <button type="button" title={`Skip this file; ${target} stays as it is`} onClick={() => void answer(question.questionId, 'skip', false)}>
        Skip
      </button>
      <button
        type="button"
        aria-label="More…"
        title="More answers: overwrite if newer, resume, rename, apply to all…"
        onClick={() => openQuestion(question.questionId)}
      >
        <Ellipsis size={14} aria-hidden="true" />
      </button>
    </div>
  );
}
