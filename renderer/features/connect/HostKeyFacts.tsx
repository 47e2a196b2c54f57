/** What a user checks of an SSH host key: its type and SHA-256 fingerprint, and for a changed key the one known before. */
import type { HostKeyDetails } from '../../../shared/domain';

/** The key's facts as a definition list. */
export function HostKeyFacts({ hostKey: k }: { hostKey: HostKeyDetails }) {
  return (
    <dl>
      <dt>{k.previous ? 'Presented now' : 'Key type'}</dt>
      <dd>{k.type}</dd>
      <dt>SHA-256 fingerprint</dt>
      <dd className="fingerprint">{k.fingerprint}</dd>
      {k.previous ? (
        <>
          <dt>Known before</dt>
          <dd>{k.previous.type}</dd>
          <dt>Its fingerprint</dt>
          <dd className="fingerprint">{k.previous.fingerprint}</dd>
          <dt>Kept in</dt>
          <dd className="fingerprint">{k.previous.source}</dd>
        </>
      ) : null}
    </dl>
  );
}
