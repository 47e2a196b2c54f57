/**
 * The site's password field, or its key's passphrase for logon type `key`. It never shows a saved
 * one (the renderer never receives it): it says whether one is saved, lets typing replace it, and
 * offers to forget it. When it cannot be saved right now it says why instead of accepting text
 * that would be lost.
 */
import { hasSecret } from '../../../shared/sites';
import type { SitesStatus } from '../../../shared/sites';
import type { SiteForm } from '../../stores/sitesForm';
import { controlProps, Field } from './Field';

/** Props: the form, how passwords are stored, and the callbacks to change the form or open the Passwords tab. */
export interface SitePasswordFieldProps {
  form: SiteForm;
  status: SitesStatus | null;
  error?: string;
  onEdit(patch: Partial<SiteForm>): void;
  onShowPasswords(): void;
}

/** The password row of the site form. */
export function SitePasswordField({ form, status, error, onEdit, onShowPasswords }: SitePasswordFieldProps) {
  const id = 'site-password';
  const isKey = form.logonType === 'key';
  if (form.logonType !== 'ask' && !hasSecret(form.logonType)) return null;
  if (form.logonType === 'ask') {
    return (
      <Field id={id} label="Password">
        <span className="sm-note" id={id}>
          Ferry asks for the password each time you connect and never saves it.
        </span>
      </Field>
    );
  }
  const canStore = status?.canStorePasswords === true;
  const why = !canStore ? cannotStoreReason(status, form.hasSavedPassword, isKey ? 'passphrase' : 'password') : null;
  const placeholder = form.hasSavedPassword && !form.forgetPassword ? 'Saved – type to replace' : canStore ? '' : 'Not saved';
  return (
    <Field
      id={id}
      label={isKey ? 'Key passphrase' : 'Password'}
      error={error}
      hint={
        why ? (
          <>
            {why}{' '}
            {status?.secretMode !== 'keychain' ? (
              <button type="button" className="sm-link" onClick={onShowPasswords}>
                Password storage…
              </button>
            ) : null}
          </>
        ) : (
          <SavedState form={form} onEdit={onEdit} what={isKey ? 'passphrase' : 'password'} />
        )
      }
    >
      <input
        {...controlProps(id, error)}
        type="password"
        autoComplete="new-password"
        value={form.password}
        placeholder={placeholder}
        disabled={!canStore}
        onChange={(e) => onEdit({ password: e.target.value, forgetPassword: false })}
      />
    </Field>
  );
}

function SavedState({ form, onEdit, what }: { form: SiteForm; onEdit: SitePasswordFieldProps['onEdit']; what: 'password' | 'passphrase' }) {
  if (form.password !== '') return <span className="sm-note">The new {what} is saved when you press Save.</span>;
  if (form.forgetPassword) {
    return (
      <span className="sm-note">
        The saved {what} will be deleted when you press Save.{' '}
        <button type="button" className="sm-link" onClick={() => onEdit({ forgetPassword: false })}>
          Keep it
        </button>
      </span>
    );
  }
  if (!form.hasSavedPassword) {
    const when = what === 'passphrase' ? 'when the key needs one (leave empty for a key without)' : 'when you connect';
    return <span className="sm-note">No {what} saved: Ferry will ask {when}.</span>;
  }
  return (
    <span className="sm-note" data-testid="password-saved">
      A {what} is saved for this site.{' '}
      <button type="button" className="sm-link" onClick={() => onEdit({ forgetPassword: true, password: '' })}>
        Forget saved {what}
      </button>
    </span>
  );
}

/** Why a typed password (or key passphrase) could not be kept right now, in the user's terms. */
function cannotStoreReason(status: SitesStatus | null, hasSaved: boolean, what: 'password' | 'passphrase'): string {
  const asks = what === 'passphrase' ? 'Ferry asks for it when the key needs one' : 'Ferry asks when you connect';
  if (!status) return 'Loading password storage…';
  if (status.secretMode === 'keychain') return `The system keychain is not available, so ${asks}.`;
  if (status.isLocked) {
    const saved = hasSaved ? `A ${what} is saved, but saved` : 'Saved';
    return `${saved} passwords are locked: unlock them with your master password to use or change them.`;
  }
  return `${what === 'passphrase' ? 'Passphrases' : 'Passwords'} are not saved in "ask each time" mode: ${asks}.`;
}
