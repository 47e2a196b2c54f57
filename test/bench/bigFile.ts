/**
 * Rows for one big file (FERRY_BENCH_MB, default 1 GiB) each way, plain FTP and explicit FTPS:
 * the Ferry CLI, Ferry's engine in a bare process, curl, lftp, and (plain only) raw loopback TCP.
 * Every client's first run is checked by SHA-256. Benchmark-only code.
 */
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { curl, ferryCli, ferryEngine, lftp, rawTcp, sha256File, type Direction, type FileJob } from './clients';
import type { BenchContext, BenchRow, ClientRun, RowResult } from './types';

function sizeLabel(bytes: number): string {
  return bytes >= 1 << 30 && bytes % (1 << 30) === 0 ? `${bytes / (1 << 30)} GiB` : `${Math.round(bytes / (1 << 20))} MiB`;
}

function bigFileRow(direction: Direction, isTls: boolean): BenchRow {
  return {
    id: `${direction}${isTls ? '-ftps' : ''}`,
    async run(ctx: BenchContext): Promise<RowResult> {
      const big = await ctx.bigFile();
      const server = isTls ? ctx.tlsServer : ctx.server;
      const received = direction === 'download' ? join(ctx.workDir, 'received.bin') : join(server.homeDir, 'uploaded.bin');
      const job: FileJob = {
        server,
        isTls,
        direction,
        remoteName: direction === 'download' ? big.remoteName : 'uploaded.bin',
        localPath: direction === 'download' ? received : big.localPath,
        sizeBytes: ctx.sizeBytes,
      };
      const prepare = async () => {
        await rm(received, { force: true });
        await rm(`${received}.part`, { force: true });
      };
      const verify = async () => {
        const digest = await sha256File(received);
        if (digest !== big.sha256) throw new Error(`${direction}: the file that arrived differs from the source (sha256 ${digest})`);
      };
      const paths = { rootDir: ctx.rootDir, workDir: ctx.workDir };
      const clients: ClientRun[] = [
        { client: 'Ferry CLI', isFerry: true, note: 'bin/ferry.js run as a program (its #! line), process start to exit', prepare, verify, run: () => ferryCli(job, paths) },
        { client: 'Ferry engine', isFerry: true, note: 'FtpSession with the CLI file streams, bare process, connect to QUIT', prepare, verify, run: () => ferryEngine(job, paths) },
        { client: 'curl', note: isTls ? '--ssl-reqd -k' : undefined, prepare, verify, run: () => curl(job, paths) },
        { client: 'lftp', note: isTls ? 'ftp:ssl-force, ssl-protect-data' : undefined, prepare, verify, run: () => lftp(job, paths) },
      ];
      if (!isTls) {
        const rawTarget = join(ctx.workDir, 'raw.bin');
        clients.push({
          client: 'raw TCP',
          note: 'file → Node net socket → file, no FTP (1 MiB reads; reused read buffer, sync writes)',
          prepare: () => rm(rawTarget, { force: true }),
          run: () => rawTcp(big.localPath, rawTarget, ctx.sizeBytes),
        });
      }
      const measurements = await ctx.compare(clients);
      await prepare();
      await rm(join(ctx.workDir, 'raw.bin'), { force: true });
      return { scenario: `${direction} ${sizeLabel(ctx.sizeBytes)}, ${isTls ? 'explicit FTPS (PROT P)' : 'plain FTP'}, ${server.kind}`, measurements };
    },
  };
}

/** The four big-file rows, in table order. */
export const bigFileRows: BenchRow[] = [
  bigFileRow('download', false),
  bigFileRow('upload', false),
  bigFileRow('download', true),
  bigFileRow('upload', true),
];
