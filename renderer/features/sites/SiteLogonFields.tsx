/**
 * How a site logs in: the logon type its protocol offers, the user, the private key file (typed,
 * or chosen with Browse…) and the password or the key's passphrase. Reads and edits the form only.
 */
import { useState } from 'react';
import type { SitesStatus } from '../../../shared/sites';
import { logonOptionsFor, type SiteForm } from '../../stores/sitesForm';
import { controlProps, Field } from './Field';
import { KeyFilePicker } from './KeyFilePicker';
import { SitePasswordField } from './SitePasswordField';

/** Props: the form, its errors, how passwords are stored, and the callbacks. */
export interface SiteLogonFieldsProps {
  form: SiteForm;
  errors: Record<string, string>;
  status: SitesStatus | null;
  onEdit(patch: Partial<SiteForm>): void;
  onShowPasswords(): void;
}

/** The logon rows of the site form. */
export function SiteLogonFields({ form: f, errors, status, onEdit, onShowPasswords }: SiteLogonFieldsProps) {
  const [isBrowsing, setBrowsing] = useState(false);
  return (
    <>
      <Field id="site-logonType" label="Logon type" error={errors.logonType}>
        <select {...controlProps('site-logonType', errors.logonType)} value={f.logonType} onChange={(e) => onEdit({ logonType: e.target.value as SiteForm['logonType'] })}>
          {logonOptionsFor(f.protocol).map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </Field>
      {f.logonType !== 'anonymous' ? (
        <Field id="site-user" label="User" error={errors.user}>
          <input {...controlProps('site-user', errors.user)} value={f.user} onChange={(e) => onEdit({ user: e.target.value })} />
        </Field>
      ) : null}
      {f.protocol === 'sftp' && f.logonType === 'key' ? (
        <Field id="site-keyFile" label="Key file" error={errors.keyFile} hint="A private key in OpenSSH or PEM format, e.g. ~/.ssh/id_ed25519">
          <span className="sm-key-file">
            <input
              {...controlProps('site-keyFile', errors.keyFile)}
              value={f.keyFile}
              spellCheck={false}
              placeholder="/home/you/.ssh/id_ed25519"
              onChange={(e) => onEdit({ keyFile: e.target.value })}
            />
            <button type="button" onClick={() => setBrowsing(true)}>
              Browse…
            </button>
          </span>
        </Field>
      ) : null}
      {f.protocol === 'sftp' && f.logonType === 'agent' ? (
        <Field id="site-agent" label="Keys">
          <span className="sm-note" id="site-agent">
            Ferry offers the keys the SSH agent holds (SSH_AUTH_SOCK, or Pageant on Windows); nothing is saved.
          </span>
        </Field>
      ) : null}
      {f.protocol === 'sftp' && f.logonType === 'interactive' ? (
        <Field id="site-interactive" label="Password">
          <span className="sm-note" id="site-interactive">
            The server asks its own questions (a password, a one-time code) when you connect; nothing is saved.
          </span>
        </Field>
      ) : null}
      <SitePasswordField form={f} status={status} error={errors.password} onEdit={onEdit} onShowPasswords={onShowPasswords} />
      {isBrowsing ? (
        <KeyFilePicker
          current={f.keyFile}
          onDone={(path) => {
            setBrowsing(false);
            if (path !== null) onEdit({ keyFile: path });
          }}
        />
      ) : null}
    </>
  );
}
