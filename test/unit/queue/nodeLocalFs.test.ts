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
});
