/**
 * A TransferQueue over the in-memory fakes (test/unit/queue/fakes.ts), with everything it reports
 * recorded: state transitions, log lines and change batches. Shared by the TransferQueue tests in
 * this folder. Test-only.
 */
import type { TransferItem, TransferState } from '../../../../shared/domain';
import { TransferQueue, type QueueOptions } from '../../../../electron/queue/TransferQueue';
import type { ExistsResolver, QueueChange } from '../../../../electron/queue/types';
import { FakeFactory, FakeFs, FakeServer, MemoryStore } from '../fakes';

/** A queue and its fakes, plus what the queue reported. */
export interface Rig {
  queue: TransferQueue;
  fs: FakeFs;
  server: FakeServer;
  factory: FakeFactory;
  store: MemoryStore;
  /** Every state an item went through, by item id, starting with its first. */
  states: Map<string, TransferState[]>;
  /** Every transition of every item in order, as `${id} ${to}`. */
  transitions: string[];
  logs: string[];
  changes: QueueChange[];
}

/**
 * A queue with short retry delays (1–4 ms, no jitter), `overwrite` for existing targets and a
 * 1 ms persist delay; `options` override those. Pass `server`, `fs` or `store` to share them
 * between two queues (a restart).
 */
export function rig(options: Partial<QueueOptions> = {}, extra: { resolveExists?: ExistsResolver; server?: FakeServer; fs?: FakeFs; store?: MemoryStore } = {}): Rig {
  const server = extra.server ?? new FakeServer();
  const fs = extra.fs ?? new FakeFs();
  const factory = new FakeFactory(server);
  const store = extra.store ?? new MemoryStore();
  const queue = new TransferQueue({
    sessions: factory.create,
    fs,
    store,
    resolveExists: extra.resolveExists,
    random: () => 0,
    options: { retry: { maxRetries: 3, baseDelayMs: 1, maxDelayMs: 4 }, onExists: 'overwrite', persistDelayMs: 1, ...options },
  });
  const states = new Map<string, TransferState[]>();
  const transitions: string[] = [];
  const logs: string[] = [];
  const changes: QueueChange[] = [];
  queue.on('changed', (c) => changes.push(c));
  queue.on('transition', ({ id, from, to }) => {
    const list = states.get(id) ?? [from];
    list.push(to);
    states.set(id, list);
    transitions.push(`${id} ${to}`);
  });
  queue.on('log', (l) => logs.push(l.text));
  return { queue, fs, server, factory, store, states, transitions, logs, changes };
}

/** Puts `data` on the server as /remote/NAME and queues its download to /local/NAME for site-1. */
export function download(r: Rig, name: string, data: Buffer, extra: Partial<TransferItem> = {}): TransferItem {
  r.server.put(`/remote/${name}`, data);
  return r.queue.addFiles([{ direction: 'download', siteId: 'site-1', remotePath: `/remote/${name}`, localPath: `/local/${name}`, sizeBytes: data.length, ...extra }])[0];
}

/**
 * Holds every transfer chunk from the first one at or past `offsetBytes` until `release()`;
 * `reached` resolves when the first chunk is held, so a test acts on a transfer known to be mid-way.
 */
export function holdChunksFrom(server: FakeServer, offsetBytes: number): { reached: Promise<void>; release: () => void } {
  let reached: () => void = () => undefined;
  const isReached = new Promise<void>((resolve) => (reached = resolve));
  let release: () => void = () => undefined;
  const gate = new Promise<void>((resolve) => (release = resolve));
  server.beforeChunk = async (_op, _path, offset) => {
    if (offset < offsetBytes) return;
    reached();
    await gate;
  };
  return { reached: isReached, release: () => release() };
}
