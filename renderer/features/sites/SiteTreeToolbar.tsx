/**
 * The buttons above the tree (New site, New folder, Duplicate, Rename, Delete, Connect) and
 * the small inline steps some of them need: a name to type, or a delete to confirm.
 */
import { useState, type KeyboardEvent } from 'react';
import { selectSelectedSite, useSites } from '../../stores/sitesStore';
import { countSitesWithin, folderName, parseKey } from '../../stores/sitesTree';

/** Which inline step is open under the toolbar. */
export type ToolbarStep = 'new-folder' | 'rename' | 'delete' | null;

/** Props: the open step is owned by the parent so the tree's F2 and Delete keys can open it too. */
export interface SiteTreeToolbarProps {
  step: ToolbarStep;
  onStep(step: ToolbarStep): void;
}

/** Toolbar and inline prompts of the tree. */
export function SiteTreeToolbar({ step, onStep }: SiteTreeToolbarProps) {
  const selection = useSites((s) => s.selection);
  const site = useSites(selectSelectedSite);
  const isBusy = useSites((s) => s.isBusy);
  const { newSite, duplicateSelected, connect } = useSites.getState();
  return (
    <div className="sm-tree-toolbar">
      <div className="sm-buttons" role="toolbar" aria-label="Site actions">
        <button type="button" onClick={() => (onStep(null), newSite())}>
          New site
        </button>
        <button type="button" onClick={() => onStep('new-folder')}>
          New folder
        </button>
        <button type="button" disabled={!site || isBusy} onClick={() => void duplicateSelected()}>
          Duplicate
        </button>
        <button type="button" disabled={!selection} onClick={() => onStep('rename')}>
          Rename
        </button>
        <button type="button" disabled={!selection} onClick={() => onStep('delete')}>
          Delete
        </button>
        <button type="button" className="sm-primary" disabled={!site || isBusy} onClick={() => site && void connect(site.id)}>
          Connect
        </button>
      </div>
      {step === 'new-folder' || step === 'rename' ? <NameStep step={step} onDone={() => onStep(null)} /> : null}
      {step === 'delete' && selection ? <DeleteStep onDone={() => onStep(null)} /> : null}
    </div>
  );
}

function NameStep({ step, onDone }: { step: 'new-folder' | 'rename'; onDone(): void }) {
  const selection = useSites((s) => s.selection);
  const site = useSites(selectSelectedSite);
  const parsed = selection ? parseKey(selection) : null;
  const current = site ? site.name : parsed?.kind === 'folder' ? folderName(parsed.path) : '';
  const [name, setName] = useState(step === 'rename' ? current : '');
  const label = step === 'rename' ? `New name for ${current}` : 'New folder name';
  const submit = async () => {
    if (!name.trim()) return;
    const { createFolder, renameSelected } = useSites.getState();
    if (await (step === 'rename' ? renameSelected(name) : createFolder(name))) onDone();
  };
  return (
    <form
      className="sm-inline-step"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <label>
        {label}{' '}
        <input
          autoFocus
          value={name}
          onChange={(e) => setName(e.target.value)}
          onKeyDown={stopEscape(onDone)}
        />
      </label>
      <button type="submit" disabled={!name.trim()}>
        {step === 'rename' ? 'Rename' : 'Create'}
      </button>
      <button type="button" onClick={onDone}>
        Cancel
      </button>
    </form>
  );
}

function DeleteStep({ onDone }: { onDone(): void }) {
  const selection = useSites((s) => s.selection)!;
  const sites = useSites((s) => s.sites);
  const parsed = parseKey(selection);
  const site = parsed.kind === 'site' ? sites.find((s) => s.id === parsed.id) : undefined;
  const count = parsed.kind === 'folder' ? countSitesWithin(parsed.path, sites) : 0;
  const question =
    parsed.kind === 'site'
      ? `Delete the site "${site?.name ?? ''}" and its saved password?`
      : `Delete the folder "${parsed.path}"${count > 0 ? ` and the ${count} site${count === 1 ? '' : 's'} in it` : ''}?`;
  return (
    <div className="sm-inline-step sm-confirm" role="alertdialog" aria-label="Confirm delete" onKeyDown={stopEscape(onDone)}>
      <span>{question}</span>
      <button
        type="button"
        className="sm-danger"
        autoFocus
        onClick={async () => {
          await useSites.getState().deleteSelected();
          onDone();
        }}
      >
        Delete
      </button>
      <button type="button" onClick={onDone}>
        Cancel
      </button>
    </div>
  );
}

/** Escape cancels an inline step only, not the whole dialog. */
function stopEscape(onDone: () => void) {
  return (e: KeyboardEvent) => {
    if (e.key !== 'Escape') return;
    e.stopPropagation();
    onDone();
  };
}
