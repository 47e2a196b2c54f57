/**
 * What the transfer queue costs per file, in a bare Node process, for the benchmark's queue-cost
 * rows (queueCost.ts builds this file and runs it). N files of 8 KiB go through a fresh
 * TransferQueue three times: once to warm the code up, once counting the bytes allocated on the
 * V8 heap, once counting the promises created; each figure is divided by N.
 *   - `memory` mode: an in-memory session and filesystem that do the least a transfer needs, so
 *     the figures are the queue's own (the attempt, the runner, the pool, events and bookkeeping);
 *   - `server` mode: the engine against a real server with the command line's filesystem, the
 *     path of `ferry get -r` and `ferry put -r`.
 * Allocation: used heap after the run minus before, plus what every garbage collection in
 * between freed (v8.GCProfiler reports the used heap before and after each). Promises: an
 * async_hooks init hook counting type PROMISE, on only for its own pass (hooks cost allocations).
 * Prints one JSON line; argv[2] is a JSON job. Benchmark-only code.
 */
import { createHook } from 'node:async_hooks';
import path from 'node:path';
import { Readable, Writable } from 'node:stream';
import v8 from 'node:v8';
import { queueLocalFs } from '../../electron/cli/queueLocalFs';
import { TransferQueue, type AddFileRequest, type LocalFs, type SessionFactory, type TransferSession } from '../../electron/queue';
import { ftpSessionFactory } from '../../electron/sessions';

/** What one run measures. */
export interface QueueCostJob {
  mode: 'memory' | 'server';
  direction: 'download' | 'upload';
  count: number;
  fileBytes: number;
  /** `server` mode: where to log in; files are `remoteDir/NAME` there and `localDir/NAME` here. */
  server?: { host: string; port: number; user: string; password: string };
  remoteDir: string;
  localDir: string;
  names: string[];
}

/** What the worker prints. */
export interface QueueCostReport {
  files: number;
  /** Wall time of the measured allocation pass (no hooks), seconds. */
  seconds: number;
  heapBytesPerFile: number;
  promisesPerFile: number;
  collections: number;
}

/** A session that moves every file at once from memory and succeeds. */
function memorySession(fileBytes: number): TransferSession {
  const data = Buffer.alloc(fileBytes);
  return {
    list: async () => [],
    size: async () => fileBytes,
    modifiedTime: async () => undefined,
    mkdir: async () => undefined,
    delete: async () => undefined,
    rmdir: async () => undefined,
    download: async (_remote, to, opts) => {
      to.write(data);
      opts.onProgress?.(fileBytes);
    },
    upload: async (_from, _remote, opts) => {
      opts.onProgress?.(fileBytes);
    },
    prepareNextTransfer: () => undefined,
    checksum: async () => undefined,
    offersChecksum: false,
    isClosed: false,
    close: async () => undefined,
    destroy: () => undefined,
  };
}

/** A filesystem whose files exist, take every write and read as empty. */
function memoryFs(fileBytes: number): LocalFs {
  return {
    stat: async () => ({ type: 'file', sizeBytes: fileBytes, modifiedMs: 1_700_000_000_000 }),
    lstat: async () => ({ type: 'file', sizeBytes: fileBytes, modifiedMs: 1_700_000_000_000 }),
    readDir: async () => [],
    realPath: async (p) => p,
    mkdirp: async () => undefined,
    removeTree: async () => undefined,
    createReadStream: () => new Readable({ read() { this.push(null); } }),
    inspectPartial: async () => undefined,
    createWriteStream: async () => new Writable({ write(_chunk, _enc, cb) { cb(); } }),
    rename: async () => undefined,
    remove: async () => undefined,
    setModifiedTime: async () => undefined,
    hashFile: async () => undefined,
  };
}

function newQueue(job: QueueCostJob): TransferQueue {
  const sessions: SessionFactory = job.mode === 'memory'
    ? async () => memorySession(job.fileBytes)
    : ftpSessionFactory(() => ({ ...job.server!, tls: 'none', connectionId: 'bench' }));
  return new TransferQueue({
    sessions,
    fs: job.mode === 'memory' ? memoryFs(job.fileBytes) : queueLocalFs,
    // Like `ferry get -r`: one transfer at a time, nothing saved, targets overwritten.
    options: { globalLimit: 1, defaultSiteLimit: 1, onExists: 'overwrite', idleSessionMs: 1_000 },
  });
}

function requests(job: QueueCostJob): AddFileRequest[] {
  return job.names.map((name) => ({
    direction: job.direction,
    siteId: 'bench',
    remotePath: `${job.remoteDir}/${name}`,
    localPath: path.join(job.localDir, name),
    sizeBytes: job.fileBytes,
    modifiedMs: 1_700_000_000_000,
  }));
}

/** Queues every file, waits until all are done, and closes the queue (its sessions say QUIT). */
async function pass(job: QueueCostJob): Promise<void> {
  const queue = newQueue(job);
  queue.addFiles(requests(job));
  await queue.whenIdle();
  const failed = queue.list().filter((i) => i.state !== 'done');
  await queue.close();
  if (failed.length > 0) throw new Error(`${failed.length} files did not arrive, first: ${failed[0].lastError?.message ?? failed[0].state}`);
}

async function main(): Promise<void> {
  const job = JSON.parse(process.argv[2] ?? '{}') as QueueCostJob;
  await pass(job);

  const profiler = new v8.GCProfiler();
  const usedBefore = v8.getHeapStatistics().used_heap_size;
  profiler.start();
  const started = process.hrtime.bigint();
  await pass(job);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const usedAfter = v8.getHeapStatistics().used_heap_size;
  // The profiler's figures are camelCase (usedHeapSize), whatever @types/node says.
  const gcs = profiler.stop().statistics as unknown as Array<Record<'beforeGC' | 'afterGC', { heapStatistics: { usedHeapSize: number } }>>;
  const freed = gcs.reduce((sum, gc) => sum + gc.beforeGC.heapStatistics.usedHeapSize - gc.afterGC.heapStatistics.usedHeapSize, 0);

  let promises = 0;
  const hook = createHook({
    init(_id, type) {
      if (type === 'PROMISE') promises++;
    },
  });
  hook.enable();
  await pass(job);
  hook.disable();

  const report: QueueCostReport = {
    files: job.count,
    seconds,
    heapBytesPerFile: (usedAfter - usedBefore + freed) / job.count,
    promisesPerFile: promises / job.count,
    collections: gcs.length,
  };
  process.stdout.write(`${JSON.stringify(report)}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`queue cost worker: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exitCode = 1;
});
