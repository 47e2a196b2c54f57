/**
 * Rows for what the transfer queue costs per file: promises created and bytes allocated on the
 * V8 heap for each 8 KiB file, one transfer at a time (queueCostWorker.ts, built here with Vite
 * and run in a fresh Node process per run):
 *   - queue-cost-download, queue-cost-upload: over an in-memory session and filesystem, so the
 *     figures are the queue's own;
 *   - queue-cost-server-download, queue-cost-server-upload: over the engine against a real
 *     server (FERRY_BENCH_SMALL_SERVER, pure-ftpd by default) with the command line's filesystem.
 * The notes give the medians per file; the MB/s column reads as thousands of files per second.
 * FERRY_BENCH_QUEUE_FILES changes the count (default 2,000). Benchmark-only code.
 */
import { chmod, mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { build } from 'vite';
import { startServer } from '../servers';
import { runProcess } from './clients';
import { serverKind, SMALL_FILE_BYTES, writeSmallFiles } from './smallFiles';
import { median } from './table';
import type { BenchContext, BenchRow, ClientRun, RowResult } from './types';
import type { QueueCostJob, QueueCostReport } from './queueCostWorker';

const DEFAULT_COUNT = 2_000;

function fileCount(): number {
  const raw = process.env.FERRY_BENCH_QUEUE_FILES;
  if (raw === undefined || raw === '') return DEFAULT_COUNT;
  const n = Number(raw);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`FERRY_BENCH_QUEUE_FILES must be a positive whole number (got "${raw}")`);
  return n;
}

const builtWorkers = new Map<string, Promise<string>>();

/** Builds queueCostWorker.ts into `workDir` once per run of the benchmark. */
function buildWorker(ctx: BenchContext): Promise<string> {
  let built = builtWorkers.get(ctx.workDir);
  if (!built) {
    built = (async () => {
      const outDir = join(ctx.workDir, 'queue-cost-worker');
      await build({
        root: ctx.rootDir,
        configFile: false,
        logLevel: 'warn',
        build: {
          ssr: join(ctx.rootDir, 'test/bench/queueCostWorker.ts'),
          outDir,
          emptyOutDir: true,
          target: 'node20',
          minify: false,
          rollupOptions: { output: { format: 'es', entryFileNames: '[name].js' } },
        },
      });
      return join(outDir, 'queueCostWorker.js');
    })();
    builtWorkers.set(ctx.workDir, built);
  }
  return built;
}

function fileName(index: number): string {
  return `f${String(index).padStart(5, '0')}.bin`;
}

function queueCostRow(mode: QueueCostJob['mode'], direction: QueueCostJob['direction']): BenchRow {
  return {
    id: mode === 'memory' ? `queue-cost-${direction}` : `queue-cost-server-${direction}`,
    async run(ctx: BenchContext): Promise<RowResult> {
      const count = fileCount();
      const worker = await buildWorker(ctx);
      const base = join(ctx.workDir, `queue-cost-${mode}-${direction}`);
      await mkdir(base, { recursive: true, mode: 0o755 });
      await chmod(base, 0o755);
      const names = Array.from({ length: count }, (_, i) => fileName(i));
      const job: QueueCostJob = { mode, direction, count, fileBytes: SMALL_FILE_BYTES, remoteDir: '/files', localDir: join(base, 'local'), names };
      const running = mode === 'server' ? await startServer(serverKind(), { baseDir: base }) : undefined;
      try {
        let where = 'in-memory session and filesystem';
        if (running) {
          where = `${running.kind}, command line's filesystem`;
          job.server = { host: running.host, port: running.port, user: running.user, password: running.password };
          const remote = join(running.homeDir, 'files');
          if (direction === 'download') {
            ctx.log(`writing ${count} files of ${SMALL_FILE_BYTES} bytes on the server`);
            await writeSmallFiles(remote, count);
            await mkdir(job.localDir, { recursive: true });
          } else {
            ctx.log(`writing ${count} files of ${SMALL_FILE_BYTES} bytes to upload`);
            await writeSmallFiles(job.localDir, count);
            await mkdir(remote, { recursive: true, mode: 0o755 });
          }
          await running.chownToServer(remote);
        }
        const reports: QueueCostReport[] = [];
        const client: ClientRun = {
          client: 'Ferry TransferQueue',
          isFerry: true,
          run: async () => {
            const result = await runProcess(process.execPath, [worker, JSON.stringify(job)], { rssFile: join(base, 'rss.txt') });
            if (result.code !== 0) throw new Error(`queue cost worker failed (exit ${result.code}): ${result.stderr.trim().slice(-600)}`);
            const report = JSON.parse(result.stdout.trim().split('\n').pop() ?? '{}') as QueueCostReport;
            reports.push(report);
            // The MB/s column reads as thousands of files per second.
            return { bytes: count * 1000, seconds: report.seconds, peakRssBytes: result.peakRssBytes };
          },
        };
        const [measurement] = await ctx.compare([client]);
        const promises = median(reports.map((r) => r.promisesPerFile));
        const kib = median(reports.map((r) => r.heapBytesPerFile)) / 1024;
        measurement.note = [
          `${promises.toFixed(1)} promises and ${kib.toFixed(1)} KiB allocated per file`,
          `${((1 / (measurement.mbPerSecond * 1000)) * 1000).toFixed(3)} ms/file`,
          'fresh Node process per run; MB/s column = thousand files/s',
        ].join('; ');
        const what = direction === 'download' ? 'download' : 'upload';
        return { scenario: `queue cost: ${what} ${count.toLocaleString('en-US')} × 8 KiB files one at a time, ${where}`, measurements: [measurement] };
      } finally {
        await running?.stop();
        await rm(base, { recursive: true, force: true });
      }
    },
  };
}

/** The queue-cost rows, in table order. */
export const queueCostRows: BenchRow[] = [
  queueCostRow('memory', 'download'),
  queueCostRow('memory', 'upload'),
  queueCostRow('server', 'download'),
  queueCostRow('server', 'upload'),
];
