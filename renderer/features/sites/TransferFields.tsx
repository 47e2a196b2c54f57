/**
 * The site's transfer settings: the connection limit, and for FTP the transfer mode, the
 * character set of names and the server type (whose listing forms to read). SFTP has none of
 * those three: its names are UTF-8 and its listings structured. Reads and edits the form only.
 */
import { SERVER_TYPE_LABELS, SERVER_TYPES, type ServerType } from '../../../shared/serverType';
import { DATA_MODE_OPTIONS, type CharsetMode, type SiteForm } from '../../stores/sitesForm';
import { controlProps, Field } from './Field';

/** Props: the form, its errors, and the callback that changes it. */
export interface TransferFieldsProps {
  form: SiteForm;
  errors: Record<string, string>;
  onEdit(patch: Partial<SiteForm>): void;
}

/** The Transfers fieldset. */
export function TransferFields({ form: f, errors, onEdit }: TransferFieldsProps) {
  const isFtp = f.protocol !== 'sftp';
  return (
    <fieldset>
      <legend>Transfers</legend>
      {isFtp ? (
        <Field id="site-dataMode" label="Transfer mode" error={errors.dataMode}>
          <select {...controlProps('site-dataMode', errors.dataMode)} value={f.dataMode} onChange={(e) => onEdit({ dataMode: e.target.value as SiteForm['dataMode'] })}>
            {DATA_MODE_OPTIONS.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </Field>
      ) : null}
      <Field id="site-maxConnections" label="Max. connections" error={errors.maxConnections}>
        <input
          {...controlProps('site-maxConnections', errors.maxConnections)}
          className="sm-port"
          placeholder="no limit"
          value={f.maxConnections}
          onChange={(e) => onEdit({ maxConnections: e.target.value })}
        />
      </Field>
      {isFtp ? (
        <>
          <Field id="site-charset" label="Charset" error={errors.charset}>
            <select {...controlProps('site-charset', errors.charset)} value={f.charsetMode} onChange={(e) => onEdit({ charsetMode: e.target.value as CharsetMode })}>
              <option value="auto">Autodetect (UTF-8 if the server offers it)</option>
              <option value="utf8">Force UTF-8</option>
              <option value="custom">Use a named encoding</option>
            </select>
            {f.charsetMode === 'custom' ? (
              <input aria-label="Encoding name" value={f.charsetName} placeholder="ISO-8859-1" onChange={(e) => onEdit({ charsetName: e.target.value })} />
            ) : null}
          </Field>
          <Field id="site-serverType" label="Server type" error={errors.serverType}>
            <select {...controlProps('site-serverType', errors.serverType)} value={f.serverType} onChange={(e) => onEdit({ serverType: e.target.value as ServerType })}>
              {SERVER_TYPES.map((type) => (
                <option key={type} value={type}>
                  {SERVER_TYPE_LABELS[type]}
                </option>
              ))}
            </select>
          </Field>
        </>
      ) : null}
    </fieldset>
  );
}
