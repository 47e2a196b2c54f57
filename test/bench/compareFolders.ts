/**
 * Rows for comparing a local folder with a server folder (`ferry compare`): 10,000 files in
 * one folder, and 100 folders × 100 files, on loopback and over a 20 ms round trip (the delay
 * proxy), the two sides identical so every entry is judged. The reference is lftp's
 * `mirror --dry-run`, which lists the server tree and compares it with the local one the same
 * way. As in the enqueue rows, the MB/s column shows thousands of entries per second; the notes
 * give Ferry's own split: the listing time, and the time from the listings to the verdicts.
 * Server: vsftpd (LIST, no cap on a listing's length), or FERRY_BENCH_COMPARE_SERVER.
 * Benchmark-only code.
 */
import { chmod, cp, mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { SERVER_KINDS, startServer, type ServerKind } from '../servers';
import { lftpOpen, lftpSettings, runFerry, runProcess, type ProcessResult } from './clients';
import { startDelayProxy } from './delayProxy';
import { median } from './table';
import type { BenchContext, BenchRow, BenchServer, RowResult, RunTiming } from './types';

interface Shape {
  id: string;
  folders: number;
  filesPerFolder: number;
  what: string;
}

const SHAPES: Shape[] = [
  { id: 'flat', folders: 0, filesPerFolder: 10_000, what: '10,000 files in one folder' },
  { id: 'tree', folders: 100, filesPerFolder: 100, what: '100 folders × 100 files' },
];

function serverKind(): ServerKind {
  const raw = process.env.FERRY_BENCH_COMPARE_SERVER ?? 'vsftpd';
  if (!(SERVER_KINDS as readonly string[]).includes(raw)) throw new Error(`FERRY_BENCH_COMPARE_SERVER must be one of ${SERVER_KINDS.join(', ')} (got "${raw}")`);
  return raw as ServerKind;
}

/** Writes the tree; every file has its own small content and one modification time. */
async function writeTree(root: string, shape: Shape): Promise<number> {
  await mkdir(root, { recursive: true, mode: 0o755 });
  const folders = shape.folders === 0 ? [root] : Array.from({ length: shape.folders }, (_, d) => join(root, `d${String(d).padStart(3, '0')}`));
  let entries = 0;
  for (const folder of folders) {
    await mkdir(folder, { recursive: true, mode: 0o755 });
    if (folder !== root) entries++;
    for (let f = 0; f < shape.filesPerFolder; f++) {
      await writeFile(join(folder, `f${String(f).padStart(5, '0')}.txt`), `${folder}/${f}\n`, { mode: 0o644 });
      entries++;
    }
  }
  return entries;
}

function ftpUrl(server: BenchServer, remoteDir: string): string {
  return `ftp://${encodeURIComponent(server.user)}:${encodeURIComponent(server.password)}@${server.host}:${server.port}/~/${remoteDir}`;
}

function check(result: ProcessResult, what: string, okCodes = [0]): void {
  if (!okCodes.includes(result.code ?? -1)) throw new Error(`${what} failed (exit ${result.code}): ${(result.stderr || result.stdout).trim().slice(-600)}`);
}

function compareRow(shape: Shape, rttMs: number): BenchRow {
  return {
    id: `compare-${shape.id}${rttMs ? `-lat${rttMs}` : ''}`,
    async run(ctx: BenchContext): Promise<RowResult> {
      const kind = serverKind();
      const base = join(ctx.workDir, `compare-${shape.id}-${rttMs}`);
      await mkdir(base, { recursive: true, mode: 0o755 });
      await chmod(base, 0o755);
      const running = await startServer(kind, { baseDir: base });
      const proxy = rttMs ? await startDelayProxy({ targetPort: running.port, rttMs }) : undefined;
      try {
        const local = join(base, 'local');
        ctx.log(`writing ${shape.what} on both sides (${kind})`);
        const entries = await writeTree(local, shape);
        await cp(local, join(running.homeDir, 'tree'), { recursive: true, preserveTimestamps: true });
        await running.chownToServer(join(running.homeDir, 'tree'));
        const server: BenchServer = {
          kind, host: proxy?.host ?? running.host, port: proxy?.port ?? running.port, user: running.user, password: running.password,
          homeDir: running.homeDir, certFingerprint256: running.certFingerprint256,
        };
        // Thousands of entries per second in the MB/s column.
        const units = entries * 1000;
        const split: Record<number, { listMs: number[]; compareMs: number[] }> = { 1: { listMs: [], compareMs: [] }, 4: { listMs: [], compareMs: [] } };
        const ferry = (parallel: 1 | 4) => ({
          client: `Ferry CLI compare -P ${parallel}`,
          isFerry: true,
          prepare: async () => undefined,
          run: async (): Promise<RunTiming> => {
            const result = await runFerry(ctx.rootDir, ['compare', local, ftpUrl(server, 'tree'), '--json', '-P', String(parallel)], { rssFile: join(base, 'rss.txt') });
            check(result, 'ferry compare');
            const summary = JSON.parse(result.stdout.trim().split('\n').at(-1)!) as { compared: number; differing: number; timings: { listMs: number; compareMs: number } };
            if (summary.compared !== entries || summary.differing !== 0) throw new Error(`ferry compare judged ${summary.compared} entries, ${summary.differing} differing; expected ${entries} identical`);
            split[parallel].listMs.push(summary.timings.listMs);
            split[parallel].compareMs.push(summary.timings.compareMs);
            return { bytes: units, seconds: result.seconds, peakRssBytes: result.peakRssBytes, cpuSeconds: result.cpuSeconds };
          },
        });
        const measurements = await ctx.compare([
          ferry(4),
          ferry(1),
          {
            client: 'lftp mirror --dry-run',
            prepare: async () => undefined,
            run: async () => {
              const script = [...lftpSettings(false), lftpOpen(server), `mirror --dry-run tree "${local}"`, 'bye'].join('; ');
              const result = await runProcess('lftp', ['-c', script], { rssFile: join(base, 'rss.txt') });
              check(result, 'lftp mirror --dry-run');
              return { bytes: units, seconds: result.seconds, peakRssBytes: result.peakRssBytes, cpuSeconds: result.cpuSeconds };
            },
          },
        ]);
        for (const m of measurements) {
          const p = m.client.endsWith('-P 1') ? 1 : m.client.endsWith('-P 4') ? 4 : undefined;
          const s = p ? split[p] : undefined;
          const whole = `${((entries / (m.mbPerSecond * 1000)) * 1000).toFixed(0)} ms in all`;
          m.note = s && s.listMs.length ? `${whole}; listing ${median(s.listMs).toFixed(0)} ms, listings to verdicts ${median(s.compareMs).toFixed(1)} ms` : whole;
        }
        const over = rttMs ? `, round trip ${rttMs} ms (delay proxy)` : '';
        return { scenario: `compare ${shape.what}, identical${over}, plain FTP, ${kind}`, measurements };
      } finally {
        await proxy?.stop();
        await running.stop();
        await rm(base, { recursive: true, force: true });
      }
    },
  };
}

/** The compare rows, in table order. */
export const compareRows: BenchRow[] = [compareRow(SHAPES[0], 0), compareRow(SHAPES[1], 0), compareRow(SHAPES[1], 20)];
