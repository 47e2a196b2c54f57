/**
 * The queue's total time left, right from early on for one big file and for thousands of small
 * ones alike. A file costs a fixed part (commands, data connection, rename: the same for 1 byte
 * and 1 GiB) plus its bytes at the rate data flows, so the rest of the queue takes
 *
 *     (files not started × time per file + bytes left ÷ byte rate) ÷ transfers at once
 *
 * where the byte rate is measured while data flows (between progress reports of one transfer),
 * the time per file is what finished files took beyond their bytes at that rate, and "transfers at
 * once" is how many ran on average. Each is an exponentially weighted average over the recent
 * active time, so a change (a slower server, a speed limit) shows within seconds and a pause
 * counts for nothing. Logging in is left out: it happens once per connection, not per file.
 * Until enough has been seen the estimate is `estimating` rather than a number that would be wrong.
 * Pure: fed with times by the caller, so synthetic timelines test it.
 */
import type { QueueEta } from '../../shared/queue';

/** Half-life of an observation, in active milliseconds (time while something transfers). */
const HALF_LIFE_MS = 20_000;
/** Active time before any number is shown: the first files on fresh connections are not typical. */
const MIN_OBSERVED_MS = 1_000;
/** Finished files before their time per file is trusted. */
const MIN_FILES = 3;
/** Time data must have flowed (summed over transfers) before its rate is trusted. */
const MIN_STREAM_MS = 500;
/** Without a measured byte rate, the rest may hold at most this many times the bytes per file seen so far. */
const UNMEASURED_SIZE_FACTOR = 2;

/** What is left to do, as the queue counts it. */
export interface RemainingWork {
  /** Files that have not started transferring (queued, or logging in). */
  files: number;
  /** Bytes left of those and of the transfers running now, where their size is known. */
  bytes: number;
  /** Files among `files` whose size is not known (counted at the mean size seen). */
  unsizedFiles: number;
}

/** One transfer while it runs. */
interface Running {
  startMs: number;
  startBytes: number;
  /** The last progress report; unset until the first, whose bytes have no interval to be timed over. */
  last?: { ms: number; bytes: number };
}

/** Weighted sums of what has been observed; all decay together. */
interface Sums {
  /** Active wall time, ms. */
  wallMs: number;
  /** Transfer time summed over running transfers, ms (over wallMs: transfers at once). */
  transferMs: number;
  /** Every byte moved (over wallMs: the queue's speed). */
  movedBytes: number;
  /** Bytes and time of data flowing, between progress reports of one transfer. */
  streamBytes: number;
  streamMs: number;
  /** Finished files: how many, their bytes and their time from start to end. */
  files: number;
  fileBytes: number;
  fileMs: number;
}

const ZERO: Sums = { wallMs: 0, transferMs: 0, movedBytes: 0, streamBytes: 0, streamMs: 0, files: 0, fileBytes: 0, fileMs: 0 };

/** Estimates the time left of the queue from the transfers it watches. */
export class EtaEstimator {
  private readonly running = new Map<string, Running>();
  private sums: Sums = { ...ZERO };
  /** What has been observed in all, undecayed: the warm-up is passed once, not again as old observations fade. */
  private observedMs = 0;
  private finishedFiles = 0;
  private streamedMs = 0;
  private clockMs: number | undefined;

  /** A transfer started moving (it has its connection), with `bytes` already there. */
  started(id: string, nowMs: number, bytes: number): void {
    this.advance(nowMs);
    this.running.set(id, { startMs: nowMs, startBytes: bytes });
  }

  /** A running transfer has `bytes` in all. */
  progressed(id: string, nowMs: number, bytes: number): void {
    const run = this.running.get(id);
    if (!run) return;
    this.advance(nowMs);
    this.sums.movedBytes += Math.max(0, bytes - (run.last?.bytes ?? run.startBytes));
    if (run.last && bytes > run.last.bytes) {
      this.sums.streamBytes += bytes - run.last.bytes;
      this.sums.streamMs += nowMs - run.last.ms;
      this.streamedMs += nowMs - run.last.ms;
    }
    if (!run.last || bytes > run.last.bytes) run.last = { ms: nowMs, bytes };
  }

  /** A transfer stopped: `isFinished` when its file is complete (else it paused, failed or will retry). */
  ended(id: string, nowMs: number, bytes: number, isFinished: boolean): void {
    const run = this.running.get(id);
    if (!run) return;
    this.advance(nowMs);
    this.running.delete(id);
    if (!isFinished) return;
    this.sums.files += 1;
    this.finishedFiles += 1;
    this.sums.fileBytes += Math.max(0, bytes - run.startBytes);
    this.sums.fileMs += nowMs - run.startMs;
  }

  /** Bytes per second of the whole queue while it transfers (small files' time between them included), or 0 before anything moved. */
  throughputBps(nowMs: number): number {
    this.advance(nowMs);
    const { wallMs, movedBytes } = this.sums;
    return wallMs > 0 ? (movedBytes / wallMs) * 1000 : 0;
  }

  /** The time left for `remaining`, or `estimating` while too little is known, `none` when nothing runs. */
  estimate(nowMs: number, remaining: RemainingWork): QueueEta {
    this.advance(nowMs);
    if (this.running.size === 0) return { kind: 'none' };
    const s = this.sums;
    if (this.observedMs < MIN_OBSERVED_MS || s.wallMs <= 0 || s.transferMs <= 0) return { kind: 'estimating' };
    const isRateKnown = this.streamedMs >= MIN_STREAM_MS && s.streamBytes > 0 && s.streamMs > 0;
    const isFileCostKnown = this.finishedFiles >= MIN_FILES && s.files > 0;
    if (remaining.files > 0 && !isFileCostKnown) return { kind: 'estimating' };
    if (!isRateKnown && !isFileCostKnown) return { kind: 'estimating' };
    const meanFileBytes = isFileCostKnown ? s.fileBytes / s.files : 0;
    const bytes = remaining.bytes + remaining.unsizedFiles * meanFileBytes;
    const atOnce = s.transferMs / s.wallMs;
    let transferMs: number;
    if (isRateKnown) {
      const msPerByte = s.streamMs / s.streamBytes;
      // What a file took beyond its bytes at the rate data flows: never below nothing.
      const msPerFile = isFileCostKnown ? Math.max(0, s.fileMs / s.files - meanFileBytes * msPerByte) : 0;
      transferMs = remaining.files * msPerFile + bytes * msPerByte;
    } else {
      // Every file so far came in one piece, so its bytes are part of its time per file: that
      // holds for the rest only while the rest is sized like them.
      const runningCount = this.running.size;
      if (bytes > UNMEASURED_SIZE_FACTOR * (remaining.files + runningCount) * Math.max(meanFileBytes, 1)) return { kind: 'estimating' };
      transferMs = remaining.files * (s.fileMs / s.files);
    }
    return { kind: 'known', seconds: Math.max(1, Math.ceil(transferMs / atOnce / 1000)) };
  }

  /** Moves the clock to `nowMs`: active time accrues while something runs, and old observations fade. */
  private advance(nowMs: number): void {
    const from = this.clockMs ?? nowMs;
    this.clockMs = Math.max(from, nowMs);
    const dt = this.clockMs - from;
    if (dt <= 0 || this.running.size === 0) return;
    const keep = Math.pow(0.5, dt / HALF_LIFE_MS);
    const s = this.sums;
    this.sums = {
      wallMs: s.wallMs * keep + dt,
      transferMs: s.transferMs * keep + dt * this.running.size,
      movedBytes: s.movedBytes * keep,
      streamBytes: s.streamBytes * keep,
      streamMs: s.streamMs * keep,
      files: s.files * keep,
      fileBytes: s.fileBytes * keep,
      fileMs: s.fileMs * keep,
    };
    this.observedMs += dt;
  }
}
