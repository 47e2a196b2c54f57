// The engine's direct data path (electron/ftp/data/receiveDirect.ts, sendDirect.ts): downloads
// into a target with a synchronous write and uploads from a source with a synchronous read skip
// the stream pipeline. The same semantics as the pipeline are checked here against the scripted
// fault server: byte-identical results in every data strategy, progress, abort, early closes,
// resets and local failures as typed errors, and a session that stays usable.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { FileSink } from '../../../electron/cli/fileSink';
import { FileSource } from '../../../electron/cli/fileSource';
import { FtpAbortedError, FtpConnectionError, FtpReplyError, isTransient } from '../../../electron/ftp';
import { READ_SYNC, WRITE_SYNC, type SyncReadSource, type SyncWriteTarget } from '../../../electron/ftp/data/syncIo';
import { retrTricklingUntilAborted, storStoppedWith452 } from '../../servers/faultServer';
import { connect, faultServer, stopAll, tempDir } from './harness';

afterEach(stopAll);

/** Big enough to fill the 1 MiB read buffer several times, with an odd tail. */
const BIG = Buffer.from(Array.from({ length: 3 * 1024 * 1024 + 12_345 }, (_, i) => (i * 7 + (i >> 11)) % 256));
const dir = tempDir('ferry-direct-');
let fileNumber = 0;
const tempPath = () => join(dir, `f${fileNumber++}.bin`);

/** A synchronous in-memory target: copies what it is given (the engine reuses its buffer), records how it ended. */
class MemoryTarget extends Writable implements SyncWriteTarget {
  readonly chunks: Buffer[] = [];
  calls = 0;
  isFinished = false;
  destroyedWith?: Error | null;
  constructor(private readonly failAfterBytes = Infinity) {
    super();
    this.on('finish', () => (this.isFinished = true));
    this.on('error', () => undefined);
  }
  [WRITE_SYNC](data: Buffer, offset: number, length: number): void {
    this.calls++;
    if (this.data().length + length > this.failAfterBytes) throw Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
    this.chunks.push(Buffer.from(data.subarray(offset, offset + length)));
  }
  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: () => void): void {
    this.chunks.push(Buffer.from(chunk));
    callback();
  }
  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    this.destroyedWith = error;
    callback(error);
  }
  data(): Buffer {
    return Buffer.concat(this.chunks);
  }
}

/** A synchronous in-memory source that fails after `failAfterBytes`. */
class FailingSource extends Readable implements SyncReadSource {
  private position = 0;
  constructor(private readonly data: Buffer, private readonly failAfterBytes: number) {
    super();
  }
  [READ_SYNC](into: Buffer, offset: number, length: number): number {
    if (this.position >= this.failAfterBytes) throw Object.assign(new Error('input/output error'), { code: 'EIO' });
    const n = this.data.copy(into, offset, this.position, Math.min(this.data.length, this.position + length));
    this.position += n;
    return n;
  }
  override _read(): void {
    this.push(null);
  }
}

describe('direct downloads into a synchronous target', () => {
  it.each(['EPSV', 'PASV', 'EPRT', 'PORT'] as const)('arrive byte-identical in a FileSink with %s, ending the file', async (strategy) => {
    const s = await faultServer({ files: { 'big.bin': BIG } });
    const session = await connect(s, { dataStrategy: strategy });
    const path = tempPath();
    const file = new FileSink(path);
    const finished = new Promise((resolve) => file.once('finish', resolve));
    const progress: number[] = [];
    const result = await session.download('big.bin', file, { onProgress: (bytes) => progress.push(bytes) });
    await finished;
    expect(result.bytes).toBe(BIG.length);
    expect(readFileSync(path).equals(BIG)).toBe(true);
    expect(file.bytesWritten).toBe(BIG.length);
    expect(progress.length).toBeGreaterThan(1);
    expect(progress.every((bytes, i) => i === 0 || bytes > progress[i - 1])).toBe(true);
    expect(progress.at(-1)).toBe(BIG.length);
    expect(await session.pwd()).toBe('/');
  });

  it('resumes from an offset (REST) into a file opened for appending', async () => {
    const s = await faultServer({ files: { 'big.bin': BIG } });
    const session = await connect(s);
    const path = tempPath();
    writeFileSync(path, BIG.subarray(0, 1_000_000));
    const result = await session.download('big.bin', new FileSink(path, { isAppend: true }), { offset: 1_000_000 });
    expect(result.bytes).toBe(BIG.length - 1_000_000);
    expect(readFileSync(path).equals(BIG)).toBe(true);
    expect(s.commands.slice(-2)).toEqual(['REST 1000000', 'RETR big.bin']);
  });

  it('hands the target big slices, not one call per network read', async () => {
    const s = await faultServer({ files: { 'big.bin': BIG } });
    const session = await connect(s, { dataStrategy: 'EPSV' });
    const target = new MemoryTarget();
    await session.download('big.bin', target);
    expect(target.data().equals(BIG)).toBe(true);
    expect(target.isFinished).toBe(true);
    // 1 MiB buffer handed over when less than 64 KiB is free: a handful of calls for 3 MiB.
    expect(target.calls).toBeLessThanOrEqual(8);
  });

  it('takes the ordinary pipeline in ASCII mode', async () => {
    const s = await faultServer({ files: { 't.txt': 'one\r\ntwo\r\n' } });
    const session = await connect(s);
    const target = new MemoryTarget();
    await session.download('t.txt', target, { type: 'ascii' });
    expect(target.data().toString()).toBe('one\ntwo\n');
    expect(target.calls).toBe(0);
  });

  it('an abort mid-transfer gives FtpAbortedError, keeps what arrived, and leaves the session usable', async () => {
    const s = await faultServer({ files: { 'a.bin': BIG }, handlers: { RETR: retrTricklingUntilAborted(64 * 1024) } });
    const session = await connect(s);
    const controller = new AbortController();
    const path = tempPath();
    const file = new FileSink(path);
    const err = await session.download('a.bin', file, {
      signal: controller.signal,
      onProgress: (bytes) => bytes > 256 * 1024 && controller.abort(),
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FtpAbortedError);
    expect(s.commands).toContain('ABOR');
    expect(file.destroyed).toBe(true);
    // What arrived reached the file, so --resume can continue after it.
    expect(readFileSync(path).length).toBeGreaterThan(256 * 1024);
    expect(readFileSync(path).every((byte) => byte === 7)).toBe(true);
    expect((await session.list()).map((e) => e.name)).toEqual(['a.bin']);
  });

  it('session.abort() during a direct download drains the replies and the session stays in step', async () => {
    const s = await faultServer({ files: { 'a.bin': BIG }, handlers: { RETR: retrTricklingUntilAborted(64 * 1024), ABOR: (session) => session.reply(226, 'Abort successful') } });
    const session = await connect(s, { dataStrategy: 'EPRT' });
    const download = session.download('a.bin', new MemoryTarget(), { onProgress: () => void session.abort() });
    await expect(download).rejects.toBeInstanceOf(FtpAbortedError);
    expect(await session.pwd()).toBe('/');
  });

  it('a data connection closed early followed by 426 is a transient FtpReplyError', async () => {
    const s = await faultServer({
      files: { 'a.bin': BIG },
      handlers: {
        RETR: async (session) => {
          session.reply(150, `Opening (${BIG.length} bytes)`);
          const data = await session.dataSocket();
          await new Promise<void>((resolve) => data.end(BIG.subarray(0, 100_000), () => resolve()));
          session.reply(426, 'Connection closed; transfer aborted');
        },
      },
    });
    const session = await connect(s);
    const target = new MemoryTarget();
    const err = await session.download('a.bin', target).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FtpReplyError);
    expect((err as FtpReplyError).code).toBe(426);
    expect(isTransient(err)).toBe(true);
    // The 426 may overtake the data: whatever arrived is a prefix of what was sent.
    const got = target.data();
    expect(got.length).toBeLessThanOrEqual(100_000);
    expect(got.equals(BIG.subarray(0, got.length))).toBe(true);
    expect((await session.list()).length).toBe(1);
  });

  it('a data connection closed early followed by 226 is caught against the announced size', async () => {
    const s = await faultServer({
      handlers: {
        RETR: async (session) => {
          session.reply(150, `Opening BINARY mode data connection for a.bin (${BIG.length} bytes)`);
          const data = await session.dataSocket();
          await new Promise<void>((resolve) => data.end(BIG.subarray(0, 1000), () => resolve()));
          session.reply(226, 'Transfer complete');
        },
      },
    });
    const session = await connect(s);
    const err = await session.download('a.bin', new MemoryTarget()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FtpConnectionError);
    expect(String(err)).toMatch(`received 1000 of ${BIG.length}`);
  });

  it('a data connection reset mid-transfer is a transient FtpConnectionError and the target is destroyed', async () => {
    let hasArrived: () => void = () => undefined;
    const isArriving = new Promise<void>((resolve) => (hasArrived = resolve));
    const s = await faultServer({
      handlers: {
        RETR: async (session) => {
          session.reply(150, `Opening (${BIG.length} bytes)`);
          const data = await session.dataSocket();
          data.write(BIG.subarray(0, 200_000));
          // Reset once the client has all that was sent, so the reset is all that follows.
          await isArriving;
          data.resetAndDestroy();
          session.reply(426, 'Connection reset');
        },
      },
    });
    const session = await connect(s);
    const target = new MemoryTarget();
    const err = await session.download('a.bin', target, { onProgress: (bytes) => bytes >= 200_000 && hasArrived() }).catch((e: unknown) => e);
    expect(isTransient(err)).toBe(true);
    expect(err instanceof FtpConnectionError || (err instanceof FtpReplyError && err.code === 426)).toBe(true);
    expect(target.destroyed).toBe(true);
    expect(target.isFinished).toBe(false);
    expect(await session.pwd()).toBe('/');
  });

  it('a failing target wins over the 426 it provokes; the session stays usable', async () => {
    const s = await faultServer({ files: { 'big.bin': BIG } });
    const session = await connect(s);
    const target = new MemoryTarget(1024 * 1024);
    const err = await session.download('big.bin', target).catch((e: unknown) => e);
    expect((err as { code?: string }).code).toBe('ENOSPC');
    expect(isTransient(err)).toBe(false);
    expect(target.destroyedWith).toBe(err);
    expect(await session.pwd()).toBe('/');
  });

  it('a 550 to RETR is a permanent FtpReplyError and the target is left alone', async () => {
    const s = await faultServer();
    const session = await connect(s);
    const target = new MemoryTarget();
    const err = await session.download('missing.bin', target).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 550, command: 'RETR missing.bin' });
    expect(target.calls).toBe(0);
    expect(await session.pwd()).toBe('/');
  });
});

describe('pooled buffers', () => {
  it('concurrent and consecutive direct transfers on several sessions never mix their data', async () => {
    const files = Object.fromEntries(Array.from({ length: 6 }, (_, i) => [`f${i}.bin`, Buffer.concat([BIG.subarray(i * 1000), Buffer.alloc(i * 70_001, i + 1)])]));
    const s = await faultServer({ files });
    const sessions = await Promise.all((['EPSV', 'EPRT', 'PASV'] as const).map((strategy) => connect(s, { dataStrategy: strategy })));
    await Promise.all(sessions.map(async (session, n) => {
      for (let round = 0; round < 3; round++) {
        for (const [name, data] of Object.entries(files)) {
          const target = new MemoryTarget();
          await session.download(name, target);
          expect(target.data().equals(data)).toBe(true);
          const path = tempPath();
          writeFileSync(path, data);
          await session.upload(new FileSource(path), `up-${n}-${name}`);
          expect(s.files.get(`up-${n}-${name}`)?.equals(data)).toBe(true);
        }
      }
    }));
  });
});

describe('direct uploads from a synchronous source', () => {
  it.each(['EPSV', 'PASV', 'EPRT', 'PORT'] as const)('arrive byte-identical from a FileSource with %s', async (strategy) => {
    const s = await faultServer();
    const session = await connect(s, { dataStrategy: strategy });
    const path = tempPath();
    writeFileSync(path, BIG);
    const source = new FileSource(path);
    const progress: number[] = [];
    const result = await session.upload(source, 'up.bin', { onProgress: (bytes) => progress.push(bytes) });
    expect(result.bytes).toBe(BIG.length);
    expect(s.files.get('up.bin')?.equals(BIG)).toBe(true);
    expect(progress.at(-1)).toBe(BIG.length);
    // The engine closes the file when the upload is over.
    expect(source.destroyed).toBe(true);
  });

  it('a FileSource from an offset appends the rest (APPE) and reads as a stream in ASCII mode', async () => {
    const s = await faultServer({ files: { 'p.bin': BIG.subarray(0, 500_000) } });
    const session = await connect(s);
    const path = tempPath();
    writeFileSync(path, BIG);
    await session.upload(new FileSource(path, { start: 500_000 }), 'p.bin', { append: true });
    expect(s.files.get('p.bin')?.equals(BIG)).toBe(true);
    const text = tempPath();
    writeFileSync(text, 'a\nb\n');
    await session.upload(new FileSource(text), 'u.txt', { type: 'ascii' });
    expect(s.files.get('u.txt')?.toString()).toBe('a\r\nb\r\n');
  });

  it('a source that fails to read gives its own error, not the 426 it provokes', async () => {
    const s = await faultServer();
    const session = await connect(s);
    const err = await session.upload(new FailingSource(BIG, 2 * 1024 * 1024), 'up.bin').catch((e: unknown) => e);
    expect((err as { code?: string }).code).toBe('EIO');
    expect(isTransient(err)).toBe(false);
    expect(await session.pwd()).toBe('/');
  });

  it('an upload the server stops with 452 is a transient FtpReplyError', async () => {
    const s = await faultServer({ handlers: { STOR: storStoppedWith452 } });
    const session = await connect(s);
    const path = tempPath();
    writeFileSync(path, Buffer.concat([BIG, BIG, BIG, BIG, BIG, BIG]));
    const err = await session.upload(new FileSource(path), 'u.bin').catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 452, command: 'STOR u.bin' });
    expect(isTransient(err)).toBe(true);
    expect(await session.pwd()).toBe('/');
  });

  it('an abort mid-upload gives FtpAbortedError and the session stays usable', async () => {
    const s = await faultServer({
      handlers: {
        STOR: async (session) => {
          session.reply(150, 'Ok to send data');
          const data = await session.dataSocket();
          // Read nothing, so the upload is still running when it is aborted (the server answers 426, then 226).
          data.pause();
          await session.aborted;
          data.destroy();
        },
      },
    });
    const session = await connect(s);
    const path = tempPath();
    writeFileSync(path, Buffer.concat([BIG, BIG, BIG, BIG, BIG, BIG]));
    const controller = new AbortController();
    const upload = session.upload(new FileSource(path), 'u.bin', { signal: controller.signal, onProgress: () => controller.abort() });
    await expect(upload).rejects.toBeInstanceOf(FtpAbortedError);
    expect(await session.pwd()).toBe('/');
  });
});
