/**
 * The dialog of an SSH login's question: the server's keyboard-interactive prompts (a password,
 * a one-time code; hidden unless the server says they may show) or an encrypted key's passphrase,
 * with "remember" for a saved site's key. Log in sends the answers; Cancel gives up the login.
 */
import { useId, useState } from 'react';
import type { SshQuestion } from '../../../shared/ssh';
import { Modal } from '../../components/dialogs/Modal';
import { useQueue } from '../../stores/queueStore';
import { questionFor, useSshQuestions } from '../../stores/sshQuestionStore';
import './ssh.css';

/** Shown while a login of this window (or of a transfer) waits for the user. */
export function SshQuestionDialog() {
  const clientId = useQueue((s) => s.clientId);
  const question = useSshQuestions((s) => questionFor(s.questions, clientId));
  // Keyed by question, so each starts with empty fields.
  return question ? <Asking key={question.questionId} question={question} /> : null;
}

function Asking({ question: q }: { question: SshQuestion }) {
  const titleId = useId();
  const { answer, giveUp } = useSshQuestions.getState();
  const problem = useSshQuestions((s) => s.problem);
  const prompts = q.kind === 'passphrase' ? [{ text: 'Passphrase', isEcho: false }] : (q.prompts ?? []);
  const [answers, setAnswers] = useState(() => prompts.map(() => ''));
  const [remember, setRemember] = useState(false);
  const title = q.kind === 'passphrase' ? 'Passphrase of the key' : q.name?.trim() || 'The server asks';
  return (
    <Modal labelledBy={titleId} className="dialog ssh-question" onCancel={() => void giveUp(q.questionId)}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void answer(q.questionId, answers, remember);
        }}
      >
        <h2 id={titleId} className="dialog-title">
          {title}
        </h2>
        <p className="connection">{q.connection}</p>
        {q.kind === 'passphrase' ? <p className="path">{q.keyPath}</p> : null}
        {q.instructions?.trim() ? <p className="instructions">{q.instructions.trim()}</p> : null}
        {prompts.map((p, i) => (
          <label key={i} className="dialog-field">
            {p.text.trim() || `Answer ${i + 1}`}
            <input
              type={p.isEcho ? 'text' : 'password'}
              autoComplete="off"
              spellCheck={false}
              data-autofocus={i === 0 ? true : undefined}
              value={answers[i]}
              onChange={(e) => setAnswers((all) => all.map((a, j) => (j === i ? e.target.value : a)))}
            />
          </label>
        ))}
        {q.kind === 'passphrase' && q.canRemember ? (
          <label>
            <input type="checkbox" checked={remember} onChange={(e) => setRemember(e.target.checked)} /> Remember the passphrase for this site
          </label>
        ) : null}
        {problem ? (
          <p className="dialog-problem" role="alert">
            {problem}
          </p>
        ) : null}
        <div className="dialog-actions">
          <button type="button" onClick={() => void giveUp(q.questionId)}>
            Cancel
          </button>
          <button type="submit" className="is-primary">
            Log in
          </button>
        </div>
      </form>
    </Modal>
  );
}
