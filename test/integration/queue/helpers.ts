/**
 * Shared pieces of the queue's integration tests: a queue on the real engine and local disk,
 * file content and hashing helpers. Test-only.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, promises as fsp } from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { ConnectOptions } from '../../../electron/ftp';
import { nodeLocalFs, TransferQueue, type QueueOptions, type QueueStore } from '../../../electron/queue';
import { engineErrorPolicy, ftpSessionFactory } from '../../../electron/sessions';

/** Where the server is reached (directly or through the fault proxy). */
export interface Endpoint {
  host: string;
  port: number;
  user: string;
  password: string;
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
    errors: engineErrorPolicy,
    store,
    options: { retry: { maxRetries: 5, baseDelayMs: 50, maxDelayMs: 400 }, onExists: 'overwrite', persistDelayMs: 20, ...options },
  });
  queue.on('log', (l) => logs.push(l.text));
  return { queue, logs, wire };
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
