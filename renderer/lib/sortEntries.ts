/** Pure sorting of directory entries: folders first, then by the chosen column. */
import type { FileEntry } from '../../shared/domain';

/** Columns a file list sorts by. */
export type SortKey = 'name' | 'size' | 'type' | 'modified';
/** Sort column and direction. */
export interface SortOrder {
  key: SortKey;
  direction: 'asc' | 'desc';
}

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

/** Whether an entry behaves as a folder (a folder, or a link to one). */
export function isFolderLike(e: FileEntry): boolean {
  return e.type === 'dir' || (e.type === 'link' && e.targetType === 'dir');
}

/** The text of the type column: Folder, Link, or the extension's file type. */
export function typeLabel(e: FileEntry): string {
  if (e.type === 'dir') return 'Folder';
  if (e.type === 'link') return e.targetType === 'dir' ? 'Link to folder' : 'Link';
  if (e.type === 'other') return 'Special';
  const dot = e.name.lastIndexOf('.');
  return dot > 0 && dot < e.name.length - 1 ? `${e.name.slice(dot + 1).toUpperCase()} file` : 'File';
}

function compareBy(key: SortKey, a: FileEntry, b: FileEntry): number {
  switch (key) {
    case 'size':
      return (a.sizeBytes ?? -1) - (b.sizeBytes ?? -1);
    case 'modified':
      return (a.modifiedMs ?? 0) - (b.modifiedMs ?? 0);
    case 'type':
      return collator.compare(typeLabel(a), typeLabel(b));
    case 'name':
      return 0;
  }
}

/** Returns a new array: folders first, then by `order`, ties broken by name. */
export function sortEntries(entries: readonly FileEntry[], order: SortOrder): FileEntry[] {
  const sign = order.direction === 'asc' ? 1 : -1;
  return [...entries].sort((a, b) => {
    const folders = Number(isFolderLike(b)) - Number(isFolderLike(a));
    if (folders !== 0) return folders;
    const primary = compareBy(order.key, a, b);
    if (primary !== 0) return sign * primary;
    return (order.key === 'name' ? sign : 1) * collator.compare(a.name, b.name);
  });
}

/** The order after clicking a column header: same column flips, a new one starts ascending. */
export function nextSortOrder(current: SortOrder, key: SortKey): SortOrder {
  if (current.key === key) return { key, direction: current.direction === 'asc' ? 'desc' : 'asc' };
  return { key, direction: key === 'name' || key === 'type' ? 'asc' : 'desc' };
}
