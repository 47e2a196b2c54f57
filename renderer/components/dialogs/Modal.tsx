/**
 * Every modal window of the app, on the platform's own `<dialog>` opened with showModal():
 * the browser keeps Tab inside it, makes the rest of the window inert (also for screen
 * readers) and draws one backdrop, so every dialog dims the window the same way. Escape
 * cancels; focus goes back to where it was when the dialog closes.
 */
import { useLayoutEffect, useRef, type KeyboardEvent, type MouseEvent, type ReactNode } from 'react';

/** Props of a modal. */
export interface ModalProps {
  /** The id of the element naming the dialog (its title). */
  labelledBy: string;
  className?: string;
  /** Escape, or a click on the backdrop when `closeOnBackdrop`. */
  onCancel(): void;
  /** Whether a click beside the dialog cancels it (not for dialogs holding unsaved input). */
  closeOnBackdrop?: boolean;
  /** Where keyboard focus starts; otherwise the first `[data-autofocus]`, else the browser's choice. */
  initialFocus?: string;
  children: ReactNode;
}

/** A modal dialog, open while mounted. */
export function Modal({ labelledBy, className, onCancel, closeOnBackdrop = false, initialFocus, children }: ModalProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const cancel = useRef(onCancel);
  cancel.current = onCancel;

  // Before the first paint, so the dialog never shows for a frame as part of the page.
  useLayoutEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const before = document.activeElement as HTMLElement | null;
    if (!dialog.open) dialog.showModal();
    dialog.querySelector<HTMLElement>(initialFocus ?? '[data-autofocus]')?.focus();
    return () => {
      if (dialog.open) dialog.close();
      // Back to the list or button that opened the dialog, so keyboard work goes on there.
      if (before && document.contains(before)) before.focus();
    };
    // Opened once per mount; the focus target is read at that moment only.
  }, []);

  const onKeyDown = (e: KeyboardEvent<HTMLDialogElement>) => {
    // Keys must not reach the panes behind the dialog (Delete, F2, ...).
    e.stopPropagation();
    if (e.key === 'Escape') {
      // Handled here rather than by the browser's close request, which may close the
      // dialog without asking when Escape is pressed twice.
      e.preventDefault();
      cancel.current();
    }
  };

  const onMouseDown = (e: MouseEvent<HTMLDialogElement>) => {
    if (!closeOnBackdrop || e.target !== e.currentTarget) return;
    const box = e.currentTarget.getBoundingClientRect();
    const isOutside = e.clientX < box.left || e.clientX > box.right || e.clientY < box.top || e.clientY > box.bottom;
    if (isOutside) cancel.current();
  };

  return (
    <dialog
      ref={ref}
      className={`modal${className ? ` ${className}` : ''}`}
      aria-labelledby={labelledBy}
      onKeyDown={onKeyDown}
      onMouseDown={onMouseDown}
      onCancel={(e) => {
        e.preventDefault();
        cancel.current();
      }}
    >
      {children}
    </dialog>
  );
}
