/**
 * The permissions dialog's content: the octal mode and the nine read/write/execute boxes,
 * kept in step; closes with octal text such as `755` for SITE CHMOD.
 */
import { useState, type ComponentType } from 'react';
import type { CustomDialogProps } from '../../stores/dialogStore';
import { modeToOctal, modeToSymbolic, octalToMode, permissionBit, PERMISSION_CLASSES, PERMISSION_RIGHTS } from '../../lib/permissions';

/** Props of the permissions editor. */
export interface ChmodEditorProps extends CustomDialogProps<string> {
  initialMode: number;
}

/** Edits a mode; Enter applies, Escape (in the frame) cancels. */
export function ChmodEditor({ initialMode, close }: ChmodEditorProps) {
  const [mode, setMode] = useState(initialMode);
  const [text, setText] = useState(modeToOctal(initialMode));
  const isValid = octalToMode(text) !== undefined;

  const toggle = (bit: number) => {
    const next = mode ^ bit;
    setMode(next);
    setText(modeToOctal(next));
  };

  return (
    <form
      className="chmod-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (isValid) close(modeToOctal(mode));
      }}
    >
      <table className="chmod-grid">
        <thead>
          <tr>
            <th />
            {PERMISSION_RIGHTS.map((right) => (
              <th key={right} scope="col">
                {right[0].toUpperCase() + right.slice(1)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {PERMISSION_CLASSES.map((cls) => (
            <tr key={cls}>
              <th scope="row">{cls[0].toUpperCase() + cls.slice(1)}</th>
              {PERMISSION_RIGHTS.map((right) => {
                const bit = permissionBit(cls, right);
                return (
                  <td key={right}>
                    <input type="checkbox" aria-label={`${cls} ${right}`} checked={(mode & bit) !== 0} onChange={() => toggle(bit)} />
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <label className="dialog-field">
        Numeric value
        <input
          data-autofocus
          value={text}
          inputMode="numeric"
          maxLength={4}
          aria-invalid={!isValid || undefined}
          onChange={(e) => {
            setText(e.target.value);
            const parsed = octalToMode(e.target.value);
            if (parsed !== undefined) setMode(parsed);
          }}
        />
      </label>
      <p className="chmod-symbolic" aria-label="Symbolic permissions">
        {isValid ? modeToSymbolic(mode) : 'Enter 3 or 4 octal digits, like 644'}
      </p>
      <div className="dialog-actions">
        <button type="button" onClick={() => close(null)}>
          Cancel
        </button>
        <button type="submit" className="is-primary" disabled={!isValid}>
          Change
        </button>
      </div>
    </form>
  );
}

/** The dialog content for `useDialogs().custom`, starting from `initialMode`. */
export function chmodDialogContent(initialMode: number): ComponentType<CustomDialogProps<string>> {
  return function ChmodDialogContent({ close }: CustomDialogProps<string>) {
    return <ChmodEditor initialMode={initialMode} close={close} />;
  };
}
