/** A small inline icon for a file list entry: folder, file or link. */
import type { FileEntry } from '../../shared/domain';

/** Draws the icon of an entry's kind. */
export function EntryIcon({ entry }: { entry: FileEntry }) {
  const folder = entry.type === 'dir' || (entry.type === 'link' && entry.targetType === 'dir');
  return (
    <svg className={`entry-icon ${folder ? 'is-folder' : 'is-file'}`} viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
      {folder ? (
        <path d="M1.5 3.5h5l1.5 1.5h6.5v8h-13z" />
      ) : (
        <path d="M3.5 1.5h6l3 3v10h-9z" />
      )}
      {entry.type === 'link' ? <path className="link-mark" d="M2 14l4-4m-3 0h3v3" /> : null}
    </svg>
  );
}
