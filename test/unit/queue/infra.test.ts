import { promises as fsp } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FileQueueStore } from '../../../electron/queue/FileQueueStore';
import { nodeLocalFs } from '../../../electron/queue/nodeLocalFs';
import { QueuePersister } from '../../../electron/queue/QueuePersister';
import { SessionPool } from '../../../electron/queue/SessionPool';
import { RateLimiter } from '../../../electron/queue/SpeedLimiter';
import type { PersistedQueue } from '../../../electron/queue/types';
import { FakeFactory, FakeServer } from './fakes';

afterEach(() => vi.useRealTimers());

const sample: PersistedQueue = {
  version: 1,
  items: [
    {
      item: { id: 'x', direction: 'download', localPath: '/l', remotePath: '/r', siteId: 's', transferredBytes: 5, state: 'queued', attempts: 1, createdMs: 1 },
      meta: { hasStarted: true, failuresInRow: 0, isExistsResolved: true },
    },
  ],
};


describe('RateLimiter', () => {
  it('spreads bytes so the average rate is the limit, in arrival order', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const limiter = new RateLimiter(1000, Date.now);
    const released: Array<[number, number]> = [];
    const start = Date.now();
    for (let i = 0; i < 5; i++) void limiter.take(500).then(() => released.push([i, Date.now() - start]));
    await vi.advanceTimersByTimeAsync(3000);
    expect(released).toEqual([[0, 0], [1, 500], [2, 1000], [3, 1500], [4, 2000]]);
  });

  it('is free when unlimited and follows rate changes', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const limiter = new RateLimiter(0, Date.now);
    expect(limiter.isLimited).toBe(false);
    await limiter.take(1e9);
    limiter.setRate(100);
    expect(limiter.isLimited).toBe(true);
  });
});

describe('SessionPool', () => {
  it('reuses an idle session of the same site and keeps sites apart', async () => {
    const factory = new FakeFactory(new FakeServer());
    const pool = new SessionPool(factory.create);
    const a = await pool.acquire('A');
    pool.release(a, true);
    const again = await pool.acquire('A');
    expect(again.session).toBe(a.session);
    expect(again.isReused).toBe(true);
    const b = await pool.acquire('B');
    expect(b.session).not.toBe(a.session);
    expect(pool.openFor('A')).toBe(1);
    await pool.closeAll();
  });

  it('destroys unhealthy sessions and skips ones the server closed', async () => {
    const factory = new FakeFactory(new FakeServer());
    const pool = new SessionPool(factory.create);
    const a = await pool.acquire('A');
    pool.release(a, false);
    expect(factory.sessions[0].destroyed).toBe(true);
    const b = await pool.acquire('A');
    pool.release(b, true);
    factory.sessions[1].isClosed = true;
    const c = await pool.acquire('A');
    expect(c.isReused).toBe(false);
    await pool.closeAll();
  });

  it('closes sessions left idle too long', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const factory = new FakeFactory(new FakeServer());
    const pool = new SessionPool(factory.create, { idleTimeoutMs: 1000 });
    pool.release(await pool.acquire('A'), true);
    expect(pool.openCount).toBe(1);
    await vi.advanceTimersByTimeAsync(1001);
    expect(pool.openCount).toBe(0);
    expect(factory.sessions[0].isClosed).toBe(true);
  });
});

describe('FileQueueStore', () => {
  it('round-trips, replaces atomically and leaves no temporary files', async () => {
    const dir = await fsp.mkdtemp(path.join(tmpdir(), 'ferry-store-'));
    const store = new FileQueueStore(path.join(dir, 'sub', 'queue.json'));
    expect(await store.load()).toBeUndefined();
    await store.save(sample);
    await store.save({ ...sample, items: [] });
    expect(await store.load()).toEqual({ version: 1, items: [] });
    expect(await fsp.readdir(path.join(dir, 'sub'))).toEqual(['queue.json']);
    await fsp.rm(dir, { recursive: true });
  });

  it('removes temporary files that a crashed write left, but not those of a running process', async () => {
    const dir = await fsp.mkdtemp(path.join(tmpdir(), 'ferry-store-'));
    const file = path.join(dir, 'queue.json');
    const store = new FileQueueStore(file);
    await store.save(sample);
    // A pid that no process has (above Linux's pid_max), and this process's own.
    await fsp.writeFile(path.join(dir, 'queue.json.99999999.3.tmp'), '{"version":1,"it');
    await fsp.writeFile(path.join(dir, `queue.json.${process.pid}.7.tmp`), 'being written');
    await fsp.writeFile(path.join(dir, 'other.json.99999999.1.tmp'), 'not ours');
    expect(await store.load()).toEqual(sample);
    expect((await fsp.readdir(dir)).sort()).toEqual(['other.json.99999999.1.tmp', 'queue.json', `queue.json.${process.pid}.7.tmp`]);
    await fsp.rm(dir, { recursive: true });
  });

  it('moves a corrupt file aside instead of failing the start', async () => {
    const dir = await fsp.mkdtemp(path.join(tmpdir(), 'ferry-store-'));
    const file = path.join(dir, 'queue.json');
    await fsp.writeFile(file, '{"version":1,"items":[{"item":');
    const store = new FileQueueStore(file);
    expect(await store.load()).toBeUndefined();
    expect((await fsp.readdir(dir)).sort()).toEqual(['queue.json.corrupt']);
    await fsp.rm(dir, { recursive: true });
  });
});

describe('nodeLocalFs', () => {
  it('writes from an offset, truncating what followed, and hashes like the servers name it', async () => {
    const dir = await fsp.mkdtemp(path.join(tmpdir(), 'ferry-localfs-'));
    const file = path.join(dir, 'f.part');
    await fsp.writeFile(file, 'abcdefghij');
    const ws = await nodeLocalFs.createWriteStream(file, 4);
    await new Promise<void>((resolve) => ws.end('XY', () => resolve()));
    expect(await fsp.readFile(file, 'utf8')).toBe('abcdXY');
    expect(await nodeLocalFs.hashFile(file, 'SHA-256')).toBe('9f5a8aba13585af4f68f86d72aa5fb9c7a83a77e5933dead0da99699bbedf5de');
    expect(await nodeLocalFs.hashFile(file, 'MD5')).toBe('621f1ece0df13a6655cff515d7029c15');
    expect(await nodeLocalFs.hashFile(file, 'CRC32')).toBe('97005c6c');
    expect(await nodeLocalFs.hashFile(file, 'WHIRLPOOL')).toBeUndefined();
    expect(await nodeLocalFs.stat(path.join(dir, 'none'))).toBeUndefined();
    await fsp.rm(dir, { recursive: true });
  });
});

describe('QueuePersister', () => {
  it('writes one at a time and once more for changes made during a write', async () => {
    let release: () => void = () => undefined;
    let writes = 0;
    let version = 0;
    const saved: number[] = [];
    const store = {
      load: async () => undefined,
      save: async (data: PersistedQueue) => {
        writes++;
        saved.push(data.items.length);
        if (writes === 1) await new Promise<void>((res) => (release = res));
      },
    };
    const persister = new QueuePersister(store, () => ({ version: 1, items: Array(version).fill(sample.items[0]) }), () => undefined);
    version = 1;
    const first = persister.saveNow();
    version = 2;
    void persister.saveNow();
    version = 3;
    const third = persister.saveNow();
    release();
    await Promise.all([first, third]);
    expect(saved).toEqual([1, 3]);
  });

  it('debounces and stretches the delay for long queues', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    let writes = 0;
    const store = { load: async () => undefined, save: async () => void writes++ };
    const persister = new QueuePersister(store, () => ({ version: 1, items: [] }), () => undefined);
    persister.schedule(100, 10_000);
    persister.schedule(100, 10_000);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(writes).toBe(0);
    await vi.advanceTimersByTimeAsync(600);
    expect(writes).toBe(1);
    persister.stop();
    persister.schedule(100, 1);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(writes).toBe(1);
  });
});
