/** Host, user, password and port fields of the quick-connect bar. */
import { useState } from 'react';

/** The quick-connect bar. */
export function QuickConnectBar() {
  const [host, setHost] = useState('');
  const [user, setUser] = useState('');
  const [password, setPassword] = useState('');
  const [port, setPort] = useState('');
  return (
    <form className="quick-connect" aria-label="Quick connect" onSubmit={(e) => e.preventDefault()}>
      <label>
        Host <input value={host} onChange={(e) => setHost(e.target.value)} placeholder="ftp.example.com" />
      </label>
      <label>
        Username <input value={user} onChange={(e) => setUser(e.target.value)} autoComplete="username" />
      </label>
      <label>
        Password <input type="password" value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="current-password" />
      </label>
      <label>
        Port <input className="port" value={port} onChange={(e) => setPort(e.target.value)} inputMode="numeric" placeholder="21" />
      </label>
      <button type="submit">Quickconnect</button>
    </form>
  );
}
