/** Column widths: limits, defaults, the grid template and what survives from saved settings. */
import { describe, expect, it } from 'vitest';
import { clampWidth, DEFAULT_WIDTHS, gridTemplate, MAX_COLUMN_WIDTH, MIN_COLUMN_WIDTH, minListWidth, sanitizeWidths } from '../../../renderer/lib/columnWidths';

describe('column widths', () => {
  it('keeps widths within the limits, in whole pixels', () => {
    expect(clampWidth(5)).toBe(MIN_COLUMN_WIDTH);
    expect(clampWidth(99_999)).toBe(MAX_COLUMN_WIDTH);
    expect(clampWidth(100.6)).toBe(101);
    expect(clampWidth(Number.NaN)).toBe(MIN_COLUMN_WIDTH);
  });
  it('lets an unsized name column fill the free space, and a sized one keep its width', () => {
    expect(gridTemplate(['name', 'size'], {})).toBe(`minmax(120px, 1fr) ${DEFAULT_WIDTHS.size}px`);
    expect(gridTemplate(['name', 'size'], { name: 300, size: 90 })).toBe('300px 90px 1fr');
    expect(minListWidth(['name', 'size'], { size: 90 })).toBe(120 + 90);
  });
  it('gives permissions and owner room for their usual text', () => {
    // `drwxr-xr-x` in the 11 px monospace font and "owner group" need about this much.
    expect(DEFAULT_WIDTHS.permissions).toBeGreaterThanOrEqual(84);
    expect(DEFAULT_WIDTHS.owner).toBeGreaterThanOrEqual(96);
  });
  it('keeps only known columns with usable numbers from saved settings', () => {
    expect(sanitizeWidths({ name: 250, size: 'wide', bogus: 3, owner: 10_000 })).toEqual({ name: 250, owner: MAX_COLUMN_WIDTH });
    expect(sanitizeWidths(null)).toEqual({});
    expect(sanitizeWidths('x')).toEqual({});
  });
});
