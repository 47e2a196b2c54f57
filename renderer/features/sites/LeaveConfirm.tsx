/** Asks what to do with unsaved changes before the Site Manager selects something else or closes. */
import { useSites } from '../../stores/sitesStore';

/** A bar shown while the store holds a `pendingLeave` intent. */
export function LeaveConfirm() {
  const pending = useSites((s) => s.pendingLeave);
  const name = useSites((s) => s.editor?.form.name);
  if (!pending) return null;
  const { resolveLeave } = useSites.getState();
  return (
    <div className="sm-inline-step sm-confirm" role="alertdialog" aria-label="Unsaved changes">
      <span>Save the changes to "{name}"?</span>
      <button type="button" autoFocus onClick={() => void resolveLeave('save')}>
        Save
      </button>
      <button type="button" onClick={() => void resolveLeave('discard')}>
        Discard
      </button>
      <button type="button" onClick={() => void resolveLeave('stay')}>
        Keep editing
      </button>
    </div>
  );
}
