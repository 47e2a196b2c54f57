/** A yes/no dialog that names what it is about (e.g. every item a delete will remove). */
import type { ConfirmOptions } from '../../stores/dialogStore';
import { DialogFrame } from './DialogFrame';

/** Props of the confirm dialog. */
export interface ConfirmDialogProps {
  options: ConfirmOptions;
  onDone(confirmed: boolean): void;
}

/** Enough names to recognise a selection without a dialog taller than the screen. */
const MAX_LISTED = 12;

/** Enter confirms, Escape cancels. */
export function ConfirmDialog({ options, onDone }: ConfirmDialogProps) {
  const items = options.items ?? [];
  return (
    <DialogFrame title={options.title} onCancel={() => onDone(false)}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          onDone(true);
        }}
      >
        <p className="dialog-message">{options.message}</p>
        {items.length > 0 ? (
          <ul className="dialog-items" aria-label="Items">
            {items.slice(0, MAX_LISTED).map((item) => (
              <li key={item}>{item}</li>
            ))}
            {items.length > MAX_LISTED ? <li className="dialog-more">…and {items.length - MAX_LISTED} more</li> : null}
          </ul>
        ) : null}
        <div className="dialog-actions">
          <button type="button" onClick={() => onDone(false)}>
            Cancel
          </button>
          <button type="submit" data-autofocus className={options.isDangerous ? 'is-danger' : 'is-primary'}>
            {options.confirmLabel ?? 'OK'}
          </button>
        </div>
      </form>
    </DialogFrame>
  );
}
