/**
 * A non-modal panel for a server that offers no TLS although the connection asked for it if
 * available: go on unencrypted once or always for this server, or cancel. For a server that used
 * TLS before and refuses it now, only a warning: that is how stripping TLS looks.
 */
import { ShieldAlert } from 'lucide-react';
import { continueWithoutTls } from '../../stores/remoteConnection';
import { useSession } from '../../stores/sessionStore';

/** Shown while a connection waits for the user's answer about TLS. */
export function PlainTextPanel() {
  const pending = useSession((s) => s.pendingPlain);
  const dismiss = useSession((s) => s.dismissPlain);
  if (!pending) return null;
  if (pending.kind === 'downgrade') {
    return (
      <section className="trust-panel is-warning" role="alert" aria-label="TLS refused">
        <strong>{pending.host} no longer offers TLS. Ferry did not connect.</strong>
        <p>{pending.message}</p>
        <div className="actions">
          <button type="button" onClick={dismiss}>
            Close
          </button>
        </div>
      </section>
    );
  }
  return (
    <section className="trust-panel" role="region" aria-label="Server without TLS">
      <strong className="panel-headline">
        <ShieldAlert size={16} aria-hidden />
        {pending.host} does not support TLS.
      </strong>
      <p>Your password and files would travel unencrypted: anyone on the network path could read them. Ferry has not sent your password.</p>
      <div className="actions">
        <button type="button" onClick={() => void continueWithoutTls('once')}>
          Continue once
        </button>
        <button type="button" onClick={() => void continueWithoutTls('always')}>
          Always for this server
        </button>
        <button type="button" onClick={dismiss}>
          Cancel
        </button>
      </div>
    </section>
  );
}
