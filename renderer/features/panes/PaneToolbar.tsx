/** The pane's toolbar: transfer and file operation commands from the registry, labelled. */
import { Fragment } from 'react';
import { TOOLBAR } from '../../commands/registry';
import type { CommandContext } from '../../commands/types';
import { CommandButton } from './CommandButton';

/** Props of the pane toolbar. */
export interface PaneToolbarProps {
  label: string;
  ctx: CommandContext;
  makeContext(): CommandContext;
}

/** A row of labelled buttons; separators between groups. */
export function PaneToolbar({ label, ctx, makeContext }: PaneToolbarProps) {
  return (
    <div className="pane-toolbar" role="toolbar" aria-label={`${label} actions`}>
      {TOOLBAR.map((id, i) => (
        <Fragment key={id ?? `sep-${i}`}>{id === null ? <span className="toolbar-separator" /> : <CommandButton id={id} ctx={ctx} makeContext={makeContext} />}</Fragment>
      ))}
    </div>
  );
}
