/**
 * Aborting transfers and listings against the scripted fault server: ABOR with every reply order
 * servers use, and a session that stays in step afterwards.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { FtpAbortedError } from '../../../electron/ftp';
import { retrTricklingUntilAborted } from '../../servers/faultServer';
import { connect, faultServer, FILE, sink, stopAll } from './harness';

afterEach(stopAll);

describe('abort', () => {
  it('ABOR drains 426 then 226, and a listing works afterwards', async () => {
    const s = await faultServer({ files: { 'a.bin': FILE }, handlers: { RETR: retrTricklingUntilAborted(1024) } });
    const session = await connect(s);
    const controller = new AbortController();
    const err = await session.download('a.bin', sink(), {
      signal: controller.signal,
      onProgress: (bytes) => bytes > 2048 && controller.abort(),
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FtpAbortedError);
    expect(s.commands).toContain('ABOR');
    expect((await session.list()).map((e) => e.name)).toEqual(['a.bin']);
  });

  it('ABOR drains a 226 for the transfer then 225 for ABOR', async () => {
    const s = await faultServer({
      files: { 'a.bin': FILE },
      handlers: { RETR: retrTricklingUntilAborted(1024, true), ABOR: (session) => session.reply(225, 'No transfer to ABOR') },
    });
    const session = await connect(s);
    const download = session.download('a.bin', sink(), { onProgress: (bytes) => bytes > 2048 && void session.abort() });
    await expect(download).rejects.toBeInstanceOf(FtpAbortedError);
    expect((await session.list()).length).toBe(1);
    expect(await session.pwd()).toBe('/');
  });

  it('ABOR answered by a single 226 for both commands still leaves the session in step', async () => {
    const s = await faultServer({
      files: { 'a.bin': FILE },
      handlers: { RETR: retrTricklingUntilAborted(1024), ABOR: (session) => session.reply(226, 'Abort successful') },
    });
    const session = await connect(s);
    const controller = new AbortController();
    const download = session.download('a.bin', sink(), { signal: controller.signal, onProgress: () => controller.abort() });
    await expect(download).rejects.toBeInstanceOf(FtpAbortedError);
    expect(await session.pwd()).toBe('/');
    expect((await session.list()).length).toBe(1);
  });

  it('survives a server that discards what follows ABOR in the same read (pure-ftpd)', async () => {
    const s = await faultServer({ files: { 'a.bin': FILE }, handlers: { RETR: retrTricklingUntilAborted(1024) }, discardAfterAbort: true });
    const session = await connect(s);
    const controller = new AbortController();
    const download = session.download('a.bin', sink(), { signal: controller.signal, onProgress: () => controller.abort() });
    await expect(download).rejects.toBeInstanceOf(FtpAbortedError);
    expect(await session.pwd()).toBe('/');
  });

  it('stopping a listStream early aborts the listing and keeps the session usable', async () => {
    const listing = Array.from({ length: 5000 }, (_, i) => `-rw-r--r--    1 ftp ftp 1 Jan 02  2024 f${i}`);
    const s = await faultServer({ listing });
    const session = await connect(s);
    let seen = 0;
    for await (const entry of session.listStream()) {
      expect(entry.name).toBe(`f${seen}`);
      if (++seen === 10) break;
    }
    expect(await session.pwd()).toBe('/');
    expect((await session.list()).length).toBe(5000);
  });

  it('an already aborted signal sends nothing', async () => {
    const s = await faultServer({ files: { 'a.bin': FILE } });
    const session = await connect(s);
    const before = s.commands.length;
    await expect(session.download('a.bin', sink(), { signal: AbortSignal.abort() })).rejects.toBeInstanceOf(FtpAbortedError);
    expect(s.commands.length).toBe(before);
  });
});