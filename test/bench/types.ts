/**
 * The contract between the benchmark runner (run.ts) and its row modules: what a row gets
 * (the server, the sizes, helpers that time Ferry and the reference clients) and what it
 * returns (one measurement per client, medians in MB/s). Benchmark-only code.
 */

/** A server the runner started for the rows (the shape of test/servers' RunningServer that rows use). */
export interface BenchServer {
  kind: string;
  host: string;
  port: number;
  user: string;
  password: string;
  /** The user's home folder on disk (on /dev/shm), where rows put and find files. */
  homeDir: string;
  certFingerprint256: string;
}

/** A file of random bytes the rows share. */
export interface BigFile {
  /** On the client side (in workDir). */
  localPath: string;
  /** Its name in each server's home folder. */
  remoteName: string;
  sha256: string;
}

/** One client's result in a row. */
export interface Measurement {
  /** Who moved the bytes: `Ferry CLI`, `curl`, `lftp mirror --parallel=4`, `raw TCP`... */
  client: string;
  /** Median throughput, MB/s (10^6 bytes per second). */
  mbPerSecond: number;
  /** Every run's MB/s, in order. */
  samples: number[];
  /** Peak resident memory of the client process, bytes, when measured (the highest over the runs). */
  peakRssBytes?: number;
  /**
   * Median CPU time (user + system) of the client process per GiB moved, when measured: steadier
   * than MB/s on a busy machine, and it shows what a client costs beyond the wait for the wire.
   */
  cpuSecondsPerGiB?: number;
  /** Ferry's own measurements; the row's ratios compare its first Ferry measurement against every other one. */
  isFerry?: boolean;
  /** A short remark printed in the table (e.g. `in-process`, `files/s: 950`). */
  note?: string;
}

/** What a row returns. */
export interface RowResult {
  /** The table's first column, e.g. `download 1 GiB (vsftpd)`. */
  scenario: string;
  measurements: Measurement[];
}

/** Timing of one run of a client. */
export interface RunTiming {
  bytes: number;
  seconds: number;
  peakRssBytes?: number;
  /** User plus system CPU time of the client process, seconds. */
  cpuSeconds?: number;
}

/** What the runner gives each row. */
export interface BenchContext {
  /** Plain FTP server (the fastest of the four, or FERRY_BENCH_SERVER). */
  server: BenchServer;
  /** The same kind of server with explicit FTPS enabled (AUTH TLS, PROT P). */
  tlsServer: BenchServer;
  /** Size of the big-file rows, bytes (FERRY_BENCH_MB MiB). */
  sizeBytes: number;
  /** Runs per client (FERRY_BENCH_RUNS, default 3); the table shows the median. */
  runs: number;
  /** A scratch folder on /dev/shm for client-side files; emptied by the runner at the end. */
  workDir: string;
  /** Repository root (for bin/ferry.js and out/). */
  rootDir: string;
  /** The shared big file (created on first call, FERRY_BENCH_MB MiB): locally and in both servers' homes. */
  bigFile(): Promise<BigFile>;
  /** Progress for the person watching (stderr). */
  log(message: string): void;
  /**
   * Runs each client `runs` times, interleaved (client A, B, C, then A, B, C again...) so a slow
   * phase of a noisy machine hurts all clients alike, and returns medians. `prepare` runs before
   * every run of every client (outside the timing) and `verify` after its first run.
   */
  compare(clients: ClientRun[]): Promise<Measurement[]>;
}

/** One client in a comparison. */
export interface ClientRun {
  client: string;
  isFerry?: boolean;
  note?: string;
  /** Untimed set-up before each run (e.g. delete the previous upload). */
  prepare?: () => Promise<void>;
  /** One timed run. */
  run: () => Promise<RunTiming>;
  /** Checks the first run's result (e.g. the sha256 of what arrived); throws when wrong. */
  verify?: () => Promise<void>;
}

/** A row module's export: a name (for FERRY_BENCH_ROWS) and what to measure. */
export interface BenchRow {
  /** Short id used to pick rows: `FERRY_BENCH_ROWS=download,upload npm run bench`. */
  id: string;
  /** false: the row starts its own server (SFTP) and never reads ctx.server or ctx.tlsServer. */
  needsFtpServers?: boolean;
  run(ctx: BenchContext): Promise<RowResult>;
}
