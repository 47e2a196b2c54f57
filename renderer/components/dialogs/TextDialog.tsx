/** A dialog asking for one line of text (a folder name, a new name), with validation. */
import { useEffect, useRef, useState } from 'react';
import type { AskTextOptions } from '../../stores/dialogStore';
import { DialogFrame } from './DialogFrame';

/** Props of the text dialog. */
export interface TextDialogProps {
  options: AskTextOptions;
  onDone(value: string | null): void;
}

/** Enter accepts a valid answer, Escape cancels. */
export function TextDialog({ options, onDone }: TextDialogProps) {
  const [value, setValue] = useState(options.initial ?? '');
  const [problem, setProblem] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    // Select the part a user most likely replaces: the base name, not the extension.
    input.current?.setSelectionRange(0, options.selectEnd ?? input.current.value.length);
  }, [options.selectEnd]);

  return (
    <DialogFrame title={options.title} onCancel={() => onDone(null)}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          const found = options.validate?.(value) ?? null;
          if (found) setProblem(found);
          else onDone(value);
        }}
      >
        <label className="dialog-field">
          {options.label}
          <input
            ref={input}
            data-autofocus
            value={value}
            spellCheck={false}
            aria-invalid={problem ? true : undefined}
            onChange={(e) => {
              setValue(e.target.value);
              if (problem) setProblem(options.validate?.(e.target.value) ?? null);
            }}
          />
        </label>
        {problem ? (
          <p className="dialog-problem" role="alert">
            {problem}
          </p>
        ) : null}
        <div className="dialog-actions">
          <button type="button" onClick={() => onDone(null)}>
            Cancel
          </button>
          <button type="submit" className="is-primary">
            {options.confirmLabel ?? 'OK'}
          </button>
        </div>
      </form>
    </DialogFrame>
  );
}
