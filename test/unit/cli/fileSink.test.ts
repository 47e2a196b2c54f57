import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { FileSink } from '../../../electron/cli/fileSink';
import { WRITE_SYNC, canWriteSync } from '../../../electron/ftp/data/syncIo';

const dir = mkdtempSync(join(tmpdir(), 'ferry-filesink-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Chunks of awkward sizes around the 1 MiB buffer. */
function chunksOf(data: Buffer): Buffer[] {
  const sizes = [1, 16_384, 1 << 20, (1 << 20) + 7, 3, 2 << 20, 65_536];
  const chunks: Buffer[] = [];
  let offset = 0;
  for (let i = 0; offset < data.length; i++) {
    const size = sizes[i % sizes.length];
    chunks.push(data.subarray(offset, offset + size));
    offset += size;
  }
  return chunks;
}

describe('FileSink', () => {
  it('writes every byte in order whatever the chunk sizes', async () => {
    const data = randomBytes(6 * (1 << 20) + 12_345);
    const path = join(dir, 'whole.bin');
    const sink = new FileSink(path);
    await pipeline(Readable.from(chunksOf(data)), sink);
    expect(readFileSync(path).equals(data)).toBe(true);
    expect(sink.bytesWritten).toBe(data.length);
  });

  it('appends to an existing file', async () => {
    const path = join(dir, 'append.bin');
    writeFileSync(path, 'head-');
    await pipeline(Readable.from([Buffer.from('tail')]), new FileSink(path, { isAppend: true }));
    expect(readFileSync(path, 'utf8')).toBe('head-tail');
  });

  it('keeps what it gathered when the transfer fails', async () => {
    const path = join(dir, 'cut.bin');
    const sink = new FileSink(path);
    const data = randomBytes(300_000);
    await new Promise<void>((resolve) => sink.write(data, () => resolve()));
    expect(sink.sizeBytes).toBe(data.length);
    const failed = new Promise((resolve) => sink.once('error', resolve));
    sink.destroy(new Error('the data connection closed'));
    expect(await failed).toEqual(new Error('the data connection closed'));
    expect(readFileSync(path).equals(data)).toBe(true);
    expect(sink.bytesWritten).toBe(data.length);
  });

  it('takes bytes synchronously (the direct path of the engine), after gathered chunks too, then ends', async () => {
    const data = randomBytes(3 * (1 << 20) + 999);
    const path = join(dir, 'sync.bin');
    const sink = new FileSink(path);
    expect(canWriteSync(sink)).toBe(true);
    // The engine reuses its buffer at once: the sink must be done with it when the call returns.
    const reused = Buffer.alloc(1 << 20);
    data.copy(reused, 0, 0, 1 << 20);
    sink[WRITE_SYNC](reused, 0, 1 << 20);
    reused.fill(0);
    await new Promise<void>((resolve) => sink.write(data.subarray(1 << 20, (1 << 20) + 10), () => resolve()));
    sink[WRITE_SYNC](data, (1 << 20) + 10, data.length - (1 << 20) - 10);
    await new Promise<void>((resolve) => sink.end(resolve));
    expect(readFileSync(path).equals(data)).toBe(true);
    expect(sink.bytesWritten).toBe(data.length);
    expect(() => sink[WRITE_SYNC](data, 0, 1)).toThrow(/closed/);
  });

  it('refuses a file it cannot open, at once', () => {
    expect(() => new FileSink(join(dir, 'no-such-folder', 'x.bin'))).toThrow(/ENOENT/);
  });
});
