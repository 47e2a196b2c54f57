import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FileSource } from '../../../electron/cli/fileSource';
import { READ_SYNC, canReadSync } from '../../../electron/ftp/data/syncIo';

const dir = mkdtempSync(join(tmpdir(), 'ferry-filesource-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const data = randomBytes(2 * (1 << 20) + 4321);
const path = join(dir, 'source.bin');
writeFileSync(path, data);

async function readAll(source: FileSource): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of source) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

describe('FileSource', () => {
  it('reads the file as a stream, from the start or from an offset', async () => {
    expect((await readAll(new FileSource(path))).equals(data)).toBe(true);
    expect((await readAll(new FileSource(path, { start: 1_000_000 }))).equals(data.subarray(1_000_000))).toBe(true);
  });

  it('reads synchronously (the direct path of the engine) in order, 0 at the end', () => {
    const source = new FileSource(path, { start: 10 });
    expect(canReadSync(source)).toBe(true);
    const into = Buffer.alloc(1 << 20);
    const parts: Buffer[] = [];
    for (let n = source[READ_SYNC](into, 0, into.length); n > 0; n = source[READ_SYNC](into, 0, into.length)) {
      parts.push(Buffer.from(into.subarray(0, n)));
    }
    expect(Buffer.concat(parts).equals(data.subarray(10))).toBe(true);
    expect(source[READ_SYNC](into, 0, into.length)).toBe(0);
    source.destroy();
    expect(() => source[READ_SYNC](into, 0, 1)).toThrow(/closed/);
  });

  it('refuses a file it cannot open, at once', () => {
    expect(() => new FileSource(join(dir, 'missing.bin'))).toThrow(/ENOENT/);
  });

  it('closes its file when destroyed during a read', async () => {
    const source = new FileSource(path);
    const closed = new Promise((resolve) => source.once('close', resolve));
    source.once('data', () => source.destroy());
    source.resume();
    await closed;
    expect(source.destroyed).toBe(true);
  });
});
