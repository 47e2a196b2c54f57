/**
 * Whether the connection is encrypted, drawn as an icon with words (not an emoji, which a
 * font may lack), in the success colour when it is and the warning colour when it is not.
 */
import { Lock, LockOpen } from 'lucide-react';

/** Props of the security state. */
export interface SecurityStateProps {
  isSecure: boolean;
  /** The connection is SSH (SFTP), not FTP over TLS. */
  isSsh?: boolean;
}

/** "Encrypted (TLS)", "Encrypted (SSH)" or "Not encrypted". */
export function SecurityState({ isSecure, isSsh = false }: SecurityStateProps) {
  const Icon = isSecure ? Lock : LockOpen;
  const by = isSsh ? 'SSH' : 'TLS';
  return (
    <span
      className={`security ${isSecure ? 'is-secure' : 'is-plain'}`}
      title={isSecure ? `The connection is encrypted (${by})` : 'The connection is NOT encrypted: passwords and files can be read on the way'}
    >
      <Icon size={13} strokeWidth={2} aria-hidden />
      {isSecure ? `Encrypted (${by})` : 'Not encrypted'}
    </span>
  );
}
