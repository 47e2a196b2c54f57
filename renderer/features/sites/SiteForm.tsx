/** The right side of the Site Manager: every setting of the selected (or new) site, with Save and Cancel. */
import { useSites, selectIsDirty } from '../../stores/sitesStore';
import { DATA_MODE_OPTIONS, LOGON_OPTIONS, TLS_OPTIONS, type CharsetMode, type SiteForm as Form } from '../../stores/sitesForm';
import { controlProps, Field } from './Field';
import { SitePasswordField } from './SitePasswordField';
import { ServerClockFields } from './ServerClockFields';
import { SERVER_TYPE_LABELS, SERVER_TYPES, type ServerType } from '../../../shared/serverType';

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
          <Field id="site-tls" label="Protocol" error={errors.tls}>
            <select {...controlProps('site-tls', errors.tls)} value={f.tls} onChange={(e) => edit({ tls: e.target.value as Form['tls'] })}>
              {TLS_OPTIONS.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
          </Field>
          <div className="sm-row">
            {text('host', 'Host', { placeholder: 'ftp.example.com' })}
            {text('port', 'Port', { placeholder: f.tls === 'implicit' ? '990' : '21', className: 'sm-port' })}
          </div>
          <Field id="site-logonType" label="Logon type" error={errors.logonType}>
            <select
              {...controlProps('site-logonType', errors.logonType)}
              value={f.logonType}
              onChange={(e) => edit({ logonType: e.target.value as Form['logonType'] })}
            >
              {LOGON_OPTIONS.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
          </Field>
          {f.logonType !== 'anonymous' ? text('user', 'User') : null}
          <SitePasswordField form={f} status={status} error={errors.password} onEdit={edit} onShowPasswords={() => setTab('passwords')} />
          {f.trustedFingerprint ? (
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
        <fieldset>
          <legend>Transfers</legend>
          <Field id="site-dataMode" label="Transfer mode" error={errors.dataMode}>
            <select {...controlProps('site-dataMode', errors.dataMode)} value={f.dataMode} onChange={(e) => edit({ dataMode: e.target.value as Form['dataMode'] })}>
              {DATA_MODE_OPTIONS.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
          </Field>
          {text('maxConnections', 'Max. connections', { placeholder: 'no limit', className: 'sm-port' })}
          <Field id="site-charset" label="Charset" error={errors.charset}>
            <select {...controlProps('site-charset', errors.charset)} value={f.charsetMode} onChange={(e) => edit({ charsetMode: e.target.value as CharsetMode })}>
              <option value="auto">Autodetect (UTF-8 if the server offers it)</option>
              <option value="utf8">Force UTF-8</option>
              <option value="custom">Use a named encoding</option>
            </select>
            {f.charsetMode === 'custom' ? (
              <input aria-label="Encoding name" value={f.charsetName} placeholder="ISO-8859-1" onChange={(e) => edit({ charsetName: e.target.value })} />
            ) : null}
          </Field>
          <Field id="site-serverType" label="Server type" error={errors.serverType}>
            <select {...controlProps('site-serverType', errors.serverType)} value={f.serverType} onChange={(e) => edit({ serverType: e.target.value as ServerType })}>
              {SERVER_TYPES.map((type) => (
                <option key={type} value={type}>
                  {SERVER_TYPE_LABELS[type]}
                </option>
              ))}
            </select>
          </Field>
        </fieldset>
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
