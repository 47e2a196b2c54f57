/** The pane's toolbar: transfer and file operation commands from the registry, labelled. */
import { Fragment } from 'react';
import { commandFor, TOOLBAR } from '../../commands/registry';
import type { CommandContext } from '../../commands/types';
import { CommandButton } from './CommandButton';

/** Props of the pane toolbar. */
export interface PaneToolbarProps {
  label: string;
  ctx: CommandContext;
  makeContext(): CommandContext;
}

/** A row of labelled buttons; separators between groups (none first, last or doubled where a pane lacks a group). */
export function PaneToolbar({ label, ctx, makeContext }: PaneToolbarProps) {
  const shown = TOOLBAR.filter((id) => id === null || commandFor(id, ctx.paneId));
  const entries = shown.filter((id, i) => id !== null || (i > 0 && i < shown.length - 1 && shown[i - 1] !== null));
  return (
    <div className="pane-toolbar" role="toolbar" aria-label={`${label} actions`}>
      {entries.map((id, i) => (
        <Fragment key={id ?? `sep-${i}`}>{id === null ? <span className="toolbar-separator" /> : <CommandButton id={id} ctx={ctx} makeContext={makeContext} />}</Fragment>
      ))}
    </div>
  );
}
