/**
 * A non-modal panel that asks for a saved site's password when the main process needs one:
 * an "ask" site, a site with nothing saved, or saved passwords still locked.
 */
import { useState } from 'react';
import { connectSite } from '../../stores/remoteConnection';
import { useSession } from '../../stores/sessionStore';

/** Shown while a site connection waits for its password. */
export function SitePasswordPrompt() {
  const pending = useSession((s) => s.pendingPassword);
  if (!pending) return null;
  // Keyed by site so a new prompt starts with an empty field.
  return <Prompt key={pending.siteId} />;
}

function Prompt() {
  const pending = useSession((s) => s.pendingPassword)!;
  const { cancelSitePassword } = useSession.getState();
  const [password, setPassword] = useState('');
  return (
    <form
      className="site-password-prompt"
      aria-label={`Password for ${pending.options.name}`}
      onSubmit={(e) => {
        e.preventDefault();
        void connectSite(pending.siteId, { ...pending.options, password });
      }}
      onKeyDown={(e) => e.key === 'Escape' && cancelSitePassword()}
    >
      <strong>{pending.options.name}</strong>
      <span className="sm-note">{pending.message.replace(`${pending.options.name}: `, '')}</span>
      <label>
        Password <input type="password" autoFocus autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} />
      </label>
      <button type="submit" disabled={password === ''}>
        Connect
      </button>
      <button type="button" onClick={cancelSitePassword}>
        Cancel
      </button>
    </form>
  );
}
