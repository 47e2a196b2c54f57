/**
 * The Passwords tab: where saved passwords live and what happens on restart, in plain words,
 * and the choice between a master password and asking each time (browser mode). In Electron
 * the OS keychain keeps them and there is nothing to choose.
 */
import { useState } from 'react';
import type { SitesStatus } from '../../../shared/sites';
import { useSites } from '../../stores/sitesStore';
import { ChangeMasterPasswordForm, SetMasterPasswordForm } from './MasterPasswordForms';
import { LoadIssues } from './LoadIssues';
import { UnlockForm } from './UnlockForm';

/** The password storage explanation and its actions. */
export function PasswordStoragePanel() {
  const status = useSites((s) => s.status);
  if (!status) return <p className="sm-note">Loading…</p>;
  return (
    <section className="sm-passwords" aria-label="Password storage">
      {status.secretMode === 'keychain' ? <KeychainMode status={status} /> : null}
      {status.secretMode === 'master-password' ? <MasterMode status={status} /> : null}
      {status.secretMode === 'ask-each-time' ? <ChooseMode /> : null}
      <LoadIssues status={status} />
    </section>
  );
}

function KeychainMode({ status }: { status: SitesStatus }) {
  return status.canStorePasswords ? (
    <p>
      Saved passwords are encrypted with your operating system's keychain and kept in Ferry's data folder. Only your user account on this
      computer can decrypt them, and they stay available after a restart: there is nothing to unlock.
    </p>
  ) : (
    <p>The operating system's keychain is not available, so Ferry cannot save passwords: it asks for them each time you connect.</p>
  );
}

function MasterMode({ status }: { status: SitesStatus }) {
  const [step, setStep] = useState<'change' | 'forget' | null>(null);
  const { lock, forgetPasswords } = useSites.getState();
  return (
    <>
      <h3>Saved passwords are protected by your master password</h3>
      <p>
        Each password is encrypted (scrypt and AES-256-GCM) in Ferry's data folder on this computer. The master password itself is never
        saved: after Ferry restarts, enter it once to unlock the saved passwords. If you forget it, the saved passwords cannot be recovered.
      </p>
      {status.isLocked ? (
        <UnlockForm />
      ) : (
        <div className="sm-buttons">
          <span className="sm-ok">Unlocked</span>
          <button type="button" onClick={() => void lock()}>
            Lock now
          </button>
          <button type="button" onClick={() => setStep('change')}>
            Change master password…
          </button>
        </div>
      )}
      {step === 'change' && !status.isLocked ? <ChangeMasterPasswordForm onDone={() => setStep(null)} /> : null}
      {step === 'forget' ? (
        <div className="sm-inline-step sm-confirm" role="alertdialog" aria-label="Confirm forgetting all passwords">
          <span>Delete every saved password and the master password? Ferry will then ask for passwords each time.</span>
          <button type="button" className="sm-danger" onClick={() => void forgetPasswords().then(() => setStep(null))}>
            Forget all passwords
          </button>
          <button type="button" onClick={() => setStep(null)}>
            Cancel
          </button>
        </div>
      ) : (
        <p>
          <button type="button" className="sm-link" onClick={() => setStep('forget')}>
            Forget all saved passwords…
          </button>{' '}
          {status.isLocked ? '(if you no longer know the master password)' : ''}
        </p>
      )}
    </>
  );
}

function ChooseMode() {
  const [choice, setChoice] = useState<'master' | 'ask'>('ask');
  return (
    <fieldset className="sm-choice">
      <legend>How should Ferry handle site passwords?</legend>
      <label className="sm-option">
        <input type="radio" name="secret-mode" checked={choice === 'master'} onChange={() => setChoice('master')} />
        <span>
          <strong>Protect saved passwords with a master password</strong>
          <br />
          Passwords you save are encrypted with a master password and kept in Ferry's data folder on this computer. After Ferry restarts you
          enter the master password once; then connecting to a site needs no password.
        </span>
      </label>
      {choice === 'master' ? <SetMasterPasswordForm /> : null}
      <label className="sm-option">
        <input type="radio" name="secret-mode" checked={choice === 'ask'} onChange={() => setChoice('ask')} />
        <span>
          <strong>Ask for passwords each time</strong> (current)
          <br />
          No password is written to disk. Ferry asks for it when you connect and forgets it when Ferry stops.
        </span>
      </label>
    </fieldset>
  );
}
