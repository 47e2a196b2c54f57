import { describe, expect, it } from 'vitest';
import { compareTrees, comparePaths, DEFAULT_COMPARE, judge } from '../../../shared/compareTrees';
import type { CompareOptions, SyncEntry } from '../../../shared/sync';

const T = Date.UTC(2026, 5, 1, 10, 15, 42);
const file = (relPath: string, sizeBytes: number, modifiedMs = T, extra: Partial<SyncEntry> = {}): SyncEntry => ({ relPath, kind: 'file', sizeBytes, modifiedMs, ...extra });
const folder = (relPath: string): SyncEntry => ({ relPath, kind: 'folder' });
const verdicts = (local: SyncEntry[], remote: SyncEntry[], options: CompareOptions = DEFAULT_COMPARE) =>
  Object.fromEntries(compareTrees(local, remote, options).map((p) => [p.relPath, p.verdict]));

describe('compareTrees: one verdict per path', () => {
  it('gives every kind of verdict, with a reason in words', () => {
    const local = [file('same.txt', 10), file('mine.txt', 1), file('newer-here.txt', 5, T + 3_600_000), file('newer-there.txt', 5, T - 120_000), file('grown.txt', 9), folder('both'), folder('clash')];
    const remote = [file('same.txt', 10), file('theirs.txt', 1), file('newer-here.txt', 5), file('newer-there.txt', 5), file('grown.txt', 7), folder('both'), file('clash', 3)];
    const pairs = compareTrees(local, remote);
    expect(Object.fromEntries(pairs.map((p) => [p.relPath, p.verdict]))).toEqual({
      'same.txt': 'identical',
      'mine.txt': 'only-local',
      'theirs.txt': 'only-remote',
      'newer-here.txt': 'newer-local',
      'newer-there.txt': 'newer-remote',
      'grown.txt': 'size-differs',
      both: 'identical',
      clash: 'type-conflict',
    });
    const reasons = Object.fromEntries(pairs.map((p) => [p.relPath, p.reason]));
    expect(reasons['newer-here.txt']).toBe('modified 60 min later here, same size');
    expect(reasons['newer-there.txt']).toBe('modified 2 min later on the server, same size');
    expect(reasons['grown.txt']).toBe('same time, sizes differ (9 bytes here, 7 on the server)');
    expect(reasons.clash).toBe('a folder here, a file on the server');
  });

  it('orders a folder before what it holds, by path segments', () => {
    const pairs = compareTrees([file('a-b', 1), file('a/x', 1), folder('a'), file('a/b/c', 1), folder('a/b')], []);
    expect(pairs.map((p) => p.relPath)).toEqual(['a', 'a/b', 'a/b/c', 'a/x', 'a-b']);
    expect(comparePaths('a', 'a/x')).toBeLessThan(0);
  });

  it('treats times within a second as equal (MDTM and MLSD are whole seconds)', () => {
    expect(verdicts([file('f', 1, T + 900)], [file('f', 1, T)])).toEqual({ f: 'identical' });
    expect(verdicts([file('f', 1, T + 1_500)], [file('f', 1, T)])).toEqual({ f: 'newer-local' });
  });

  it('compares a LIST time known to the minute with a minute of tolerance, and one known to the day with a day', () => {
    const listed = (ms: number, timePrecision: 'minute' | 'day') => file('f', 1, ms, { timePrecision });
    // LIST shows 10:15 for a file saved at 10:15:42.
    expect(verdicts([file('f', 1, T)], [listed(Date.UTC(2026, 5, 1, 10, 15), 'minute')])).toEqual({ f: 'identical' });
    expect(verdicts([file('f', 1, T)], [listed(Date.UTC(2026, 5, 1, 10, 17), 'minute')])).toEqual({ f: 'newer-remote' });
    expect(verdicts([file('f', 1, T)], [listed(Date.UTC(2026, 5, 1), 'day')])).toEqual({ f: 'identical' });
  });

  it("applies the server's clock offset: a server an hour ahead (or in another zone) is not newer", () => {
    const options = { ...DEFAULT_COMPARE, clockOffsetMs: 3_600_000 };
    expect(verdicts([file('f', 1, T)], [file('f', 1, T + 3_600_000)], options)).toEqual({ f: 'identical' });
    expect(verdicts([file('f', 1, T)], [file('f', 1, T + 3_600_000)])).toEqual({ f: 'newer-remote' });
    expect(verdicts([file('f', 1, T + 600_000)], [file('f', 1, T + 3_600_000)], options)).toEqual({ f: 'newer-local' });
  });

  it('by size only, a file edited without a change of size is identical; by checksum the edit is caught', () => {
    const local = [file('config.ini', 100, T + 86_400_000, { checksum: 'aa' })];
    const remote = [file('config.ini', 100, T, { checksum: 'bb' })];
    expect(verdicts(local, remote, { ...DEFAULT_COMPARE, by: ['size'] })).toEqual({ 'config.ini': 'identical' });
    const byChecksum = compareTrees(local, remote, { ...DEFAULT_COMPARE, by: ['checksum'] });
    expect(byChecksum[0]).toMatchObject({ verdict: 'content-differs', reason: 'contents differ (checksums differ)' });
    expect(verdicts([file('a', 5, T, { checksum: 'cc' })], [file('a', 5, T + 9e6, { checksum: 'cc' })], { ...DEFAULT_COMPARE, by: ['checksum'] })).toEqual({ a: 'identical' });
  });

  it('falls back to size, and says so, when one side has no checksum', () => {
    const [pair] = compareTrees([file('a', 5, T, { checksum: 'cc' })], [file('a', 5, T)], { ...DEFAULT_COMPARE, by: ['checksum'] });
    expect(pair).toMatchObject({ verdict: 'identical', reason: 'same size; no checksum from the server, compared by size' });
    // Files of different sizes differ whatever their checksums: they are not hashed.
    const [sized] = compareTrees([file('a', 5, T)], [file('a', 6, T)], { ...DEFAULT_COMPARE, by: ['checksum'] });
    expect(sized).toMatchObject({ verdict: 'size-differs', reason: 'sizes differ (5 bytes here, 6 on the server)' });
  });

  it('a renamed file is one only here and one only there', () => {
    expect(verdicts([file('new-name.txt', 4)], [file('old-name.txt', 4)])).toEqual({ 'new-name.txt': 'only-local', 'old-name.txt': 'only-remote' });
  });

  it('says which side is a folder in a type conflict', () => {
    expect(judge({ kind: 'file', sizeBytes: 1 }, { kind: 'folder' }, DEFAULT_COMPARE)).toEqual({ verdict: 'type-conflict', reason: 'a file here, a folder on the server' });
  });

  it('compares ten thousand pairs in well under a second', () => {
    const local: SyncEntry[] = [];
    const remote: SyncEntry[] = [];
    for (let d = 0; d < 100; d++) {
      local.push(folder(`d${d}`));
      remote.push(folder(`d${d}`));
      for (let f = 0; f < 100; f++) {
        local.push(file(`d${d}/f${f}.txt`, f));
        remote.push(file(`d${d}/f${f}.txt`, f === 7 ? 8 : f));
      }
    }
    const pairs = compareTrees(local, remote);
    expect(pairs).toHaveLength(10_100);
    expect(pairs.filter((p) => p.verdict === 'size-differs')).toHaveLength(100);
  });
});
