/**
 * The Settings dialog: Transfers, Connection, Interface and log, View/Edit, Confirmations. Save checks every
 * field (settingsForm.ts) and shows a message beside each bad one without saving anything; the main
 * process checks again (a folder that does not exist) and its refusal lands at the field too.
 */
import { useId, useState, type ReactNode } from 'react';
import { describeError } from '../../../shared/errorText';
import { SETTING_LIMITS, THEMES, TRANSFER_TYPES, type Theme, type TransferTypeSetting } from '../../../shared/settings';
import { DialogFrame } from '../../components/dialogs/DialogFrame';
import { useSettings } from '../../stores/settingsStore';
import { isDesktopApp } from '../../api/getApi';
import { fieldOf, formOf, settingsFromForm, type FormErrors, type FormField, type SettingsForm } from './settingsForm';

const TYPE_LABELS: Record<TransferTypeSetting, string> = { auto: 'Auto', ascii: 'ASCII', binary: 'Binary' };
const THEME_LABELS: Record<Theme, string> = { system: 'System', light: 'Light', dark: 'Dark' };

/** What the editor command is for; a browser window edits in its own editor whatever it says. */
const EDITOR_HINT =
  'The program View/Edit opens files with, e.g. code --wait; %f stands for the file, else it is added last. Empty: the system\'s default application.' +
  (isDesktopApp() ? '' : ' This browser window edits in its own editor; the command is for the desktop app.');

/** A labelled field with its message when it is wrong. */
function Field({ label, error, hint, children }: { label: string; error?: string; hint?: string; children: (props: { id: string; 'aria-invalid'?: true; 'aria-describedby'?: string }) => ReactNode }) {
  const id = useId();
  const describedBy = [error ? `${id}-error` : '', hint ? `${id}-hint` : ''].filter(Boolean).join(' ');
  return (
    <div className="settings-field">
      <label htmlFor={id}>{label}</label>
      {children({ id, ...(error ? { 'aria-invalid': true as const } : {}), ...(describedBy ? { 'aria-describedby': describedBy } : {}) })}
      {hint ? (
        <p id={`${id}-hint`} className="settings-hint">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="settings-error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** A checkbox with its label. */
function Check({ label, checked, onChange }: { label: string; checked: boolean; onChange(checked: boolean): void }) {
  return (
    <label className="settings-check">
      <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} />
      {label}
    </label>
  );
}

/** The dialog over the settings in force; closes on Save (once saved) or Cancel. */
export function SettingsDialog() {
  const settings = useSettings((s) => s.settings);
  const save = useSettings((s) => s.save);
  const close = useSettings((s) => s.closeDialog);
  const [form, setForm] = useState<SettingsForm | null>(() => (settings ? formOf(settings) : null));
  const [errors, setErrors] = useState<FormErrors>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [isSaving, setSaving] = useState(false);
  // Settings that arrive after the dialog opened (a slow first load) fill an untouched form.
  if (!form && settings) setForm(formOf(settings));

  const edit = <K extends keyof SettingsForm>(key: K, value: SettingsForm[K]) => {
    setForm((f) => (f ? { ...f, [key]: value } : f));
    if (key in errors) setErrors((e) => ({ ...e, [key]: undefined }));
  };

  const submit = async () => {
    if (!form) return;
    const read = settingsFromForm(form);
    if ('errors' in read) return setErrors(read.errors);
    setSaving(true);
    const refusal = await save(read.settings);
    setSaving(false);
    if (!refusal) return close();
    const placed: FormErrors = {};
    for (const issue of refusal.issues ?? []) {
      const field: FormField | undefined = fieldOf(issue.field);
      if (field) placed[field] = issue.message;
    }
    setErrors(placed);
    setProblem(Object.keys(placed).length ? null : describeError(refusal));
  };

  return (
    <DialogFrame title="Settings" onCancel={close} closeOnBackdrop={false}>
      <div className="settings-dialog">
        {!form ? (
          <p role="status">Loading the settings…</p>
        ) : (
          <form
            aria-label="Settings"
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              void submit();
            }}
          >
            <fieldset>
              <legend>Transfers</legend>
              <div className="settings-row" role="radiogroup" aria-label="Transfer type">
                <span>Transfer type</span>
                {TRANSFER_TYPES.map((type) => (
                  <label key={type}>
                    <input type="radio" name="transfer-type" value={type} checked={form.type === type} onChange={() => edit('type', type)} data-autofocus={form.type === type ? true : undefined} />
                    {TYPE_LABELS[type]}
                  </label>
                ))}
              </div>
              <Field label="ASCII extensions" error={errors.extensions} hint="Auto sends these as ASCII (line endings converted), everything else as binary. FileZilla's list by default.">
                {(props) => <input {...props} type="text" spellCheck={false} value={form.extensions} onChange={(e) => edit('extensions', e.target.value)} />}
              </Field>
              <div className="settings-row">
                <Check label="Files without an extension as ASCII" checked={form.isNoExtensionAscii} onChange={(v) => edit('isNoExtensionAscii', v)} />
                <Check label="Dotfiles as ASCII" checked={form.isDotfileAscii} onChange={(v) => edit('isDotfileAscii', v)} />
              </div>
              <Field label="Transfers at once per server" error={errors.perServer} hint="For sites without their own limit; the queue's Per server list sets the same value.">
                {(props) => (
                  <input {...props} className="settings-number" type="number" min={SETTING_LIMITS.transfersPerServer.min} max={SETTING_LIMITS.transfersPerServer.max} value={form.perServer} onChange={(e) => edit('perServer', e.target.value)} />
                )}
              </Field>
              <Field label="Default local folder" error={errors.defaultLocalFolder} hint="Where the local pane opens; empty for the home folder.">
                {(props) => <input {...props} type="text" spellCheck={false} placeholder="Home folder" value={form.defaultLocalFolder} onChange={(e) => edit('defaultLocalFolder', e.target.value)} />}
              </Field>
            </fieldset>

            <fieldset>
              <legend>Connection</legend>
              <Field label="Timeout in seconds" error={errors.timeoutSeconds} hint="How long to wait for a connection or a reply; applies to new connections.">
                {(props) => (
                  <input {...props} className="settings-number" type="number" min={SETTING_LIMITS.timeoutSeconds.min} max={SETTING_LIMITS.timeoutSeconds.max} value={form.timeoutSeconds} onChange={(e) => edit('timeoutSeconds', e.target.value)} />
                )}
              </Field>
              <Check label="Keep idle connections open (send NOOP)" checked={form.isKeepAlive} onChange={(v) => edit('isKeepAlive', v)} />
              <Field label="Keep-alive interval in seconds" error={errors.keepAliveSeconds}>
                {(props) => (
                  <input
                    {...props}
                    className="settings-number"
                    type="number"
                    min={SETTING_LIMITS.keepAliveSeconds.min}
                    max={SETTING_LIMITS.keepAliveSeconds.max}
                    disabled={!form.isKeepAlive}
                    value={form.keepAliveSeconds}
                    onChange={(e) => edit('keepAliveSeconds', e.target.value)}
                  />
                )}
              </Field>
            </fieldset>

            <fieldset>
              <legend>Interface and log</legend>
              <Field label="Theme">
                {(props) => (
                  <select {...props} value={form.theme} onChange={(e) => edit('theme', e.target.value as Theme)}>
                    {THEMES.map((theme) => (
                      <option key={theme} value={theme}>
                        {THEME_LABELS[theme]}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              <Check label="Show raw commands and server replies in the log" checked={form.showRawReplies} onChange={(v) => edit('showRawReplies', v)} />
              <Check label="Show hints in the log" checked={form.showHints} onChange={(v) => edit('showHints', v)} />
            </fieldset>

            <fieldset>
              <legend>View/Edit</legend>
              <Field label="Editor" error={errors.editorCommand} hint={EDITOR_HINT}>
                {(props) => <input {...props} type="text" spellCheck={false} placeholder="The system's default application" value={form.editorCommand} onChange={(e) => edit('editorCommand', e.target.value)} />}
              </Field>
            </fieldset>

            <fieldset>
              <legend>Confirmations</legend>
              <Check label="Ask before deleting files and folders" checked={form.confirmDelete} onChange={(v) => edit('confirmDelete', v)} />
              <Check label="Ask before cancelling all transfers" checked={form.confirmCancelAll} onChange={(v) => edit('confirmCancelAll', v)} />
            </fieldset>

            {problem ? (
              <p className="settings-error" role="alert">
                {problem}
              </p>
            ) : null}
            <div className="dialog-actions">
              <button type="button" onClick={close}>
                Cancel
              </button>
              <button type="submit" className="is-primary" disabled={isSaving}>
                Save
              </button>
            </div>
          </form>
        )}
      </div>
    </DialogFrame>
  );
}
