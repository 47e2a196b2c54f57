/**
 * The site's server clock: the offset Ferry detected from files it uploaded (or that it has not
 * yet), "Detect again", and which offset comparisons apply: the detected one, none, or one set by
 * hand as hours and minutes ahead of or behind this computer. Reads and edits the form only.
 */
import { describeClockOffset } from '../../../shared/serverClock';
import type { ClockMode, SiteForm } from '../../stores/sitesForm';
import { controlProps, Field } from './Field';

/** Props: the form, its clock error, whether "Detect again" can run, and the callbacks. */
export interface ServerClockFieldsProps {
  form: SiteForm;
  error?: string;
  /** A saved site, not busy: the detected offset can be forgotten. */
  canDetectAgain: boolean;
  onEdit(patch: Partial<SiteForm>): void;
  onDetectAgain(): void;
}

const MODES: { value: ClockMode; label: string }[] = [
  { value: 'detected', label: 'As detected' },
  { value: 'none', label: 'None: times as the server gives them' },
  { value: 'custom', label: 'Set by hand' },
];

/** What was detected, in words. */
function detectedText(form: SiteForm): string {
  const d = form.clockDetected;
  if (!d) return 'not detected yet (Ferry detects it from the next files you upload to this site)';
  const when = new Date(d.atMs).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
  return `${describeClockOffset(d.offsetMs)} (detected on ${when})`;
}

/** The two rows of the clock settings. */
export function ServerClockFields({ form, error, canDetectAgain, onEdit, onDetectAgain }: ServerClockFieldsProps) {
  const id = 'site-clockOverrideMs';
  return (
    <fieldset>
      <legend>Times</legend>
      <Field id="site-clockDetected" label="Server clock">
        <span className="sm-note" id="site-clockDetected">
          {detectedText(form)}
        </span>
        {form.clockDetected && canDetectAgain ? (
          <button type="button" className="sm-link" onClick={onDetectAgain}>
            Detect again
          </button>
        ) : null}
      </Field>
      <Field
        id={id}
        label="Clock offset"
        error={error}
        hint={form.clockMode === 'custom' && form.clockDetected ? 'Comparisons use this instead of the detected offset.' : undefined}
      >
        <select {...controlProps(id, error)} value={form.clockMode} onChange={(e) => onEdit({ clockMode: e.target.value as ClockMode })}>
          {MODES.map((m) => (
            <option key={m.value} value={m.value}>
              {m.label}
            </option>
          ))}
        </select>
        {form.clockMode === 'custom' ? (
          <>
            <select aria-label="Server clock direction" value={form.clockSign} onChange={(e) => onEdit({ clockSign: e.target.value as '+' | '-' })}>
              <option value="+">ahead by</option>
              <option value="-">behind by</option>
            </select>
            <input aria-label="Hours" className="sm-port" inputMode="numeric" value={form.clockHours} placeholder="0" onChange={(e) => onEdit({ clockHours: e.target.value })} />
            h
            <input aria-label="Minutes" className="sm-port" inputMode="numeric" value={form.clockMinutes} placeholder="0" onChange={(e) => onEdit({ clockMinutes: e.target.value })} />
            min
          </>
        ) : null}
      </Field>
    </fieldset>
  );
}
