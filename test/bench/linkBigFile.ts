/**
 * One 64 MiB file over a slow, distant link: a delay proxy with an 80 ms round trip and each
 * direction paced to 100 Mbit/s, downloaded with the Ferry CLI, curl and lftp in turns. On such a
 * link a file's time is its bytes at the link's rate plus the round trips before them (login,
 * passive reply, the transfer command): it shows what a client's start costs where users feel it.
 * The row starts its own server (pure-ftpd, files on /dev/shm). Benchmark-only code.
 */
import { randomFillSync } from 'node:crypto';
import { chmod, mkdir, open, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { startServer } from '../servers';
import { curl, ferryCli, lftp, sha256File, type FileJob } from './clients';
import { startDelayProxy } from './delayProxy';
import type { BenchContext, BenchRow, BenchServer, RowResult } from './types';

const SIZE_BYTES = 64 << 20;
const RTT_MS = 80;
/** 100 Mbit/s. */
const BYTES_PER_SECOND = 12_500_000;

async function writeRandomFile(path: string, sizeBytes: number): Promise<void> {
  const file = await open(path, 'w', 0o644);
  try {
    const chunk = Buffer.allocUnsafe(1 << 20);
    for (let done = 0; done < sizeBytes; done += chunk.length) {
      randomFillSync(chunk);
      await file.write(chunk, 0, Math.min(chunk.length, sizeBytes - done));
    }
  } finally {
    await file.close();
  }
}

/** The row `lat80-big`. */
export const linkBigFileRow: BenchRow = {
  id: 'lat80-big',
  async run(ctx: BenchContext): Promise<RowResult> {
    const base = join(ctx.workDir, 'link-big');
    await mkdir(base, { recursive: true, mode: 0o755 });
    await chmod(base, 0o755);
    const running = await startServer('pure-ftpd', { baseDir: base });
    const proxy = await startDelayProxy({ targetPort: running.port, rttMs: RTT_MS, bytesPerSecond: BYTES_PER_SECOND });
    try {
      ctx.log(`writing ${SIZE_BYTES >> 20} MiB for the link row`);
      await writeRandomFile(join(running.homeDir, 'link.bin'), SIZE_BYTES);
      await running.chownToServer(join(running.homeDir, 'link.bin'));
      const sha256 = await sha256File(join(running.homeDir, 'link.bin'));
      const server: BenchServer = {
        kind: 'pure-ftpd', host: proxy.host, port: proxy.port, user: running.user, password: running.password,
        homeDir: running.homeDir, certFingerprint256: running.certFingerprint256,
      };
      const received = join(base, 'received.bin');
      const job: FileJob = { server, isTls: false, direction: 'download', remoteName: 'link.bin', localPath: received, sizeBytes: SIZE_BYTES };
      const prepare = async () => {
        await rm(received, { force: true });
        await rm(`${received}.part`, { force: true });
      };
      const verify = async () => {
        if ((await sha256File(received)) !== sha256) throw new Error('lat80-big: the file that arrived differs from the source');
      };
      const paths = { rootDir: ctx.rootDir, workDir: base };
      const measurements = await ctx.compare([
        { client: 'Ferry CLI', isFerry: true, note: 'bin/ferry.js run as a program, process start to exit', prepare, verify, run: () => ferryCli(job, paths) },
        { client: 'curl', prepare, verify, run: () => curl(job, paths) },
        { client: 'lftp', prepare, verify, run: () => lftp(job, paths) },
      ]);
      return { scenario: `download 64 MiB, round trip ${RTT_MS} ms, 100 Mbit/s (delay proxy), plain FTP, pure-ftpd`, measurements };
    } finally {
      await proxy.stop();
      await running.stop();
      await rm(base, { recursive: true, force: true });
    }
  },
};
