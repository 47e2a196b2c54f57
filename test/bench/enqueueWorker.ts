/**
 * Queuing many items in a bare Node process, for the benchmark's enqueue rows (enqueue.ts builds
 * this file and runs it): a TransferQueue that never connects (processing off) takes N items and
 * the process reports how long that took and its memory before and after, so the row shows
 * what a long queue costs the process that holds it (the app's main process). Prints one JSON
 * line. argv[2] is a JSON job. Benchmark-only code.
 */
import { mkdir, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { FileQueueStore, nodeLocalFs, TransferQueue, type SessionFactory, type TransferSession } from '../../electron/queue';

interface Job {
  /** `files`: addFiles with N requests; `folder`: addFolder of a local folder (upload expansion). */
  mode: 'files' | 'folder';
  count: number;
  /** Save the queue file after queuing (`files` mode): the write the app does a moment later. */
  storePath?: string;
  /** `folder` mode: the local folder to expand. */
  localDir?: string;
}

/** A session for folder expansion only: folders "exist", nothing is transferred. */
function expansionSession(): TransferSession {
  const refuse = () => Promise.reject(new Error('the enqueue benchmark transfers nothing'));
  return {
    list: async () => [],
    size: refuse,
    modifiedTime: refuse,
    mkdir: async () => undefined,
    delete: refuse,
    rmdir: refuse,
    download: refuse,
    upload: refuse,
    checksum: async () => undefined,
    isClosed: false,
    close: async () => undefined,
    destroy: () => undefined,
  };
}

function mib(bytes: number): number {
  return Math.round((bytes / (1 << 20)) * 10) / 10;
}

async function main(): Promise<void> {
  const job = JSON.parse(process.argv[2] ?? '{}') as Job;
  const sessions: SessionFactory = async () => expansionSession();
  const store = job.storePath ? new FileQueueStore(job.storePath) : undefined;
  if (job.storePath) await mkdir(path.dirname(job.storePath), { recursive: true });
  const queue = new TransferQueue({ sessions, fs: nodeLocalFs, store, options: { isProcessing: false, onExists: 'overwrite' } });
  let changedItems = 0;
  queue.on('changed', (c) => (changedItems += c.items.length));
  const requests = job.mode === 'files'
    ? Array.from({ length: job.count }, (_, i) => ({
      direction: 'download' as const,
      siteId: 'bench',
      remotePath: `/pub/data/folder-${Math.floor(i / 1000)}/file-${i}.bin`,
      localPath: `/home/user/Downloads/data/folder-${Math.floor(i / 1000)}/file-${i}.bin`,
      sizeBytes: 8192,
      modifiedMs: 1_700_000_000_000 + i,
    }))
    : [];
  // With --expose-gc the numbers are what the queue keeps, not garbage waiting for a collection.
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const before = process.memoryUsage();
  const started = process.hrtime.bigint();
  let queued: number;
  if (job.mode === 'files') {
    queued = queue.addFiles(requests).length;
  } else {
    queued = (await queue.addFolder({ direction: 'upload', siteId: 'bench', localDir: job.localDir!, remoteDir: '/upload' })).addedIds.length;
  }
  const enqueueSeconds = Number(process.hrtime.bigint() - started) / 1e9;
  let saveSeconds: number | undefined;
  let fileBytes: number | undefined;
  if (store) {
    const saveStarted = process.hrtime.bigint();
    await queue.persistNow();
    saveSeconds = Number(process.hrtime.bigint() - saveStarted) / 1e9;
    fileBytes = (await stat(job.storePath!)).size;
  }
  // The first batched change (all items, for the UI) is part of queuing as a user sees it.
  await new Promise((resolve) => setTimeout(resolve, 300));
  gc?.();
  gc?.();
  const after = process.memoryUsage();
  const totals = queue.totals();
  await queue.close();
  if (job.mode === 'folder' && queued !== (await readdir(job.localDir!)).length) throw new Error(`queued ${queued} items`);
  process.stdout.write(`${JSON.stringify({
    queued,
    queuedCount: totals.queuedCount,
    changedItems,
    enqueueSeconds,
    saveSeconds,
    fileBytes,
    rssBeforeMiB: mib(before.rss),
    rssAfterMiB: mib(after.rss),
    heapBeforeMiB: mib(before.heapUsed),
    heapAfterMiB: mib(after.heapUsed),
  })}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`enqueue worker: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exitCode = 1;
});
