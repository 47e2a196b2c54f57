/**
 * Rows for many small files: 2,000 files of 8 KiB in one folder, downloaded with
 * `ferry get -r` and uploaded with `ferry put -r` (through the transfer queue), against
 * `lftp mirror` / `mirror -R` at the same parallelism (1 and 4), and against a bare Node FTP
 * client (bareFtpClient.ts: the floor for any Node client), in the same run on the same server.
 * Small files measure the cost per file (commands, data connections, local file calls, queue
 * bookkeeping), not bandwidth, so the notes give milliseconds per file.
 *
 * The rows start their own server (files on /dev/shm): by default pure-ftpd, the quickest of
 * the four for small files on these machines (docs/benchmarks.md, The rows);
 * FERRY_BENCH_SMALL_SERVER picks another, FERRY_BENCH_SMALL_FILES changes the count. Every
 * client's first run is checked file by file (SHA-256). Benchmark-only code.
 */
import { randomFillSync } from 'node:crypto';
import { chmod, mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { SERVER_KINDS, startServer, type ServerKind } from '../servers';
import { bareFtpClient } from './bareFtpClient';
import { startDelayProxy } from './delayProxy';
import { lftpOpen, lftpSettings, runFerry, runProcess, sha256File, type ProcessResult } from './clients';
import type { BenchContext, BenchRow, BenchServer, ClientRun, RowResult, RunTiming } from './types';

/** Size of each file. */
export const SMALL_FILE_BYTES = 8 * 1024;
const DEFAULT_COUNT = 2_000;
const DEFAULT_SERVER: ServerKind = 'pure-ftpd';
/** Folder names in the server's home. */
const SOURCE_DIR = 'small';
const UPLOAD_DIR = { ferry: 'small-up-ferry', lftp: 'small-up-lftp', bare: 'small-up-bare' };

type Direction = 'download' | 'upload';

function fileCount(): number {
  const raw = process.env.FERRY_BENCH_SMALL_FILES;
  if (raw === undefined || raw === '') return DEFAULT_COUNT;
  const n = Number(raw);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`FERRY_BENCH_SMALL_FILES must be a positive whole number (got "${raw}")`);
  return n;
}

/** The small-file rows' server: FERRY_BENCH_SMALL_SERVER, else pure-ftpd. */
export function serverKind(): ServerKind {
  const wanted = process.env.FERRY_BENCH_SMALL_SERVER;
  if (!wanted) return DEFAULT_SERVER;
  if (!(SERVER_KINDS as readonly string[]).includes(wanted)) throw new Error(`FERRY_BENCH_SMALL_SERVER must be one of ${SERVER_KINDS.join(', ')}`);
  return wanted as ServerKind;
}

/** `f00000.bin`, `f00001.bin`, ... */
function fileName(index: number): string {
  return `f${String(index).padStart(5, '0')}.bin`;
}

/** Writes `count` files of random bytes into `dir`; returns name → SHA-256. */
export async function writeSmallFiles(dir: string, count: number): Promise<Map<string, string>> {
  await mkdir(dir, { recursive: true, mode: 0o755 });
  const hashes = new Map<string, string>();
  const data = Buffer.alloc(SMALL_FILE_BYTES);
  for (let i = 0; i < count; i++) {
    randomFillSync(data);
    const path = join(dir, fileName(i));
    await writeFile(path, data, { mode: 0o644 });
    hashes.set(fileName(i), await sha256File(path));
  }
  return hashes;
}

/** Checks that `dir` holds exactly the files of `expected`, byte for byte. */
async function verifyFolder(dir: string, expected: Map<string, string>, who: string): Promise<void> {
  const names = (await readdir(dir)).sort();
  if (names.length !== expected.size) throw new Error(`${who}: ${names.length} files arrived, expected ${expected.size} (in ${dir})`);
  for (const name of names) {
    const want = expected.get(name);
    if (want === undefined) throw new Error(`${who}: unexpected file ${name} in ${dir}`);
    if ((await sha256File(join(dir, name))) !== want) throw new Error(`${who}: ${name} differs from the source`);
  }
}

function check(result: ProcessResult, what: string): void {
  if (result.code !== 0) throw new Error(`${what} failed (exit ${result.code}): ${(result.stderr || result.stdout).trim().slice(-600)}`);
}

function timing(result: ProcessResult, bytes: number): RunTiming {
  return { bytes, seconds: result.seconds, peakRssBytes: result.peakRssBytes, cpuSeconds: result.cpuSeconds };
}

function ftpUrl(server: BenchServer, remoteDir: string): string {
  const auth = `${encodeURIComponent(server.user)}:${encodeURIComponent(server.password)}`;
  return `ftp://${auth}@${server.host}:${server.port}/~/${remoteDir}`;
}

/**
 * `lftp -c "...; mirror [-R] --parallel=N FROM TO"`; `isPipelined` sets ftp:sync-mode off (lftp
 * then sends commands without waiting for each reply where it can).
 */
function lftpMirror(server: BenchServer, args: string[], rssFile: string, isPipelined = false): Promise<ProcessResult> {
  const sync = isPipelined ? ['set ftp:sync-mode off'] : [];
  const script = [...lftpSettings(false), ...sync, lftpOpen(server), `mirror ${args.join(' ')}`, 'bye'].join('; ');
  return runProcess('lftp', ['-c', script], { rssFile });
}

/** A link the rows run over: a delay proxy with this round trip (latency rows). */
interface Link {
  rttMs: number;
}

/** Files per latency row (FERRY_BENCH_LAT_FILES, default 200). */
function latencyFileCount(): number {
  const raw = process.env.FERRY_BENCH_LAT_FILES;
  if (raw === undefined || raw === '') return 200;
  const n = Number(raw);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`FERRY_BENCH_LAT_FILES must be a positive whole number (got "${raw}")`);
  return n;
}

function smallFilesRow(direction: Direction, parallel: number, link?: Link): BenchRow {
  return {
    id: link ? `lat${link.rttMs}-${direction}-p${parallel}` : `small-${direction}-p${parallel}`,
    async run(ctx: BenchContext): Promise<RowResult> {
      const count = link ? latencyFileCount() : fileCount();
      const kind = serverKind();
      const bytes = count * SMALL_FILE_BYTES;
      // The server drops root: its folder must be reachable and its files readable.
      const base = join(ctx.workDir, `small-${direction}-${parallel}${link ? `-rtt${link.rttMs}` : ''}`);
      await mkdir(base, { recursive: true, mode: 0o755 });
      await chmod(base, 0o755);
      const running = await startServer(kind, { baseDir: base });
      const proxy = link ? await startDelayProxy({ targetPort: running.port, rttMs: link.rttMs }) : undefined;
      try {
        const direct: BenchServer = {
          kind, host: running.host, port: running.port, user: running.user, password: running.password,
          homeDir: running.homeDir, certFingerprint256: running.certFingerprint256,
        };
        // Every client goes through the link when there is one.
        const server: BenchServer = proxy ? { ...direct, host: proxy.host, port: proxy.port } : direct;
        const rssFile = join(base, 'rss.txt');
        const flag = ['--parallel', String(parallel)];
        let clients: ClientRun[];
        if (direction === 'download') {
          ctx.log(`writing ${count} files of ${SMALL_FILE_BYTES} bytes on ${kind}`);
          const hashes = await writeSmallFiles(join(server.homeDir, SOURCE_DIR), count);
          await running.chownToServer(join(server.homeDir, SOURCE_DIR));
          const target = { ferry: join(base, 'got-ferry'), lftp: join(base, 'got-lftp'), bare: join(base, 'got-bare') };
          const names = [...hashes.keys()];
          clients = [
            {
              client: `Ferry CLI --parallel ${parallel}`,
              isFerry: true,
              note: `ferry get -r`,
              prepare: () => rm(target.ferry, { recursive: true, force: true }),
              run: async () => {
                const result = await runFerry(ctx.rootDir, ['get', '-r', ftpUrl(server, SOURCE_DIR), target.ferry, ...flag], { rssFile });
                check(result, 'ferry get -r');
                return timing(result, bytes);
              },
              verify: () => verifyFolder(target.ferry, hashes, 'ferry get -r'),
            },
            {
              client: `lftp mirror --parallel=${parallel}`,
              prepare: () => rm(target.lftp, { recursive: true, force: true }),
              run: async () => {
                const result = await lftpMirror(server, [`--parallel=${parallel}`, SOURCE_DIR, `"${target.lftp}"`], rssFile);
                check(result, 'lftp mirror');
                return timing(result, bytes);
              },
              verify: () => verifyFolder(target.lftp, hashes, 'lftp mirror'),
            },
            {
              client: `bare Node FTP client, ${parallel} at once`,
              note: 'the floor in Node: EPSV, connect, RETR, .part + rename; no queue, checks or log',
              prepare: () => rm(target.bare, { recursive: true, force: true }),
              run: () => bareFtpClient({ server, direction: 'download', remoteDir: SOURCE_DIR, localDir: target.bare, names, parallel }, bytes, rssFile),
              verify: () => verifyFolder(target.bare, hashes, 'bare client'),
            },
          ];
        } else {
          ctx.log(`writing ${count} files of ${SMALL_FILE_BYTES} bytes to upload to ${kind}`);
          const source = join(base, 'source');
          const hashes = await writeSmallFiles(source, count);
          const remote = { ferry: join(server.homeDir, UPLOAD_DIR.ferry), lftp: join(server.homeDir, UPLOAD_DIR.lftp), bare: join(server.homeDir, UPLOAD_DIR.bare) };
          const names = [...hashes.keys()];
          clients = [
            {
              client: `Ferry CLI --parallel ${parallel}`,
              isFerry: true,
              note: `ferry put -r`,
              prepare: () => rm(remote.ferry, { recursive: true, force: true }),
              run: async () => {
                const result = await runFerry(ctx.rootDir, ['put', '-r', source, ftpUrl(server, UPLOAD_DIR.ferry), ...flag], { rssFile });
                check(result, 'ferry put -r');
                return timing(result, bytes);
              },
              verify: () => verifyFolder(remote.ferry, hashes, 'ferry put -r'),
            },
            {
              client: `lftp mirror -R --parallel=${parallel}`,
              prepare: () => rm(remote.lftp, { recursive: true, force: true }),
              run: async () => {
                const result = await lftpMirror(server, ['-R', `--parallel=${parallel}`, `"${source}"`, UPLOAD_DIR.lftp], rssFile);
                check(result, 'lftp mirror -R');
                return timing(result, bytes);
              },
              verify: () => verifyFolder(remote.lftp, hashes, 'lftp mirror -R'),
            },
            {
              client: `bare Node FTP client, ${parallel} at once`,
              note: 'the floor in Node: EPSV, connect, STOR; no queue, checks or log',
              // It makes no folders: the server must be able to write into an empty one.
              prepare: async () => {
                await rm(remote.bare, { recursive: true, force: true });
                await mkdir(remote.bare, { mode: 0o755 });
                await running.chownToServer(remote.bare);
              },
              run: () => bareFtpClient({ server, direction: 'upload', remoteDir: UPLOAD_DIR.bare, localDir: source, names, parallel }, bytes, rssFile),
              verify: () => verifyFolder(remote.bare, hashes, 'bare client'),
            },
          ];
        }
        if (link) addLinkClients(clients, { direction, parallel, link, base, server, direct, bytes, ctx });
        const measurements = await ctx.compare(clients);
        for (const m of measurements) {
          // Per file is what small files are about: the median run's time over the file count.
          const msPerFile = (bytes / (m.mbPerSecond * 1e6) / count) * 1000;
          m.note = [m.note, `${msPerFile.toFixed(3)} ms/file`].filter(Boolean).join('; ');
        }
        const what = direction === 'download' ? 'download' : 'upload';
        const over = link ? `, round trip ${link.rttMs} ms (delay proxy)` : '';
        return { scenario: `${what} ${count.toLocaleString('en-US')} × 8 KiB files in one folder, --parallel ${parallel}${over}, plain FTP, ${kind}`, measurements };
      } finally {
        await proxy?.stop();
        await running.stop();
        await rm(base, { recursive: true, force: true });
      }
    },
  };
}

/**
 * The latency rows' extra clients: lftp also with ftp:sync-mode off (whichever is faster counts),
 * and at 0 ms the same Ferry run without the proxy, which shows the proxy's own cost.
 */
function addLinkClients(
  clients: ClientRun[],
  row: { direction: Direction; parallel: number; link: Link; base: string; server: BenchServer; direct: BenchServer; bytes: number; ctx: BenchContext },
): void {
  const { direction, parallel, link, base, server, direct, bytes, ctx } = row;
  const rssFile = join(base, 'rss.txt');
  const verb = direction === 'download' ? 'mirror' : 'mirror -R';
  const lftpClient = clients[1];
  lftpClient.client = `lftp ${verb} --parallel=${parallel}, ftp:sync-mode on`;
  clients.splice(2, 0, {
    ...lftpClient,
    client: `lftp ${verb} --parallel=${parallel}, ftp:sync-mode off`,
    run: async () => {
      const args = direction === 'download'
        ? [`--parallel=${parallel}`, SOURCE_DIR, `"${join(base, 'got-lftp')}"`]
        : ['-R', `--parallel=${parallel}`, `"${join(base, 'source')}"`, UPLOAD_DIR.lftp];
      const result = await lftpMirror(server, args, rssFile, true);
      check(result, 'lftp mirror, sync-mode off');
      return timing(result, bytes);
    },
  });
  if (link.rttMs !== 0) return;
  const target = direction === 'download' ? join(base, 'got-ferry-direct') : join(direct.homeDir, 'small-up-ferry-direct');
  clients.push({
    client: `Ferry CLI --parallel ${parallel}, no proxy`,
    note: "the same run straight to the server: the proxy's own cost",
    prepare: () => rm(target, { recursive: true, force: true }),
    run: async () => {
      const args = direction === 'download'
        ? ['get', '-r', ftpUrl(direct, SOURCE_DIR), target, '--parallel', String(parallel)]
        : ['put', '-r', join(base, 'source'), ftpUrl(direct, 'small-up-ferry-direct'), '--parallel', String(parallel)];
      const result = await runFerry(ctx.rootDir, args, { rssFile });
      check(result, 'ferry without the proxy');
      return timing(result, bytes);
    },
  });
}

/** The small-file rows, in table order. */
export const smallFileRows: BenchRow[] = [
  smallFilesRow('download', 1),
  smallFilesRow('download', 4),
  smallFilesRow('upload', 1),
  smallFilesRow('upload', 4),
];

/**
 * The same over a link with a round trip (a delay proxy: 0 ms shows its own cost against a run
 * without it; 2, 20 and 80 ms stand for a LAN, a nearby and a distant server), Ferry against lftp
 * with ftp:sync-mode on and off.
 */
export const latencyRows: BenchRow[] = [0, 2, 20, 80].flatMap((rttMs) =>
  (['download', 'upload'] as const).flatMap((direction) => [1, 4].map((parallel) => smallFilesRow(direction, parallel, { rttMs }))),
);
