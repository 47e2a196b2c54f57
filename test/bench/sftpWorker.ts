/**
 * Ferry's SFTP engine in a bare Node process, for the benchmark's SFTP rows: one file through one
 * SftpSession (`get`, `put`), or a folder through the real TransferQueue with sftpSessionFactory
 * and N connections, as the app runs it (`get-dir`, `put-dir`). Prints `{"seconds","bytes",
 * "cipher"}`: from the first connect to the last close, without Node's start-up. Built to
 * out/bench/sftpWorker.js by bin/bench.js; argv[2] is a JSON job. Benchmark-only code.
 */
import { createReadStream, createWriteStream, readFileSync } from 'node:fs';
import { nodeLocalFs, TransferQueue } from '../../electron/queue';
import { sftpSessionFactory } from '../../electron/sessions';
import { SftpSession, type SftpConnectOptions, type SftpHooks } from '../../electron/sftp';

interface Job {
  host: string;
  port: number;
  user: string;
  keyPath: string;
  mode: 'get' | 'put' | 'get-dir' | 'put-dir';
  remote: string;
  local: string;
  /** Connections of the queue (the app's Transfers per server) for the folder modes. */
  connections?: number;
}

async function main(): Promise<void> {
  const job = JSON.parse(process.argv[2] ?? '{}') as Job;
  const options: SftpConnectOptions = {
    host: job.host, port: job.port, user: job.user, privateKey: { path: job.keyPath, data: readFileSync(job.keyPath) },
  };
  let cipher = '';
  // The benchmark's own throwaway server: its key is trusted as a known_hosts entry would be.
  const hooks: SftpHooks = {
    verifyHostKey: () => true,
    onLog: (e) => {
      const m = /^SSH \S+, ([^,\s]+)/.exec(e.text);
      if (m) cipher = m[1];
    },
  };
  const started = process.hrtime.bigint();
  let bytes = 0;
  if (job.mode === 'get' || job.mode === 'put') {
    const session = await SftpSession.connect(options, hooks);
    try {
      const onProgress = (n: number) => (bytes = n);
      if (job.mode === 'get') await session.download(job.remote, createWriteStream(job.local, { highWaterMark: 1 << 20 }), { onProgress });
      else await session.upload(createReadStream(job.local, { highWaterMark: 256 * 1024 }), job.remote, { onProgress });
      await session.close();
    } finally {
      session.destroy();
    }
  } else {
    const queue = new TransferQueue({
      sessions: sftpSessionFactory(() => options, hooks),
      fs: nodeLocalFs,
      options: { onExists: 'overwrite', siteLimits: { bench: job.connections ?? 2 }, retry: { maxRetries: 0, baseDelayMs: 100, maxDelayMs: 100 } },
    });
    const direction = job.mode === 'get-dir' ? 'download' : 'upload';
    await queue.addFolder({ direction, siteId: 'bench', localDir: job.local, remoteDir: job.remote });
    await queue.whenIdle();
    const items = queue.list();
    await queue.close();
    const failed = items.filter((i) => i.state !== 'done');
    if (failed.length > 0) throw new Error(`${failed.length} of ${items.length} files failed: ${failed[0].lastError?.message}`);
    bytes = items.reduce((sum, i) => sum + (i.sizeBytes ?? 0), 0);
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  process.stdout.write(`${JSON.stringify({ seconds, bytes, cipher })}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`sftp worker: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 1;
});
