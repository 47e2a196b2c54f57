/**
 * Shared setup of the queue's integration tests: a real server (optionally behind the fault
 * proxy) and a work folder per describe block, a queue on the real engine and local disk, the
 * `ferry` queue commands run in-process with captured output, and file hashes. Test-only.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, mkdtempSync, promises as fsp, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { afterAll, beforeAll } from 'vitest';
import type { CliOptions } from '../../../electron/cli/args';
import type { CliIo } from '../../../electron/cli/io';
import type { QueueCliOptions } from '../../../electron/cli/queueOptions';
import type { ConnectOptions } from '../../../electron/ftp';
import { nodeLocalFs, TransferQueue, type QueueOptions, type QueueStore } from '../../../electron/queue';
import { ftpSessionFactory } from '../../../electron/sessions';
import { startServer, type RunningServer, type ServerKind, type ServerOptions } from '../../servers';
import { startFaultProxy, type FaultProxy, type FaultProxyOptions } from '../../servers/faultProxy';

export { SERVER_KINDS, SERVER_SUPPORTS } from '../../servers';

/** A data folder of the tests' own: no in-process command reads or writes the user's (~/.config/ferry). */
const CLI_DATA_DIR = mkdtempSync(path.join(tmpdir(), 'ferry-cli-data-'));
process.once('exit', () => rmSync(CLI_DATA_DIR, { recursive: true, force: true }));

/** Where the server is reached (directly or through the fault proxy). */
export interface Endpoint {
  host: string;
  port: number;
  user: string;
  password: string;
}

/** A real server, the fault proxy in front of it (when asked for) and a work folder, for one describe block. */
export interface ServerSuite {
  server: RunningServer;
  /** Only when the suite was made with `proxy`. */
  proxy: FaultProxy;
  /** A fresh folder for the block's local files. */
  work: string;
  /** The proxy's address when there is one, else the server's, with the test user's login. */
  endpoint(): Endpoint;
}

/**
 * Starts a `kind` server (and the fault proxy with `proxy` options) before the describe block's
 * tests and stops them and removes the work folder after; call inside `describe`. The block's own
 * beforeAll hooks run after this one, so they can fill the server's folders.
 */
export function serverSuite(kind: ServerKind, options: { server?: ServerOptions; proxy?: Omit<FaultProxyOptions, 'targetHost' | 'targetPort'>; baseDir?: string } = {}): ServerSuite {
  const suite = {
    endpoint: () => {
      const via = suite.proxy ?? suite.server;
      return { host: via.host, port: via.port, user: suite.server.user, password: suite.server.password };
    },
  } as ServerSuite;
  beforeAll(async () => {
    suite.server = await startServer(kind, options.server);
    if (options.proxy) suite.proxy = await startFaultProxy({ targetHost: suite.server.host, targetPort: suite.server.port, ...options.proxy });
    suite.work = await fsp.mkdtemp(path.join(options.baseDir ?? tmpdir(), `ferry-queue-${kind}-`));
  });
  afterAll(async () => {
    await suite.proxy?.stop();
    await suite.server?.stop();
    if (suite.work) await fsp.rm(suite.work, { recursive: true, force: true });
  });
  return suite;
}

/** A queue over the real engine plus everything it logged. */
export interface QueueRig {
  queue: TransferQueue;
  /** Queue log lines (resume offsets, retries, refusals). */
  logs: string[];
  /** Engine command/reply lines of transfer connections. */
  wire: string[];
}

/** Builds a queue connecting to `endpoint` for site `site`, passive mode, short timeouts. */
export function queueRig(endpoint: Endpoint, options: Partial<QueueOptions> = {}, store?: QueueStore, connect: Partial<ConnectOptions> = {}): QueueRig {
  const logs: string[] = [];
  const wire: string[] = [];
  const sessions = ftpSessionFactory(
    () => ({ host: endpoint.host, port: endpoint.port, user: endpoint.user, password: endpoint.password, dataMode: 'passive', timeoutMs: 5_000, ...connect }),
    { onLog: (_site, e) => wire.push(`${e.connectionId} ${e.kind} ${e.text}`) },
  );
  const queue = new TransferQueue({
    sessions,
    fs: nodeLocalFs,
    store,
    options: { retry: { maxRetries: 5, baseDelayMs: 50, maxDelayMs: 400 }, onExists: 'overwrite', persistDelayMs: 20, ...options },
  });
  queue.on('log', (l) => logs.push(l.text));
  return { queue, logs, wire };
}

/** Resolves once the item has at least `bytes` transferred, as the queue reports it. */
export function whenBytes(queue: TransferQueue, id: string, bytes: number): Promise<void> {
  return new Promise((resolve) => {
    const check = () => {
      const item = queue.get(id);
      if (item && item.transferredBytes >= bytes) {
        queue.off('changed', check);
        resolve();
      }
    };
    queue.on('changed', check);
  });
}

/** CliIo whose output is collected into strings, for running the `ferry` queue commands in-process. */
export function captureIo(cwd: string, given: Record<string, string> = {}): CliIo & { out: () => string; err: () => string } {
  const env = { FERRY_DATA_DIR: CLI_DATA_DIR, ...given };
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (d: Buffer) => (out += d.toString()));
  stderr.on('data', (d: Buffer) => (err += d.toString()));
  return { stdout, stderr, stdin: new PassThrough(), env, cwd, out: () => out, err: () => err };
}

/** CLI options as the parser would produce them for a recursive command. */
export function cliOptions(extra: Partial<CliOptions & QueueCliOptions> = {}): CliOptions & QueueCliOptions {
  return { isInsecure: false, isResume: false, isVerbose: false, isJson: false, isRecursive: true, mode: 'passive', ...extra };
}

/** SHA-256 of a file, hex. */
export async function sha256File(file: string): Promise<string> {
  const h = createHash('sha256');
  await pipeline(createReadStream(file), h);
  return h.digest('hex');
}

/** Writes `sizeBytes` random bytes to `file` in 1 MiB pieces (memory stays flat). */
export async function writeRandomFile(file: string, sizeBytes: number): Promise<void> {
  await fsp.mkdir(path.dirname(file), { recursive: true });
  const handle = await fsp.open(file, 'w');
  try {
    const piece = randomBytes(1 << 20);
    for (let written = 0; written < sizeBytes; ) {
      const n = Math.min(piece.length, sizeBytes - written);
      // Vary each MiB so a resume at a wrong offset cannot produce the same hash by accident.
      piece.writeUInt32LE(written >>> 0, 0);
      await handle.write(piece, 0, n);
      written += n;
    }
  } finally {
    await handle.close();
  }
}

/** Relative path → SHA-256 of every file under `dir`. */
export async function treeHashes(dir: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  async function walk(d: string): Promise<void> {
    for (const e of await fsp.readdir(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) await walk(p);
      else out.set(path.relative(dir, p), await sha256File(p));
    }
  }
  await walk(dir);
  return out;
}

/** REST offsets the client sent, as seen by the proxy or the engine log. */
export function restOffsets(lines: string[]): number[] {
  return lines.map((l) => /REST (\d+)/.exec(l)).filter((m): m is RegExpExecArray => m !== null).map((m) => Number(m[1]));
}
