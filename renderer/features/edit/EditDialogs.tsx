/**
 * The dialogs of View/Edit, loaded once a file is being edited (a chunk of their own, so a window
 * that never edits does not carry them): a save waiting to be uploaded, a conflict waiting for an
 * answer, the list of files being edited, and the built-in editor, which comes in a further chunk
 * with CodeMirror only when a file is opened in it.
 */
import { lazy, Suspense } from 'react';
import { useEdits } from '../../stores/editStore';
import { ConflictDialog } from './ConflictDialog';
import { EditsDialog } from './EditsDialog';
import { UploadOfferDialog } from './UploadOfferDialog';

const EditorDialog = lazy(() => import('./EditorDialog'));

/** Every View/Edit dialog that has something to show. */
export default function EditDialogs() {
  const isEditorOpen = useEdits((s) => s.editor !== null);
  const isListOpen = useEdits((s) => s.isListOpen);
  return (
    <>
      {isEditorOpen ? (
        <Suspense fallback={null}>
          <EditorDialog />
        </Suspense>
      ) : null}
      {isListOpen ? <EditsDialog /> : null}
      <UploadOfferDialog />
      <ConflictDialog />
    </>
  );
}
