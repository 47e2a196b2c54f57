/**
 * Rows for queuing many items without transferring them: how long 10,000 items take to queue
 * and what they cost the resident memory of the process holding the queue (the app's main
 * process). Each run is a fresh Node process (enqueueWorker.ts, built here with Vite into the
 * scratch folder) holding one TransferQueue:
 *   - enqueue:        addFiles with 10,000 file requests;
 *   - enqueue-save:   the same, then the queue file written (the app saves a moment later);
 *   - enqueue-folder: addFolder of a local folder of 10,000 files (an upload's expansion, with
 *                     the app's asynchronous filesystem).
 * There is no reference client, so the MB/s column shows thousands of items per second; the notes
 * give the median time and the process's resident memory before and after (measured after a
 * full garbage collection, so they show what the queue keeps). FERRY_BENCH_ENQUEUE_ITEMS changes
 * the count. Benchmark-only code.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { build } from 'vite';
import { runProcess } from './clients';
import { median } from './table';
import type { BenchContext, BenchRow, ClientRun, RowResult } from './types';

const DEFAULT_COUNT = 10_000;

interface WorkerReport {
  queued: number;
  enqueueSeconds: number;
  saveSeconds?: number;
  fileBytes?: number;
  rssBeforeMiB: number;
  rssAfterMiB: number;
  heapBeforeMiB: number;
  heapAfterMiB: number;
}

function itemCount(): number {
  const raw = process.env.FERRY_BENCH_ENQUEUE_ITEMS;
  if (raw === undefined || raw === '') return DEFAULT_COUNT;
  const n = Number(raw);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`FERRY_BENCH_ENQUEUE_ITEMS must be a positive whole number (got "${raw}")`);
  return n;
}

const builtWorkers = new Map<string, Promise<string>>();

/** Builds enqueueWorker.ts into `workDir` once per run of the benchmark. */
function buildWorker(ctx: BenchContext): Promise<string> {
  let built = builtWorkers.get(ctx.workDir);
  if (!built) {
    built = (async () => {
      const outDir = join(ctx.workDir, 'enqueue-worker');
      await build({
        root: ctx.rootDir,
        configFile: false,
        logLevel: 'warn',
        build: {
          ssr: join(ctx.rootDir, 'test/bench/enqueueWorker.ts'),
          outDir,
          emptyOutDir: true,
          target: 'node20',
          minify: false,
          rollupOptions: { output: { format: 'es', entryFileNames: '[name].js' } },
        },
      });
      return join(outDir, 'enqueueWorker.js');
    })();
    builtWorkers.set(ctx.workDir, built);
  }
  return built;
}

type Mode = 'files' | 'save' | 'folder';

const TITLES: Record<Mode, (n: string) => string> = {
  files: (n) => `enqueue ${n} files (addFiles, no transfer)`,
  save: (n) => `enqueue ${n} files and save the queue file`,
  folder: (n) => `enqueue a local folder of ${n} files (addFolder, upload)`,
};

function enqueueRow(mode: Mode): BenchRow {
  return {
    id: mode === 'files' ? 'enqueue' : `enqueue-${mode}`,
    async run(ctx: BenchContext): Promise<RowResult> {
      const count = itemCount();
      const worker = await buildWorker(ctx);
      const base = join(ctx.workDir, `enqueue-${mode}`);
      await mkdir(base, { recursive: true });
      const localDir = join(base, 'folder');
      if (mode === 'folder') {
        ctx.log(`writing ${count} empty files to queue`);
        await mkdir(localDir);
        for (let i = 0; i < count; i++) await writeFile(join(localDir, `file-${i}.bin`), '');
      }
      const storePath = join(base, 'queue.json');
      const job = { mode: mode === 'folder' ? 'folder' : 'files', count, storePath: mode === 'save' ? storePath : undefined, localDir };
      const reports: WorkerReport[] = [];
      const client: ClientRun = {
        client: 'Ferry TransferQueue',
        isFerry: true,
        prepare: () => rm(storePath, { force: true }),
        run: async () => {
          const result = await runProcess(process.execPath, ['--expose-gc', worker, JSON.stringify(job)], { rssFile: join(base, 'rss.txt') });
          if (result.code !== 0) throw new Error(`enqueue worker failed (exit ${result.code}): ${result.stderr.trim().slice(-600)}`);
          const report = JSON.parse(result.stdout.trim().split('\n').pop() ?? '{}') as WorkerReport;
          if (report.queued !== count) throw new Error(`enqueue worker queued ${report.queued} of ${count} items`);
          reports.push(report);
          const seconds = report.enqueueSeconds + (report.saveSeconds ?? 0);
          // The MB/s column reads as thousands of items per second.
          return { bytes: count * 1000, seconds, peakRssBytes: result.peakRssBytes, cpuSeconds: result.cpuSeconds };
        },
      };
      const [measurement] = await ctx.compare([client]);
      const ms = (f: (r: WorkerReport) => number) => Math.round(median(reports.map(f)) * 1000);
      const notes = [
        `${ms((r) => r.enqueueSeconds)} ms to queue`,
        mode === 'save' ? `${ms((r) => r.saveSeconds ?? 0)} ms to save ${(median(reports.map((r) => r.fileBytes ?? 0)) / 1e6).toFixed(1)} MB` : undefined,
        `RSS ${median(reports.map((r) => r.rssBeforeMiB))} → ${median(reports.map((r) => r.rssAfterMiB))} MiB`,
        `heap kept ${(median(reports.map((r) => r.heapAfterMiB - r.heapBeforeMiB))).toFixed(1)} MiB`,
        'fresh Node process per run; MB/s column = thousand items/s',
      ];
      measurement.note = notes.filter(Boolean).join('; ');
      await rm(base, { recursive: true, force: true });
      return { scenario: TITLES[mode](count.toLocaleString('en-US')), measurements: [measurement] };
    },
  };
}

/** The enqueue rows, in table order. */
export const enqueueRows: BenchRow[] = [enqueueRow('files'), enqueueRow('save'), enqueueRow('folder')];
