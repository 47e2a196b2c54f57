/**
 * The debouncing and batching of a watched folder's events, on synthetic events and an
 * injected clock: a file being written is handed over once, when it stops changing; a burst of
 * files is one batch; a file that never stops does not hold the others back for long.
 */
import { describe, expect, it } from 'vitest';
import { ChangeSettler, type WatchClock } from '../../../electron/sync/ChangeSettler';
import type { Probe, SettledPath } from '../../../electron/sync/treeChanges';

/** A clock whose time moves only when the test says. */
class FakeClock implements WatchClock {
  private time = 1_000_000;
  private timers: Array<{ at: number; fn: () => void; isCancelled: boolean }> = [];
  now = () => this.time;
  setTimer = (fn: () => void, ms: number) => {
    const timer = { at: this.time + ms, fn, isCancelled: false };
    this.timers.push(timer);
    return () => {
      timer.isCancelled = true;
    };
  };
  /** Moves time on by `ms`, firing each timer due on the way at its own time. */
  async advance(ms: number): Promise<void> {
    const end = this.time + ms;
    for (;;) {
      const due = this.timers.filter((t) => !t.isCancelled && t.at <= end).sort((a, b) => a.at - b.at)[0];
      if (!due) break;
      this.time = Math.max(this.time, due.at);
      due.isCancelled = true;
      due.fn();
      await settle();
    }
    this.time = end;
    await settle();
  }
  get pendingTimers(): number {
    return this.timers.filter((t) => !t.isCancelled).length;
  }
}

/** Lets the probes' promises resolve. */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

const QUIET = 500;
const MAX_BATCH = 3_000;

function setup(files: Map<string, Probe>) {
  const clock = new FakeClock();
  const batches: SettledPath[][] = [];
  const probes: string[] = [];
  const settler = new ChangeSettler({
    quietMs: QUIET,
    maxBatchMs: MAX_BATCH,
    clock,
    probe: async (relPath) => {
      probes.push(relPath);
      return files.get(relPath) ?? { kind: 'missing' };
    },
    onBatch: (batch) => batches.push(batch),
  });
  return { clock, batches, probes, settler };
}

const file = (sizeBytes: number, modifiedMs: number, ino = 7): Probe => ({ kind: 'file', sizeBytes, modifiedMs, ino });

describe('ChangeSettler', () => {
  it('a file written for two seconds (an event every 100 ms) is looked at once, after the writing stops, and handed over once', async () => {
    const files = new Map<string, Probe>();
    const { clock, batches, probes, settler } = setup(files);
    for (let i = 0; i < 20; i++) {
      files.set('video.mp4', file((i + 1) * 1000, clock.now()));
      settler.touch('video.mp4');
      await clock.advance(100);
    }
    expect(probes).toEqual([]);
    // The last write was at the last touch; its time is now 100 ms old, so one more quiet period.
    await clock.advance(QUIET);
    expect(probes).toEqual(['video.mp4']);
    expect(batches).toEqual([[{ relPath: 'video.mp4', probe: files.get('video.mp4') }]]);
    expect(batches[0][0].probe).toMatchObject({ sizeBytes: 20_000 });
    expect(settler.pendingCount).toBe(0);
    expect(clock.pendingTimers).toBe(0);
  });

  it('a file still growing without events (its time fresh, its size changed) waits another quiet period, and goes when two looks agree', async () => {
    const files = new Map<string, Probe>();
    const { clock, batches, probes, settler } = setup(files);
    settler.touch('log.txt');
    await clock.advance(QUIET - 1);
    // Written just before each look: its time is too fresh to call it settled.
    files.set('log.txt', file(10, clock.now()));
    await clock.advance(1);
    expect(probes).toHaveLength(1);
    await clock.advance(QUIET - 1);
    files.set('log.txt', file(20, clock.now()));
    await clock.advance(1);
    expect(probes).toHaveLength(2);
    expect(batches).toEqual([]);
    // A file system whose clock is ahead: the time never looks old, but two looks that agree settle it.
    files.set('log.txt', file(30, clock.now() + 60_000));
    await clock.advance(QUIET);
    expect(probes).toHaveLength(3);
    expect(batches).toEqual([]);
    await clock.advance(QUIET);
    expect(probes).toHaveLength(4);
    expect(batches).toHaveLength(1);
    expect(batches[0][0].probe).toMatchObject({ sizeBytes: 30 });
  });

  it('an event while a path is being looked at makes that look not count', async () => {
    const files = new Map<string, Probe>([['a.txt', file(1, 0)]]);
    const clock = new FakeClock();
    const batches: SettledPath[][] = [];
    let release: (() => void) | undefined;
    const settler = new ChangeSettler({
      quietMs: QUIET,
      maxBatchMs: MAX_BATCH,
      clock,
      probe: (relPath) => new Promise((resolve) => (release = () => resolve(files.get(relPath)!))),
      onBatch: (b) => batches.push(b),
    });
    settler.touch('a.txt');
    await clock.advance(QUIET);
    expect(release).toBeDefined();
    settler.touch('a.txt');
    release!();
    await settle();
    expect(batches).toEqual([]);
    await clock.advance(QUIET);
    release!();
    await settle();
    expect(batches).toHaveLength(1);
  });

  it('thousands of files created at once are one batch', async () => {
    const files = new Map<string, Probe>();
    const { clock, batches, settler } = setup(files);
    for (let i = 0; i < 5_000; i++) {
      files.set(`burst/f${i}.txt`, file(i, clock.now() - QUIET, i));
      settler.touch(`burst/f${i}.txt`);
    }
    await clock.advance(QUIET);
    expect(batches).toHaveLength(1);
    expect(batches[0]).toHaveLength(5_000);
  });

  it('a file that keeps changing holds the others back for at most maxBatchMs', async () => {
    const files = new Map<string, Probe>();
    const { clock, batches, settler } = setup(files);
    files.set('done.txt', file(1, clock.now() - QUIET));
    settler.touch('done.txt');
    const stopAt = clock.now() + 2 * MAX_BATCH;
    while (clock.now() < stopAt) {
      files.set('busy.log', file(clock.now(), clock.now()));
      settler.touch('busy.log');
      await clock.advance(200);
      if (batches.length > 0) break;
    }
    expect(batches).toEqual([[{ relPath: 'done.txt', probe: files.get('done.txt') }]]);
    expect(clock.now()).toBeLessThanOrEqual(1_000_000 + QUIET + MAX_BATCH + 200);
    expect(settler.pendingCount).toBe(1);
  });

  it('removed paths and folders settle on the first look', async () => {
    const files = new Map<string, Probe>([['docs', { kind: 'folder', ino: 3 }]]);
    const { clock, batches, settler } = setup(files);
    settler.touch('gone.txt');
    settler.touch('docs');
    await clock.advance(QUIET);
    expect(batches).toEqual([[{ relPath: 'gone.txt', probe: { kind: 'missing' } }, { relPath: 'docs', probe: { kind: 'folder', ino: 3 } }]]);
  });

  it('after close nothing is looked at or handed over', async () => {
    const files = new Map<string, Probe>([['a', file(1, 0)]]);
    const { clock, batches, probes, settler } = setup(files);
    settler.touch('a');
    settler.close();
    settler.touch('b');
    await clock.advance(10 * QUIET);
    expect(probes).toEqual([]);
    expect(batches).toEqual([]);
  });
});
