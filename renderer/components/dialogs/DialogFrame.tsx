/** The frame of the small in-app dialogs: a modal labelled by its title. */
import { useId, type ReactNode } from 'react';
import { Modal } from './Modal';

/** Props of a dialog frame. */
export interface DialogFrameProps {
  title: string;
  onCancel(): void;
  children: ReactNode;
}

/** A modal dialog around its content; a click beside it cancels, as Escape does. */
export function DialogFrame({ title, onCancel, children }: DialogFrameProps) {
  const titleId = useId();
  return (
    <Modal labelledBy={titleId} className="dialog" onCancel={onCancel} closeOnBackdrop>
      <h2 id={titleId} className="dialog-title">
        {title}
      </h2>
      {children}
    </Modal>
  );
}
