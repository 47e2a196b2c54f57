/** Asks for the master password to unlock saved passwords (browser mode, after a restart). */
import { useState } from 'react';
import { useSites } from '../../stores/sitesStore';

/** A one-line unlock form; `compact` is the bar above the tree, otherwise the Passwords tab's version. */
export function UnlockForm({ compact = false }: { compact?: boolean }) {
  const [password, setPassword] = useState('');
  const isBusy = useSites((s) => s.isBusy);
  return (
    <form
      className={compact ? 'sm-unlock is-compact' : 'sm-unlock'}
      aria-label="Unlock saved passwords"
      onSubmit={async (e) => {
        e.preventDefault();
        // The master password is kept only until the request is sent.
        if (await useSites.getState().unlock(password)) setPassword('');
      }}
    >
      <span>{compact ? 'Saved passwords are locked.' : 'Enter your master password to use the saved passwords.'}</span>
      <label>
        Master password{' '}
        <input type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} />
      </label>
      <button type="submit" disabled={isBusy || password === ''}>
        Unlock
      </button>
    </form>
  );
}
