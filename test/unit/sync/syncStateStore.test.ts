import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SyncStateStore } from '../../../electron/sync/syncStateStore';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'ferry-sync-state-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const key = { server: 'ftp://me@example.com:21', localDir: '/home/me/site', remoteDir: '/www' };
const pair = { local: { kind: 'file' as const, sizeBytes: 3, modifiedMs: 1_000 }, remote: { kind: 'file' as const, sizeBytes: 3, modifiedMs: 60_000, timePrecision: 'minute' as const } };

describe('SyncStateStore', () => {
  it('keeps the state of each folder pair apart, across instances', async () => {
    await new SyncStateStore(dir).save(key, new Map([['a.txt', pair]]));
    await new SyncStateStore(dir).save({ ...key, remoteDir: '/other' }, new Map());
    const store = new SyncStateStore(dir);
    expect([...(await store.load(key))]).toEqual([['a.txt', pair]]);
    expect((await store.load({ ...key, remoteDir: '/other' })).size).toBe(0);
    expect((await store.load({ ...key, localDir: '/elsewhere' })).size).toBe(0);
    expect(await readdir(path.join(dir, 'sync-state'))).toHaveLength(2);
  });

  it('reads a damaged file as no earlier sync', async () => {
    const store = new SyncStateStore(dir);
    await store.save(key, new Map([['a.txt', pair]]));
    const [file] = await readdir(path.join(dir, 'sync-state'));
    await writeFile(path.join(dir, 'sync-state', file), '{"version":1,"pairs":');
    await expect(store.load(key)).resolves.toEqual(new Map());
  });
});
