/** One labelled form row of the Site Manager with its error message right beside the control. */
import type { ReactNode } from 'react';

/** Props of a field row: `id` is the control's id, from which the error's id is derived. */
export interface FieldProps {
  id: string;
  label: string;
  error?: string;
  hint?: ReactNode;
  children: ReactNode;
}

/** The id of a field's error text, for the control's `aria-describedby`. */
export function errorId(id: string): string {
  return `${id}-error`;
}

/** Props that tie a control to its label and error, so screen readers announce the message with it. */
export function controlProps(id: string, error: string | undefined) {
  return { id, 'aria-invalid': error ? true : undefined, 'aria-describedby': error ? errorId(id) : undefined } as const;
}

/** A label, a control and, when set, the control's error. */
export function Field({ id, label, error, hint, children }: FieldProps) {
  return (
    <div className={error ? 'sm-field has-error' : 'sm-field'}>
      <label htmlFor={id}>{label}</label>
      <div className="sm-control">
        {children}
        {error ? (
          <span className="sm-field-error" id={errorId(id)}>
            {error}
          </span>
        ) : null}
        {hint ? <span className="sm-hint">{hint}</span> : null}
      </div>
    </div>
  );
}
