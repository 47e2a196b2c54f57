/**
 * The queue's time left on synthetic timelines: connections that log in, then take files one
 * after another, each costing a fixed time plus its bytes at a shared bandwidth, with progress
 * reported per 64 KiB as the engine does. The first number shown must be within ±50% of the time
 * the rest then takes, and nothing is shown before enough has been seen.
 */
import { describe, expect, it } from 'vitest';
import { EtaEstimator } from '../../../electron/queue/EtaEstimator';
import type { QueueEta } from '../../../shared/queue';

const KIB = 1024;
const MIB = 1024 * KIB;
const CHUNK = 64 * KIB;
/** How often the queue sends its totals to the window. */
const TICK_MS = 250;

interface Timeline {
  sizes: number[];
  /** Transfers at once. */
  connections: number;
  loginMs: number;
  /** Fixed cost of each file, half before its data and half after. */
  fileMs: number;
  /** Bandwidth shared by the transfers whose data flows. */
  linkBps: number;
  /** Everything stops from `atMs` for `forMs` (the user pressed Pause, then Resume). */
  pause?: { atMs: number; forMs: number };
}

interface FileRun {
  index: number;
  phase: 'before' | 'data' | 'after';
  /** Time left in the current fixed-cost phase. */
  phaseLeftMs: number;
  bytes: number;
  reportedBytes: number;
}

interface Result {
  /** Every estimate, one per tick. */
  estimates: { atMs: number; eta: QueueEta }[];
  endMs: number;
  /** The queue's speed just before its last file ended. */
  speedAtEndBps: number;
}

/** Runs a timeline in 1 ms steps, feeding the estimator as the queue does. */
function simulate(t: Timeline): Result {
  const eta = new EtaEstimator();
  const pending = t.sizes.map((_, i) => i);
  const done = new Set<number>();
  const bytesOf = t.sizes.map(() => 0);
  const conns: Array<{ readyAtMs: number; run?: FileRun }> = Array.from({ length: t.connections }, () => ({ readyAtMs: t.loginMs }));
  const estimates: Result['estimates'] = [];
  const id = (i: number) => `f${i}`;
  let now = 0;
  let wasPaused = false;
  let speedAtEndBps = 0;
  for (; done.size < t.sizes.length; now++) {
    const isPaused = t.pause !== undefined && now >= t.pause.atMs && now < t.pause.atMs + t.pause.forMs;
    if (isPaused && !wasPaused) {
      for (const c of conns) {
        if (!c.run) continue;
        eta.ended(id(c.run.index), now, bytesOf[c.run.index], false);
        pending.unshift(c.run.index);
        c.run = undefined;
      }
    }
    wasPaused = isPaused;
    if (!isPaused) {
      for (const c of conns) {
        if (c.run || now < c.readyAtMs || pending.length === 0) continue;
        const index = pending.shift()!;
        c.run = { index, phase: 'before', phaseLeftMs: t.fileMs / 2, bytes: bytesOf[index], reportedBytes: bytesOf[index] };
        eta.started(id(index), now, bytesOf[index]);
      }
      const streaming = conns.filter((c) => c.run?.phase === 'data').length;
      for (const c of conns) {
        const run = c.run;
        if (!run) continue;
        if (run.phase === 'data') {
          run.bytes = Math.min(t.sizes[run.index], run.bytes + t.linkBps / 1000 / streaming);
          bytesOf[run.index] = run.bytes;
          if (run.bytes - run.reportedBytes >= CHUNK || run.bytes === t.sizes[run.index]) {
            run.reportedBytes = run.bytes;
            eta.progressed(id(run.index), now, Math.floor(run.bytes));
          }
          if (run.bytes === t.sizes[run.index]) run.phase = 'after';
          continue;
        }
        run.phaseLeftMs -= 1;
        if (run.phaseLeftMs > 0) continue;
        if (run.phase === 'before') {
          run.phase = 'data';
        } else {
          if (done.size === t.sizes.length - 1) speedAtEndBps = eta.throughputBps(now);
          eta.ended(id(run.index), now, t.sizes[run.index], true);
          done.add(run.index);
          c.run = undefined;
        }
      }
    }
    if (now % TICK_MS === 0) {
      const notStarted = pending.length;
      const bytesLeft = t.sizes.reduce((sum, size, i) => sum + (done.has(i) ? 0 : size - bytesOf[i]), 0);
      estimates.push({ atMs: now, eta: eta.estimate(now, { files: notStarted, bytes: bytesLeft, unsizedFiles: 0 }) });
    }
  }
  return { estimates, endMs: now, speedAtEndBps };
}

/** The first number shown after `fromMs`, and the time the rest actually took from then. */
function firstKnown(r: Result, fromMs = 0): { shownAtMs: number; seconds: number; actualSeconds: number } {
  const first = r.estimates.find((e) => e.atMs >= fromMs && e.eta.kind === 'known');
  if (!first || first.eta.kind !== 'known') throw new Error('no estimate was ever shown');
  return { shownAtMs: first.atMs, seconds: first.eta.seconds, actualSeconds: (r.endMs - first.atMs) / 1000 };
}

function expectWithinHalf(shown: { seconds: number; actualSeconds: number }): void {
  expect(shown.seconds).toBeGreaterThanOrEqual(shown.actualSeconds * 0.5);
  expect(shown.seconds).toBeLessThanOrEqual(shown.actualSeconds * 1.5);
}

const LOGIN_MS = 1_500;

describe('EtaEstimator', () => {
  it('2,000 files of 8 KiB: the first estimate holds although the time goes into the files, not their bytes', () => {
    const r = simulate({ sizes: Array(2000).fill(8 * KIB), connections: 2, loginMs: LOGIN_MS, fileMs: 12, linkBps: 10 * MIB });
    const shown = firstKnown(r);
    expectWithinHalf(shown);
    // The login is over before anything is shown, and then only what was measured counts.
    expect(shown.shownAtMs).toBeGreaterThan(LOGIN_MS);
    expect(r.endMs / 1000).toBeGreaterThan(10);
    // The speed is the bytes that arrive per second, small files and the time between them included.
    const bytesPerSecond = (2000 * 8 * KIB) / ((r.endMs - LOGIN_MS) / 1000);
    expect(r.speedAtEndBps).toBeGreaterThan(bytesPerSecond * 0.8);
    expect(r.speedAtEndBps).toBeLessThan(bytesPerSecond * 1.2);
  });

  it('one 1 GiB file: the first estimate holds, from the rate its data flows at', () => {
    const r = simulate({ sizes: [1024 * MIB], connections: 2, loginMs: LOGIN_MS, fileMs: 40, linkBps: 40 * MIB });
    expectWithinHalf(firstKnown(r));
  });

  it('a mixture of tiny and large files: both the cost per file and the bytes count', () => {
    const pattern = [1 * KIB, 8 * KIB, 200 * KIB, 2 * MIB, 20 * MIB, 4 * KIB, 3 * KIB];
    const sizes = Array.from({ length: 280 }, (_, i) => pattern[i % pattern.length]);
    const r = simulate({ sizes, connections: 2, loginMs: LOGIN_MS, fileMs: 30, linkBps: 30 * MIB });
    expectWithinHalf(firstKnown(r));
  });

  it('many files on four connections sharing the link', () => {
    const r = simulate({ sizes: Array(400).fill(1 * MIB), connections: 4, loginMs: LOGIN_MS, fileMs: 60, linkBps: 20 * MIB });
    expectWithinHalf(firstKnown(r));
  });

  it('shows nothing before enough was seen, and nothing while everything waits', () => {
    const r = simulate({ sizes: Array(2000).fill(8 * KIB), connections: 2, loginMs: LOGIN_MS, fileMs: 12, linkBps: 10 * MIB, pause: { atMs: 5_000, forMs: 60_000 } });
    const early = r.estimates.filter((e) => e.atMs <= LOGIN_MS + 500).map((e) => e.eta.kind);
    expect(new Set(early)).toEqual(new Set(['none', 'estimating']));
    const paused = r.estimates.filter((e) => e.atMs > 5_000 && e.atMs < 65_000).map((e) => e.eta.kind);
    expect(new Set(paused)).toEqual(new Set(['none']));
  });

  it('after a pause the estimate holds again at once: waiting time is not taken for slowness', () => {
    const r = simulate({ sizes: Array(2000).fill(8 * KIB), connections: 2, loginMs: LOGIN_MS, fileMs: 12, linkBps: 10 * MIB, pause: { atMs: 5_000, forMs: 60_000 } });
    const afterResume = firstKnown(r, 65_000);
    expect(afterResume.shownAtMs).toBeLessThanOrEqual(65_000 + TICK_MS);
    expectWithinHalf(afterResume);
  });
});
