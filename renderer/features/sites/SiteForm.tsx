/** The right side of the Site Manager: every setting of the selected (or new) site, with Save and Cancel. */
import { useSites, selectIsDirty } from '../../stores/sitesStore';
import { protocolChange, type SiteForm as Form } from '../../stores/sitesForm';
import { PROTOCOL_LABELS, protocolChoiceOf, type ProtocolChoice } from '../../lib/protocolChoice';
import { controlProps, Field } from './Field';
import { SiteLogonFields } from './SiteLogonFields';
import { ServerClockFields } from './ServerClockFields';
import { TransferFields } from './TransferFields';

/** The edit form, or a short hint when nothing editable is selected. */
export function SiteForm() {
  const editor = useSites((s) => s.editor);
  const errors = useSites((s) => s.fieldErrors);
  const status = useSites((s) => s.status);
  const folders = useSites((s) => s.folders);
  const isDirty = useSites(selectIsDirty);
  const isBusy = useSites((s) => s.isBusy);
  const { edit, save, revert, setTab, connect, detectClockAgain } = useSites.getState();
  if (!editor) {
    return (
      <div className="sm-form sm-form-empty">
        <p>Select a site to edit it, or press New site.</p>
        <p className="sm-note">Double-click a site (or select it and press Connect) to open it in the remote pane.</p>
      </div>
    );
  }
  const f = editor.form;
  const isSftp = f.protocol === 'sftp';
  const text = (field: keyof Form, label: string, extra: { placeholder?: string; className?: string } = {}) => (
    <Field id={`site-${field}`} label={label} error={errors[field]}>
      <input {...controlProps(`site-${field}`, errors[field])} {...extra} value={f[field] as string} onChange={(e) => edit({ [field]: e.target.value })} />
    </Field>
  );
  return (
    <form
      className="sm-form"
      aria-label={editor.siteId ? `Site ${editor.baseline.name}` : 'New site'}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <div className="sm-form-scroll">
        {editor.siteId === null ? <p className="sm-note">New site{f.folder ? ` in ${f.folder}` : ''} – not saved yet.</p> : null}
        <fieldset>
          <legend>General</legend>
          {text('name', 'Name')}
          <Field id="site-folder" label="Folder" error={errors.folder}>
            <select {...controlProps('site-folder', errors.folder)} value={f.folder} onChange={(e) => edit({ folder: e.target.value })}>
              <option value="">(top level)</option>
              {[...new Set([...folders, f.folder].filter(Boolean))].sort().map((folder) => (
                <option key={folder} value={folder}>
                  {folder}
                </option>
              ))}
            </select>
          </Field>
          <Field id="site-protocol" label="Protocol" error={errors.protocol ?? errors.tls}>
            <select
              {...controlProps('site-protocol', errors.protocol ?? errors.tls)}
              value={protocolChoiceOf(f)}
              onChange={(e) => edit(protocolChange(f, e.target.value as ProtocolChoice))}
            >
              {Object.entries(PROTOCOL_LABELS).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          </Field>
          <div className="sm-row">
            {text('host', 'Host', { placeholder: isSftp ? 'sftp.example.com' : 'ftp.example.com' })}
            {text('port', 'Port', { placeholder: isSftp ? '22' : f.tls === 'implicit' ? '990' : '21', className: 'sm-port' })}
          </div>
          <SiteLogonFields form={f} errors={errors} status={status} onEdit={edit} onShowPasswords={() => setTab('passwords')} />
          {f.trustedFingerprint && !isSftp ? (
            <Field id="site-trustedFingerprint" label="Trusted certificate" error={errors.trustedFingerprint}>
              <span className="sm-fingerprint" id="site-trustedFingerprint">
                {f.trustedFingerprint}
              </span>
              <button type="button" className="sm-link" onClick={() => edit({ trustedFingerprint: '' })}>
                Forget
              </button>
            </Field>
          ) : null}
        </fieldset>
        <TransferFields form={f} errors={errors} onEdit={edit} />
        <ServerClockFields
          form={f}
          error={errors.clockOverrideMs}
          canDetectAgain={editor.siteId !== null && !isBusy}
          onEdit={edit}
          onDetectAgain={() => void detectClockAgain()}
        />
        <fieldset>
          <legend>Folders</legend>
          {text('localDir', 'Default local folder')}
          {text('remoteDir', 'Default remote folder', { placeholder: '/' })}
          <label className="sm-check" title="Entering a folder in one pane enters the same folder in the other, starting from these two">
            <input type="checkbox" checked={f.syncBrowsing} onChange={(e) => edit({ syncBrowsing: e.target.checked })} /> Synchronized browsing
          </label>
        </fieldset>
        <fieldset>
          <legend>Notes</legend>
          <Field id="site-comments" label="Comments" error={errors.comments}>
            <textarea {...controlProps('site-comments', errors.comments)} rows={3} value={f.comments} onChange={(e) => edit({ comments: e.target.value })} />
          </Field>
        </fieldset>
      </div>
      <div className="sm-form-actions">
        <button type="submit" disabled={isBusy || !isDirty}>
          Save
        </button>
        <button type="button" disabled={isBusy || !isDirty} onClick={revert}>
          Cancel
        </button>
        {editor.siteId ? (
          <button type="button" disabled={isBusy} onClick={() => void connect(editor.siteId!)}>
            {isDirty ? 'Save and connect' : 'Connect'}
          </button>
        ) : null}
        {isDirty ? <span className="sm-note">Unsaved changes</span> : null}
      </div>
    </form>
  );
}
