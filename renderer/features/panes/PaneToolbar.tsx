/** The pane's toolbar: transfer and file operation commands from the registry, labelled, and the folder tree toggle. */
import { Fragment } from 'react';
import { FolderTree } from 'lucide-react';
import { TOOLBAR } from '../../commands/registry';
import type { CommandContext } from '../../commands/types';
import { usePaneLayout } from '../../stores/paneLayout';
import { CommandButton } from './CommandButton';

/** Props of the pane toolbar. */
export interface PaneToolbarProps {
  label: string;
  ctx: CommandContext;
  makeContext(): CommandContext;
}

/** A row of labelled buttons; separators between groups. */
export function PaneToolbar({ label, ctx, makeContext }: PaneToolbarProps) {
  const isTreeShown = usePaneLayout((s) => s.isTreeShown[ctx.paneId]);
  const toggleTree = usePaneLayout((s) => s.toggleTree);
  return (
    <div className="pane-toolbar" role="toolbar" aria-label={`${label} actions`}>
      {TOOLBAR.map((id, i) => (
        <Fragment key={id ?? `sep-${i}`}>{id === null ? <span className="toolbar-separator" /> : <CommandButton id={id} ctx={ctx} makeContext={makeContext} />}</Fragment>
      ))}
      <span className="toolbar-separator" />
      <button
        type="button"
        className="command-button is-compact tree-toggle"
        aria-label="Folder tree"
        aria-pressed={isTreeShown}
        title={isTreeShown ? 'Hide the folder tree' : 'Show the folder tree'}
        onMouseDown={(e) => e.preventDefault()}
        onClick={() => toggleTree(ctx.paneId)}
      >
        <FolderTree size={16} aria-hidden="true" />
      </button>
    </div>
  );
}
