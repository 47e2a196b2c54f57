import { describe, expect, it } from 'vitest';
import { observationOf, RecentUploads } from '../../../electron/sync/clockObservations';

const T = Date.UTC(2026, 5, 1, 10, 15, 42);
const HOUR = 3_600_000;
const upload = (remotePath: string, extra = {}) => ({ remotePath, sourceModifiedMs: T - 5 * 86_400_000, finishedMs: T, ...extra });

describe('observationOf', () => {
  it("compares with the source's own time where the server keeps it (MFMT)", () => {
    expect(observationOf(upload('/a'), { modifiedMs: T - 5 * 86_400_000 + 2 * HOUR }, true)).toEqual({
      expectedMs: T - 5 * 86_400_000,
      reportedMs: T - 5 * 86_400_000 + 2 * HOUR,
      precision: undefined,
    });
  });

  it('compares with the end of the upload, as an approximate time, where it does not', () => {
    expect(observationOf(upload('/a'), { modifiedMs: T + 2 * HOUR, timePrecision: 'minute' }, false)).toEqual({
      expectedMs: T,
      reportedMs: T + 2 * HOUR,
      precision: 'minute',
      isApproximate: true,
    });
    // What the uploader knew wins over the listing session's features.
    expect(observationOf(upload('/a', { keepsSourceTime: false }), { modifiedMs: T }, true)?.isApproximate).toBe(true);
  });

  it('gives nothing for a listing without a time', () => {
    expect(observationOf(upload('/a'), {}, true)).toBeUndefined();
  });
});

describe('RecentUploads', () => {
  it('turns the uploaded files a listing reports into observations, once', () => {
    const recent = new RecentUploads();
    recent.note('site-1', upload('/www/a.html'));
    recent.note('site-1', upload('/www/b.html'));
    recent.note('site-2', upload('/www/a.html'));
    const listed = [
      { remotePath: '/www/a.html', modifiedMs: T + HOUR },
      { remotePath: '/www/other.html', modifiedMs: T },
    ];
    expect(recent.take('site-1', listed, false, T)).toEqual([{ expectedMs: T, reportedMs: T + HOUR, precision: undefined, isApproximate: true }]);
    expect(recent.take('site-1', listed, false, T)).toEqual([]);
    expect(recent.has('site-1')).toBe(true);
    expect(recent.has('site-2')).toBe(true);
    recent.forget('site-1');
    expect(recent.has('site-1')).toBe(false);
  });

  it('forgets uploads older than its limit, and the oldest beyond its count', () => {
    const recent = new RecentUploads({ perServer: 2, maxAgeMs: HOUR });
    recent.note('s', upload('/old', { finishedMs: T - 2 * HOUR }));
    recent.note('s', upload('/b'));
    recent.note('s', upload('/c'));
    recent.note('s', upload('/d'));
    const all = ['/old', '/b', '/c', '/d'].map((remotePath) => ({ remotePath, modifiedMs: T }));
    expect(recent.take('s', all, false, T).length).toBe(2);
    expect(recent.has('s')).toBe(false);
  });

  it('keeps the latest upload of a file uploaded twice', () => {
    const recent = new RecentUploads();
    recent.note('s', upload('/a', { finishedMs: T - 60_000 }));
    recent.note('s', upload('/a'));
    expect(recent.take('s', [{ remotePath: '/a', modifiedMs: T }], false, T)).toEqual([expect.objectContaining({ expectedMs: T })]);
  });
});
