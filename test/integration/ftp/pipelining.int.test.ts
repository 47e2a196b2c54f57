/**
 * The next transfer's passive command pipelined behind the current data command
 * (DownloadOptions/UploadOptions.prepareNext): sent in the same write, answered after the
 * transfer's final reply, and used by the next transfer without a mode command of its own.
 * Against every real server, plain and over explicit FTPS; and on the scripted fault server for
 * servers that answer it out of turn: one that answers 500 during the transfer (pure-ftpd when
 * the command arrives in a read of its own), one that takes it and drops the transfer (pyftpdlib).
 */
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { FileSink } from '../../../electron/cli/fileSink';
import { FtpAbortedError, FtpConnectionError, FtpReplyError, isTransient, type FtpLogEvent } from '../../../electron/ftp';
import { SERVER_KINDS, startServer, type RunningServer } from '../../servers';
import { retrTricklingUntilAborted } from '../../servers/faultServer';
import { commands, connect, FILE, faultServer, open, sha256, sink, stopAll, tempDir } from './harness';

const FILES = ['a.bin', 'b.bin', 'c.bin'].map((name, i) => ({ name, data: randomBytes(8 * 1024 + i) }));
const local = tempDir('ferry-pipelining-');

/** The commands and reply codes of the log in order, from `from`. */
function exchange(log: FtpLogEvent[], from = 0): Array<string | number | undefined> {
  return log.slice(from).filter((e) => e.kind === 'command' || e.kind === 'reply').map((e) => (e.kind === 'command' ? e.text : e.code));
}

/** Servers that answer a command sent behind a transfer after it; pyftpdlib takes it at once (below). */
const QUEUEING = SERVER_KINDS.filter((kind) => kind !== 'pyftpdlib');

describe.each(QUEUEING)('pipelined passive commands on %s', (kind) => {
  let srv: RunningServer;

  beforeAll(async () => {
    srv = await startServer(kind, { tls: true });
    for (const file of FILES) writeFileSync(join(srv.homeDir, file.name), file.data);
  });

  afterAll(async () => {
    await srv?.stop();
  });

  for (const tls of ['none', 'explicit'] as const) {

    it(`downloads ask for the next port behind each RETR, one exchange per file (TLS ${tls})`, async () => {
      const log: FtpLogEvent[] = [];
      const s = await open(srv, { tls, trustedFingerprint: srv.certFingerprint256 }, log);
      try {
        const from = log.length;
        for (const [i, file] of FILES.entries()) {
          const path = join(local, `${kind}-${tls}-${file.name}`);
          await s.download(file.name, new FileSink(path), { prepareNext: i < FILES.length - 1 });
          expect(sha256(readFileSync(path))).toBe(sha256(file.data));
        }
        const sent = commands(log.slice(from)).filter((c) => c !== 'TYPE I');
        expect(sent).toEqual(['EPSV', 'RETR a.bin', 'EPSV', 'RETR b.bin', 'EPSV', 'RETR c.bin']);
        // Each pipelined EPSV went out before the 226 of the RETR in front of it, and its 229 came after.
        const codes = exchange(log, from);
        const first = codes.indexOf('RETR a.bin');
        expect(codes.slice(first, first + 2)).toEqual(['RETR a.bin', 'EPSV']);
        const finalIndex = codes.indexOf(226, first);
        expect(codes[finalIndex + 1]).toBe(229);
        expect(s.isPipeliningRefused).toBe(false);
      } finally {
        await s.close();
      }
    });

    it(`uploads ask for the next port behind each STOR and send data at once (TLS ${tls})`, async () => {
      const log: FtpLogEvent[] = [];
      const s = await open(srv, { tls, trustedFingerprint: srv.certFingerprint256 }, log);
      try {
        const from = log.length;
        for (const [i, file] of FILES.entries()) {
          await s.upload(Readable.from([file.data]), `up-${tls}-${file.name}`, { prepareNext: i < FILES.length - 1 });
        }
        for (const file of FILES) expect(sha256(readFileSync(join(srv.homeDir, `up-${tls}-${file.name}`)))).toBe(sha256(file.data));
        const sent = commands(log.slice(from)).filter((c) => c !== 'TYPE I');
        expect(sent).toEqual([
          'EPSV', `STOR up-${tls}-a.bin`, 'EPSV', `STOR up-${tls}-b.bin`, 'EPSV', `STOR up-${tls}-c.bin`,
        ]);
      } finally {
        await s.close();
      }
    });
  }

  it('a file the server refuses (550) keeps the port asked for behind it, and replies stay paired', async () => {
    const log: FtpLogEvent[] = [];
    const s = await open(srv, {}, log);
    try {
      await s.download('a.bin', memorySinkFor(), { prepareNext: true });
      const from = log.length;
      await expect(s.download('missing.bin', memorySinkFor(), { prepareNext: true })).rejects.toMatchObject({ code: 550 });
      const path = join(local, `${kind}-after-550.bin`);
      await s.download('b.bin', new FileSink(path));
      expect(sha256(readFileSync(path))).toBe(sha256(FILES[1].data));
      expect(commands(log.slice(from))).toEqual(['RETR missing.bin', 'EPSV', 'RETR b.bin']);
      expect(await s.size('c.bin')).toBe(FILES[2].data.length);
    } finally {
      await s.close();
    }
  });

  it('an aborted download drops the port asked for behind it; the next transfer asks again and the session is in step', async () => {
    const big = randomBytes(8 << 20);
    writeFileSync(join(srv.homeDir, 'big.bin'), big);
    const log: FtpLogEvent[] = [];
    const s = await open(srv, {}, log);
    try {
      await s.download('a.bin', memorySinkFor(), { prepareNext: true });
      const controller = new AbortController();
      const aborted = s.download('big.bin', memorySinkFor(), {
        prepareNext: true,
        signal: controller.signal,
        onProgress: () => controller.abort(),
      });
      await expect(aborted).rejects.toBeInstanceOf(FtpAbortedError);
      const from = log.length;
      const path = join(local, `${kind}-after-abort.bin`);
      await s.download('c.bin', new FileSink(path));
      expect(sha256(readFileSync(path))).toBe(sha256(FILES[2].data));
      expect(commands(log.slice(from)).filter((c) => c !== 'NOOP')[0]).toBe('EPSV');
      expect(await s.size('a.bin')).toBe(FILES[0].data.length);
    } finally {
      await s.close();
    }
  });
});

describe('pipelined passive commands on pyftpdlib', () => {
  let srv: RunningServer;
  const kind = 'pyftpdlib';

  beforeAll(async () => {
    srv = await startServer(kind);
    for (const file of FILES) writeFileSync(join(srv.homeDir, file.name), file.data);
  });

  afterAll(async () => {
    await srv?.stop();
  });

  it('a server that takes the command during the transfer is noticed: the transfer fails as transient, pipelining stops', async () => {
    const log: FtpLogEvent[] = [];
    const s = await open(srv, {}, log);
    const failed = await s.download('a.bin', memorySinkFor(), { prepareNext: true }).then(() => undefined, (err: unknown) => err);
    expect(s.isPipeliningRefused).toBe(true);
    expect(failed).toBeInstanceOf(FtpConnectionError);
    expect(isTransient(failed)).toBe(true);
    s.destroy();
    // A later session told what was learnt does not pipeline, and transfers work.
    const later: FtpLogEvent[] = [];
    const again = await open(srv, { pipelining: false }, later);
    try {
      for (const file of FILES) {
        const path = join(local, `${kind}-nopipe-${file.name}`);
        await again.download(file.name, new FileSink(path), { prepareNext: true });
        expect(sha256(readFileSync(path))).toBe(sha256(file.data));
      }
      expect(commands(later).filter((c) => c === 'EPSV')).toHaveLength(FILES.length);
    } finally {
      await again.close();
    }
  });
});

/** A target whose content the test does not look at. */
function memorySinkFor(): NodeJS.WritableStream {
  return sink();
}

describe('servers that answer a pipelined command out of turn (fault server)', () => {
  afterEach(stopAll);

  it('500 during the transfer (pure-ftpd): the real 226 is taken from behind, the file is whole, pipelining stops once', async () => {
    const srv = await faultServer({ files: { 'a.bin': FILE, 'b.bin': FILE, 'c.bin': FILE }, behindTransfer: 'reject' });
    const log: FtpLogEvent[] = [];
    const s = await connect(srv, {}, log);
    const sinks = [sink(), sink(), sink()];
    await s.download('a.bin', sinks[0], { prepareNext: true });
    expect(s.isPipeliningRefused).toBe(true);
    const from = log.length;
    await s.download('b.bin', sinks[1], { prepareNext: true });
    await s.download('c.bin', sinks[2]);
    for (const target of sinks) expect(sha256(target.data())).toBe(sha256(FILE));
    // Asked for after each transfer from now on: nothing more is pipelined.
    expect(commands(log.slice(from))).toEqual(['EPSV', 'RETR b.bin', 'EPSV', 'RETR c.bin']);
    expect(log.filter((e) => e.text.includes('out of turn'))).toHaveLength(1);
    expect(await s.size('a.bin')).toBe(FILE.length);
  });

  it('500 during an upload: the upload completes and replies stay paired', async () => {
    const srv = await faultServer({ behindTransfer: 'reject' });
    const s = await connect(srv);
    await s.upload(Readable.from([FILE]), 'up.bin', { prepareNext: true });
    await s.upload(Readable.from([FILE]), 'up2.bin', { prepareNext: true });
    expect(sha256(srv.files.get('up.bin')!)).toBe(sha256(FILE));
    expect(sha256(srv.files.get('up2.bin')!)).toBe(sha256(FILE));
    expect(s.isPipeliningRefused).toBe(true);
    expect(await s.size('up.bin')).toBe(FILE.length);
  });

  it('a refused file before any 1yz: the pipelined command is answered normally and used', async () => {
    const srv = await faultServer({ files: { 'a.bin': FILE }, behindTransfer: 'reject' });
    const log: FtpLogEvent[] = [];
    const s = await connect(srv, {}, log);
    await s.download('a.bin', sink());
    const from = log.length;
    await expect(s.download('missing.bin', sink(), { prepareNext: true })).rejects.toBeInstanceOf(FtpReplyError);
    const target = sink();
    await s.download('a.bin', target);
    expect(sha256(target.data())).toBe(sha256(FILE));
    expect(commands(log.slice(from)), commands(log.slice(from)).join(', ')).toEqual(['EPSV', 'RETR missing.bin', 'EPSV', 'RETR a.bin']);
    expect(s.isPipeliningRefused).toBe(false);
  });

  it('a server that takes the passive command and drops the transfer (pyftpdlib): a transient failure, the session closes, pipelining is refused', async () => {
    const srv = await faultServer({ files: { 'a.bin': FILE, 'b.bin': FILE }, behindTransfer: 'take' });
    const s = await connect(srv);
    await s.download('a.bin', sink());
    const failed = await s.download('b.bin', sink(), { prepareNext: true }).then(() => undefined, (err: unknown) => err);
    expect(failed).toBeInstanceOf(FtpConnectionError);
    expect(isTransient(failed)).toBe(true);
    expect(s.isPipeliningRefused).toBe(true);
    await vi.waitFor(() => expect(s.isClosed).toBe(true));
  });

  it('an abort with a pipelined command behind the transfer keeps replies paired (fault server, queueing)', async () => {
    const srv = await faultServer({ files: { 'a.bin': FILE }, handlers: { RETR: retrTricklingUntilAborted(1024) } });
    const s = await connect(srv);
    await expect(s.list()).resolves.toBeDefined();
    const controller = new AbortController();
    const download = s.download('slow.bin', sink(), { prepareNext: true, signal: controller.signal, onProgress: () => controller.abort() });
    await expect(download).rejects.toBeInstanceOf(FtpAbortedError);
    expect(await s.size('a.bin')).toBe(FILE.length);
    await expect(s.list()).resolves.toBeDefined();
  });
});
