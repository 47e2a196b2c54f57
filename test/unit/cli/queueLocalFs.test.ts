/** The command line queue's local filesystem: synchronous reads and writes from offsets, folders made on demand. */
import { promises as fsp } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { queueLocalFs } from '../../../electron/cli/queueLocalFs';
import { bytes } from '../queue/fakes';

describe('queueLocalFs (the command line queue\'s synchronous filesystem)', () => {
  let dir = '';
  beforeEach(async () => {
    dir = await fsp.mkdtemp(path.join(tmpdir(), 'ferry-cli-fs-'));
  });
  afterEach(async () => {
    await fsp.rm(dir, { recursive: true, force: true });
  });

  async function writeThrough(file: string, offset: number, chunks: Buffer[]): Promise<void> {
    const ws = await queueLocalFs.createWriteStream(file, offset);
    const source = new PassThrough();
    const done = pipeline(source, ws);
    for (const c of chunks) source.write(c);
    source.end();
    await done;
  }

  it('creates a missing folder (and its parents) when it opens a file, and writes big files whole', async () => {
    const file = path.join(dir, 'a', 'b', 'c.part');
    const data = bytes(3 * 1024 * 1024 + 123, 4);
    // Chunks like a socket delivers them; more than the 1 MiB the writer gathers.
    const chunks: Buffer[] = [];
    for (let i = 0; i < data.length; i += 65_536) chunks.push(data.subarray(i, i + 65_536));
    await writeThrough(file, 0, chunks);
    expect((await fsp.readFile(file)).equals(data)).toBe(true);
  });

  it('writes from an offset, dropping what followed it', async () => {
    const file = path.join(dir, 'f.part');
    await fsp.writeFile(file, 'abcdefghij');
    await writeThrough(file, 4, [Buffer.from('XY')]);
    expect(await fsp.readFile(file, 'utf8')).toBe('abcdXY');
  });

  it('keeps what arrived when a write stream is destroyed, so a resume continues from the true size', async () => {
    const file = path.join(dir, 'cut.part');
    const ws = await queueLocalFs.createWriteStream(file, 0);
    await new Promise<void>((resolve) => ws.write(Buffer.from('partial'), () => resolve()));
    const closed = new Promise((resolve) => ws.once('close', resolve));
    ws.once('error', () => undefined);
    ws.destroy(new Error('connection reset'));
    await closed;
    expect(await fsp.readFile(file, 'utf8')).toBe('partial');
    expect((await queueLocalFs.stat(file))?.sizeBytes).toBe(7);
  });

  it('reads from an offset, and throws at once for a missing file', async () => {
    const file = path.join(dir, 'src.bin');
    const data = bytes(600_000, 8);
    await fsp.writeFile(file, data);
    const got: Buffer[] = [];
    await pipeline(queueLocalFs.createReadStream(file, 100_000), new Writable({ write: (c: Buffer, _e, cb) => (got.push(c), cb()) }));
    expect(Buffer.concat(got).equals(data.subarray(100_000))).toBe(true);
    expect(() => queueLocalFs.createReadStream(path.join(dir, 'none'), 0)).toThrow(/ENOENT/);
  });

  it('reads what a file gained after it was opened', async () => {
    const file = path.join(dir, 'growing.bin');
    await fsp.writeFile(file, 'first');
    const rs = queueLocalFs.createReadStream(file, 0);
    await fsp.appendFile(file, '+more');
    const got: Buffer[] = [];
    await pipeline(rs, new Writable({ write: (c: Buffer, _e, cb) => (got.push(c), cb()) }));
    expect(Buffer.concat(got).toString()).toBe('first+more');
  });

  it('stats, lists, renames, sets times and removes like nodeLocalFs', async () => {
    await fsp.mkdir(path.join(dir, 'sub'));
    await fsp.writeFile(path.join(dir, 'x.txt'), 'hello');
    await fsp.symlink('x.txt', path.join(dir, 'link'));
    expect(await queueLocalFs.stat(path.join(dir, 'none'))).toBeUndefined();
    expect(await queueLocalFs.stat(path.join(dir, 'x.txt', 'below'))).toBeUndefined();
    expect(await queueLocalFs.stat(path.join(dir, 'link'))).toMatchObject({ type: 'file', sizeBytes: 5 });
    expect((await queueLocalFs.readDir(dir)).sort((a, b) => a.name.localeCompare(b.name))).toEqual([
      { name: 'link', type: 'link' },
      { name: 'sub', type: 'dir' },
      { name: 'x.txt', type: 'file' },
    ]);
    await queueLocalFs.rename(path.join(dir, 'x.txt'), path.join(dir, 'sub', 'y.txt'));
    await queueLocalFs.setModifiedTime(path.join(dir, 'sub', 'y.txt'), 1_600_000_000_000);
    expect((await queueLocalFs.stat(path.join(dir, 'sub', 'y.txt')))?.modifiedMs).toBe(1_600_000_000_000);
    expect(await queueLocalFs.realPath(path.join(dir, 'sub', '..', 'sub'))).toBe(await fsp.realpath(path.join(dir, 'sub')));
    await queueLocalFs.remove(path.join(dir, 'sub', 'y.txt'));
    await queueLocalFs.remove(path.join(dir, 'sub', 'y.txt'));
    expect(await queueLocalFs.stat(path.join(dir, 'sub', 'y.txt'))).toBeUndefined();
    await queueLocalFs.mkdirp(path.join(dir, 'p', 'q'));
    expect((await queueLocalFs.stat(path.join(dir, 'p', 'q')))?.type).toBe('dir');
    await fsp.writeFile(path.join(dir, 'h'), 'abcdXY');
    expect(await queueLocalFs.hashFile(path.join(dir, 'h'), 'SHA-256')).toBe('9f5a8aba13585af4f68f86d72aa5fb9c7a83a77e5933dead0da99699bbedf5de');
  });
});
