import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { backoffDelayMs, canRetry } from '../../../electron/queue/backoff';
import { decideExists, firstFreeName, numberedName } from '../../../electron/queue/fileExists';
import { childPath, joinRemote, remoteParent, unsafeNameReason } from '../../../electron/queue/safeName';
import { Scheduler } from '../../../electron/queue/Scheduler';
import { SpeedMeter, etaSeconds } from '../../../electron/queue/SpeedMeter';

describe('backoff', () => {
  const policy = { maxRetries: 3, baseDelayMs: 1000, maxDelayMs: 5000 };
  it('doubles from the base and stops at the cap', () => {
    const noJitter = () => 0;
    expect([1, 2, 3, 4, 5].map((n) => backoffDelayMs(n, policy, noJitter))).toEqual([1000, 2000, 4000, 5000, 5000]);
  });
  it('subtracts at most 20% jitter', () => {
    expect(backoffDelayMs(2, policy, () => 1)).toBe(1600);
    expect(backoffDelayMs(2, policy, () => 0.5)).toBe(1800);
  });
  it('allows exactly maxRetries retries', () => {
    expect([1, 2, 3, 4].map((n) => canRetry(n, policy))).toEqual([true, true, true, false]);
    expect(canRetry(1, { ...policy, maxRetries: 0 })).toBe(false);
  });
});

describe('unsafe remote names', () => {
  it.each(['..', '.', '../escape', 'a/b', 'a\\b', 'nul\0byte', 'C:evil', 'c:\\x', ''])('refuses %j', (name) => {
    expect(unsafeNameReason(name)).toBeDefined();
  });
  it.each(['file.txt', '..hidden', 'a..b', '.profile', 'name with spaces', 'ünïcode'])('accepts %j', (name) => {
    expect(unsafeNameReason(name)).toBeUndefined();
  });
  it('places a listed name directly in its local folder, or nowhere', () => {
    expect(childPath(path.resolve('/a/b'), 'c')).toBe(path.resolve('/a/b/c'));
    expect(childPath(path.resolve('/'), 'c')).toBe(path.resolve('/c'));
    // What unsafeNameReason already refuses is refused again by the path check itself.
    for (const name of ['..', '.', '../c', 'x/../../c', 'a/b', '']) expect(childPath(path.resolve('/a/b'), name)).toBeUndefined();
  });
  it('joins and splits remote paths with slashes', () => {
    expect(joinRemote('/', 'x')).toBe('/x');
    expect(joinRemote('/d', 'x')).toBe('/d/x');
    expect(remoteParent('/d/x')).toBe('/d');
    expect(remoteParent('/x')).toBe('/');
    expect(remoteParent('x')).toBe('.');
    expect(remoteParent('pub/x')).toBe('pub');
  });
});

describe('file-exists decisions', () => {
  const src = { path: 's', sizeBytes: 10, modifiedMs: 2_000_500 };
  it('newer compares whole seconds', () => {
    expect(decideExists('newer', src, { path: 't', modifiedMs: 2_000_000 })).toBe('skip');
    expect(decideExists('newer', src, { path: 't', modifiedMs: 1_000_000 })).toBe('overwrite');
    expect(decideExists('newer', src, { path: 't' })).toBe('overwrite');
  });
  it('size-differs skips equal sizes', () => {
    expect(decideExists('size-differs', src, { path: 't', sizeBytes: 10 })).toBe('skip');
    expect(decideExists('size-differs', src, { path: 't', sizeBytes: 11 })).toBe('overwrite');
  });
  it('names copies like FileZilla', async () => {
    expect(numberedName('report.pdf', 1)).toBe('report (1).pdf');
    expect(numberedName('archive.tar.gz', 2)).toBe('archive.tar (2).gz');
    expect(numberedName('.bashrc', 1)).toBe('.bashrc (1)');
    expect(numberedName('README', 3)).toBe('README (3)');
    const taken = new Set(['a (1).txt', 'a (2).txt']);
    expect(await firstFreeName('a.txt', async (c) => taken.has(c))).toBe('a (3).txt');
  });
});

describe('Scheduler', () => {
  const items = (site: string, n: number) => Array.from({ length: n }, (_, i) => ({ id: `${site}${i}`, siteId: site }));
  it('limits per site to 2 by default and globally to the global limit', () => {
    const s = new Scheduler({ globalLimit: 3 });
    const picked = s.pick([...items('a', 5), ...items('b', 5)]);
    expect(picked.map((p) => p.id)).toEqual(['a0', 'a1', 'b0']);
  });
  it('counts running transfers', () => {
    const s = new Scheduler({ globalLimit: 10 });
    s.started('a');
    expect(s.pick(items('a', 5)).length).toBe(1);
    s.finished('a');
    expect(s.pick(items('a', 5)).length).toBe(2);
  });
  it('clamps site limits to 1..10', () => {
    const s = new Scheduler({ globalLimit: 100 });
    s.setSiteLimit('a', 50);
    expect(s.limitFor('a')).toBe(10);
    s.setSiteLimit('a', 0);
    expect(s.limitFor('a')).toBe(1);
    s.setSiteLimit('a', undefined);
    expect(s.limitFor('a')).toBe(2);
  });
  it('lowers a site to what the server accepted after a 421', () => {
    const s = new Scheduler({ globalLimit: 10 });
    s.setSiteLimit('a', 5);
    for (let i = 0; i < 4; i++) s.started('a');
    expect(s.lowerAfter421('a', 3)).toBe(3);
    expect(s.limitFor('a')).toBe(3);
    s.setSiteLimit('a', 8);
    expect(s.limitFor('a')).toBe(3);
    s.resetLearntLimits();
    expect(s.limitFor('a')).toBe(8);
  });
  it('never lowers below one', () => {
    const s = new Scheduler();
    s.started('a');
    expect(s.lowerAfter421('a', 0)).toBe(1);
  });
  it('stops reading candidates once the limits are reached, so a long queue is not read per start', () => {
    let read = 0;
    function* counted(list: Array<{ id: string; siteId: string }>) {
      for (const c of list) {
        read++;
        yield c;
      }
    }
    const s = new Scheduler({ globalLimit: 8, defaultSiteLimit: 2 });
    // One site in 10,000 items: two start, and reading ends at the third.
    expect(s.pick(counted(items('a', 10_000)), 1).map((p) => p.id)).toEqual(['a0', 'a1']);
    expect(read).toBe(2);
    // Two sites: both fill up, then reading ends; without the site count it reads everything.
    read = 0;
    const mixed = [...items('a', 3), ...items('b', 5_000), ...items('c', 2)];
    expect(s.pick(counted(mixed), 3).map((p) => p.id)).toEqual(['a0', 'a1', 'b0', 'b1', 'c0', 'c1']);
    expect(read).toBe(mixed.length);
    read = 0;
    expect(s.pick(counted([...items('a', 3), ...items('b', 5_000)]), 2).map((p) => p.id)).toEqual(['a0', 'a1', 'b0', 'b1']);
    expect(read).toBe(5);
    // Nothing is read when the global limit is already reached.
    read = 0;
    for (let i = 0; i < 8; i++) s.started(`x${i}`);
    expect(s.pick(counted(items('a', 5)))).toEqual([]);
    expect(read).toBe(0);
  });
});

describe('SpeedMeter', () => {
  it('averages over the window and ignores resumed bytes', () => {
    const m = new SpeedMeter(0, 5_000_000);
    expect(m.speedBps(0)).toBeUndefined();
    for (let t = 250; t <= 10_000; t += 250) m.sample(t, 5_000_000 + t * 1000);
    expect(m.speedBps(10_000)).toBeCloseTo(1_000_000, -3);
  });
  it('computes ETA from remaining bytes', () => {
    expect(etaSeconds(1000, 100)).toBe(10);
    expect(etaSeconds(1000, 0)).toBeUndefined();
    expect(etaSeconds(undefined, 5)).toBeUndefined();
  });
});
