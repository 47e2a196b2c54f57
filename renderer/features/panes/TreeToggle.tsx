/** The button that shows or hides a pane's folder tree (off until asked for; remembered). */
import { FolderTree } from 'lucide-react';
import type { PaneId } from '../../commands/types';
import { usePaneLayout } from '../../stores/paneLayout';

/** A pressed-state toggle with the tree icon. */
export function TreeToggle({ paneId }: { paneId: PaneId }) {
  const isTreeShown = usePaneLayout((s) => s.isTreeShown[paneId]);
  const toggleTree = usePaneLayout((s) => s.toggleTree);
  return (
    <button
      type="button"
      className="command-button is-compact tree-toggle"
      aria-label="Folder tree"
      aria-pressed={isTreeShown}
      title={isTreeShown ? 'Hide the folder tree' : 'Show the folder tree'}
      // Keep the keyboard focus where it was, as the other toolbar buttons do.
      onMouseDown={(e) => e.preventDefault()}
      onClick={() => toggleTree(paneId)}
    >
      <FolderTree size={16} aria-hidden="true" />
    </button>
  );
}
