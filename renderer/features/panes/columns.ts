/** The columns of the file lists: which each pane shows, and the text and tooltip of each cell. */
import type { FileEntry } from '../../../shared/domain';
import { formatBytesExact, formatDate, formatSize } from '../../lib/format';
import { modeToOctal, symbolicToMode } from '../../lib/permissions';
import { typeLabel, type SortKey } from '../../lib/sortEntries';

/** One column of a file list (the name column draws its icon itself). */
export interface Column {
  key: SortKey;
  label: string;
  className: string;
  text(entry: FileEntry): string;
  /** Hover text: exact bytes, the full date, the octal mode. */
  title?(entry: FileEntry): string | undefined;
}

const pad = (n: number) => String(n).padStart(2, '0');

const name: Column = { key: 'name', label: 'Name', className: 'col-name', text: (e) => e.name };
const size: Column = {
  key: 'size',
  label: 'Size',
  className: 'col-size',
  text: (e) => (e.type === 'dir' ? '' : formatSize(e.sizeBytes)),
  title: (e) => formatBytesExact(e.sizeBytes) || undefined,
};
const type: Column = { key: 'type', label: 'Type', className: 'col-type', text: typeLabel };
const modified: Column = {
  key: 'modified',
  label: 'Modified',
  className: 'col-modified',
  text: (e) => formatDate(e.modifiedMs),
  title: (e) => {
    if (e.modifiedMs === undefined) return undefined;
    const d = new Date(e.modifiedMs);
    return `${formatDate(e.modifiedMs)}:${pad(d.getSeconds())}`;
  },
};
const permissions: Column = {
  key: 'permissions',
  label: 'Permissions',
  className: 'col-perms',
  text: (e) => e.permissions ?? '',
  title: (e) => {
    const mode = symbolicToMode(e.permissions);
    return mode === undefined ? e.permissions : `${e.permissions} (${modeToOctal(mode)})`;
  },
};
const owner: Column = {
  key: 'owner',
  label: 'Owner',
  className: 'col-owner',
  text: (e) => [e.owner, e.group].filter(Boolean).join(' '),
  title: (e) => (e.owner || e.group ? `Owner ${e.owner ?? '?'}, group ${e.group ?? '?'}` : undefined),
};

/** Columns of the local pane. */
export const LOCAL_COLUMNS: readonly Column[] = [name, size, type, modified];
/** Columns of the remote pane: also permissions and owner, as FileZilla shows them. */
export const REMOTE_COLUMNS: readonly Column[] = [name, size, type, modified, permissions, owner];
