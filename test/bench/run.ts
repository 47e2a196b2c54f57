/**
 * The benchmark runner behind `npm run bench` (bin/bench.js builds the app and the engine
 * worker, then calls main() here). Not part of `npm test`.
 *
 * What it does, in one run: picks the fastest of the four real servers on loopback (a short
 * curl probe each way; FERRY_BENCH_SERVER=vsftpd skips the probe), starts it twice (plain, and
 * with explicit FTPS; neither when only rows with their own server run, as the SFTP rows of
 * sftpRows.ts do), keeps every file on /dev/shm, runs the rows below, and prints one
 * Markdown table (also written to test-results/bench.md) with the median MB/s of each client,
 * the ratio of Ferry to it, and peak RSS. Clients run interleaved, run after run, because these
 * machines are noisy: ratios measured side by side mean more than times. The method, the rows
 * and the latest figures: docs/benchmarks.md.
 *
 * Environment:
 *   FERRY_BENCH_MB      size of the big file in MiB (default 1024; try 64 first)
 *   FERRY_BENCH_RUNS    runs per client, the table shows the median (default 3)
 *   FERRY_BENCH_SERVER  vsftpd | pure-ftpd | proftpd | pyftpdlib: use this one, no probe
 *   FERRY_BENCH_ROWS    comma-separated row ids to run (default: all), e.g. `download,upload`
 *   FERRY_BENCH_NODE_ARGS  extra node flags for the engine worker, e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`
 *   FERRY_BENCH_SMALL_SERVER, FERRY_BENCH_SMALL_FILES  the small-file rows' server and file count (smallFiles.ts)
 *   FERRY_BENCH_LAT_FILES  files per latency row (default 200; rows lat0-…, lat2-…, lat20-…, lat80-…, lat80-big)
 *   FERRY_BENCH_ENQUEUE_ITEMS  items per enqueue row (enqueue.ts)
 *   FERRY_BENCH_QUEUE_FILES  files per queue-cost row (queueCost.ts)
 *   FERRY_BENCH_COMPARE_SERVER  the compare rows' server (compareFolders.ts; default vsftpd)
 *
 * Adding a row (a new scenario):
 *   1. Write `test/bench/<name>.ts` exporting a `BenchRow` (types.ts): `{ id, run(ctx) }`.
 *      `run` gets the servers (`ctx.server` plain, `ctx.tlsServer` explicit FTPS; files go in
 *      their `homeDir`), a scratch folder on /dev/shm (`ctx.workDir`), `ctx.runs`, the repository
 *      root (`ctx.rootDir`: run the CLI with `runFerry` from clients.ts) and `ctx.log`.
 *      Build the clients as `ClientRun`s — an untimed `prepare` (delete the previous output), a
 *      timed `run` returning `{ bytes, seconds, peakRssBytes? }`, a `verify` for the first run — and
 *      hand them to `ctx.compare(clients)`, which interleaves the runs and returns the medians.
 *      Mark Ferry's clients `isFerry: true`; the row's first Ferry client is what the ratios use.
 *      clients.ts has `runProcess` (times a child and reads its peak RSS with GNU time) and the
 *      lftp helpers (`lftpSettings`, `lftpOpen`).
 *   2. Return `{ scenario, measurements }` and add the row to `ROWS` below; it becomes lines of
 *      the same table. Clean up what the row created in the server's home.
 * Benchmark-only code.
 */
import { randomFillSync } from 'node:crypto';
import { rmSync } from 'node:fs';
import { chmod, copyFile, mkdir, mkdtemp, open, realpath, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SERVER_KINDS, startServer } from '../servers';
import { bigFileRows } from './bigFile';
import { compareRows } from './compareFolders';
import { enqueueRows } from './enqueue';
import { linkBigFileRow } from './linkBigFile';
import { queueCostRows } from './queueCost';
import { sftpRows } from './sftpRows';
import { latencyRows, smallFileRows } from './smallFiles';
import { curl, sha256File } from './clients';
import { formatTable, median } from './table';
import type { BenchContext, BenchRow, BenchServer, BigFile, ClientRun, Measurement, RowResult } from './types';

/** Every row, in table order. */
const ROWS: BenchRow[] = [...bigFileRows, ...smallFileRows, ...enqueueRows, ...queueCostRows, ...latencyRows, linkBigFileRow, ...compareRows, ...sftpRows];

const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');
const SHM = '/dev/shm';
const PROBE_MAX_BYTES = 256 << 20;
// Best of several: on a busy machine a run can only be slowed down, never sped up.
const PROBE_RUNS = 3;

type ServerKind = (typeof SERVER_KINDS)[number];
type Running = Awaited<ReturnType<typeof startServer>>;

function log(message: string): void {
  process.stderr.write(`bench: ${message}\n`);
}

function envNumber(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number (got "${raw}")`);
  return value;
}

/** Writes `sizeBytes` random bytes (random so no layer can compress them). */
async function writeRandomFile(path: string, sizeBytes: number): Promise<void> {
  const file = await open(path, 'w');
  try {
    const chunk = Buffer.allocUnsafe(8 << 20);
    for (let done = 0; done < sizeBytes; done += chunk.length) {
      randomFillSync(chunk);
      await file.write(chunk, 0, Math.min(chunk.length, sizeBytes - done));
    }
  } finally {
    await file.close();
  }
}

function asBenchServer(kind: string, running: Running): BenchServer {
  return {
    kind, host: running.host, port: running.port, user: running.user, password: running.password,
    homeDir: running.homeDir, certFingerprint256: running.certFingerprint256,
  };
}

/** Times curl each way on a probe file per server kind and returns the fastest kind. */
async function pickServer(workDir: string, serverDir: string, sizeBytes: number): Promise<ServerKind> {
  const wanted = process.env.FERRY_BENCH_SERVER;
  if (wanted) {
    if (!(SERVER_KINDS as readonly string[]).includes(wanted)) throw new Error(`FERRY_BENCH_SERVER must be one of ${SERVER_KINDS.join(', ')}`);
    return wanted as ServerKind;
  }
  const probeBytes = Math.min(sizeBytes, PROBE_MAX_BYTES);
  const probe = join(workDir, 'probe.bin');
  await writeRandomFile(probe, probeBytes);
  const scores: Array<{ kind: ServerKind; down: number; up: number }> = [];
  for (const kind of SERVER_KINDS) {
    let running: Running | undefined;
    try {
      running = await startServer(kind, { baseDir: serverDir });
      const server = asBenchServer(kind, running);
      await copyFile(probe, join(server.homeDir, 'probe.bin'));
      await running.chownToServer(join(server.homeDir, 'probe.bin'));
      const best = { down: 0, up: 0 };
      for (let i = 0; i < PROBE_RUNS; i++) {
        const target = join(workDir, 'probe-down.bin');
        const down = await curl({ server, isTls: false, direction: 'download', remoteName: 'probe.bin', localPath: target, sizeBytes: probeBytes }, { workDir });
        best.down = Math.max(best.down, probeBytes / down.seconds / 1e6);
        await rm(target, { force: true });
        await rm(join(server.homeDir, 'probe-up.bin'), { force: true });
        const up = await curl({ server, isTls: false, direction: 'upload', remoteName: 'probe-up.bin', localPath: probe, sizeBytes: probeBytes }, { workDir });
        best.up = Math.max(best.up, probeBytes / up.seconds / 1e6);
      }
      scores.push({ kind, ...best });
      log(`probe ${kind}: curl download ${best.down.toFixed(0)} MB/s, upload ${best.up.toFixed(0)} MB/s (${Math.round(probeBytes / (1 << 20))} MiB, best of ${PROBE_RUNS})`);
    } catch (err) {
      log(`probe ${kind}: unusable (${err instanceof Error ? err.message : String(err)})`);
    } finally {
      await running?.stop();
    }
  }
  await rm(probe, { force: true });
  if (scores.length === 0) throw new Error('no server could be started');
  // The fastest server is the one that needs the least time for one download plus one upload.
  scores.sort((a, b) => (1 / a.down + 1 / a.up) - (1 / b.down + 1 / b.up));
  log(`fastest server: ${scores[0].kind}`);
  return scores[0].kind;
}

/** Runs each client `runs` times, interleaved, and reduces to medians. */
async function compare(clients: ClientRun[], runs: number, label: string): Promise<Measurement[]> {
  const samples = clients.map(() => [] as number[]);
  const peaks: Array<number | undefined> = clients.map(() => undefined);
  const cpu = clients.map(() => [] as number[]);
  for (let run = 0; run < runs; run++) {
    for (const [index, client] of clients.entries()) {
      await client.prepare?.();
      const timing = await client.run();
      if (run === 0) await client.verify?.();
      const mbps = timing.bytes / timing.seconds / 1e6;
      samples[index].push(mbps);
      if (timing.peakRssBytes !== undefined) peaks[index] = Math.max(peaks[index] ?? 0, timing.peakRssBytes);
      if (timing.cpuSeconds !== undefined) cpu[index].push(timing.cpuSeconds / (timing.bytes / (1 << 30)));
      log(`${label}: ${client.client} run ${run + 1}/${runs}: ${mbps.toFixed(0)} MB/s${timing.peakRssBytes ? `, RSS ${Math.round(timing.peakRssBytes / (1 << 20))} MiB` : ''}`);
    }
  }
  return clients.map((client, index) => ({
    client: client.client,
    mbPerSecond: median(samples[index]),
    samples: samples[index],
    ...(peaks[index] !== undefined ? { peakRssBytes: peaks[index] } : {}),
    ...(cpu[index].length ? { cpuSecondsPerGiB: median(cpu[index]) } : {}),
    ...(client.isFerry ? { isFerry: true } : {}),
    ...(client.note ? { note: client.note } : {}),
  }));
}

/**
 * One line per target (Ferry ≥ curl each way over plain FTP, ≥ 0.9× curl with explicit FTPS) and
 * Ferry client: the CLI's time includes Node's start-up, the engine's is its transfer alone.
 */
function targetLines(rows: readonly RowResult[]): string[] {
  return rows.flatMap((row) => {
    const curlResult = row.measurements.find((m) => m.client === 'curl');
    if (!curlResult) return [];
    const goal = /FTPS/.test(row.scenario) ? 0.9 : 1;
    return row.measurements.filter((m) => m.isFerry).map((ferry) => {
      const ratio = ferry.mbPerSecond / curlResult.mbPerSecond;
      return `${ratio >= goal ? 'met' : 'MISSED'}: ${row.scenario}: ${ferry.client} ${ratio.toFixed(2)}× curl (target ≥ ${goal}×)`;
    });
  });
}

/** Runs the benchmark; resolves with the exit status. */
export async function main(): Promise<number> {
  const sizeBytes = Math.round(envNumber('FERRY_BENCH_MB', 1024) * (1 << 20));
  const runs = Math.round(envNumber('FERRY_BENCH_RUNS', 3));
  const wanted = (process.env.FERRY_BENCH_ROWS ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  const rows = wanted.length ? ROWS.filter((row) => wanted.includes(row.id)) : ROWS;
  if (rows.length === 0) throw new Error(`FERRY_BENCH_ROWS matches no row; rows are ${ROWS.map((r) => r.id).join(', ')}`);

  const workDir = await mkdtemp(join(SHM, 'ferry-bench-'));
  // Servers drop root: they must be able to reach their folders under this one.
  await chmod(workDir, 0o755);
  const serverDir = join(workDir, 'servers');
  const clientDir = join(workDir, 'client');
  await mkdir(serverDir, { mode: 0o755 });
  await mkdir(clientDir);

  const started: Running[] = [];
  // The harness unrefs its server processes (so a forgotten stop() cannot hold a test run open);
  // outside vitest nothing else would keep Node's event loop alive while stop() waits for them.
  const keepAlive = setInterval(() => undefined, 1000);
  // Ctrl-C: leave no gigabytes behind on /dev/shm (the harness's exit hook stops the servers).
  const onInterrupt = () => {
    rmSync(workDir, { recursive: true, force: true });
    process.exit(130);
  };
  process.once('SIGINT', onInterrupt);
  try {
    // Rows that start their own server (SFTP) alone need no FTP server, nor the probe that picks one.
    const needsFtp = rows.some((row) => row.needsFtpServers !== false);
    const kind = needsFtp ? await pickServer(clientDir, serverDir, sizeBytes) : 'none';
    if (needsFtp) {
      started.push(await startServer(kind as ServerKind, { baseDir: serverDir }));
      started.push(await startServer(kind as ServerKind, { tls: true, baseDir: serverDir }));
    }
    const [plain, secure] = started;
    const ftp = needsFtp ? { server: asBenchServer(kind, plain), tlsServer: asBenchServer(kind, secure) } : undefined;
    for (const s of ftp ? [ftp.server, ftp.tlsServer] : []) {
      if (!(await realpath(s.homeDir)).startsWith(`${SHM}/`)) log(`warning: ${kind}'s home ${s.homeDir} is not on ${SHM}; disk speed may count`);
    }
    const ftpServers = (): NonNullable<typeof ftp> => {
      if (!ftp) throw new Error('a row that reads ctx.server must not say needsFtpServers: false');
      return ftp;
    };

    let big: Promise<BigFile> | undefined;
    const bigFile = () => {
      big ??= (async () => {
        const localPath = join(clientDir, 'source.bin');
        log(`writing ${Math.round(sizeBytes / (1 << 20))} MiB of random bytes`);
        await writeRandomFile(localPath, sizeBytes);
        const sha256 = await sha256File(localPath);
        for (const s of [plain, secure]) {
          await copyFile(localPath, join(s.homeDir, 'source.bin'));
          await s.chownToServer(join(s.homeDir, 'source.bin'));
        }
        return { localPath, remoteName: 'source.bin', sha256 };
      })();
      return big;
    };

    const results: RowResult[] = [];
    for (const row of rows) {
      log(`row ${row.id}`);
      const ctx: BenchContext = {
        get server() {
          return ftpServers().server;
        },
        get tlsServer() {
          return ftpServers().tlsServer;
        },
        sizeBytes, runs, workDir: clientDir, rootDir: ROOT, bigFile, log,
        compare: (clients) => compare(clients, runs, row.id),
      };
      results.push(await row.run(ctx));
    }

    const table = formatTable(results, runs);
    const targets = targetLines(results);
    const summary = [
      `Ferry benchmark: ${Math.round(sizeBytes / (1 << 20))} MiB, ${runs} runs per client, ${needsFtp ? `server ${kind}` : 'OpenSSH sshd'} on 127.0.0.1, files on ${SHM}; node ${process.version}.`,
      '',
      table,
      '',
      ...targets.map((line) => `- ${line}`),
    ].join('\n');
    process.stdout.write(`\n${summary}\n`);
    await mkdir(join(ROOT, 'test-results'), { recursive: true });
    await writeFile(join(ROOT, 'test-results/bench.md'), `${summary}\n`);
    log('table written to test-results/bench.md');
    return 0;
  } finally {
    for (const s of started) await s.stop().catch(() => undefined);
    await rm(workDir, { recursive: true, force: true });
    clearInterval(keepAlive);
    process.off('SIGINT', onInterrupt);
  }
}
