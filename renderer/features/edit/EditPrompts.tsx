/** Where View/Edit's dialogs hang in the window: loaded the first time a file is being edited. */
import { lazy, Suspense } from 'react';
import { useEdits } from '../../stores/editStore';

const EditDialogs = lazy(() => import('./EditDialogs'));

/** Mounted once in the window; nothing until a file is being edited. */
export function EditPrompts() {
  const hasEdits = useEdits((s) => s.edits.length > 0 || s.editor !== null || s.isListOpen);
  if (!hasEdits) return null;
  return (
    <Suspense fallback={null}>
      <EditDialogs />
    </Suspense>
  );
}
