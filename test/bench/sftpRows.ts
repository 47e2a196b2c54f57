/**
 * The SFTP rows: Ferry's SFTP engine against OpenSSH's clients on a real sshd (test/servers/sshd.ts,
 * files on /dev/shm), in the same run.
 *  - `sftp-download`, `sftp-upload`: one big file (FERRY_BENCH_MB) on loopback, Ferry's engine in a
 *    bare process (sftpWorker.ts) against `sftp -b` and `scp`.
 *  - `sftp-lat2-…`, `sftp-lat20-…`: FERRY_BENCH_LAT_FILES (default 200) files of 8 KiB through the
 *    delay proxy (plain TCP) at a round trip of 2 and 20 ms, Ferry through the transfer queue with
 *    the app's default of 2 connections per server against `sftp -b` (one connection, as it has)
 *    and `lftp mirror --parallel=2` over sftp://.
 * Every client logs in with the same ed25519 key and negotiates its own default cipher (the table
 * names Ferry's). Every client's first run is checked by SHA-256. Benchmark-only code.
 */
import { createHash, randomFillSync } from 'node:crypto';
import { chmod, mkdir, mkdtemp, open, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { startSshServer, type RunningSshServer } from '../servers/sshd';
import { runProcess, sha256File, type ProcessResult } from './clients';
import { startDelayProxy } from './delayProxy';
import type { BenchContext, BenchRow, ClientRun, RowResult, RunTiming } from './types';

const SMALL_FILE_BYTES = 8 * 1024;
/** The app's default number of transfers per server (shared/settings.ts, transfers.perServer). */
const FERRY_CONNECTIONS = 2;
const SSH_OPTIONS = ['-F', '/dev/null', '-o', 'StrictHostKeyChecking=no', '-o', 'UserKnownHostsFile=/dev/null', '-o', 'BatchMode=yes', '-o', 'IdentitiesOnly=yes', '-o', 'LogLevel=ERROR'];

type Direction = 'download' | 'upload';

interface Target {
  server: RunningSshServer;
  /** Where clients connect: the server, or the delay proxy in front of it. */
  port: number;
}

function check(result: ProcessResult, what: string): void {
  if (result.code !== 0) throw new Error(`${what} failed (exit ${result.code}): ${(result.stderr || result.stdout).trim().slice(-600)}`);
}

function timing(result: ProcessResult, bytes: number): RunTiming {
  return { bytes, seconds: result.seconds, peakRssBytes: result.peakRssBytes, cpuSeconds: result.cpuSeconds };
}

/** Ferry's SFTP worker; its own timing (connect to close) and the cipher it negotiated. */
async function ferryWorker(ctx: BenchContext, target: Target, job: Record<string, unknown>, rssFile: string): Promise<RunTiming & { cipher: string }> {
  const spec = { host: '127.0.0.1', port: target.port, user: target.server.user, keyPath: target.server.clientKeys.plainPath, ...job };
  const result = await runProcess(process.execPath, [join(ctx.rootDir, 'out/bench/sftpWorker.js'), JSON.stringify(spec)], { rssFile, cwd: ctx.workDir });
  check(result, 'sftp worker');
  const reported = JSON.parse(result.stdout.trim().split('\n').pop() ?? '{}') as { seconds?: number; bytes?: number; cipher?: string };
  if (typeof reported.seconds !== 'number') throw new Error(`sftp worker printed no timing: ${result.stdout}`);
  return { bytes: reported.bytes ?? 0, seconds: reported.seconds, peakRssBytes: result.peakRssBytes, cpuSeconds: result.cpuSeconds, cipher: reported.cipher ?? '?' };
}

/** OpenSSH sftp running `commands` in batch mode. */
async function sftpBatch(target: Target, commands: string[], dir: string, rssFile: string): Promise<ProcessResult> {
  const batch = join(dir, 'batch.txt');
  await writeFile(batch, `${commands.join('\n')}\n`);
  return runProcess('sftp', [...SSH_OPTIONS, '-i', target.server.clientKeys.plainPath, '-b', batch, '-P', String(target.port), `${target.server.user}@127.0.0.1`], { rssFile });
}

/** lftp over sftp:// with OpenSSH as its transport and the same key. */
function lftpSftp(target: Target, command: string, rssFile: string): Promise<ProcessResult> {
  const ssh = ['ssh', '-a', '-x', ...SSH_OPTIONS, '-i', target.server.clientKeys.plainPath].join(' ');
  const script = [
    'set net:max-retries 1', 'set net:timeout 30', 'set cmd:fail-exit true', 'set xfer:clobber true',
    `set sftp:connect-program "${ssh}"`,
    // No password is ever asked for: the key logs in.
    `open -u ${target.server.user},unused -p ${target.port} sftp://127.0.0.1`, command, 'bye',
  ].join('; ');
  return runProcess('lftp', ['-c', script], { rssFile });
}

/** Writes `sizeBytes` random bytes (random so no layer can compress them); returns their SHA-256. */
async function writeRandom(path: string, sizeBytes: number): Promise<string> {
  const hash = createHash('sha256');
  const chunk = Buffer.allocUnsafe(8 << 20);
  const file = await open(path, 'w');
  try {
    for (let done = 0; done < sizeBytes; done += chunk.length) {
      randomFillSync(chunk);
      const piece = chunk.subarray(0, Math.min(chunk.length, sizeBytes - done));
      hash.update(piece);
      await file.write(piece);
    }
  } finally {
    await file.close();
  }
  return hash.digest('hex');
}

async function folderHashes(dir: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const name of (await readdir(dir)).sort()) out.set(name, createHash('sha256').update(await readFile(join(dir, name))).digest('hex'));
  return out;
}

async function verifyFolder(dir: string, want: Map<string, string>, who: string): Promise<void> {
  const got = await folderHashes(dir);
  if (got.size !== want.size) throw new Error(`${who}: ${got.size} of ${want.size} files arrived in ${dir}`);
  for (const [name, digest] of want) if (got.get(name) !== digest) throw new Error(`${who}: ${name} differs from its source`);
}

function sizeLabel(bytes: number): string {
  return bytes >= 1 << 30 && bytes % (1 << 30) === 0 ? `${bytes / (1 << 30)} GiB` : `${Math.round(bytes / (1 << 20))} MiB`;
}

/** One big file each way on loopback: Ferry's engine, sftp -b, scp. */
function bigRow(direction: Direction): BenchRow {
  return {
    id: `sftp-${direction}`,
    needsFtpServers: false,
    async run(ctx: BenchContext): Promise<RowResult> {
      const base = await mkdtemp(join(ctx.workDir, 'sftp-big-'));
      // sshd reads the keys file, and SFTP runs, as the test user: it must reach the server's folder.
      await chmod(base, 0o755);
      const server = await startSshServer({ baseDir: base, logLevel: 'INFO' });
      const target = { server, port: server.port };
      const rssFile = join(base, 'rss.txt');
      try {
        const source = join(base, 'source.bin');
        ctx.log(`writing ${sizeLabel(ctx.sizeBytes)} of random bytes for the SFTP rows`);
        const digest = await writeRandom(direction === 'download' ? join(server.homeDir, 'source.bin') : source, ctx.sizeBytes);
        await server.chownToServer(server.homeDir);
        const arrived = direction === 'download' ? join(base, 'received.bin') : join(server.homeDir, 'uploaded.bin');
        const remote = direction === 'download' ? `${server.homeDir}/source.bin` : `${server.homeDir}/uploaded.bin`;
        const prepare = () => rm(arrived, { force: true });
        const verify = async (who: string) => {
          if ((await sha256File(arrived)) !== digest) throw new Error(`${who}: the file that arrived differs from the source`);
        };
        let cipher = '';
        const clients: ClientRun[] = [
          {
            client: 'Ferry SFTP engine', isFerry: true, prepare, verify: () => verify('Ferry'),
            run: async () => {
              const r = await ferryWorker(ctx, target, { mode: direction === 'download' ? 'get' : 'put', remote, local: direction === 'download' ? arrived : source }, rssFile);
              cipher = r.cipher;
              return { ...r, bytes: ctx.sizeBytes };
            },
          },
          {
            client: 'OpenSSH sftp -b', note: 'chacha20-poly1305 (its default)', prepare, verify: () => verify('sftp'),
            run: async () => {
              const result = await sftpBatch(target, [direction === 'download' ? `get ${remote} ${arrived}` : `put ${source} ${remote}`], base, rssFile);
              check(result, 'sftp -b');
              return timing(result, ctx.sizeBytes);
            },
          },
          {
            client: 'OpenSSH scp', note: 'SFTP protocol (scp 9.x)', prepare, verify: () => verify('scp'),
            run: async () => {
              const remoteSpec = `${server.user}@127.0.0.1:${remote}`;
              const args = direction === 'download' ? [remoteSpec, arrived] : [source, remoteSpec];
              const result = await runProcess('scp', [...SSH_OPTIONS, '-i', server.clientKeys.plainPath, '-P', String(server.port), ...args], { rssFile });
              check(result, 'scp');
              return timing(result, ctx.sizeBytes);
            },
          },
        ];
        const measurements = await ctx.compare(clients);
        measurements[0].note = `one SftpSession, bare process, connect to close; ${cipher}`;
        return { scenario: `SFTP ${direction} ${sizeLabel(ctx.sizeBytes)}, loopback, OpenSSH sshd`, measurements };
      } finally {
        await server.stop();
        await rm(base, { recursive: true, force: true });
      }
    },
  };
}

/** Small files through the delay proxy: Ferry's queue with 2 connections, sftp -b, lftp mirror --parallel=2. */
function latencyRow(direction: Direction, rttMs: number): BenchRow {
  return {
    id: `sftp-lat${rttMs}-${direction}`,
    needsFtpServers: false,
    async run(ctx: BenchContext): Promise<RowResult> {
      const count = Number(process.env.FERRY_BENCH_LAT_FILES ?? 200);
      const base = await mkdtemp(join(ctx.workDir, 'sftp-small-'));
      await chmod(base, 0o755);
      const server = await startSshServer({ baseDir: base, logLevel: 'INFO' });
      const proxy = await startDelayProxy({ targetPort: server.port, rttMs, isPlainTcp: true });
      const target = { server, port: proxy.port };
      const rssFile = join(base, 'rss.txt');
      try {
        const source = direction === 'download' ? join(server.homeDir, 'small') : join(base, 'source');
        await mkdir(source, { recursive: true, mode: 0o755 });
        const data = Buffer.alloc(SMALL_FILE_BYTES);
        for (let i = 0; i < count; i++) {
          randomFillSync(data);
          await writeFile(join(source, `f${String(i).padStart(5, '0')}.bin`), data, { mode: 0o644 });
        }
        await server.chownToServer(server.homeDir);
        const hashes = await folderHashes(source);
        const bytes = count * SMALL_FILE_BYTES;
        const home = server.homeDir;
        const out = (who: string) => (direction === 'download' ? join(base, `got-${who}`) : join(home, `up-${who}`));
        const prepareFor = (who: string) => () => rm(out(who), { recursive: true, force: true });
        const verifyFor = (who: string) => () => verifyFolder(out(who), hashes, who);
        let cipher = '';
        const clients: ClientRun[] = [
          {
            client: `Ferry queue, ${FERRY_CONNECTIONS} connections`, isFerry: true, prepare: prepareFor('ferry'), verify: verifyFor('ferry'),
            run: async () => {
              const job = direction === 'download'
                ? { mode: 'get-dir', remote: source, local: out('ferry') }
                : { mode: 'put-dir', remote: out('ferry'), local: source };
              const r = await ferryWorker(ctx, target, { ...job, connections: FERRY_CONNECTIONS }, rssFile);
              cipher = r.cipher;
              return { ...r, bytes };
            },
          },
          {
            client: 'OpenSSH sftp -b', note: 'one connection (it has no other)', prepare: prepareFor('sftp'), verify: verifyFor('sftp'),
            run: async () => {
              const command = direction === 'download' ? `get -r ${source} ${out('sftp')}` : `put -r ${source} ${out('sftp')}`;
              const result = await sftpBatch(target, [command], base, rssFile);
              check(result, 'sftp -b');
              return timing(result, bytes);
            },
          },
          {
            client: `lftp mirror ${direction === 'upload' ? '-R ' : ''}--parallel=${FERRY_CONNECTIONS} sftp://`, prepare: prepareFor('lftp'), verify: verifyFor('lftp'),
            run: async () => {
              const command = direction === 'download'
                ? `mirror --parallel=${FERRY_CONNECTIONS} "${source}" "${out('lftp')}"`
                : `mirror -R --parallel=${FERRY_CONNECTIONS} "${source}" "${out('lftp')}"`;
              const result = await lftpSftp(target, command, rssFile);
              check(result, 'lftp mirror');
              return timing(result, bytes);
            },
          },
        ];
        const measurements = await ctx.compare(clients);
        for (const m of measurements) {
          const msPerFile = (bytes / (m.mbPerSecond * 1e6) / count) * 1000;
          m.note = [m.note, `${msPerFile.toFixed(1)} ms/file`].filter(Boolean).join('; ');
        }
        measurements[0].note = `TransferQueue + sftpSessionFactory, bare process, connect to idle; ${cipher}; ${measurements[0].note}`;
        return { scenario: `SFTP ${direction} ${count} × 8 KiB files, round trip ${rttMs} ms (delay proxy), OpenSSH sshd`, measurements };
      } finally {
        await proxy.stop();
        await server.stop();
        await rm(base, { recursive: true, force: true });
      }
    },
  };
}

/** The SFTP rows, in table order. */
export const sftpRows: BenchRow[] = [
  bigRow('download'),
  bigRow('upload'),
  ...[2, 20].flatMap((rttMs) => (['download', 'upload'] as const).map((direction) => latencyRow(direction, rttMs))),
];
