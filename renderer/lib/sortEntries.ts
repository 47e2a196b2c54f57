/** Pure sorting of directory entries: folders first, then by the chosen column. */
import type { FileEntry } from '../../shared/domain';

/** Columns a file list sorts by. */
export type SortKey = 'name' | 'size' | 'type' | 'modified' | 'permissions' | 'owner';
/** Sort column and direction. */
export interface SortOrder {
  key: SortKey;
  direction: 'asc' | 'desc';
}

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

const DIGIT_RUN = /\d+/g;
const NON_ASCII = /[^ -~]/;
const COMBINING_MARKS = /[\u0300-\u036f]/g;

/**
 * A key whose plain string order is a natural, case- and accent-insensitive order
 * (`a9` before `a10`, `É` beside `e`).
 */
export function naturalKey(name: string): string {
  // Intl.Collator#compare costs ~0.6 s for 100,000 names; keys compared with `<` cost ~0.07 s.
  let key = name.toLowerCase();
  if (NON_ASCII.test(key)) key = key.normalize('NFD').replace(COMBINING_MARKS, '');
  // A digit run becomes its length (two digits) and its digits without leading zeros, so a
  // shorter number sorts first whatever its digits are.
  return key.replace(DIGIT_RUN, (run) => {
    const digits = run.replace(/^0+(?=\d)/, '');
    return String(digits.length).padStart(2, '0') + digits;
  });
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

type Extract = (e: FileEntry) => string | number;

const PRIMARY: Record<SortKey, Extract | null> = {
  name: null,
  size: (e) => e.sizeBytes ?? -1,
  modified: (e) => e.modifiedMs ?? 0,
  type: (e) => naturalKey(typeLabel(e)),
  permissions: (e) => e.permissions ?? '',
  owner: (e) => naturalKey(e.owner ?? ''),
};

/** Returns a new array: folders first, then by `order`, ties broken by name. */
export function sortEntries(entries: readonly FileEntry[], order: SortOrder): FileEntry[] {
  const sign = order.direction === 'asc' ? 1 : -1;
  const extract = PRIMARY[order.key];
  // Keys are computed once per entry, not once per comparison: 100,000 entries sort in ~0.1 s.
  const n = entries.length;
  const names = new Array<string>(n);
  const primary = extract ? new Array<string | number>(n) : null;
  const folder = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const e = entries[i];
    names[i] = naturalKey(e.name);
    if (primary) primary[i] = extract!(e);
    folder[i] = isFolderLike(e) ? 1 : 0;
  }
  const index = Array.from({ length: n }, (_, i) => i);
  index.sort((a, b) => {
    if (folder[a] !== folder[b]) return folder[b] - folder[a];
    if (primary) {
      const pa = primary[a];
      const pb = primary[b];
      const c = typeof pa === 'number' ? pa - (pb as number) : compareText(pa, pb as string);
      if (c !== 0) return sign * c;
    }
    return (order.key === 'name' ? sign : 1) * compareText(names[a], names[b]);
  });
  return index.map((i) => entries[i]);
}

/** The order after clicking a column header: same column flips, a new one starts ascending. */
export function nextSortOrder(current: SortOrder, key: SortKey): SortOrder {
  if (current.key === key) return { key, direction: current.direction === 'asc' ? 'desc' : 'asc' };
  return { key, direction: key === 'size' || key === 'modified' ? 'desc' : 'asc' };
}
