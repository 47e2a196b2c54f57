/** A non-modal panel asking whether to trust an unknown server certificate, with its fingerprint. */
import { trustCertificate as trust } from '../../stores/remoteConnection';
import { useSession } from '../../stores/sessionStore';
import { ShieldQuestion } from 'lucide-react';

/** Shown while a certificate waits for the user's decision. */
export function TrustPanel() {
  const pending = useSession((s) => s.pendingTrust);
  const refuse = useSession((s) => s.refuseCertificate);
  if (!pending) return null;
  const c = pending.certificate;
  return (
    <section className="trust-panel" role="region" aria-label="Unknown certificate">
      <strong className="panel-headline">
        <ShieldQuestion size={16} aria-hidden />
        {pending.host} presented a certificate Ferry cannot verify.
      </strong>
      <dl>
        <dt>Subject</dt>
        <dd>{c.subject}</dd>
        <dt>Issuer</dt>
        <dd>{c.issuer}</dd>
        {c.altNames?.length ? (
          <>
            <dt>Names</dt>
            <dd>{c.altNames.join(', ')}</dd>
          </>
        ) : null}
        {c.isHostMatch === undefined ? null : (
          <>
            <dt>Host name</dt>
            <dd className={c.isHostMatch ? undefined : 'is-warning'}>
              {c.isHostMatch ? `Matches ${pending.host}` : `Does NOT match ${pending.host}: it was issued for another name`}
            </dd>
          </>
        )}
        <dt>Valid from</dt>
        <dd>{c.validFromMs === undefined ? '—' : new Date(c.validFromMs).toLocaleString()}</dd>
        <dt>Valid until</dt>
        <dd>{c.validToMs === undefined ? c.validTo : new Date(c.validToMs).toLocaleString()}</dd>
        {c.keyType ? (
          <>
            <dt>Key</dt>
            <dd>{c.keyType}</dd>
          </>
        ) : null}
        <dt>SHA-256 fingerprint</dt>
        <dd className="fingerprint">{c.fingerprint256}</dd>
      </dl>
      <p>Compare the fingerprint with the one your server administrator gave you. Trust it only if they match.</p>
      <div className="actions">
        <button type="button" className="is-primary" onClick={() => void trust()}>
          Trust once and connect
        </button>
        {/* A saved site keeps the fingerprint with it; a quick connection, with its server. */}
        <button type="button" onClick={() => void trust(true)}>
          Always trust for {pending.site ? pending.site.options.name : `${pending.host}${pending.params?.port ? `:${pending.params.port}` : ''}`}
        </button>
        <button type="button" onClick={refuse}>
          Cancel
        </button>
      </div>
    </section>
  );
}
