/** The quick-connect bar: host (or URL), user, password, port, protocol, recent connections. */
import { useState } from 'react';
import type { TlsMode } from '../../../shared/domain';
import { parseQuickConnect, TLS_LABELS, TLS_SHORT_LABELS, type QuickConnectFields } from '../../lib/quickConnect';
import { connect, disconnect } from '../../stores/remoteConnection';
import { useSession } from '../../stores/sessionStore';
import { describeError } from '../../../shared/errorText';
import { loadRecent } from '../../stores/recentConnections';

const EMPTY: QuickConnectFields = { host: '', user: '', password: '', port: '', tls: 'explicit-if-available' };

/** Connects the remote pane to a server typed by hand. */
export function QuickConnectBar() {
  const [fields, setFields] = useState(EMPTY);
  const [problem, setProblem] = useState<string | null>(null);
  const session = useSession();
  const recent = loadRecent();
  const update = (patch: Partial<QuickConnectFields>) => setFields((f) => ({ ...f, ...patch }));

  return (
    <form
      className="quick-connect"
      aria-label="Quick connect"
      onSubmit={(e) => {
        e.preventDefault();
        const parsed = parseQuickConnect(fields);
        if (!parsed.ok) return setProblem(parsed.message);
        setProblem(null);
        void connect(parsed.params, parsed.path);
      }}
    >
      <label>
        Host <input value={fields.host} onChange={(e) => update({ host: e.target.value })} placeholder="ftp.example.com or ftp://…" />
      </label>
      <label>
        Username <input value={fields.user} onChange={(e) => update({ user: e.target.value })} autoComplete="username" placeholder="anonymous" />
      </label>
      <label>
        Password{' '}
        <input type="password" value={fields.password} onChange={(e) => update({ password: e.target.value })} autoComplete="current-password" />
      </label>
      <label>
        Port <input className="port" value={fields.port} onChange={(e) => update({ port: e.target.value })} inputMode="numeric" placeholder="21" />
      </label>
      <label>
        Protocol{' '}
        <select value={fields.tls} onChange={(e) => update({ tls: e.target.value as TlsMode })}>
          {Object.entries(TLS_SHORT_LABELS).map(([value, label]) => (
            <option key={value} value={value} title={TLS_LABELS[value as TlsMode]}>
              {label}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" disabled={session.status === 'connecting'}>
        Quickconnect
      </button>
      {recent.length > 0 ? (
        <select
          aria-label="Recent connections"
          title="Recent connections"
          value=""
          onChange={(e) => {
            const r = recent[Number(e.target.value)];
            if (r) update({ host: r.host, user: r.user ?? '', port: r.port ? String(r.port) : '', tls: r.tls, password: '' });
          }}
        >
          <option value="" disabled>
            …
          </option>
          {recent.map((r, i) => (
            <option key={i} value={i}>
              {(r.user ? `${r.user}@` : '') + r.host + (r.port ? `:${r.port}` : '')}
            </option>
          ))}
        </select>
      ) : null}
      {session.status === 'connected' ? (
        <button type="button" onClick={() => void disconnect()}>
          Disconnect
        </button>
      ) : null}
      {problem || session.error ? (
        <span className="connect-error" role="alert">
          {problem ?? (session.error ? describeError(session.error) : '')}
        </span>
      ) : null}
    </form>
  );
}
