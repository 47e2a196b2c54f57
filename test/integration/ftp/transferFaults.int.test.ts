/**
 * Transfers that go wrong, against the scripted fault server: early closes with 426 or 226, 550,
 * a failing local stream and a 452 on upload, each as the right typed error.
 */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { FtpConnectionError, FtpListingTooLargeError, FtpReplyError, isTransient } from '../../../electron/ftp';
import { storStoppedWith452 } from '../../servers/faultServer';
import { connect, faultServer, FILE, sink, stopAll, tempDir } from './harness';
import { FileSink } from '../../../electron/cli/fileSink';

afterEach(stopAll);
const dir = tempDir('ferry-faults-');

describe('transfers that go wrong', () => {
  it('a data connection closed early followed by 426 is a transient FtpReplyError; the session stays usable', async () => {
    const s = await faultServer({
      files: { 'a.bin': FILE },
      handlers: {
        RETR: async (session, arg) => {
          session.reply(150, `Opening (${FILE.length} bytes)`);
          const data = await session.dataSocket();
          await new Promise<void>((resolve) => data.end(session.files.get(arg)!.subarray(0, 1000), () => resolve()));
          session.reply(426, 'Connection closed; transfer aborted');
        },
      },
    });
    const session = await connect(s);
    const err = await session.download('a.bin', sink()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FtpReplyError);
    expect((err as FtpReplyError).code).toBe(426);
    expect(isTransient(err)).toBe(true);
    expect((await session.list()).length).toBe(1);
  });

  it.each(['a file (direct path)', 'a stream'])('keeps what arrived before a 426 when the server refuses at once, into %s', async (target) => {
    // 1 MiB sent and the data connection closed, then 426 straight away: the reply can overtake
    // data still on its way, which must reach the target all the same (a resume starts after it).
    const part = Buffer.alloc(1 << 20, 7);
    const s = await faultServer({
      files: { 'a.bin': Buffer.alloc(4 << 20, 7) },
      handlers: {
        RETR: async (session) => {
          session.reply(150, 'Opening');
          const data = await session.dataSocket();
          data.end(part);
          session.reply(426, 'Connection closed; transfer aborted');
        },
      },
    });
    const session = await connect(s);
    const file = join(dir, `kept-${target.length}.part`);
    const to = target === 'a stream' ? sink() : new FileSink(file);
    const err = await session.download('a.bin', to).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 426 });
    expect(target === 'a stream' ? (to as ReturnType<typeof sink>).data().length : statSync(file).size).toBe(part.length);
    expect(await session.pwd()).toBe('/');
  });

  it('a listing longer than the limit stops with an error naming the limit and how to raise it; the session stays usable', async () => {
    const listing = Array.from({ length: 5000 }, (_, i) => `-rw-r--r--    1 ftp      ftp            1 Jan 02  2024 f${i}`);
    const s = await faultServer({ listing });
    const session = await connect(s, { maxListingEntries: 1000 });
    const err = await session.list().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FtpListingTooLargeError);
    expect(String(err)).toMatch(/more than 1,000 entries.*FERRY_MAX_LISTING_ENTRIES/);
    expect(isTransient(err)).toBe(false);
    expect(await session.pwd()).toBe('/');
    expect(await connect(s, { maxListingEntries: 5000 }).then((other) => other.list())).toHaveLength(5000);
  });

  it('a data connection closed early followed by 226 is caught against the announced size', async () => {
    const s = await faultServer({
      files: { 'a.bin': FILE },
      handlers: {
        RETR: async (session) => {
          session.reply(150, `Opening BINARY mode data connection for a.bin (${FILE.length} bytes)`);
          const data = await session.dataSocket();
          await new Promise<void>((resolve) => data.end(FILE.subarray(0, 1000), () => resolve()));
          session.reply(226, 'Transfer complete');
        },
      },
    });
    const session = await connect(s);
    const err = await session.download('a.bin', sink()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FtpConnectionError);
    expect(String(err)).toMatch(/received 1000 of 50000/);
    expect(isTransient(err)).toBe(true);
  });

  it('a 550 to RETR is a permanent FtpReplyError naming the command', async () => {
    const s = await faultServer();
    const session = await connect(s);
    const err = await session.download('missing.bin', sink()).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 550, command: 'RETR missing.bin' });
    expect(isTransient(err)).toBe(false);
    expect(await session.pwd()).toBe('/');
  });

  it('a failing local writable wins over the 426 it provokes, and the session stays usable', async () => {
    const s = await faultServer({ files: { 'a.bin': FILE } });
    const session = await connect(s);
    const full = new Writable({
      write(_chunk, _encoding, callback) {
        callback(Object.assign(new Error('no space left on device'), { code: 'ENOSPC' }));
      },
    });
    const err = await session.download('a.bin', full).catch((e: unknown) => e);
    expect((err as { code?: string }).code).toBe('ENOSPC');
    expect(isTransient(err)).toBe(false);
    expect(await session.pwd()).toBe('/');
  });

  it('an upload the server stops with 452 is a transient FtpReplyError', async () => {
    const s = await faultServer({ handlers: { STOR: storStoppedWith452 } });
    const session = await connect(s);
    const big = Readable.from((function* () {
      for (let i = 0; i < 2000; i++) yield Buffer.alloc(64 * 1024, 1);
    })());
    const err = await session.upload(big, 'u.bin').catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 452, command: 'STOR u.bin' });
    expect(isTransient(err)).toBe(true);
    expect(await session.pwd()).toBe('/');
  });
});
