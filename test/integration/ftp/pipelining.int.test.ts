/**
 * The next transfer's passive command pipelined behind the current data command
 * (DownloadOptions/UploadOptions.prepareNext): sent in the same write, answered after the
 * transfer's final reply, and used by the next transfer without a mode command of its own. A
 * session's first pipelined command is a NOOP, which shows harmlessly whether the server answers
 * in turn. Against every real server, plain and over explicit FTPS; and on the scripted fault
 * server for servers that answer out of turn: one that answers 500 during the transfer
 * (pure-ftpd when the command arrives in a read of its own), one that answers at once (pyftpdlib,
 * which also drops the transfer's data connection for an EPSV).
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
        // The first transfer proves the server answers in turn (NOOP); from the second on, the next port is asked behind.
        expect(sent).toEqual(['EPSV', 'RETR a.bin', 'NOOP', 'EPSV', 'RETR b.bin', 'EPSV', 'RETR c.bin']);
        const codes = exchange(log, from);
        const first = codes.indexOf('RETR a.bin');
        expect(codes.slice(first, first + 2)).toEqual(['RETR a.bin', 'NOOP']);
        expect(codes.indexOf(200, first)).toBeGreaterThan(codes.indexOf(226, first));
        // The pipelined EPSV went out before the 226 of the RETR in front of it, and its 229 came after.
        const second = codes.indexOf('RETR b.bin');
        expect(codes.slice(second, second + 2)).toEqual(['RETR b.bin', 'EPSV']);
        expect(codes[codes.indexOf(226, second) + 1]).toBe(229);
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
          'EPSV', `STOR up-${tls}-a.bin`, 'NOOP', 'EPSV', `STOR up-${tls}-b.bin`, 'EPSV', `STOR up-${tls}-c.bin`,
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
      expect(commands(log.slice(from))).toEqual(['EPSV', 'RETR missing.bin', 'EPSV', 'RETR b.bin']);
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

  for (const direction of ['download', 'upload'] as const) {
    it(`a server that answers during the transfer is found out by the NOOP, without harm: every ${direction} whole, pipelining stops`, async () => {
      const log: FtpLogEvent[] = [];
      const s = await open(srv, {}, log);
      try {
        for (const [i, file] of FILES.entries()) {
          const options = { prepareNext: i < FILES.length - 1 };
          if (direction === 'download') {
            const path = join(local, `${kind}-probe-${file.name}`);
            await s.download(file.name, new FileSink(path), options);
            expect(sha256(readFileSync(path))).toBe(sha256(file.data));
          } else {
            await s.upload(Readable.from([file.data]), `up-probe-${file.name}`, options);
            expect(sha256(readFileSync(join(srv.homeDir, `up-probe-${file.name}`)))).toBe(sha256(file.data));
          }
        }
        expect(s.isPipeliningRefused).toBe(true);
        // One NOOP, then each port asked for after the transfer before it.
        expect(commands(log).filter((c) => c === 'NOOP')).toHaveLength(1);
        expect(commands(log).filter((c) => c === 'EPSV')).toHaveLength(FILES.length);
        expect(log.filter((e) => e.text.includes('out of turn'))).toHaveLength(1);
        expect(log.filter((e) => e.kind === 'error')).toEqual([]);
        expect(await s.size('a.bin')).toBe(FILES[0].data.length);
      } finally {
        await s.close();
      }
    });
  }
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

  it('a refused file before any 1yz: the pipelined command is answered normally', async () => {
    const srv = await faultServer({ files: { 'a.bin': FILE }, behindTransfer: 'reject' });
    const log: FtpLogEvent[] = [];
    const s = await connect(srv, {}, log);
    await s.download('a.bin', sink());
    const from = log.length;
    await expect(s.download('missing.bin', sink(), { prepareNext: true })).rejects.toBeInstanceOf(FtpReplyError);
    const target = sink();
    await s.download('a.bin', target);
    expect(sha256(target.data())).toBe(sha256(FILE));
    // Refused before a 1yz, the server was back to reading commands: the NOOP behind counts as answered in turn.
    expect(commands(log.slice(from)), commands(log.slice(from)).join(', ')).toEqual(['EPSV', 'RETR missing.bin', 'NOOP', 'EPSV', 'RETR a.bin']);
    expect(s.isPipeliningRefused).toBe(false);
  });

  it('a server that answers during the transfer (pyftpdlib): the NOOP is answered first, the transfer completes, pipelining stops', async () => {
    const srv = await faultServer({ files: { 'a.bin': FILE, 'b.bin': FILE }, behindTransfer: 'take' });
    const log: FtpLogEvent[] = [];
    const s = await connect(srv, {}, log);
    const first = sink();
    await s.download('a.bin', first, { prepareNext: true });
    expect(sha256(first.data())).toBe(sha256(FILE));
    expect(s.isPipeliningRefused).toBe(true);
    const from = log.length;
    const second = sink();
    await s.download('b.bin', second, { prepareNext: true });
    expect(sha256(second.data())).toBe(sha256(FILE));
    expect(commands(log.slice(from))).toEqual(['EPSV', 'RETR b.bin']);
    expect(await s.size('a.bin')).toBe(FILE.length);
  });

  it('a server that took an EPSV during a transfer after all: a transient failure, the session closes', async () => {
    const srv = await faultServer({ files: { 'a.bin': FILE, 'b.bin': FILE, 'c.bin': FILE } });
    const s = await connect(srv);
    // Proven in turn on the first transfer; then the server starts answering at once.
    await s.download('a.bin', sink(), { prepareNext: true });
    await s.download('b.bin', sink());
    srv.setBehindTransfer('take');
    const failed = await s.download('c.bin', sink(), { prepareNext: true }).then(() => undefined, (err: unknown) => err);
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
