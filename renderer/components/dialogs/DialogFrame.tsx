/** The frame of the small in-app dialogs: a modal labelled by its title. */
import { useId, type ReactNode } from 'react';
import { Modal } from './Modal';

/** Props of a dialog frame. */
export interface DialogFrameProps {
  title: string;
  onCancel(): void;
  /** Whether a click beside the dialog cancels it (default); false for a form whose edits a stray click must not throw away. */
  closeOnBackdrop?: boolean;
  children: ReactNode;
}

/** A modal dialog around its content; a click beside it cancels, as Escape does (unless `closeOnBackdrop` is false). */
export function DialogFrame({ title, onCancel, closeOnBackdrop = true, children }: DialogFrameProps) {
  const titleId = useId();
  return (
    <Modal labelledBy={titleId} className="dialog" onCancel={onCancel} closeOnBackdrop={closeOnBackdrop}>
      <h2 id={titleId} className="dialog-title">
        {title}
      </h2>
      {children}
    </Modal>
  );
}
