import { describe, expect, it } from 'vitest';
import { clockOffsetOf } from '../../../electron/sync/clockOffset';

const T = Date.UTC(2026, 5, 1, 10, 15, 42);
const HOUR = 3_600_000;
const listed = (ms: number) => Math.floor(ms / 60_000) * 60_000;

describe('clockOffsetOf', () => {
  it('is none when the server agrees (MDTM to the second, LIST to the minute)', () => {
    expect(clockOffsetOf([{ expectedMs: T, reportedMs: T }])).toBe(0);
    expect(clockOffsetOf([{ expectedMs: T, reportedMs: listed(T), precision: 'minute' }])).toBe(0);
  });

  it('finds a server listing in its own zone (LIST, UTC+2 and UTC-5:30) as that zone', () => {
    expect(clockOffsetOf([{ expectedMs: T, reportedMs: listed(T + 2 * HOUR), precision: 'minute' }])).toBe(2 * HOUR);
    expect(clockOffsetOf([{ expectedMs: T, reportedMs: listed(T - 5.5 * HOUR), precision: 'minute' }])).toBe(-5.5 * HOUR);
  });

  it('finds a clock that is minutes off as skew, by the median of several files', () => {
    const skew = 7 * 60_000 + 20_000;
    const seen = [T, T + 5_000, T + 9_000].map((t) => ({ expectedMs: t, reportedMs: t + skew }));
    seen.push({ expectedMs: T, reportedMs: T + 10 * HOUR });
    expect(clockOffsetOf(seen)).toBe(skew);
  });

  it('learns nothing from times known only to the day', () => {
    expect(clockOffsetOf([{ expectedMs: T, reportedMs: Date.UTC(2026, 5, 1), precision: 'day' }])).toBeUndefined();
    expect(clockOffsetOf([])).toBeUndefined();
  });
});

describe('clockOffsetOf with approximate observations (the end of an upload, not a time the server kept)', () => {
  it('takes seconds of delay for no offset, and a zone for that zone', () => {
    const late = { expectedMs: T, reportedMs: T - 7_000, isApproximate: true };
    expect(clockOffsetOf([late])).toBe(0);
    expect(clockOffsetOf([{ ...late, reportedMs: T + 2 * HOUR - 7_000 }])).toBe(2 * HOUR);
  });
});
