/**
 * Widths of the file list columns: defaults wide enough for what each column holds
 * (`drwxr-xr-x`, `owner group`, a full date), limits, and the CSS grid template.
 */
import type { SortKey } from './sortEntries';

/** Column widths in pixels; a column without one uses its default (the name column then fills the rest). */
export type ColumnWidths = Partial<Record<SortKey, number>>;

/** Narrower than this a column is unreadable; wider is surely a slip of the mouse. */
export const MIN_COLUMN_WIDTH = 36;
export const MAX_COLUMN_WIDTH = 1200;
/** The name column never shrinks below this while it fills the free space. */
export const MIN_NAME_WIDTH = 120;

/** Default widths of the fixed columns, enough for their longest usual text at the window's font. */
export const DEFAULT_WIDTHS: Readonly<Record<Exclude<SortKey, 'name'>, number>> = {
  size: 64,
  type: 72,
  modified: 136,
  permissions: 108,
  owner: 100,
};

/** A width kept within the limits and rounded to whole pixels; NaN gives the minimum. */
export function clampWidth(width: number): number {
  if (!Number.isFinite(width)) return MIN_COLUMN_WIDTH;
  return Math.round(Math.min(MAX_COLUMN_WIDTH, Math.max(MIN_COLUMN_WIDTH, width)));
}

/** The width a column has: its saved one, else its default (undefined for a name column that fills). */
export function widthOf(key: SortKey, widths: ColumnWidths): number | undefined {
  const saved = widths[key];
  if (saved !== undefined) return clampWidth(saved);
  return key === 'name' ? undefined : DEFAULT_WIDTHS[key];
}

/**
 * The grid template of a list's rows. A name column without a width takes the free space; once
 * sized, an empty last track takes it instead, so every column keeps the width the user gave it.
 */
export function gridTemplate(keys: readonly SortKey[], widths: ColumnWidths): string {
  let hasFiller = true;
  const tracks = keys.map((key) => {
    const width = widthOf(key, widths);
    if (width !== undefined) return `${width}px`;
    hasFiller = false;
    return `minmax(${MIN_NAME_WIDTH}px, 1fr)`;
  });
  if (hasFiller) tracks.push('1fr');
  return tracks.join(' ');
}

/** The smallest width the list needs before it scrolls sideways. */
export function minListWidth(keys: readonly SortKey[], widths: ColumnWidths): number {
  return keys.reduce((sum, key) => sum + (widthOf(key, widths) ?? MIN_NAME_WIDTH), 0);
}

/** Only known columns with usable numbers survive from saved settings. */
export function sanitizeWidths(saved: unknown): ColumnWidths {
  const widths: ColumnWidths = {};
  if (!saved || typeof saved !== 'object') return widths;
  for (const key of ['name', ...Object.keys(DEFAULT_WIDTHS)] as SortKey[]) {
    const value = (saved as Record<string, unknown>)[key];
    if (typeof value === 'number' && Number.isFinite(value)) widths[key] = clampWidth(value);
  }
  return widths;
}
