/**
 * The pipelined reader against a scripted SFTP channel: file order kept when answers come out of
 * order, a small file in one round of requests, a server that caps its READ length, a file that
 * grows or shrinks while it is read, backpressure, errors and aborts.
 */
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { SftpAbortedError } from '../../../electron/sftp/errors';
import { pipelinedRead, type ReadChannel } from '../../../electron/sftp/pipelinedRead';

interface Script {
  /** The file's bytes (may change while reading). */
  file: Buffer;
  /** Most bytes one READ answers. */
  cap?: number;
  /** Answer in reverse order of asking, in batches. */
  isReversed?: boolean;
  /** Fail the READ at this offset. */
  failAt?: number;
}

function scripted(script: Script): ReadChannel & { asked: Array<[number, number]>; flushAll(): void } {
  const waiting: Array<() => void> = [];
  const asked: Array<[number, number]> = [];
  const channel = {
    asked,
    read(position: number, length: number, done: (err: Error | undefined, data: Buffer | undefined, isEof: boolean) => void) {
      asked.push([position, length]);
      const answer = () => {
        if (position === script.failAt) return done(Object.assign(new Error('Failure'), { code: 4 }), undefined, false);
        if (position >= script.file.length) return done(undefined, undefined, true);
        const n = Math.min(length, script.cap ?? length, script.file.length - position);
        done(undefined, Buffer.from(script.file.subarray(position, position + n)), false);
      };
      waiting.push(answer);
      queueMicrotask(() => channel.flushAll());
    },
    flushAll() {
      const batch = waiting.splice(0);
      if (script.isReversed) batch.reverse();
      for (const answer of batch) answer();
    },
  };
  return channel;
}

function sink(): Writable & { bytes(): Buffer } {
  const chunks: Buffer[] = [];
  const w = new Writable({
    write(chunk: Buffer, _enc, done) {
      chunks.push(chunk);
      done();
    },
  }) as Writable & { bytes(): Buffer };
  w.bytes = () => Buffer.concat(chunks);
  return w;
}

const bytes = (n: number) => Buffer.from(Array.from({ length: n }, (_, i) => (i * 7 + (i >> 8)) & 0xff));

describe('pipelinedRead', () => {
  it('writes in file order even when answers come in reverse', async () => {
    const file = bytes(100_000);
    const to = sink();
    const summary = await pipelinedRead(scripted({ file, isReversed: true }), to, { offset: 0, size: Promise.resolve(file.length), chunkBytes: 4096, maxInFlight: 16 });
    expect(to.bytes().equals(file)).toBe(true);
    expect(summary.bytes).toBe(file.length);
    expect(summary.peakInFlight).toBe(16);
  });

  it('reads a small file with the first two requests and asks nothing more', async () => {
    const file = bytes(1000);
    const channel = scripted({ file });
    const to = sink();
    await pipelinedRead(channel, to, { offset: 0, size: Promise.resolve(file.length), chunkBytes: 4096, maxInFlight: 16 });
    expect(to.bytes().equals(file)).toBe(true);
    expect(channel.asked).toEqual([[0, 4096], [4096, 4096]]);
  });

  it('waits for a size that comes after the answers instead of asking again', async () => {
    const file = bytes(1000);
    const channel = scripted({ file });
    const to = sink();
    let tellSize: (n: number) => void = () => undefined;
    const size = new Promise<number>((resolve) => (tellSize = resolve));
    const reading = pipelinedRead(channel, to, { offset: 0, size, chunkBytes: 4096, maxInFlight: 16 });
    await new Promise((r) => setImmediate(r));
    tellSize(file.length);
    await reading;
    expect(to.bytes().equals(file)).toBe(true);
    expect(channel.asked).toEqual([[0, 4096], [4096, 4096]]);
  });

  it('reads an empty file and a file of exactly two chunks', async () => {
    const empty = sink();
    await pipelinedRead(scripted({ file: Buffer.alloc(0) }), empty, { offset: 0, size: Promise.resolve(0), chunkBytes: 4096, maxInFlight: 4 });
    expect(empty.bytes().length).toBe(0);
    const file = bytes(8192);
    const to = sink();
    await pipelinedRead(scripted({ file }), to, { offset: 0, size: Promise.resolve(8192), chunkBytes: 4096, maxInFlight: 4 });
    expect(to.bytes().equals(file)).toBe(true);
  });

  it('asks again past a short answer before the size, and asks less from then on', async () => {
    const file = bytes(50_000);
    const channel = scripted({ file, cap: 3000 });
    const to = sink();
    const summary = await pipelinedRead(channel, to, { offset: 0, size: Promise.resolve(file.length), chunkBytes: 8192, maxInFlight: 8 });
    expect(to.bytes().equals(file)).toBe(true);
    expect(summary.chunkBytes).toBe(3000);
  });

  it('starts at an offset', async () => {
    const file = bytes(30_000);
    const to = sink();
    await pipelinedRead(scripted({ file }), to, { offset: 12_345, size: Promise.resolve(file.length), chunkBytes: 4096, maxInFlight: 8 });
    expect(to.bytes().equals(file.subarray(12_345))).toBe(true);
  });

  it('reads on to EOF when the file grew after FSTAT, and without any size', async () => {
    const file = bytes(40_000);
    const grown = sink();
    await pipelinedRead(scripted({ file }), grown, { offset: 0, size: Promise.resolve(10_000), chunkBytes: 4096, maxInFlight: 4 });
    expect(grown.bytes().equals(file)).toBe(true);
    const unknown = sink();
    await pipelinedRead(scripted({ file, cap: 1000 }), unknown, { offset: 0, size: Promise.reject(new Error('no FSTAT')), chunkBytes: 4096, maxInFlight: 4 });
    expect(unknown.bytes().equals(file)).toBe(true);
  });

  it('ends short when the file shrank after FSTAT', async () => {
    const file = bytes(5000);
    const to = sink();
    const summary = await pipelinedRead(scripted({ file }), to, { offset: 0, size: Promise.resolve(20_000), chunkBytes: 4096, maxInFlight: 8 });
    expect(summary.bytes).toBe(5000);
    expect(to.bytes().equals(file)).toBe(true);
  });

  it('stops asking while the target is full', async () => {
    const file = bytes(200_000);
    const channel = scripted({ file });
    let release: (() => void) | undefined;
    const chunks: Buffer[] = [];
    const slow = new Writable({
      highWaterMark: 1,
      write(chunk: Buffer, _enc, done) {
        chunks.push(chunk);
        release = done;
      },
    });
    const reading = pipelinedRead(channel, slow, { offset: 0, size: Promise.resolve(file.length), chunkBytes: 4096, maxInFlight: 8 });
    await new Promise((r) => setTimeout(r, 20));
    // Blocked after the first chunk: only what was already asked is in flight, nothing more.
    expect(channel.asked.length).toBeLessThanOrEqual(2 + 8);
    while (Buffer.concat(chunks).length < file.length) {
      const r = release;
      release = undefined;
      r?.();
      await new Promise((resolve) => setImmediate(resolve));
    }
    release?.();
    await reading;
    expect(Buffer.concat(chunks).equals(file)).toBe(true);
  });

  it('rejects with the first refused READ and with an abort', async () => {
    const file = bytes(50_000);
    await expect(pipelinedRead(scripted({ file, failAt: 8192 }), sink(), { offset: 0, size: Promise.resolve(file.length), chunkBytes: 4096, maxInFlight: 8 })).rejects.toMatchObject({ code: 4 });
    const controller = new AbortController();
    controller.abort();
    await expect(pipelinedRead(scripted({ file }), sink(), { offset: 0, size: Promise.resolve(file.length), chunkBytes: 4096, maxInFlight: 8, signal: controller.signal })).rejects.toBeInstanceOf(SftpAbortedError);
  });
});
