/**
 * The dialog that starts keeping the remote pane's folder up to date from the local pane's: delete
 * on the server too (off by default), upload what differs first, and patterns to leave out. Start
 * is the one primary button; a refusal (the folder is gone, the pair is already kept) is shown here.
 */
import { useId, useState, type FormEvent } from 'react';
import { DialogFrame } from '../../components/dialogs/DialogFrame';
import { useKeepUpToDate, type KeepUpToDatePair } from '../../stores/keepUpToDateStore';
import { useSession } from '../../stores/sessionStore';
import { patternsOf } from './patterns';

/** Props of the dialog. */
export interface KeepUpToDateDialogProps {
  pair: KeepUpToDatePair;
}

/** Open while mounted; Cancel or Escape closes it, Start starts the watch and closes it. */
export function KeepUpToDateDialog({ pair }: KeepUpToDateDialogProps) {
  const start = useKeepUpToDate((s) => s.start);
  const close = useKeepUpToDate((s) => s.closeDialog);
  const info = useSession((s) => s.info);
  const [deleteOnServer, setDeleteOnServer] = useState(false);
  const [syncFirst, setSyncFirst] = useState(false);
  const [excludeText, setExcludeText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [isStarting, setStarting] = useState(false);
  const excludeId = useId();
  const hintId = useId();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const exclude = patternsOf(excludeText);
    if ('problem' in exclude) return setProblem(exclude.problem);
    setStarting(true);
    const refusal = await start({ deleteOnServer, syncFirst, exclude: exclude.patterns });
    setStarting(false);
    setProblem(refusal);
  };

  return (
    <DialogFrame title="Keep remote folder up to date" onCancel={close} closeOnBackdrop={false}>
      <form className="keep-form" onSubmit={(e) => void submit(e)}>
        <p>
          Every file created or changed in <span className="path">{pair.localFolder}</span> is uploaded to{' '}
          <span className="path">{pair.remoteFolder}</span>
          {info ? ` on ${info.host}` : ''} once it is saved, until you stop it.
        </p>
        <label className="keep-check">
          <input type="checkbox" data-autofocus checked={deleteOnServer} onChange={(e) => setDeleteOnServer(e.target.checked)} />
          Delete on the server what is deleted here
        </label>
        <p className="muted keep-hint is-indented">{deleteOnServer ? 'A file deleted or renamed here is deleted on the server too.' : 'Files deleted or renamed here stay on the server.'}</p>
        <label className="keep-check">
          <input type="checkbox" checked={syncFirst} onChange={(e) => setSyncFirst(e.target.checked)} />
          Upload everything that differs first
        </label>
        {syncFirst ? (
          <p className="muted keep-hint is-indented">
            {deleteOnServer
              ? 'The folders are compared: what is new or changed here is uploaded, what is only on the server is deleted; files newer on the server are left as they are.'
              : 'The folders are compared: what is new or changed here is uploaded; files newer on the server are left as they are.'}
          </p>
        ) : null}
        <label className="dialog-field" htmlFor={excludeId}>
          Leave out
        </label>
        <textarea
          id={excludeId}
          className="keep-exclude"
          rows={3}
          placeholder={'*.tmp\nnode_modules/'}
          aria-describedby={hintId}
          value={excludeText}
          onChange={(e) => {
            setExcludeText(e.target.value);
            setProblem(null);
          }}
        />
        <p id={hintId} className="muted keep-hint">
          One pattern a line: <code>*.tmp</code> any name, <code>build/</code> folders only, <code>docs/**</code> a path from this folder.
        </p>
        {problem ? (
          <p className="keep-problem" role="alert">
            {problem}
          </p>
        ) : null}
        <div className="dialog-actions">
          <button type="button" onClick={close}>
            Cancel
          </button>
          <button type="submit" className="is-primary" disabled={isStarting}>
            Start
          </button>
        </div>
      </form>
    </DialogFrame>
  );
}
