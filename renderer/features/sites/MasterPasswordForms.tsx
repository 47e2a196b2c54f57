/** The forms that set and change the master password, both asking for the new one twice. */
import { useState } from 'react';
import { newPasswordProblem } from '../../stores/sitesForm';
import { useSites } from '../../stores/sitesStore';

function NewPasswordFields(props: { next: string; repeat: string; onNext(v: string): void; onRepeat(v: string): void; prefix: string }) {
  return (
    <>
      <label>
        {props.prefix} master password{' '}
        <input type="password" autoComplete="new-password" value={props.next} onChange={(e) => props.onNext(e.target.value)} />
      </label>
      <label>
        Repeat it <input type="password" autoComplete="new-password" value={props.repeat} onChange={(e) => props.onRepeat(e.target.value)} />
      </label>
    </>
  );
}

/** Sets the first master password, which turns on saving passwords. */
export function SetMasterPasswordForm() {
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const isBusy = useSites((s) => s.isBusy);
  return (
    <form
      className="sm-secret-form"
      aria-label="Set a master password"
      onSubmit={async (e) => {
        e.preventDefault();
        const issue = newPasswordProblem(next, repeat);
        setProblem(issue);
        if (!issue && (await useSites.getState().setMasterPassword(next))) {
          setNext('');
          setRepeat('');
        }
      }}
    >
      <NewPasswordFields prefix="New" next={next} repeat={repeat} onNext={setNext} onRepeat={setRepeat} />
      {problem ? <span className="sm-field-error">{problem}</span> : null}
      <button type="submit" disabled={isBusy}>
        Set master password
      </button>
    </form>
  );
}

/** Re-encrypts the saved passwords under a new master password. */
export function ChangeMasterPasswordForm({ onDone }: { onDone(): void }) {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const isBusy = useSites((s) => s.isBusy);
  return (
    <form
      className="sm-secret-form"
      aria-label="Change the master password"
      onSubmit={async (e) => {
        e.preventDefault();
        const issue = newPasswordProblem(next, repeat);
        setProblem(issue);
        if (!issue && (await useSites.getState().changeMasterPassword(current, next))) onDone();
      }}
    >
      <label>
        Current master password{' '}
        <input type="password" autoComplete="current-password" value={current} onChange={(e) => setCurrent(e.target.value)} />
      </label>
      <NewPasswordFields prefix="New" next={next} repeat={repeat} onNext={setNext} onRepeat={setRepeat} />
      {problem ? <span className="sm-field-error">{problem}</span> : null}
      <button type="submit" disabled={isBusy}>
        Change
      </button>
      <button type="button" onClick={onDone}>
        Cancel
      </button>
    </form>
  );
}
