/**
 * How the benchmark drives each client for one file: the Ferry CLI (as a user runs it), Ferry's
 * engine in a bare Node process (engineWorker.ts, built by bin/bench.js), curl, lftp, and a raw
 * loopback TCP pipe. Each run is a child process under /usr/bin/time, which reports its peak RSS.
 * Benchmark-only code.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, readFileSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import { delimiter, dirname, join } from 'node:path';
import type { BenchServer, RunTiming } from './types';

/** Direction of a single-file transfer, seen from the client. */
export type Direction = 'download' | 'upload';

/** One file transfer for a client to do. */
export interface FileJob {
  server: BenchServer;
  /** Explicit FTPS with protected data (AUTH TLS, PBSZ 0, PROT P). */
  isTls: boolean;
  direction: Direction;
  /** File name in the server user's home folder. */
  remoteName: string;
  /** Local file (source of an upload, target of a download). */
  localPath: string;
  sizeBytes: number;
}

/** What a finished child process left behind. */
export interface ProcessResult {
  code: number | null;
  stdout: string;
  stderr: string;
  seconds: number;
  peakRssBytes?: number;
  /** User plus system CPU time of the process, seconds. */
  cpuSeconds?: number;
}

const TIME = '/usr/bin/time';

/** Runs a command to completion, timing it and (with GNU time) reading its peak RSS. */
export async function runProcess(command: string, args: string[], opts: { env?: NodeJS.ProcessEnv; cwd?: string; rssFile?: string } = {}): Promise<ProcessResult> {
  const measureRss = opts.rssFile !== undefined && existsSync(TIME);
  const [cmd, argv] = measureRss ? [TIME, ['-o', opts.rssFile!, '-f', '%M %U %S', command, ...args]] : [command, args];
  const started = process.hrtime.bigint();
  const child = spawn(cmd, argv, { env: opts.env ?? process.env, cwd: opts.cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (status) => resolve(status));
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  let peakRssBytes: number | undefined;
  let cpuSeconds: number | undefined;
  if (measureRss) {
    // GNU time writes "Command exited with non-zero status N" before the values on failure: take the last line.
    const text = (await readFile(opts.rssFile!, 'utf8').catch(() => '')).trim().split('\n').pop() ?? '';
    const m = /^(\d+) ([\d.]+) ([\d.]+)$/.exec(text);
    if (m) {
      peakRssBytes = Number(m[1]) * 1024;
      cpuSeconds = Number(m[2]) + Number(m[3]);
    }
    await rm(opts.rssFile!, { force: true });
  }
  return { code, stdout, stderr, seconds, peakRssBytes, cpuSeconds };
}

function check(result: ProcessResult, what: string): void {
  if (result.code !== 0) throw new Error(`${what} failed (exit ${result.code}): ${(result.stderr || result.stdout).trim().slice(-600)}`);
}

/** SHA-256 of a file, hex. */
export async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

function credentials(server: BenchServer): string {
  return `${encodeURIComponent(server.user)}:${encodeURIComponent(server.password)}`;
}

/**
 * Runs the `ferry` command as an installed one runs: the executable bin/ferry.js through its
 * `#!/usr/bin/env -S node ...` line, so its Node options apply (one V8 helper thread;
 * docs/benchmarks.md, Measurements behind the code). The node found first on PATH is this
 * benchmark's own.
 */
export function runFerry(rootDir: string, args: string[], opts: { rssFile?: string } = {}): Promise<ProcessResult> {
  const env = { ...process.env, PATH: [dirname(process.execPath), process.env.PATH].filter(Boolean).join(delimiter) };
  return runProcess(join(rootDir, 'bin/ferry.js'), args, { ...opts, env });
}

/** The Node options on the `ferry` command's `#!` line, for other Node processes compared with it. */
export const FERRY_NODE_OPTIONS: string[] =
  readFileSync(join(import.meta.dirname, '../../bin/ferry.js'), 'utf8').split('\n', 1)[0].match(/ --\S+/g)?.map((o) => o.trim()) ?? [];

/** The Ferry CLI exactly as a user runs it: `ferry get|put ...` (runFerry), timed from spawn to exit. */
export async function ferryCli(job: FileJob, ctx: { rootDir: string; workDir: string }): Promise<RunTiming> {
  const { server } = job;
  const url = `ftp://${credentials(server)}@${server.host}:${server.port}/~/${job.remoteName}`;
  const tls = job.isTls ? ['--tls', 'explicit', '--fingerprint', server.certFingerprint256] : [];
  const args = job.direction === 'download' ? ['get', url, job.localPath] : ['put', job.localPath, url];
  const result = await runFerry(ctx.rootDir, [...args, ...tls], { rssFile: join(ctx.workDir, 'rss.txt') });
  check(result, 'ferry');
  return { bytes: job.sizeBytes, seconds: result.seconds, peakRssBytes: result.peakRssBytes, cpuSeconds: result.cpuSeconds };
}

/** Ferry's engine in a bare Node process: the time from connect to QUIT as the worker measures it (no process start-up). */
export async function ferryEngine(job: FileJob, ctx: { rootDir: string; workDir: string }): Promise<RunTiming> {
  const { server } = job;
  const worker = join(ctx.rootDir, 'out/bench/engineWorker.js');
  const spec = {
    host: server.host, port: server.port, user: server.user, password: server.password,
    fingerprint: job.isTls ? server.certFingerprint256 : undefined,
    direction: job.direction, remote: job.remoteName, local: job.localPath,
  };
  const extra = process.env.FERRY_BENCH_NODE_ARGS ? process.env.FERRY_BENCH_NODE_ARGS.split(' ').filter(Boolean) : [];
  const result = await runProcess(process.execPath, [...extra, worker, JSON.stringify(spec)], { rssFile: join(ctx.workDir, 'rss.txt'), cwd: ctx.workDir });
  check(result, 'engine worker');
  const reported = JSON.parse(result.stdout.trim().split('\n').pop() ?? '{}') as { seconds?: number; bytes?: number };
  if (typeof reported.seconds !== 'number') throw new Error(`engine worker printed no timing: ${result.stdout}`);
  return { bytes: job.sizeBytes, seconds: reported.seconds, peakRssBytes: result.peakRssBytes, cpuSeconds: result.cpuSeconds };
}

/** curl: `curl -o` / `curl -T`, with `--ssl-reqd -k` for explicit FTPS. */
export async function curl(job: FileJob, ctx: { workDir: string }): Promise<RunTiming> {
  const { server } = job;
  const url = `ftp://${credentials(server)}@${server.host}:${server.port}/${encodeURIComponent(job.remoteName)}`;
  const tls = job.isTls ? ['--ssl-reqd', '-k'] : [];
  const args = job.direction === 'download' ? ['-o', job.localPath, url] : ['-T', job.localPath, url];
  const result = await runProcess('curl', ['-sS', '--fail', ...tls, ...args], { rssFile: join(ctx.workDir, 'rss.txt') });
  check(result, 'curl');
  return { bytes: job.sizeBytes, seconds: result.seconds, peakRssBytes: result.peakRssBytes, cpuSeconds: result.cpuSeconds };
}

/** Quotes a word for lftp's command language. */
function lftpQuote(word: string): string {
  return `"${word.replace(/(["\\])/g, '\\$1')}"`;
}

/** lftp settings for plain FTP or explicit FTPS with protected data and an unverified certificate. */
export function lftpSettings(isTls: boolean): string[] {
  const tls = isTls
    ? ['set ftp:ssl-force true', 'set ftp:ssl-protect-data true', 'set ftp:ssl-protect-list true', 'set ssl:verify-certificate false']
    : ['set ftp:ssl-allow false'];
  return ['set net:max-retries 1', 'set net:timeout 30', 'set cmd:fail-exit true', 'set xfer:clobber true', ...tls];
}

/** lftp's open command for the server. */
export function lftpOpen(server: BenchServer): string {
  return `open -u ${lftpQuote(server.user)},${lftpQuote(server.password)} -p ${server.port} ${server.host}`;
}

/** lftp: `get NAME -o LOCAL` / `put LOCAL -o NAME`. */
export async function lftp(job: FileJob, ctx: { workDir: string }): Promise<RunTiming> {
  const transfer = job.direction === 'download'
    ? `get ${lftpQuote(job.remoteName)} -o ${lftpQuote(job.localPath)}`
    : `put ${lftpQuote(job.localPath)} -o ${lftpQuote(job.remoteName)}`;
  const script = [...lftpSettings(job.isTls), lftpOpen(job.server), transfer, 'bye'].join('; ');
  const result = await runProcess('lftp', ['-c', script], { rssFile: join(ctx.workDir, 'rss.txt') });
  check(result, 'lftp');
  return { bytes: job.sizeBytes, seconds: result.seconds, peakRssBytes: result.peakRssBytes, cpuSeconds: result.cpuSeconds };
}

// The raw TCP pipe, as lean as Node allows so it stands for what loopback can carry: a sender
// process serves the file with 1 MiB reads; a receiver process connects, reads into one reused
// buffer (the `onread` option) and writes synchronously, and reports the time from connecting to
// the file being complete.
const RAW_SENDER = String.raw`
const net = require('node:net'), fs = require('node:fs');
const server = net.createServer((socket) => {
  fs.createReadStream(process.argv[1], { highWaterMark: 1 << 20 }).pipe(socket);
  server.close();
});
server.listen(0, '127.0.0.1', () => process.stdout.write('PORT ' + server.address().port + '\n'));
`;
const RAW_RECEIVER = String.raw`
const net = require('node:net'), fs = require('node:fs');
const fd = fs.openSync(process.argv[1], 'w');
let bytes = 0;
const started = process.hrtime.bigint();
const socket = net.connect({
  port: Number(process.argv[2]), host: '127.0.0.1',
  onread: { buffer: Buffer.allocUnsafe(1 << 20), callback: (n, buf) => { fs.writeSync(fd, buf, 0, n); bytes += n; } },
});
socket.on('end', () => {
  fs.closeSync(fd);
  process.stdout.write(JSON.stringify({ seconds: Number(process.hrtime.bigint() - started) / 1e9, bytes }) + '\n');
});
`;

/** Raw loopback TCP: the same bytes from file to file through a plain Node `net` socket pipe, no FTP. */
export async function rawTcp(sourcePath: string, targetPath: string, sizeBytes: number): Promise<RunTiming> {
  const sender = spawn(process.execPath, ['-e', RAW_SENDER, sourcePath], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  const port = await new Promise<number>((resolve, reject) => {
    sender.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /PORT (\d+)\n/.exec(out);
      if (m) resolve(Number(m[1]));
    });
    sender.once('exit', (code) => reject(new Error(`raw sender exited early (${code})`)));
  });
  const receiver = await runProcess(process.execPath, ['-e', RAW_RECEIVER, targetPath, String(port)]);
  check(receiver, 'raw receiver');
  await new Promise((resolve) => (sender.exitCode !== null ? resolve(undefined) : sender.once('exit', resolve)));
  const reported = JSON.parse(receiver.stdout.trim().split('\n').pop() ?? '{}') as { seconds?: number; bytes?: number };
  if (reported.bytes !== sizeBytes || typeof reported.seconds !== 'number') throw new Error(`raw TCP moved ${reported.bytes} of ${sizeBytes} bytes`);
  return { bytes: sizeBytes, seconds: reported.seconds };
}
