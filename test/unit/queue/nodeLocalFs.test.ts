/** The queue's local filesystem on Node: writes from an offset, and the hashes servers name. */
import { promises as fsp } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeLocalFs } from '../../../electron/queue/nodeLocalFs';

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

  it('writes a fresh partial file over a planted link without touching its target, and creates a missing folder', async () => {
    const dir = await fsp.mkdtemp(path.join(tmpdir(), 'ferry-localfs-'));
    const victim = path.join(dir, 'victim.txt');
    await fsp.writeFile(victim, 'precious');
    const part = path.join(dir, 'dl', 'a.bin.part');
    await fsp.mkdir(path.dirname(part));
    await fsp.symlink(victim, part);
    const ws = await nodeLocalFs.createWriteStream(part, 0);
    await new Promise<void>((resolve) => ws.end('fresh', () => resolve()));
    expect((await fsp.lstat(part)).isFile()).toBe(true);
    expect(await fsp.readFile(part, 'utf8')).toBe('fresh');
    expect(await fsp.readFile(victim, 'utf8')).toBe('precious');
    await fsp.symlink(victim, path.join(dir, 'dl', 'b.part'));
    await expect(nodeLocalFs.createWriteStream(path.join(dir, 'dl', 'b.part'), 2)).rejects.toMatchObject({ code: 'EUNSAFEPARTIAL' });
    const deep = path.join(dir, 'new', 'folder', 'c.part');
    const created = await nodeLocalFs.createWriteStream(deep, 0);
    await new Promise<void>((resolve) => created.end('c', () => resolve()));
    expect(await fsp.readFile(deep, 'utf8')).toBe('c');
    expect((await nodeLocalFs.lstat(path.join(dir, 'dl', 'b.part')))?.type).toBe('link');
    await fsp.rm(dir, { recursive: true });
  });
});
