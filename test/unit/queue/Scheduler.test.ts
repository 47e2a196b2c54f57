/** Which queued items start next: per-site and global limits, and a site lowered after a 421. */
import { describe, expect, it } from 'vitest';
import { Scheduler } from '../../../electron/queue/Scheduler';

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
