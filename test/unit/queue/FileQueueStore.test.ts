/** The queue file: atomic replacement, leftovers of crashed writes removed, a corrupt file moved aside. */
import { promises as fsp } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FileQueueStore } from '../../../electron/queue/FileQueueStore';
import { ONE_ITEM_QUEUE } from './fakes';

describe('FileQueueStore', () => {
  it('round-trips, replaces atomically and leaves no temporary files', async () => {
    const dir = await fsp.mkdtemp(path.join(tmpdir(), 'ferry-store-'));
    const store = new FileQueueStore(path.join(dir, 'sub', 'queue.json'));
    expect(await store.load()).toBeUndefined();
    await store.save(ONE_ITEM_QUEUE);
    await store.save({ ...ONE_ITEM_QUEUE, items: [] });
    expect(await store.load()).toEqual({ version: 1, items: [] });
    expect(await fsp.readdir(path.join(dir, 'sub'))).toEqual(['queue.json']);
    await fsp.rm(dir, { recursive: true });
  });

  it('removes temporary files that a crashed write left, but not those of a running process', async () => {
    const dir = await fsp.mkdtemp(path.join(tmpdir(), 'ferry-store-'));
    const file = path.join(dir, 'queue.json');
    const store = new FileQueueStore(file);
    await store.save(ONE_ITEM_QUEUE);
    // A pid that no process has (above Linux's pid_max), and this process's own.
    await fsp.writeFile(path.join(dir, 'queue.json.99999999.3.tmp'), '{"version":1,"it');
    await fsp.writeFile(path.join(dir, `queue.json.${process.pid}.7.tmp`), 'being written');
    await fsp.writeFile(path.join(dir, 'other.json.99999999.1.tmp'), 'not ours');
    expect(await store.load()).toEqual(ONE_ITEM_QUEUE);
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
