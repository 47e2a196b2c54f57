/**
 * A non-modal panel asking whether to trust a server's identity Ferry cannot vouch for: a TLS
 * certificate it cannot verify, or an SSH host key it does not know, with the fingerprint to
 * compare. A host key that changed is shown as a warning with the old and new fingerprints and
 * how to remove the old one; it is never offered for trust.
 */
import { ShieldAlert, ShieldQuestion } from 'lucide-react';
import type { CertificateDetails } from '../../../shared/domain';
import { trustCertificate as trust } from '../../stores/remoteConnection';
import { useSession, type PendingTrust } from '../../stores/sessionStore';
import { HostKeyFacts } from './HostKeyFacts';

/** Shown while a certificate or host key waits for the user's decision. */
export function TrustPanel() {
  const pending = useSession((s) => s.pendingTrust);
  const refuse = useSession((s) => s.refuseCertificate);
  if (!pending) return null;
  if (pending.hostKey?.previous) return <ChangedKeyPanel pending={pending} onClose={refuse} />;
  const port = pending.hostKey ? `:${pending.hostKey.port}` : pending.params?.port ? `:${pending.params.port}` : '';
  return (
    <section className="trust-panel" role="region" aria-label={pending.hostKey ? 'Unknown host key' : 'Unknown certificate'}>
      <strong className="panel-headline">
        <ShieldQuestion size={16} aria-hidden />
        {pending.hostKey ? `${pending.host}${port} presented an SSH host key Ferry does not know.` : `${pending.host} presented a certificate Ferry cannot verify.`}
      </strong>
      {pending.hostKey ? <HostKeyFacts hostKey={pending.hostKey} /> : <CertificateFacts host={pending.host} certificate={pending.certificate!} />}
      <p>
        Compare the fingerprint with the one your server administrator gave you. Trust it only if they match.
        {pending.hostKey ? ' Nothing has been sent to the server yet.' : ''}
      </p>
      <div className="actions">
        <button type="button" className="is-primary" onClick={() => void trust()}>
          Trust once and connect
        </button>
        {/* A saved site keeps a certificate with it, a quick connection with its server; host keys are kept per server. */}
        <button type="button" onClick={() => void trust(true)}>
          Always trust for {pending.site && !pending.hostKey ? pending.site.options.name : `${pending.host}${port}`}
        </button>
        <button type="button" onClick={refuse}>
          Cancel
        </button>
      </div>
    </section>
  );
}

/** A host key other than the one known for the server: a warning, the two keys, and the way out. */
function ChangedKeyPanel({ pending, onClose }: { pending: PendingTrust; onClose(): void }) {
  const key = pending.hostKey!;
  return (
    <section className="trust-panel is-warning" role="alert" aria-label="Host key changed">
      <strong className="panel-headline">
        <ShieldAlert size={16} aria-hidden />
        The host key of {key.host}:{key.port} has changed. Ferry refused the connection and sent nothing.
      </strong>
      <HostKeyFacts hostKey={key} />
      <p>
        Someone may be intercepting the connection, or the server&apos;s key was replaced. Ask the server&apos;s administrator. Only if they confirm the new
        fingerprint, remove the old key and connect again:
      </p>
      <p className="fingerprint">{key.previous!.removeCommand}</p>
      <div className="actions">
        <button type="button" className="is-primary" onClick={onClose}>
          Close
        </button>
      </div>
    </section>
  );
}

/** What a user checks of a certificate. */
function CertificateFacts({ host, certificate: c }: { host: string; certificate: CertificateDetails }) {
  return (
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
          <dd className={c.isHostMatch ? undefined : 'is-warning'}>{c.isHostMatch ? `Matches ${host}` : `Does NOT match ${host}: it was issued for another name`}</dd>
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
  );
}
