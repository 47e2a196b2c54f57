/** The quick-connect bar: host (or URL), user, password, port, protocol, recent connections. */
import { Plug, Unplug } from 'lucide-react';
import { useRef, useState } from 'react';
import { parseQuickConnect, type QuickConnectFields } from '../../lib/quickConnect';
import { PROTOCOL_LABELS, PROTOCOL_SHORT_LABELS, protocolChoiceOf, type ProtocolChoice } from '../../lib/protocolChoice';
import { connect, disconnect } from '../../stores/remoteConnection';
import { useSession } from '../../stores/sessionStore';
import { describeError } from '../../../shared/errorText';
import { loadRecent, type RecentConnection } from '../../stores/recentConnections';

const EMPTY: QuickConnectFields = { host: '', user: '', password: '', port: '', protocol: 'explicit-if-available' };

/** Connects the remote pane to a server typed by hand. */
export function QuickConnectBar() {
  const [fields, setFields] = useState(EMPTY);
  const [problem, setProblem] = useState<string | null>(null);
  /** A recent server chosen whose password was not kept: the password field asks for it. */
  const [passwordFor, setPasswordFor] = useState<string | null>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  const session = useSession();
  const recent = loadRecent();
  const update = (patch: Partial<QuickConnectFields>) => setFields((f) => ({ ...f, ...patch }));
  const nameOf = (r: RecentConnection) => (r.user ? `${r.user}@` : '') + r.host + (r.port ? `:${r.port}` : '');

  /** Connects to a recent server at once; one with a user name first asks for its password, which is never kept. */
  const reconnect = (r: RecentConnection) => {
    const next: QuickConnectFields = { host: r.host, user: r.user ?? '', port: r.port ? String(r.port) : '', protocol: protocolChoiceOf(r), password: '' };
    setFields(next);
    setProblem(null);
    if (r.user && r.user !== 'anonymous' && r.user !== 'ftp') {
      setPasswordFor(nameOf(r));
      passwordRef.current?.focus();
      return;
    }
    setPasswordFor(null);
    const parsed = parseQuickConnect(next);
    if (!parsed.ok) return setProblem(parsed.message);
    void connect(parsed.params, parsed.path);
  };

  return (
    <form
      className="quick-connect"
      aria-label="Quick connect"
      onSubmit={(e) => {
        e.preventDefault();
        const parsed = parseQuickConnect(fields);
        if (!parsed.ok) return setProblem(parsed.message);
        setProblem(null);
        setPasswordFor(null);
        void connect(parsed.params, parsed.path);
      }}
    >
      <label>
        Host <input value={fields.host} onChange={(e) => update({ host: e.target.value })} placeholder="ftp.example.com, ftp://… or sftp://…" />
      </label>
      <label>
        Username <input value={fields.user} onChange={(e) => update({ user: e.target.value })} autoComplete="username" placeholder="anonymous" />
      </label>
      <label>
        Password{' '}
        <input
          ref={passwordRef}
          type="password"
          value={fields.password}
          onChange={(e) => update({ password: e.target.value })}
          autoComplete="current-password"
          placeholder={passwordFor ? 'then press Enter' : undefined}
        />
      </label>
      <label>
        Port{' '}
        <input
          className="port"
          value={fields.port}
          onChange={(e) => update({ port: e.target.value })}
          inputMode="numeric"
          placeholder={fields.protocol === 'sftp' ? '22' : fields.protocol === 'implicit' ? '990' : '21'}
        />
      </label>
      <label>
        Protocol{' '}
        <select value={fields.protocol} onChange={(e) => update({ protocol: e.target.value as ProtocolChoice })}>
          {Object.entries(PROTOCOL_SHORT_LABELS).map(([value, label]) => (
            <option key={value} value={value} title={PROTOCOL_LABELS[value as ProtocolChoice]}>
              {label}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" className="is-primary" disabled={session.status === 'connecting'}>
        <Plug size={15} strokeWidth={1.8} aria-hidden />
        Quickconnect
      </button>
      {recent.length > 0 ? (
        <select
          aria-label="Recent connections"
          title="Connect again to a recent server"
          value=""
          onChange={(e) => {
            const r = recent[Number(e.target.value)];
            if (r) reconnect(r);
          }}
        >
          <option value="" disabled>
            Recent…
          </option>
          {recent.map((r, i) => (
            <option key={i} value={i}>
              {nameOf(r)}
            </option>
          ))}
        </select>
      ) : null}
      {passwordFor ? (
        <span className="password-hint" role="status">
          Enter the password for {passwordFor} to connect
        </span>
      ) : null}
      {session.status === 'connected' ? (
        <button type="button" onClick={() => void disconnect()}>
          <Unplug size={15} strokeWidth={1.8} aria-hidden />
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
