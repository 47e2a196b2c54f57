/** The navigation bar of a pane: back, forward, up and refresh buttons, the folder tree toggle and the editable path. */
import { useEffect, useRef, useState } from 'react';
import type { CommandContext } from '../../commands/types';
import { CommandButton } from './CommandButton';
import { TreeToggle } from './TreeToggle';

/** Props of the path bar. */
export interface PathBarProps {
  label: string;
  path: string;
  ctx: CommandContext;
  makeContext(): CommandContext;
  /** Goes to a typed path; resolves to whether the pane now shows it. */
  onNavigate(path: string): Promise<boolean>;
}

const NAVIGATION = ['back', 'forward', 'up', 'refresh'];

/** Shows the current folder; Enter goes to a typed path, Escape restores the shown one, as does a path that fails. */
export function PathBar({ label, path, ctx, makeContext, onNavigate }: PathBarProps) {
  const [draft, setDraft] = useState(path);
  // Once the user has typed, a listing that arrives must not replace what they typed.
  const isDirty = useRef(false);
  const shownPath = useRef(path);
  useEffect(() => {
    shownPath.current = path;
    if (!isDirty.current) setDraft(path);
  }, [path]);
  return (
    <form
      className="path-bar"
      onSubmit={(e) => {
        e.preventDefault();
        isDirty.current = false;
        const target = draft.trim();
        if (!target) return;
        void onNavigate(target).then((ok) => {
          // The error names the path that failed; the box shows where the pane really is.
          if (!ok && !isDirty.current) setDraft(shownPath.current);
        });
      }}
    >
      {NAVIGATION.map((id) => (
        <CommandButton key={id} id={id} ctx={ctx} makeContext={makeContext} isCompact />
      ))}
      <TreeToggle paneId={ctx.paneId} />
      <input
        aria-label={`${label} path`}
        value={draft}
        spellCheck={false}
        onChange={(e) => {
          isDirty.current = true;
          setDraft(e.target.value);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            isDirty.current = false;
            setDraft(path);
          }
        }}
      />
    </form>
  );
}
