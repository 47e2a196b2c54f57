/**
 * Browse… for a private key file: a small chooser over the main process's own listing of the
 * local disk, so it gives a real path in the desktop app and in a browser window alike (a
 * browser's file input hides the path). Starts in the folder of the current choice, else ~/.ssh.
 */
import { useEffect, useState } from 'react';
import type { LocalListing } from '../../../shared/domain';
import { describeError } from '../../../shared/errorText';
import { getApi } from '../../api/getApi';
import { DialogFrame } from '../../components/dialogs/DialogFrame';
import { joinPath } from '../../lib/paths';
import '../connect/ssh.css';

/** Props: the path chosen so far (may be empty), and what to do with the answer (null: cancelled). */
export interface KeyFilePickerProps {
  current: string;
  onDone(path: string | null): void;
}

/** The folder a path is in, with either separator. */
function folderOf(path: string): string {
  const cut = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  return cut <= 0 ? path.slice(0, cut + 1) : path.slice(0, cut);
}

/** Public keys and known_hosts are not what a login needs; they are listed after the rest. */
const isUnlikelyKey = (name: string) => name.endsWith('.pub') || /^(known_hosts|authorized_keys|config)(\.|$)/.test(name);

/** The chooser dialog. */
export function KeyFilePicker({ current, onDone }: KeyFilePickerProps) {
  const [listing, setListing] = useState<LocalListing | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const open = async (path?: string) => {
    const result = await getApi().localList(path ? { path } : {});
    if (!result.ok) return setProblem(describeError(result.error));
    setProblem(null);
    setSelected(null);
    setListing(result.value);
  };

  useEffect(() => {
    void (async () => {
      if (current.trim()) return open(folderOf(current.trim()));
      const info = await getApi().appInfo({});
      const home = info.ok ? info.value.homeDir : undefined;
      const ssh = home ? await getApi().localList({ path: joinPath(home, '.ssh') }) : undefined;
      if (ssh?.ok) setListing(ssh.value);
      else await open(home);
    })();
    // Once, when the chooser opens.
  }, []);

  const entries = [...(listing?.entries ?? [])]
    .filter((e) => e.type === 'dir' || e.type === 'file' || e.type === 'link')
    .sort((a, b) => Number(b.type === 'dir') - Number(a.type === 'dir') || Number(isUnlikelyKey(a.name)) - Number(isUnlikelyKey(b.name)) || a.name.localeCompare(b.name));
  const choose = (name: string) => listing && onDone(joinPath(listing.path, name));

  return (
    <DialogFrame title="Choose the private key file" onCancel={() => onDone(null)}>
      <p className="path" aria-live="polite">
        {listing?.path ?? 'Loading…'}
      </p>
      <ul className="key-picker" aria-label="Files and folders">
        {listing?.parent ? (
          <li>
            <button type="button" onClick={() => void open(listing.parent!)}>
              ..
            </button>
          </li>
        ) : null}
        {entries.map((e) => (
          <li key={e.name}>
            <button
              type="button"
              className={e.type === 'dir' ? 'is-folder' : undefined}
              aria-pressed={e.type === 'dir' ? undefined : selected === e.name}
              onClick={() => (e.type === 'dir' ? void open(joinPath(listing!.path, e.name)) : setSelected(e.name))}
              onDoubleClick={() => e.type !== 'dir' && choose(e.name)}
            >
              {e.type === 'dir' ? `${e.name}/` : e.name}
            </button>
          </li>
        ))}
      </ul>
      {problem ? (
        <p className="dialog-problem" role="alert">
          {problem}
        </p>
      ) : null}
      <div className="dialog-actions">
        <button type="button" onClick={() => onDone(null)}>
          Cancel
        </button>
        <button type="button" className="is-primary" disabled={selected === null} onClick={() => selected && choose(selected)}>
          Choose
        </button>
      </div>
    </DialogFrame>
  );
}
