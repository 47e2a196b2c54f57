/** The editable path box of a pane, with up and refresh buttons. */
import { useEffect, useState } from 'react';

/** Props of the path bar. */
export interface PathBarProps {
  label: string;
  path: string;
  canGoUp: boolean;
  onNavigate(path: string): void;
  onUp(): void;
  onRefresh(): void;
}

/** Shows the current folder; Enter goes to a typed path, Escape restores the shown one. */
export function PathBar({ label, path, canGoUp, onNavigate, onUp, onRefresh }: PathBarProps) {
  const [draft, setDraft] = useState(path);
  useEffect(() => setDraft(path), [path]);
  return (
    <form
      className="path-bar"
      onSubmit={(e) => {
        e.preventDefault();
        if (draft.trim()) onNavigate(draft.trim());
      }}
    >
      <button type="button" onClick={onUp} disabled={!canGoUp} title="Parent folder" aria-label={`${label}: parent folder`}>
        ↑
      </button>
      <button type="button" onClick={onRefresh} title="Refresh" aria-label={`${label}: refresh`}>
        ⟳
      </button>
      <input
        aria-label={`${label} path`}
        value={draft}
        spellCheck={false}
        onChange={(e) => setDraft(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') setDraft(path);
        }}
      />
    </form>
  );
}
