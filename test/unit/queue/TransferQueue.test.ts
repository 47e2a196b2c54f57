import { afterEach, describe, expect, it, vi } from 'vitest';
import type { TransferItem, TransferState } from '../../../shared/domain';
import { FtpReplyError } from '../../../electron/ftp';
import { engineErrorPolicy } from '../../../electron/sessions/engineErrorPolicy';
import { TransferQueue, type QueueOptions } from '../../../electron/queue/TransferQueue';
import type { ExistsResolver, PersistedQueue, QueueChange, QueueStore } from '../../../electron/queue/types';
import { FakeFactory, FakeFs, FakeServer, bytes, resetError } from './fakes';

class MemoryStore implements QueueStore {
  saved: PersistedQueue | undefined;
  text = '';
  saves = 0;
  async load() {
    return this.saved && (JSON.parse(this.text) as PersistedQueue);
  }
  async save(data: PersistedQueue) {
    this.saves++;
    this.text = JSON.stringify(data);
    this.saved = data;
  }
}

interface Rig {
  queue: TransferQueue;
  fs: FakeFs;
  server: FakeServer;
  factory: FakeFactory;
  store: MemoryStore;
  states: Map<string, TransferState[]>;
  logs: string[];
  changes: QueueChange[];
}

function rig(options: Partial<QueueOptions> = {}, extra: { resolveExists?: ExistsResolver; server?: FakeServer; fs?: FakeFs; store?: MemoryStore } = {}): Rig {
  const server = extra.server ?? new FakeServer();
  const fs = extra.fs ?? new FakeFs();
  const factory = new FakeFactory(server);
  const store = extra.store ?? new MemoryStore();
  const queue = new TransferQueue({
    sessions: factory.create,
    fs,
    errors: engineErrorPolicy,
    store,
    resolveExists: extra.resolveExists,
    random: () => 0,
    options: { retry: { maxRetries: 3, baseDelayMs: 1, maxDelayMs: 4 }, onExists: 'overwrite', persistDelayMs: 1, ...options },
  });
  const states = new Map<string, TransferState[]>();
  const logs: string[] = [];
  const changes: QueueChange[] = [];
  queue.on('changed', (c) => changes.push(c));
  queue.on('transition', ({ id, from, to }) => {
    const list = states.get(id) ?? [from];
    list.push(to);
    states.set(id, list);
  });
  queue.on('log', (l) => logs.push(l.text));
  return { queue, fs, server, factory, store, states, logs, changes };
}

function download(r: Rig, name: string, data: Buffer, extra: Partial<TransferItem> = {}): TransferItem {
  r.server.put(`/remote/${name}`, data);
  return r.queue.addFiles([{ direction: 'download', siteId: 'site-1', remotePath: `/remote/${name}`, localPath: `/local/${name}`, sizeBytes: data.length, ...extra }])[0];
}

afterEach(() => {
  vi.useRealTimers();
});

describe('TransferQueue: downloads', () => {
  it('goes queued → connecting → transferring → done, through a .part file', async () => {
    const r = rig();
    const data = bytes(100_000);
    const item = download(r, 'a.bin', data);
    await r.queue.whenIdle();
    expect(r.queue.get(item.id)?.state).toBe('done');
    expect(r.fs.read('/local/a.bin')?.equals(data)).toBe(true);
    expect(r.fs.read('/local/a.bin.part')).toBeUndefined();
    expect(r.fs.writeOffsets).toEqual([{ path: '/local/a.bin.part', offset: 0 }]);
    await r.queue.close();
    expect(r.states.get(item.id)).toEqual(['queued', 'connecting', 'transferring', 'done']);
  });

  it('retries a reset and resumes from the partial bytes (REST offset)', async () => {
    const r = rig();
    const data = bytes(200_000);
    r.server.faults.push({ op: 'download', afterBytes: 100_000, error: resetError });
    const item = download(r, 'b.bin', data);
    await r.queue.whenIdle();
    const done = r.queue.get(item.id)!;
    expect(done.state).toBe('done');
    expect(done.attempts).toBe(2);
    expect(r.fs.read('/local/b.bin')?.equals(data)).toBe(true);
    expect(r.server.transfers.map((t) => t.offset)).toEqual([0, 114_688]);
    expect(r.logs.some((l) => l.includes('resuming download of /remote/b.bin at 114688 bytes'))).toBe(true);
    await r.queue.close();
    expect(r.states.get(item.id)).toEqual(['queued', 'connecting', 'transferring', 'queued', 'connecting', 'transferring', 'done']);
  });

  it('fails a 550 at once with the code and no retry', async () => {
    const r = rig();
    const item = r.queue.addFiles([{ direction: 'download', siteId: 's', remotePath: '/nope', localPath: '/local/nope' }])[0];
    await r.queue.whenIdle();
    const failed = r.queue.get(item.id)!;
    expect(failed.state).toBe('failed');
    expect(failed.attempts).toBe(1);
    expect(failed.lastError).toMatchObject({ kind: 'reply', ftpCode: 550 });
    expect(r.fs.read('/local/nope')).toBeUndefined();
    await r.queue.close();
  });

  it('gives up after the configured number of retries, keeping the last error', async () => {
    const r = rig({ retry: { maxRetries: 2, baseDelayMs: 1, maxDelayMs: 1 } });
    for (let i = 0; i < 5; i++) r.server.faults.push({ op: 'download', afterBytes: 0, error: resetError });
    const item = download(r, 'c.bin', bytes(10));
    await r.queue.whenIdle();
    expect(r.queue.get(item.id)).toMatchObject({ state: 'failed', attempts: 3, lastError: { kind: 'connection' } });
    await r.queue.close();
  });

  it('waits the capped exponential backoff between retries', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const r = rig({ retry: { maxRetries: 4, baseDelayMs: 1000, maxDelayMs: 3000 } });
    for (let i = 0; i < 3; i++) r.server.faults.push({ op: 'download', afterBytes: 0, error: resetError });
    const item = download(r, 'd.bin', bytes(10));
    const retryDelays: number[] = [];
    r.queue.on('changed', (c) => {
      for (const i of c.items) if (i.id === item.id && i.nextRetryMs !== undefined) retryDelays.push(i.nextRetryMs - Date.now());
    });
    await vi.advanceTimersByTimeAsync(0);
    expect(r.queue.get(item.id)?.nextRetryMs).toBe(Date.now() + 1000);
    await vi.advanceTimersByTimeAsync(1000);
    expect(r.queue.get(item.id)?.nextRetryMs).toBe(Date.now() + 2000);
    await vi.advanceTimersByTimeAsync(2000);
    expect(r.queue.get(item.id)?.nextRetryMs).toBe(Date.now() + 3000);
    await vi.advanceTimersByTimeAsync(3000);
    expect(r.queue.get(item.id)?.state).toBe('done');
    await r.queue.close();
  });

  it('fails when the checksum differs and deletes the corrupt partial', async () => {
    const r = rig();
    r.server.hasChecksum = true;
    r.server.fakeChecksums.set('/remote/e.bin', 'ab'.repeat(32));
    const item = download(r, 'e.bin', bytes(1000));
    await r.queue.whenIdle();
    expect(r.queue.get(item.id)).toMatchObject({ state: 'failed', lastError: { kind: 'integrity' } });
    expect(r.fs.read('/local/e.bin')).toBeUndefined();
    expect(r.fs.read('/local/e.bin.part')).toBeUndefined();
    await r.queue.close();
  });

  it('verifies a matching checksum and logs it', async () => {
    const r = rig();
    r.server.hasChecksum = true;
    const item = download(r, 'f.bin', bytes(1000));
    await r.queue.whenIdle();
    expect(r.queue.get(item.id)?.state).toBe('done');
    expect(r.logs.some((l) => l.includes('SHA-256 verified'))).toBe(true);
    await r.queue.close();
  });

  it('treats an early end with a 226 as transient and resumes', async () => {
    const r = rig();
    const data = bytes(50_000);
    r.server.put('/remote/g.bin', data);
    // The listing said 60,000 bytes but SIZE knows better; a short file that SIZE confirms is complete.
    const item = r.queue.addFiles([{ direction: 'download', siteId: 's', remotePath: '/remote/g.bin', localPath: '/local/g.bin', sizeBytes: 60_000 }])[0];
    await r.queue.whenIdle();
    expect(r.queue.get(item.id)).toMatchObject({ state: 'done', sizeBytes: 50_000 });
    await r.queue.close();
  });
});

describe('TransferQueue: work per file', () => {
  it('a fresh download under overwrite only opens, renames and sets the time; a missing folder is made once', async () => {
    const r = rig({ defaultSiteLimit: 1 });
    const files = ['a', 'b', 'c'].map((n, i) => ({ name: n, data: bytes(10_000 + i, i) }));
    for (const f of files) r.server.put(`/remote/${f.name}`, f.data);
    r.queue.addFiles(files.map((f) => ({ direction: 'download' as const, siteId: 's', remotePath: `/remote/${f.name}`, localPath: `/local/deep/er/${f.name}`, sizeBytes: f.data.length, modifiedMs: 7_000 })));
    await r.queue.whenIdle();
    for (const f of files) expect(r.fs.read(`/local/deep/er/${f.name}`)?.equals(f.data)).toBe(true);
    // The first open finds the folder missing, creates it (parents too), and opens again.
    expect(r.fs.dirs.has('/local/deep/er')).toBe(true);
    expect(r.fs.calls.filter((c) => c.op === 'mkdirp')).toEqual([{ op: 'mkdirp', path: '/local/deep/er' }]);
    expect(r.fs.calls.filter((c) => c.op === 'stat')).toEqual([]);
    expect(r.fs.calls.filter((c) => c.path.endsWith('/b') || c.path.endsWith('/b.part')).map((c) => c.op)).toEqual(['open', 'rename', 'utimes']);
    expect(r.fs.files.get('/local/deep/er/c')?.modifiedMs).toBe(7_000);
    await r.queue.close();
  });

  it('parallel downloads into one missing nested folder all arrive', async () => {
    const r = rig({ defaultSiteLimit: 4, globalLimit: 4 });
    const files = Array.from({ length: 12 }, (_, i) => ({ name: `n${i}`, data: bytes(5_000, i) }));
    for (const f of files) r.server.put(`/remote/${f.name}`, f.data);
    r.queue.addFiles(files.map((f) => ({ direction: 'download' as const, siteId: 's', remotePath: `/remote/${f.name}`, localPath: `/local/x/y/z/${f.name}`, sizeBytes: f.data.length })));
    await r.queue.whenIdle();
    expect(r.queue.list().every((i) => i.state === 'done')).toBe(true);
    for (const f of files) expect(r.fs.read(`/local/x/y/z/${f.name}`)?.equals(f.data)).toBe(true);
    expect(r.fs.calls.filter((c) => c.op === 'mkdirp').length).toBeLessThanOrEqual(4);
    await r.queue.close();
  });

  it('a fresh download overwrites a leftover .part from byte 0 instead of resuming it', async () => {
    const r = rig();
    const data = bytes(30_000, 3);
    r.fs.put('/local/old.bin.part', bytes(10_000, 99));
    const item = download(r, 'old.bin', data);
    await r.queue.whenIdle();
    expect(r.queue.get(item.id)?.state).toBe('done');
    expect(r.fs.read('/local/old.bin')?.equals(data)).toBe(true);
    expect(r.server.transfers.map((t) => t.offset)).toEqual([0]);
    await r.queue.close();
  });

  it('ask still asks about an existing target, and never about a missing one', async () => {
    const asked: string[] = [];
    const r = rig({ onExists: 'ask' }, { resolveExists: async (q) => (asked.push(q.target.path), { action: 'overwrite' }) });
    r.fs.put('/local/there.txt', 'old');
    download(r, 'there.txt', Buffer.from('new'));
    download(r, 'absent.txt', Buffer.from('fresh'));
    await r.queue.whenIdle();
    expect(asked).toEqual(['/local/there.txt']);
    expect(r.fs.read('/local/there.txt')?.toString()).toBe('new');
    expect(r.fs.read('/local/absent.txt')?.toString()).toBe('fresh');
    await r.queue.close();
  });

  it('a long queue starts in queue order, within its limit, and finishes everything despite retries in between', async () => {
    const r = rig({ defaultSiteLimit: 3, globalLimit: 3 });
    const n = 300;
    for (let i = 0; i < n; i++) r.server.put(`/remote/q${i}`, bytes(100, i));
    // Every 37th file breaks once: it goes back to the queue behind items that already started.
    for (let i = 5; i < n; i += 37) r.server.faults.push({ op: 'download', path: `/remote/q${i}`, afterBytes: 50, error: resetError });
    const added = r.queue.addFiles(Array.from({ length: n }, (_, i) => ({ direction: 'download' as const, siteId: 's', remotePath: `/remote/q${i}`, localPath: `/local/q${i}`, sizeBytes: 100 })));
    const firstStarts: string[] = [];
    r.queue.on('transition', ({ id, to }) => {
      if (to === 'connecting' && !firstStarts.includes(id)) firstStarts.push(id);
    });
    await r.queue.whenIdle();
    expect(r.queue.list().filter((i) => i.state !== 'done')).toEqual([]);
    expect(firstStarts).toEqual(added.map((i) => i.id).filter((id) => firstStarts.includes(id)));
    expect(r.factory.maxOpen).toBeLessThanOrEqual(3);
    expect(r.queue.list().filter((i) => i.attempts === 2)).toHaveLength(Math.ceil((n - 5) / 37));
    for (let i = 0; i < n; i++) expect(r.fs.read(`/local/q${i}`)?.equals(bytes(100, i))).toBe(true);
    await r.queue.close();
  });

  it('clears thousands of finished items and keeps the rest in order', async () => {
    const r = rig({ isProcessing: false });
    const added = r.queue.addFiles(Array.from({ length: 5_000 }, (_, i) => ({ direction: 'download' as const, siteId: 's', remotePath: `/r/${i}`, localPath: `/l/${i}` })));
    r.queue.cancel(added.filter((_, i) => i % 2 === 0).map((i) => i.id));
    r.queue.clearFinished(['cancelled']);
    expect(r.queue.ids).toEqual(added.filter((_, i) => i % 2 === 1).map((i) => i.id));
    expect(r.queue.totals()).toMatchObject({ queuedCount: 2_500, cancelledCount: 0 });
    await r.queue.close();
  });
});

describe('TransferQueue: the next transfer prepared on the session', () => {
  it('asks a session to prepare after a file only while more of its site wait, downloads and uploads', async () => {
    const r = rig({ globalLimit: 1, defaultSiteLimit: 1 });
    for (const name of ['a.bin', 'b.bin', 'c.bin']) download(r, name, bytes(20_000));
    await r.queue.whenIdle();
    r.fs.put('/local/up/u.bin', bytes(5_000));
    r.fs.put('/local/up/v.bin', bytes(5_000));
    r.queue.addFiles(['u.bin', 'v.bin'].map((n) => ({ direction: 'upload' as const, siteId: 'site-1', localPath: `/local/up/${n}`, remotePath: `/remote/${n}` })));
    await r.queue.whenIdle();
    expect(r.server.sessionCalls).toEqual([
      'transfer-1 download /remote/a.bin', 'transfer-1 prepare',
      'transfer-1 download /remote/b.bin', 'transfer-1 prepare',
      'transfer-1 download /remote/c.bin',
      'transfer-1 upload /remote/u.bin', 'transfer-1 prepare',
      'transfer-1 upload /remote/v.bin',
    ]);
    await r.queue.close();
  });

  it('does not prepare when only another site has items waiting', async () => {
    const r = rig({ globalLimit: 1, defaultSiteLimit: 1 });
    download(r, 'a.bin', bytes(1_000));
    r.server.put('/remote/other.bin', bytes(1_000));
    r.queue.addFiles([{ direction: 'download', siteId: 'site-2', remotePath: '/remote/other.bin', localPath: '/local/other.bin', sizeBytes: 1_000 }]);
    await r.queue.whenIdle();
    expect(r.server.sessionCalls.filter((c) => c.endsWith('prepare'))).toEqual([]);
    await r.queue.close();
  });
});

describe('TransferQueue: the session handed to the next item while a file finishes', () => {
  /** Two uploads into an existing folder at one connection; the first one's final size check waits for `release`. */
  function heldUploads(opts: { hasChecksum?: boolean } = {}) {
    const r = rig({ globalLimit: 1, defaultSiteLimit: 1 });
    r.server.hasChecksum = opts.hasChecksum ?? false;
    r.server.dirs.add('/remote');
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    // The probe before the upload finds nothing; the check after it is the one held.
    r.server.beforeSize = (p) => (p === '/remote/u.bin' && r.server.files.has(p) ? held : undefined);
    for (const n of ['u.bin', 'v.bin']) r.fs.put(`/local/up/${n}`, bytes(5_000));
    const [u, v] = r.queue.addFiles(['u.bin', 'v.bin'].map((n) => ({ direction: 'upload' as const, siteId: 'site-1', localPath: `/local/up/${n}`, remotePath: `/remote/${n}` })));
    const vStarted = async () => {
      await vi.waitFor(() => expect(r.server.sessionCalls).toContain('transfer-1 upload /remote/v.bin'));
    };
    return { r, u, v, release, vStarted };
  }

  it('starts the next file on the same connection while the previous one is still being checked', async () => {
    const { r, u, v, release, vStarted } = heldUploads();
    await vStarted();
    // u is not done yet (its size check is held), and still only one connection is open.
    expect(r.queue.get(u.id)?.state).toBe('transferring');
    release();
    await r.queue.whenIdle();
    expect([r.queue.get(u.id)?.state, r.queue.get(v.id)?.state]).toEqual(['done', 'done']);
    expect(r.factory.sessions.map((s) => s.label)).toEqual(['transfer-1']);
    expect(r.factory.maxOpen).toBe(1);
    await r.queue.close();
  });

  it('keeps the session while the server offers checksums (the check after the file must not wait for the next transfer)', async () => {
    const { r, u, v, release } = heldUploads({ hasChecksum: true });
    await vi.waitFor(() => expect(r.server.files.has('/remote/u.bin')).toBe(true));
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(r.server.sessionCalls).not.toContain('transfer-1 upload /remote/v.bin');
    release();
    await r.queue.whenIdle();
    expect([r.queue.get(u.id)?.state, r.queue.get(v.id)?.state]).toEqual(['done', 'done']);
    expect(r.logs.filter((l) => l.includes('verified'))).toHaveLength(2);
    await r.queue.close();
  });

  it('a file that fails after handing over its session leaves that session working, and is retried', async () => {
    const { r, u, v, release, vStarted } = heldUploads();
    r.server.shortSizeOnce.add('/remote/u.bin');
    await vStarted();
    release();
    await r.queue.whenIdle();
    expect([r.queue.get(u.id)?.state, r.queue.get(v.id)?.state]).toEqual(['done', 'done']);
    expect(r.queue.get(u.id)?.attempts).toBe(2);
    expect(r.server.read('/remote/u.bin')?.equals(r.fs.files.get('/local/up/u.bin')!.data)).toBe(true);
    // The failure did not take the session down under v: one connection the whole time.
    expect(r.factory.sessions.map((s) => [s.label, s.destroyed])).toEqual([['transfer-1', false]]);
    await r.queue.close();
  });

  it('pausing a file after it handed over its session does not close that session', async () => {
    const { r, u, v, release, vStarted } = heldUploads();
    await vStarted();
    r.queue.pause([u.id]);
    release();
    await vi.waitFor(() => expect(r.queue.get(v.id)?.state).toBe('done'));
    expect(r.queue.get(u.id)?.state).toBe('paused');
    expect(r.factory.sessions.map((s) => [s.label, s.destroyed])).toEqual([['transfer-1', false]]);
    await r.queue.close();
  });
});

describe('TransferQueue: uploads', () => {
  it('uploads, creating missing remote folders', async () => {
    const r = rig();
    const data = bytes(70_000);
    r.fs.put('/local/up/x.bin', data);
    const item = r.queue.addFiles([{ direction: 'upload', siteId: 's', localPath: '/local/up/x.bin', remotePath: '/new/deep/x.bin' }])[0];
    await r.queue.whenIdle();
    expect(r.queue.get(item.id)?.state).toBe('done');
    expect(r.server.read('/new/deep/x.bin')?.equals(data)).toBe(true);
    await r.queue.close();
  });

  it('resumes a cut upload from the size the server reports', async () => {
    const r = rig();
    const data = bytes(100_000);
    r.fs.put('/local/y.bin', data);
    r.server.faults.push({ op: 'upload', afterBytes: 48_000, error: resetError });
    const item = r.queue.addFiles([{ direction: 'upload', siteId: 's', localPath: '/local/y.bin', remotePath: '/remote/y.bin' }])[0];
    await r.queue.whenIdle();
    expect(r.queue.get(item.id)).toMatchObject({ state: 'done', attempts: 2 });
    expect(r.server.read('/remote/y.bin')?.equals(data)).toBe(true);
    expect(r.server.transfers.map((t) => t.offset)).toEqual([0, 49_152]);
    expect(r.logs.some((l) => l.includes('resuming upload of /remote/y.bin at 49152 bytes'))).toBe(true);
    await r.queue.close();
  });

  it('starts over when the server refuses to resume an upload', async () => {
    const r = rig();
    const data = bytes(100_000);
    r.fs.put('/local/z.bin', data);
    r.server.refusesUploadResume = true;
    r.server.faults.push({ op: 'upload', afterBytes: 48_000, error: resetError });
    const item = r.queue.addFiles([{ direction: 'upload', siteId: 's', localPath: '/local/z.bin', remotePath: '/remote/z.bin' }])[0];
    await r.queue.whenIdle();
    expect(r.queue.get(item.id)).toMatchObject({ state: 'done', attempts: 2 });
    expect(r.server.read('/remote/z.bin')?.equals(data)).toBe(true);
    expect(r.server.transfers.map((t) => t.offset)).toEqual([0, 49_152, 0]);
    expect(r.logs.some((l) => l.includes('refuses to resume uploads (451'))).toBe(true);
    await r.queue.close();
  });

  it('fails a missing local file permanently', async () => {
    const r = rig();
    const item = r.queue.addFiles([{ direction: 'upload', siteId: 's', localPath: '/local/none', remotePath: '/remote/none' }])[0];
    await r.queue.whenIdle();
    expect(r.queue.get(item.id)).toMatchObject({ state: 'failed', attempts: 1, lastError: { kind: 'local' } });
    await r.queue.close();
  });
});

describe('TransferQueue: concurrency', () => {
  it('never runs more than the per-site limit and reuses sessions', async () => {
    const r = rig({ defaultSiteLimit: 2, globalLimit: 8 });
    for (let i = 0; i < 10; i++) download(r, `f${i}`, bytes(40_000, i));
    await r.queue.whenIdle();
    expect(r.queue.list().every((i) => i.state === 'done')).toBe(true);
    expect(r.factory.maxOpen).toBe(2);
    expect(r.factory.connectCount).toBe(2);
    await r.queue.close();
  });

  it('keeps sites apart: each site gets its own limit, the global limit caps the sum', async () => {
    const r = rig({ defaultSiteLimit: 3, globalLimit: 4 });
    let running = 0;
    let maxRunning = 0;
    r.server.beforeChunk = async () => {
      maxRunning = Math.max(maxRunning, running);
    };
    r.queue.on('changed', () => {
      running = r.queue.list().filter((i) => i.state === 'transferring' || i.state === 'connecting').length;
    });
    for (let i = 0; i < 6; i++) {
      r.server.put(`/r/${i}`, bytes(30_000));
      r.queue.addFiles([{ direction: 'download', siteId: i % 2 ? 'A' : 'B', remotePath: `/r/${i}`, localPath: `/l/${i}` }]);
    }
    await r.queue.whenIdle();
    expect(r.factory.maxOpen).toBeLessThanOrEqual(4);
    expect(r.queue.totals().doneCount).toBe(6);
    await r.queue.close();
  });

  it('lowers the site limit after a 421 and still completes everything', async () => {
    const r = rig({ defaultSiteLimit: 4 });
    r.factory.serverMaxConnections = 2;
    for (let i = 0; i < 8; i++) download(r, `g${i}`, bytes(30_000, i));
    await r.queue.whenIdle();
    expect(r.queue.list().map((i) => i.state)).toEqual(Array(8).fill('done'));
    expect(r.factory.refusedCount).toBeGreaterThan(0);
    expect(r.logs.some((l) => l.startsWith('421 from the server: at most 2 connection(s)'))).toBe(true);
    // Once lowered, no further refusals: the queue stayed within what the server accepts.
    expect(r.factory.refusedCount).toBe(2);
    await r.queue.close();
  });
});

describe('TransferQueue: pooled sessions', () => {
  it('reconnects at once, without using a retry, when a pooled session was dropped silently', async () => {
    const r = rig({ defaultSiteLimit: 1, retry: { maxRetries: 0, baseDelayMs: 1, maxDelayMs: 1 } });
    const first = download(r, 'one', bytes(10));
    await r.queue.whenIdle();
    // The server closed the idle connection without the client noticing yet.
    r.server.faults.push({ op: 'download', afterBytes: 0, error: resetError });
    const second = download(r, 'two', bytes(10));
    await r.queue.whenIdle();
    expect([first, second].map((i) => r.queue.get(i.id)?.state)).toEqual(['done', 'done']);
    expect(r.queue.get(second.id)?.attempts).toBe(2);
    expect(r.factory.connectCount).toBe(2);
    await r.queue.close();
  });

  it('does not lower the site limit for a 421 on a logged-in session (an idle timeout)', async () => {
    const r = rig({ defaultSiteLimit: 3 });
    r.server.faults.push({ op: 'download', afterBytes: 0, error: () => new FtpReplyError(421, 'Timeout.') });
    download(r, 'one', bytes(10));
    await r.queue.whenIdle();
    expect(r.logs.some((l) => l.startsWith('421 from the server'))).toBe(false);
    for (let i = 0; i < 6; i++) download(r, `more${i}`, bytes(10));
    await r.queue.whenIdle();
    expect(r.factory.maxOpen).toBe(3);
    await r.queue.close();
  });
});

describe('TransferQueue: control', () => {
  function holdable(r: Rig) {
    let release: () => void = () => undefined;
    let gate: Promise<void> | undefined;
    let reached: () => void = () => undefined;
    const reachedP = new Promise<void>((res) => (reached = res));
    r.server.beforeChunk = async (_op, _p, offset) => {
      if (offset >= 32_768 && gate === undefined) {
        gate = new Promise<void>((res) => (release = res));
        reached();
      }
      if (gate) await gate;
    };
    return { reached: reachedP, release: () => release() };
  }

  it('pauses a running transfer and resumes it from its offset', async () => {
    const r = rig();
    const hold = holdable(r);
    const data = bytes(100_000);
    const item = download(r, 'p.bin', data);
    await hold.reached;
    r.queue.pause([item.id]);
    expect(r.queue.get(item.id)?.state).toBe('paused');
    hold.release();
    await r.queue.whenIdle();
    expect(r.queue.get(item.id)?.state).toBe('paused');
    expect(r.fs.read('/local/p.bin.part')?.length).toBe(32_768);
    r.server.beforeChunk = () => undefined;
    r.queue.resume([item.id]);
    await r.queue.whenIdle();
    expect(r.queue.get(item.id)?.state).toBe('done');
    expect(r.fs.read('/local/p.bin')?.equals(data)).toBe(true);
    expect(r.server.transfers.map((t) => t.offset)).toEqual([0, 32_768]);
    // The paused session was dropped (its data connection stopped), not reused mid-transfer.
    expect(r.factory.sessions[0].destroyed).toBe(true);
    await r.queue.close();
  });

  it('pause all holds queued items too; resume all releases them', async () => {
    const r = rig({ isProcessing: false });
    const items = [download(r, 'q1', bytes(10)), download(r, 'q2', bytes(10))];
    r.queue.pause();
    r.queue.start();
    await r.queue.whenIdle();
    expect(r.queue.list().map((i) => i.state)).toEqual(['paused', 'paused']);
    r.queue.resume();
    await r.queue.whenIdle();
    expect(items.map((i) => r.queue.get(i.id)?.state)).toEqual(['done', 'done']);
    await r.queue.close();
  });

  it('cancel keeps the partial; retry resumes from it', async () => {
    const r = rig();
    const hold = holdable(r);
    const data = bytes(100_000);
    const item = download(r, 'c.bin', data);
    await hold.reached;
    r.queue.cancel([item.id]);
    hold.release();
    await r.queue.whenIdle();
    expect(r.queue.get(item.id)?.state).toBe('cancelled');
    expect(r.fs.read('/local/c.bin.part')?.length).toBe(32_768);
    r.server.beforeChunk = () => undefined;
    r.queue.retry([item.id]);
    await r.queue.whenIdle();
    expect(r.queue.get(item.id)?.state).toBe('done');
    expect(r.server.transfers.map((t) => t.offset)).toEqual([0, 32_768]);
    await r.queue.close();
  });

  it('cancel with deletePartial removes the partial file', async () => {
    const r = rig();
    const hold = holdable(r);
    const item = download(r, 'd.bin', bytes(100_000));
    await hold.reached;
    r.queue.cancel([item.id], { deletePartial: true });
    hold.release();
    await r.queue.whenIdle();
    await vi.waitFor(() => expect(r.fs.read('/local/d.bin.part')).toBeUndefined());
    expect(r.queue.get(item.id)?.state).toBe('cancelled');
    await r.queue.close();
  });

  it('retries failed items with a fresh budget', async () => {
    const r = rig({ retry: { maxRetries: 0, baseDelayMs: 1, maxDelayMs: 1 } });
    r.server.faults.push({ op: 'download', afterBytes: 0, error: resetError });
    const item = download(r, 'r.bin', bytes(10));
    await r.queue.whenIdle();
    expect(r.queue.get(item.id)?.state).toBe('failed');
    r.queue.retry();
    await r.queue.whenIdle();
    expect(r.queue.get(item.id)).toMatchObject({ state: 'done', lastError: undefined });
    await r.queue.close();
  });

  it('moves items up, down, to the top and to the bottom', () => {
    const r = rig({ isProcessing: false });
    const ids = ['a', 'b', 'c', 'd', 'e'].map((n) => download(r, n, bytes(1)).id);
    const names = () => r.queue.list().map((i) => i.remotePath.slice(-1)).join('');
    r.queue.move([ids[2]], 'up');
    expect(names()).toBe('acbde');
    r.queue.move([ids[0], ids[1]], 'down');
    expect(names()).toBe('cadbe');
    r.queue.move([ids[3], ids[4]], 'top');
    expect(names()).toBe('decab');
    r.queue.move([ids[3]], 'bottom');
    expect(names()).toBe('ecabd');
    r.queue.move([ids[4]], 'up');
    expect(names()).toBe('ecabd');
  });

  it('moves an item past the unfinished item above it, stepping over finished ones the queue view hides', async () => {
    const r = rig({ globalLimit: 1 });
    const done = download(r, 'x', bytes(1)).id;
    await r.queue.whenIdle();
    r.queue.pause();
    const [a, b] = ['a', 'b'].map((n) => download(r, n, bytes(1)).id);
    const names = () => r.queue.list().map((i) => i.remotePath.slice(-1)).join('');
    expect(names()).toBe('xab');
    r.queue.move([done], 'down');
    expect(names()).toBe('axb');
    // One "up" puts b above a, the finished x between them staying where it is.
    r.queue.move([b], 'up');
    expect(names()).toBe('bxa');
    r.queue.move([b], 'down');
    expect(names()).toBe('axb');
    expect(r.queue.ids.indexOf(a)).toBeLessThan(r.queue.ids.indexOf(b));
    await r.queue.close();
  });

  it('starts items in queue order after a move', async () => {
    const r = rig({ globalLimit: 1, isProcessing: false });
    const ids = ['a', 'b', 'c'].map((n) => download(r, n, bytes(1)).id);
    r.queue.move([ids[2]], 'top');
    r.queue.start();
    await r.queue.whenIdle();
    expect(r.server.transfers.map((t) => t.path)).toEqual(['/remote/c', '/remote/a', '/remote/b']);
    await r.queue.close();
  });

  it('clears finished items but keeps failed ones for the Failed view', async () => {
    const r = rig();
    download(r, 'ok', bytes(5));
    r.queue.addFiles([{ direction: 'download', siteId: 's', remotePath: '/missing', localPath: '/local/missing' }]);
    await r.queue.whenIdle();
    r.queue.clearFinished();
    expect(r.queue.list().map((i) => i.state)).toEqual(['failed']);
    r.queue.clearFinished(['failed']);
    expect(r.queue.list()).toEqual([]);
    await r.queue.close();
  });
});

describe('TransferQueue: file exists', () => {
  function withExisting(policy: QueueOptions['onExists'], resolveExists?: ExistsResolver) {
    const r = rig({ onExists: policy }, { resolveExists });
    r.fs.put('/local/x.txt', 'old local', 5_000_000);
    r.server.put('/remote/x.txt', 'new remote content', 9_000_000);
    return r;
  }
  const add = (r: Rig) =>
    r.queue.addFiles([{ direction: 'download', siteId: 's', remotePath: '/remote/x.txt', localPath: '/local/x.txt', modifiedMs: 9_000_000 }])[0];

  it('skip leaves the target alone and marks the item skipped', async () => {
    const r = withExisting('skip');
    const item = add(r);
    await r.queue.whenIdle();
    expect(r.queue.get(item.id)).toMatchObject({ state: 'done', isSkipped: true });
    expect(r.fs.read('/local/x.txt')?.toString()).toBe('old local');
    await r.queue.close();
  });

  it('overwrite replaces it', async () => {
    const r = withExisting('overwrite');
    add(r);
    await r.queue.whenIdle();
    expect(r.fs.read('/local/x.txt')?.toString()).toBe('new remote content');
    await r.queue.close();
  });

  it('newer overwrites an older target and skips a newer one', async () => {
    const r = withExisting('newer');
    add(r);
    await r.queue.whenIdle();
    expect(r.fs.read('/local/x.txt')?.toString()).toBe('new remote content');
    expect(r.fs.files.get('/local/x.txt')?.modifiedMs).toBe(9_000_000);
    const again = add(r);
    await r.queue.whenIdle();
    expect(r.queue.get(again.id)?.isSkipped).toBe(true);
    await r.queue.close();
  });

  it('rename writes name (1).ext', async () => {
    const r = withExisting('rename');
    const item = add(r);
    await r.queue.whenIdle();
    expect(r.queue.get(item.id)?.localPath).toBe('/local/x (1).txt');
    expect(r.fs.read('/local/x (1).txt')?.toString()).toBe('new remote content');
    expect(r.fs.read('/local/x.txt')?.toString()).toBe('old local');
    await r.queue.close();
  });

  it('resume continues the existing file from its size', async () => {
    const r = rig({ onExists: 'resume' });
    const data = bytes(50_000);
    r.fs.put('/local/big', data.subarray(0, 20_000));
    r.server.put('/remote/big', data);
    r.queue.addFiles([{ direction: 'download', siteId: 's', remotePath: '/remote/big', localPath: '/local/big' }]);
    await r.queue.whenIdle();
    expect(r.fs.read('/local/big')?.equals(data)).toBe(true);
    expect(r.server.transfers[0].offset).toBe(20_000);
    await r.queue.close();
  });

  it('resume continues a partial file left by an earlier run, when the target itself does not exist yet', async () => {
    const r = rig({ onExists: 'resume' });
    const data = bytes(50_000, 4);
    r.fs.put('/local/half.part', data.subarray(0, 30_000));
    r.server.put('/remote/half', data);
    r.queue.addFiles([{ direction: 'download', siteId: 's', remotePath: '/remote/half', localPath: '/local/half' }]);
    await r.queue.whenIdle();
    expect(r.fs.read('/local/half')?.equals(data)).toBe(true);
    expect(r.server.transfers[0].offset).toBe(30_000);
    expect(r.fs.read('/local/half.part')).toBeUndefined();
    await r.queue.close();
  });

  it('per-item policy wins over the queue policy', async () => {
    const r = withExisting('overwrite');
    const item = r.queue.addFiles([{ direction: 'download', siteId: 's', remotePath: '/remote/x.txt', localPath: '/local/x.txt', onExists: 'skip' }])[0];
    await r.queue.whenIdle();
    expect(r.queue.get(item.id)?.isSkipped).toBe(true);
    await r.queue.close();
  });

  it('ask asks once when the answer applies to all, one question at a time', async () => {
    const questions: string[] = [];
    let concurrent = 0;
    let maxConcurrent = 0;
    const r = rig({ onExists: 'ask', defaultSiteLimit: 4 }, {
      resolveExists: async (q) => {
        concurrent++;
        maxConcurrent = Math.max(maxConcurrent, concurrent);
        questions.push(q.target.path);
        await new Promise((res) => setTimeout(res, 5));
        concurrent--;
        return { action: 'skip', applyToAll: true };
      },
    });
    for (let i = 0; i < 4; i++) {
      r.fs.put(`/local/${i}`, 'x');
      r.server.put(`/remote/${i}`, 'y');
      r.queue.addFiles([{ direction: 'download', siteId: 's', remotePath: `/remote/${i}`, localPath: `/local/${i}` }]);
    }
    await r.queue.whenIdle();
    expect(questions).toHaveLength(1);
    expect(maxConcurrent).toBe(1);
    expect(r.queue.list().every((i) => i.isSkipped)).toBe(true);
    await r.queue.close();
  });

  it('an "apply to all" answer lasts until the queue has run out, then a new conflict is asked again', async () => {
    const questions: string[] = [];
    const r = rig({ onExists: 'ask' }, {
      resolveExists: async (q) => {
        questions.push(q.target.path);
        return { action: 'overwrite', applyToAll: true };
      },
    });
    for (const name of ['a', 'b']) {
      r.fs.put(`/local/${name}`, 'old');
      r.server.put(`/remote/${name}`, 'new');
    }
    r.queue.addFiles(['a', 'b'].map((name) => ({ direction: 'download' as const, siteId: 's', remotePath: `/remote/${name}`, localPath: `/local/${name}` })));
    await r.queue.whenIdle();
    expect(questions).toEqual(['/local/a']);
    // Later, an unrelated download over an existing file: the earlier answer does not cover it.
    r.fs.put('/local/later', 'keep me?');
    r.server.put('/remote/later', 'theirs');
    r.queue.addFiles([{ direction: 'download', siteId: 's', remotePath: '/remote/later', localPath: '/local/later' }]);
    await r.queue.whenIdle();
    expect(questions).toEqual(['/local/a', '/local/later']);
    await r.queue.close();
  });

  it('upload rename picks a free remote name', async () => {
    const r = rig({ onExists: 'rename' });
    r.fs.put('/local/u.txt', 'mine');
    r.server.put('/remote/u.txt', 'theirs');
    r.server.put('/remote/u (1).txt', 'theirs too');
    const item = r.queue.addFiles([{ direction: 'upload', siteId: 's', localPath: '/local/u.txt', remotePath: '/remote/u.txt' }])[0];
    await r.queue.whenIdle();
    expect(r.queue.get(item.id)?.remotePath).toBe('/remote/u (2).txt');
    expect(r.server.read('/remote/u (2).txt')?.toString()).toBe('mine');
    await r.queue.close();
  });
});

describe('TransferQueue: folders', () => {
  it('queues a folder in the name order of the panes (natural, case-insensitive), folders after their parent\'s files, whatever order the server lists', async () => {
    const r = rig({ isProcessing: false });
    r.server.dirs.add('/t');
    r.server.dirs.add('/t/b-dir');
    r.server.dirs.add('/t/A-dir');
    r.server.listings.set('/t', [
      { name: 'b-dir', type: 'dir' },
      { name: 'c.txt', type: 'file', sizeBytes: 1 },
      { name: 'A-dir', type: 'dir' },
      { name: 'B.txt', type: 'file', sizeBytes: 1 },
      { name: 'a.txt', type: 'file', sizeBytes: 1 },
    ]);
    r.server.listings.set('/t/A-dir', [{ name: 'z.txt', type: 'file', sizeBytes: 1 }, { name: 'y.txt', type: 'file', sizeBytes: 1 }]);
    r.server.listings.set('/t/b-dir', [{ name: 'x.txt', type: 'file', sizeBytes: 1 }]);
    await r.queue.addFolder({ direction: 'download', siteId: 's', remoteDir: '/t', localDir: '/dl' });
    expect(r.queue.list().map((i) => i.remotePath)).toEqual(['/t/a.txt', '/t/B.txt', '/t/c.txt', '/t/A-dir/y.txt', '/t/A-dir/z.txt', '/t/b-dir/x.txt']);
    r.fs.put('/up/b.txt', 'b');
    r.fs.put('/up/A.txt', 'a');
    r.fs.put('/up/c.txt', 'c');
    r.fs.put('/up/f10.txt', 'f10');
    r.fs.put('/up/f9.txt', 'f9');
    await r.queue.addFolder({ direction: 'upload', siteId: 's', localDir: '/up', remoteDir: '/dst' });
    expect(r.queue.list().filter((i) => i.direction === 'upload').map((i) => i.localPath)).toEqual(['/up/A.txt', '/up/b.txt', '/up/c.txt', '/up/f9.txt', '/up/f10.txt']);
    await r.queue.close();
  });

  it('expands a remote tree, creates local folders and refuses escaping names', async () => {
    const r = rig();
    r.server.put('/site/top.txt', 'top');
    r.server.put('/site/sub/inner.txt', 'inner');
    r.server.dirs.add('/site/empty');
    r.server.listings.set('/site/evil', [
      { name: '../escape', type: 'file', sizeBytes: 3 },
      { name: '..', type: 'dir' },
      { name: 'C:boot.ini', type: 'file' },
      { name: 'ok.txt', type: 'file', sizeBytes: 2 },
    ]);
    r.server.dirs.add('/site/evil');
    r.server.put('/site/evil/ok.txt', 'ok');
    const report = await r.queue.addFolder({ direction: 'download', siteId: 's', remoteDir: '/site', localDir: '/dl' });
    expect(report.refused.map((x) => x.path).sort()).toEqual(['/site/evil/../escape', '/site/evil/C:boot.ini']);
    await r.queue.whenIdle();
    expect(r.fs.read('/dl/top.txt')?.toString()).toBe('top');
    expect(r.fs.read('/dl/sub/inner.txt')?.toString()).toBe('inner');
    expect(r.fs.read('/dl/evil/ok.txt')?.toString()).toBe('ok');
    expect(r.fs.dirs.has('/dl/empty')).toBe(true);
    expect([...r.fs.files.keys()].some((p) => p.includes('escape'))).toBe(false);
    const refused = r.queue.list().filter((i) => i.lastError?.kind === 'unsafe-name');
    expect(refused).toHaveLength(2);
    // Retrying a refused name does nothing: it stays refused.
    r.queue.retry();
    await r.queue.whenIdle();
    expect(r.queue.list().filter((i) => i.state === 'failed')).toHaveLength(2);
    await r.queue.close();
  });

  it('queues the rest of a remote tree when a subfolder cannot be listed (550), and fails that folder', async () => {
    const r = rig();
    r.server.put('/site/top.txt', 'top');
    r.server.put('/site/locked/secret.txt', 'no');
    r.server.put('/site/open/inner.txt', 'inner');
    r.server.faults.push({ op: 'list', path: '/site/locked', error: () => new FtpReplyError(550, 'Permission denied', 'MLSD /site/locked') });
    const report = await r.queue.addFolder({ direction: 'download', siteId: 's', remoteDir: '/site', localDir: '/dl' });
    expect(report.refused).toEqual([{ path: '/site/locked', reason: expect.stringMatching(/could not read this folder.*550/) }]);
    await r.queue.whenIdle();
    expect(r.fs.read('/dl/top.txt')?.toString()).toBe('top');
    expect(r.fs.read('/dl/open/inner.txt')?.toString()).toBe('inner');
    expect(r.queue.list().filter((i) => i.state === 'failed').map((i) => [i.remotePath, i.lastError?.kind])).toEqual([['/site/locked', 'incomplete-listing']]);
    await r.queue.close();
  });

  it('still fails the whole folder when the top folder cannot be listed, or the connection drops', async () => {
    const r = rig();
    r.server.put('/site/sub/a.txt', 'a');
    r.server.faults.push({ op: 'list', path: '/site', error: () => new FtpReplyError(550, 'No such directory', 'MLSD /site') });
    await expect(r.queue.addFolder({ direction: 'download', siteId: 's', remoteDir: '/site', localDir: '/dl' })).rejects.toThrow(/No such directory/);
    r.server.faults.push({ op: 'list', path: '/site/sub', error: resetError });
    await expect(r.queue.addFolder({ direction: 'download', siteId: 's', remoteDir: '/site', localDir: '/dl' })).rejects.toThrow();
    expect(r.queue.list()).toHaveLength(0);
    await r.queue.close();
  });

  it('queues the rest of a local tree when a subfolder cannot be read', async () => {
    const fs = new FakeFs();
    fs.put('/up/a.txt', 'a');
    fs.put('/up/locked/x.txt', 'x');
    fs.put('/up/open/b.txt', 'b');
    const readDir = fs.readDir.bind(fs);
    fs.readDir = async (dir) => {
      if (dir === '/up/locked') throw Object.assign(new Error("EACCES: permission denied, scandir '/up/locked'"), { code: 'EACCES' });
      return readDir(dir);
    };
    const r = rig({}, { fs });
    r.server.dirs.add('/remote');
    const report = await r.queue.addFolder({ direction: 'upload', siteId: 's', remoteDir: '/remote/up', localDir: '/up' });
    expect(report.refused).toEqual([{ path: '/remote/up/locked', reason: expect.stringMatching(/could not read this folder.*\/up\/locked/) }]);
    await r.queue.whenIdle();
    expect(r.server.read('/remote/up/a.txt')?.toString()).toBe('a');
    expect(r.server.read('/remote/up/open/b.txt')?.toString()).toBe('b');
    expect(r.server.read('/remote/up/locked/x.txt')).toBeUndefined();
    await r.queue.close();
  });

  it('does not follow remote folder links', async () => {
    const r = rig();
    r.server.dirs.add('/s');
    r.server.listings.set('/s', [{ name: 'loop', type: 'link', targetType: 'dir', linkTarget: '/s' }]);
    const report = await r.queue.addFolder({ direction: 'download', siteId: 's', remoteDir: '/s', localDir: '/dl' });
    expect(report.skippedLinks).toEqual(['/s/loop']);
    await r.queue.close();
  });

  it('expands a local tree, follows links once and never loops', async () => {
    const r = rig();
    r.fs.put('/up/a.txt', 'a');
    r.fs.put('/up/d/b.txt', 'b');
    r.fs.links.set('/up/d/back', '/up');
    r.fs.put('/elsewhere/c.txt', 'c');
    r.fs.links.set('/up/other', '/elsewhere');
    const report = await r.queue.addFolder({ direction: 'upload', siteId: 's', localDir: '/up', remoteDir: '/dst' });
    expect(report.skippedLinks).toEqual(['/up/d/back']);
    await r.queue.whenIdle();
    expect([...r.server.files.keys()].sort()).toEqual(['/dst/a.txt', '/dst/d/b.txt', '/dst/other/c.txt']);
    await r.queue.close();
  });
});

describe('TransferQueue: persistence', () => {
  it('restores the queue; an interrupted download resumes from its partial bytes', async () => {
    const server = new FakeServer();
    const fs = new FakeFs();
    const store = new MemoryStore();
    const data = bytes(100_000);
    const first = rig({}, { server, fs, store });
    let reached: () => void = () => undefined;
    const isReached = new Promise<void>((res) => (reached = res));
    let release: () => void = () => undefined;
    const gate = new Promise<void>((res) => (release = res));
    server.beforeChunk = async (_op, _p, offset) => {
      if (offset >= 49_152) {
        reached();
        await gate;
      }
    };
    const item = download(first, 'k.bin', data);
    await isReached;
    await first.queue.persistNow();
    const destroyed = first.queue.destroy();
    release();
    await destroyed;
    expect(JSON.parse(store.text).items[0].item.state).toBe('transferring');

    server.beforeChunk = () => undefined;
    const second = rig({}, { server, fs, store });
    await second.queue.restore();
    expect(second.queue.get(item.id)?.state).not.toBe('transferring');
    await second.queue.whenIdle();
    expect(second.queue.get(item.id)?.state).toBe('done');
    expect(fs.read('/local/k.bin')?.equals(data)).toBe(true);
    expect(server.transfers.map((t) => t.offset)).toEqual([0, 49_152]);
    await second.queue.close();
  });

  it('never writes credentials into the queue file', async () => {
    const r = rig();
    download(r, 'z', bytes(10));
    await r.queue.whenIdle();
    await r.queue.close();
    expect(r.store.saves).toBeGreaterThan(0);
    expect(r.store.text).not.toContain(r.factory.password);
    expect(r.store.text).not.toMatch(/password/i);
  });

  it('restores order, paused and failed items as they were', async () => {
    const store = new MemoryStore();
    const a = rig({ isProcessing: false }, { store });
    const ids = ['1', '2', '3'].map((n) => download(a, n, bytes(1)).id);
    a.queue.pause([ids[1]]);
    a.queue.move([ids[2]], 'top');
    await a.queue.close();
    const b = rig({ isProcessing: false }, { store });
    await b.queue.restore();
    expect(b.queue.ids).toEqual([ids[2], ids[0], ids[1]]);
    expect(b.queue.list().map((i) => i.state)).toEqual(['queued', 'queued', 'paused']);
    await b.queue.close();
  });
});

describe('TransferQueue: speed limit', () => {
  it('holds a direction to its byte budget and can be lifted at run time', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const r = rig({ speedLimits: { downloadBps: 100_000 } });
    const item = download(r, 'slow.bin', bytes(400_000));
    r.fs.put('/local/up.bin', bytes(400_000));
    const [up] = r.queue.addFiles([{ direction: 'upload', siteId: 's', localPath: '/local/up.bin', remotePath: '/remote/up.bin' }]);
    await vi.advanceTimersByTimeAsync(2_000);
    // The upload direction has no limit; the download is held to about 100 kB per second of fake time.
    expect(r.queue.get(up.id)?.state).toBe('done');
    const midway = r.queue.get(item.id)!;
    expect(midway.state).toBe('transferring');
    expect(midway.transferredBytes).toBeLessThanOrEqual(250_000);
    r.queue.setOptions({ speedLimits: { downloadBps: 0 } });
    await vi.advanceTimersByTimeAsync(3_000);
    expect(r.queue.get(item.id)?.state).toBe('done');
    expect(r.fs.read('/local/slow.bin')?.length).toBe(400_000);
    await r.queue.close();
  });
});

describe('TransferQueue: speed limits set one at a time', () => {
  it('keeps the other direction\'s limit when one is set or lifted', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const r = rig();
    r.queue.setOptions({ speedLimits: { uploadBps: 100_000 } });
    r.queue.setOptions({ speedLimits: { downloadBps: 200_000 } });
    const data = bytes(400_000, 3);
    r.fs.put('/local/held.bin', data);
    r.server.dirs.add('/remote');
    const [item] = r.queue.addFiles([{ direction: 'upload', siteId: 's', localPath: '/local/held.bin', remotePath: '/remote/held.bin' }]);
    await vi.advanceTimersByTimeAsync(2_000);
    // Setting the download limit did not lift the upload limit set before it.
    expect(r.queue.get(item.id)?.state).toBe('transferring');
    expect(r.queue.get(item.id)!.transferredBytes).toBeLessThanOrEqual(300_000);
    r.queue.setOptions({ speedLimits: { downloadBps: 0 } });
    await vi.advanceTimersByTimeAsync(1_000);
    expect(r.queue.get(item.id)?.state).toBe('transferring');
    r.queue.setOptions({ speedLimits: { uploadBps: 0 } });
    await vi.advanceTimersByTimeAsync(3_000);
    expect(r.queue.get(item.id)?.state).toBe('done');
    expect(r.server.read('/remote/held.bin')?.equals(data)).toBe(true);
    await r.queue.close();
  });
});

describe('TransferQueue: upload speed limit', () => {
  it('holds an upload to its byte budget and sends it whole once lifted', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const r = rig({ speedLimits: { uploadBps: 100_000 } });
    const data = bytes(400_000, 5);
    r.fs.put('/local/limited.bin', data);
    const [item] = r.queue.addFiles([{ direction: 'upload', siteId: 's', localPath: '/local/limited.bin', remotePath: '/remote/limited.bin' }]);
    r.server.dirs.add('/remote');
    await vi.advanceTimersByTimeAsync(2_000);
    const midway = r.queue.get(item.id)!;
    expect(midway.state).toBe('transferring');
    expect(midway.transferredBytes).toBeLessThanOrEqual(300_000);
    r.queue.setOptions({ speedLimits: { uploadBps: 0 } });
    await vi.advanceTimersByTimeAsync(3_000);
    expect(r.queue.get(item.id)?.state).toBe('done');
    expect(r.server.read('/remote/limited.bin')?.equals(data)).toBe(true);
    await r.queue.close();
  });
});

describe('TransferQueue: speed limit set during a transfer', () => {
  it('applies at once to a big file that started without one', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const r = rig();
    r.server.chunkBytes = 64 * 1024;
    const data = bytes(3 * 1024 * 1024, 9);
    let reached: () => void = () => undefined;
    const isReached = new Promise<void>((res) => (reached = res));
    let release: () => void = () => undefined;
    const gate = new Promise<void>((res) => (release = res));
    r.server.beforeChunk = async (_op, _p, offset) => {
      if (offset === 1024 * 1024) {
        reached();
        await gate;
      }
    };
    const item = download(r, 'big.bin', data);
    await isReached;
    r.queue.setOptions({ speedLimits: { downloadBps: 100_000 } });
    release();
    await vi.advanceTimersByTimeAsync(2_000);
    const midway = r.queue.get(item.id)!;
    expect(midway.state).toBe('transferring');
    expect(midway.transferredBytes).toBeLessThanOrEqual(1024 * 1024 + 300_000);
    r.queue.setOptions({ speedLimits: { downloadBps: 0 } });
    await vi.advanceTimersByTimeAsync(3_000);
    expect(r.queue.get(item.id)?.state).toBe('done');
    expect(r.fs.read('/local/big.bin')?.equals(data)).toBe(true);
    await r.queue.close();
  });
});

describe('TransferQueue: progress events', () => {
  it('batches changes to at most 4 per second and reports totals', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const r = rig({ defaultSiteLimit: 10, globalLimit: 10 });
    // Slow every chunk down by 10 ms of fake time so the run spans several seconds.
    r.server.beforeChunk = () => new Promise((res) => setTimeout(res, 10));
    r.server.chunkBytes = 4096;
    for (let i = 0; i < 20; i++) download(r, `p${i}`, bytes(400_000, i));
    const times: number[] = [];
    r.queue.on('changed', () => times.push(Date.now()));
    const start = Date.now();
    for (let t = 0; t < 1500; t += 10) await vi.advanceTimersByTimeAsync(10);
    const inFirstSecond = times.filter((t) => t - start < 1000).length;
    expect(inFirstSecond).toBeLessThanOrEqual(4);
    const last = r.changes[r.changes.length - 1];
    expect(last.totals.activeCount).toBeGreaterThan(0);
    expect(last.totals.speedBps).toBeGreaterThan(0);
    expect(last.totals.etaSeconds).toBeGreaterThan(0);
    const running = last.items.find((i) => i.state === 'transferring');
    expect(running?.speedBps).toBeGreaterThan(0);
    expect(running?.etaSeconds).toBeDefined();
    const destroyed = r.queue.destroy();
    await vi.advanceTimersByTimeAsync(100);
    await destroyed;
  });
});
