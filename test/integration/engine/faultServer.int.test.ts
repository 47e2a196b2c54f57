import net from 'node:net';
import { PassThrough, Readable, Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import {
  FtpAbortedError, FtpConnectionError, FtpInvalidInputError, FtpReplyError, FtpSession, FtpTimeoutError, FtpTlsError, isTransient,
  type ConnectOptions, type FtpLogEvent,
} from '../../../electron/ftp';
import { startFaultServer, storStoppedWith452, type FaultServer, type FaultServerOptions } from '../../servers/faultServer';

const running: Array<{ stop(): Promise<void> } | FtpSession> = [];

afterEach(async () => {
  for (const item of running.splice(0)) {
    if (item instanceof FtpSession) item.destroy();
    else await item.stop();
  }
});

async function server(options: FaultServerOptions = {}): Promise<FaultServer> {
  const s = await startFaultServer(options);
  running.push(s);
  return s;
}

async function connect(s: FaultServer, extra: Partial<ConnectOptions> = {}, log: FtpLogEvent[] = []): Promise<FtpSession> {
  const session = await FtpSession.connect(
    { host: s.host, port: s.port, user: 'bob', password: 'secret', timeoutMs: 5000, ...extra },
    { onLog: (e) => log.push(e) },
  );
  running.push(session);
  return session;
}

function sink(): PassThrough & { data: () => Buffer } {
  const chunks: Buffer[] = [];
  const stream = new PassThrough() as PassThrough & { data: () => Buffer };
  stream.on('data', (c: Buffer) => chunks.push(c));
  stream.data = () => Buffer.concat(chunks);
  return stream;
}

const FILE = Buffer.from(Array.from({ length: 50_000 }, (_, i) => i % 251));

describe('replies as no real server sends them on demand', () => {
  it('logs in when every reply arrives byte by byte, greeting multi-line with code-like inner lines', async () => {
    const s = await server({
      greeting: (session) => session.writeBytewise('220-Welcome\r\n220-230 this is not the end\r\n331 nor is this\r\n220 Ready\r\n'),
      handlers: {
        USER: (session) => session.writeBytewise('331 Password required\r\n'),
        PASS: (session) => session.writeBytewise('230-Logged in\r\n230 Go ahead\r\n'),
        FEAT: (session) => session.writeBytewise('211-Features:\r\n EPSV\r\n211-inner\r\n UTF8\r\n211 End\r\n'),
        PWD: (session) => session.writeBytewise('257 "/a ""quoted"" dir" is current\r\n'),
      },
    });
    const session = await connect(s);
    expect(session.initialDirectory).toBe('/a "quoted" dir');
    expect([...session.features.keys()]).toEqual(['EPSV', 'UTF8']);
    expect(await session.pwd()).toBe('/a "quoted" dir');
  });

  it('pairs replies that arrive coalesced in one chunk (120 then 220; 150 and 226 together)', async () => {
    const s = await server({
      greeting: '120 Ready in 1 minute\r\n220 Ready now\r\n',
      files: { 'a.bin': FILE },
      handlers: {
        RETR: async (session, arg) => {
          const data = await session.dataSocket();
          await new Promise<void>((resolve) => data.end(session.files.get(arg)!, () => resolve()));
          session.write('150 Here it comes\r\n226 Done\r\n');
        },
      },
    });
    const log: FtpLogEvent[] = [];
    const session = await connect(s, {}, log);
    expect(log.filter((e) => e.kind === 'reply').slice(0, 2).map((e) => e.code)).toEqual([120, 220]);
    const out = sink();
    await session.download('a.bin', out);
    expect(out.data().equals(FILE)).toBe(true);
    expect(await session.pwd()).toBe('/');
  });

  it('turns a 421 greeting into a transient FtpReplyError', async () => {
    const s = await server({ greeting: (session) => { session.write('421 Too many connections\r\n'); session.close(); } });
    const err = await connect(s).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FtpReplyError);
    expect((err as FtpReplyError).code).toBe(421);
    expect(isTransient(err)).toBe(true);
  });
});

describe('login', () => {
  it('gives 530 as a clear FtpReplyError and never logs the password', async () => {
    const s = await server();
    const log: FtpLogEvent[] = [];
    const err = await connect(s, { password: 'wrong-pw' }, log).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FtpReplyError);
    expect((err as FtpReplyError).code).toBe(530);
    expect((err as FtpReplyError).command).toBe('PASS ****');
    expect(isTransient(err)).toBe(false);
    expect(JSON.stringify(log)).not.toContain('wrong-pw');
    expect(log.some((e) => e.kind === 'command' && e.text === 'PASS ****')).toBe(true);
    expect(log.find((e) => e.code === 530)?.hint).toMatch(/Login refused/);
  });

  it('sends ACCT when the server asks with 332', async () => {
    const s = await server({
      handlers: {
        PASS: (session) => session.reply(332, 'Need account'),
        ACCT: (session, arg) => session.reply(arg === 'acc1' ? 230 : 530, 'done'),
      },
    });
    await connect(s, { account: 'acc1' });
    expect(s.commands).toContain('ACCT acc1');
  });

  it('logs in anonymously with an e-mail-like password', async () => {
    const s = await server();
    await connect(s, { user: undefined, password: undefined });
    expect(s.commands.slice(0, 2)).toEqual(['USER anonymous', 'PASS anonymous@']);
  });
});

describe('data connections', () => {
  it('connects to the control peer when PASV names a private address of another host', async () => {
    const s = await server({ pasvAddress: '10.1.2.3', handlers: { EPSV: (session) => session.reply(502, 'EPSV not implemented') } });
    const log: FtpLogEvent[] = [];
    const session = await connect(s, {}, log);
    s.files.set('x.txt', Buffer.from('hi'));
    expect((await session.list()).map((e) => e.name)).toEqual(['x.txt']);
    expect(log.some((e) => e.kind === 'status' && e.text.includes('10.1.2.3') && e.text.includes('127.0.0.1'))).toBe(true);
    expect(s.dataPeers.every((p) => p.endsWith('127.0.0.1'))).toBe(true);
    expect(session.lastDataStrategy).toBe('PASV');
  });

  it('connects to the control peer when PASV names another loopback address (127.0.0.2)', async () => {
    const s = await server({ pasvAddress: '127.0.0.2', files: { 'a.bin': FILE } });
    const log: FtpLogEvent[] = [];
    const session = await connect(s, { dataStrategy: 'PASV' }, log);
    const out = sink();
    await session.download('a.bin', out);
    expect(out.data().equals(FILE)).toBe(true);
    expect(log.some((e) => e.kind === 'status' && e.text.includes('127.0.0.2'))).toBe(true);
  });

  it('falls back from passive to active on 425, says why, and remembers what worked', async () => {
    const s = await server({
      files: { 'a.bin': FILE },
      handlers: {
        EPSV: (session) => session.reply(425, 'Passive mode disabled'),
        PASV: (session) => session.reply(425, 'Passive mode disabled'),
      },
    });
    const log: FtpLogEvent[] = [];
    const session = await connect(s, {}, log);
    const out = sink();
    await session.download('a.bin', out);
    expect(out.data().equals(FILE)).toBe(true);
    expect(session.lastDataStrategy).toBe('EPRT');
    expect(log.some((e) => e.kind === 'status' && /falling back from passive to active/.test(e.hint ?? ''))).toBe(true);
    const before = s.commands.length;
    await session.list();
    expect(s.commands.slice(before)[0]).toMatch(/^EPRT /);
  });

  it('falls back when the data command itself gets 425, resending it with the next strategy', async () => {
    let refusals = 0;
    const s = await server({
      files: { 'a.bin': FILE },
      handlers: {
        RETR: async (session, arg) => {
          if (refusals++ === 0) {
            session.reply(425, "Can't open data connection");
            return;
          }
          session.reply(150, 'Opening');
          const data = await session.dataSocket();
          await new Promise<void>((resolve) => data.end(session.files.get(arg)!, () => resolve()));
          session.reply(226, 'Done');
        },
      },
    });
    const session = await connect(s);
    const out = sink();
    await session.download('a.bin', out);
    expect(out.data().equals(FILE)).toBe(true);
    expect(s.commands.filter((c) => /^(EPSV|PASV|RETR)/.test(c))).toEqual(['EPSV', 'RETR a.bin', 'PASV', 'RETR a.bin']);
  });

  it('tries a preferred strategy first when the mode allows it, and still falls back from it', async () => {
    const s = await server({ files: { 'a.bin': FILE } });
    const preferred = await connect(s, { preferredDataStrategy: 'EPRT' });
    await preferred.download('a.bin', sink());
    // Outside the mode the preference is ignored.
    const passiveOnly = await connect(s, { dataMode: 'passive', preferredDataStrategy: 'EPRT' });
    await passiveOnly.download('a.bin', sink());
    expect(s.commands.filter((c) => /^(EPSV|PASV|EPRT|PORT)/.test(c)).map((c) => c.split(' ')[0])).toEqual(['EPRT', 'EPSV']);

    const refusing = await server({ files: { 'a.bin': FILE }, handlers: { EPRT: (session) => session.reply(500, 'Illegal EPRT command') } });
    const fallingBack = await connect(refusing, { preferredDataStrategy: 'EPRT' });
    const out = sink();
    await fallingBack.download('a.bin', out);
    expect(out.data().equals(FILE)).toBe(true);
    expect(fallingBack.lastDataStrategy).toBe('EPSV');
  });

  it('falls back from active to passive when PORT and EPRT are refused', async () => {
    const s = await server({
      files: { 'a.bin': FILE },
      handlers: {
        EPRT: (session) => session.reply(500, 'Illegal EPRT command'),
        PORT: (session) => session.reply(500, 'Illegal PORT command'),
      },
    });
    const session = await connect(s, { dataMode: 'auto' });
    session.lastDataStrategy = 'EPRT';
    const out = sink();
    await session.download('a.bin', out);
    expect(out.data().equals(FILE)).toBe(true);
    expect(session.lastDataStrategy).toBe('EPSV');
  });

  it('reports the last reason when no strategy works', async () => {
    const s = await server({
      handlers: {
        EPRT: (session) => session.reply(500, 'Illegal EPRT command'),
        PORT: (session) => session.reply(500, 'Illegal PORT command'),
      },
    });
    const session = await connect(s, { dataMode: 'active' });
    const err = await session.list().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FtpReplyError);
    expect((err as FtpReplyError).code).toBe(500);
    expect(s.refusedTargets).toEqual([]);
  });
});

describe('more data-connection edge cases', () => {
  it('falls back to PASV when the EPSV port refuses connections (ECONNREFUSED)', async () => {
    const closed = net.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', () => resolve()));
    const deadPort = (closed.address() as net.AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const s = await server({ files: { 'a.bin': FILE }, handlers: { EPSV: (session) => session.reply(229, `Entering Extended Passive Mode (|||${deadPort}|)`) } });
    const log: FtpLogEvent[] = [];
    const session = await connect(s, {}, log);
    const out = sink();
    await session.download('a.bin', out);
    expect(out.data().equals(FILE)).toBe(true);
    expect(session.lastDataStrategy).toBe('PASV');
    expect(log.some((e) => e.kind === 'status' && e.text.startsWith('EPSV did not work') && /ECONNREFUSED/.test(e.text))).toBe(true);
  });

  it('accepts the active data connection only from the control peer', async () => {
    let intruderClosed!: Promise<void>;
    const s = await server({
      files: { 'a.bin': FILE },
      handlers: {
        EPRT: async (session, arg) => {
          const [, , host, port] = arg.split(arg[0]);
          // A third party (here 127.0.0.2) races the server to the listening port: it must be turned away.
          const intruder = net.connect({ host, port: Number(port), localAddress: '127.0.0.2' });
          intruder.on('error', () => undefined);
          intruderClosed = new Promise((resolve) => intruder.on('close', () => resolve()));
          await new Promise((resolve) => intruder.once('connect', resolve));
          session.setActiveTarget(host, Number(port));
          session.reply(200, 'EPRT command successful');
        },
      },
    });
    const log: FtpLogEvent[] = [];
    const session = await connect(s, { dataStrategy: 'EPRT' }, log);
    const out = sink();
    await session.download('a.bin', out);
    await intruderClosed;
    expect(out.data().equals(FILE)).toBe(true);
    expect(log.some((e) => e.kind === 'status' && e.text.includes('Refused a data connection from 127.0.0.2'))).toBe(true);
  });

  it('withdraws the command with ABOR and falls back when the server never opens the active connection', async () => {
    let stalls = 0;
    const s = await server({
      files: { 'a.bin': FILE },
      handlers: {
        RETR: async (session, arg) => {
          if (stalls++ === 0) {
            session.reply(150, 'Opening');
            await session.aborted;
            return;
          }
          session.reply(150, 'Opening');
          const data = await session.dataSocket();
          await new Promise<void>((resolve) => data.end(session.files.get(arg)!, () => resolve()));
          session.reply(226, 'Done');
        },
      },
    });
    const session = await connect(s, { dataMode: 'active', timeoutMs: 400 });
    const out = sink();
    await session.download('a.bin', out);
    expect(out.data().equals(FILE)).toBe(true);
    expect(s.commands.filter((c) => /^(EPRT|PORT|RETR|ABOR)/.test(c)).map((c) => c.split(' ')[0])).toEqual(['EPRT', 'RETR', 'ABOR', 'PORT', 'RETR']);
    expect(session.lastDataStrategy).toBe('PORT');
  });

  it('sends the data command while connecting once EPSV has worked, and withdraws it with ABOR when that connect fails', async () => {
    const closed = net.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', () => resolve()));
    const deadPort = (closed.address() as net.AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    let epsvs = 0;
    let retrs = 0;
    // The first transfer's data connection, on a listener of the test's own.
    let firstData: Promise<net.Socket> | undefined;
    const s = await server({
      files: { 'a.bin': FILE },
      handlers: {
        EPSV: async (session) => {
          if (++epsvs > 1) {
            // The second EPSV names a port where nothing listens.
            session.reply(229, `Entering Extended Passive Mode (|||${deadPort}|)`);
            return;
          }
          const listener = net.createServer();
          await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', () => resolve()));
          firstData = new Promise((resolve) => listener.once('connection', (socket) => {
            listener.close();
            resolve(socket);
          }));
          session.reply(229, `Entering Extended Passive Mode (|||${(listener.address() as net.AddressInfo).port}|)`);
        },
        RETR: async (session, arg) => {
          retrs++;
          session.reply(150, 'Opening');
          if (retrs === 2) {
            // Nobody can connect: wait for the client's ABOR, as a server waiting in accept() would.
            await session.aborted;
            return;
          }
          const data = retrs === 1 ? await firstData! : await session.dataSocket();
          await new Promise<void>((resolve) => data.end(session.files.get(arg)!, () => resolve()));
          session.reply(226, 'Done');
        },
      },
    });
    const session = await connect(s, { timeoutMs: 2000 });
    const first = sink();
    await session.download('a.bin', first);
    expect(session.lastDataStrategy).toBe('EPSV');
    const second = sink();
    await session.download('a.bin', second);
    expect(first.data().equals(FILE) && second.data().equals(FILE)).toBe(true);
    // The second RETR went out before its connection was refused; careful opening would have sent EPSV, PASV, RETR.
    expect(s.commands.filter((c) => /^(EPSV|PASV|RETR|ABOR)/.test(c)).map((c) => c.split(' ')[0])).toEqual(['EPSV', 'RETR', 'EPSV', 'RETR', 'ABOR', 'PASV', 'RETR']);
    expect(session.lastDataStrategy).toBe('PASV');
  });

  it('works over IPv6 with EPSV and EPRT |2|', async () => {
    const s = await server({ host: '::1', files: { 'a.bin': FILE } });
    for (const strategy of ['EPSV', 'EPRT'] as const) {
      const session = await connect(s, { dataStrategy: strategy });
      const out = sink();
      await session.download('a.bin', out);
      expect(out.data().equals(FILE)).toBe(true);
    }
    expect(s.commands.some((c) => c.startsWith('EPRT |2|::1|'))).toBe(true);
  });
});

describe('TLS negotiation with a server without TLS', () => {
  it('continues in clear with explicit-if-available and says so', async () => {
    const s = await server();
    const log: FtpLogEvent[] = [];
    const session = await connect(s, { tls: 'explicit-if-available' }, log);
    expect(session.isSecure).toBe(false);
    expect(log.some((e) => e.kind === 'status' && /continuing unencrypted/.test(e.text))).toBe(true);
  });

  it('refuses to continue with explicit', async () => {
    const s = await server();
    const err = await connect(s, { tls: 'explicit' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FtpTlsError);
    expect(s.commands.some((c) => c.startsWith('USER'))).toBe(false);
  });

  it('a connect aborted by its signal rejects with FtpAbortedError', async () => {
    const s = await server({ greeting: () => undefined });
    const controller = new AbortController();
    const pending = FtpSession.connect({ host: s.host, port: s.port, timeoutMs: 5000 }, { signal: controller.signal });
    controller.abort();
    await expect(pending).rejects.toBeInstanceOf(FtpAbortedError);
  });
});

describe('transfers that go wrong', () => {
  it('a data connection closed early followed by 426 is a transient FtpReplyError; the session stays usable', async () => {
    const s = await server({
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

  it('a data connection closed early followed by 226 is caught against the announced size', async () => {
    const s = await server({
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
    const s = await server();
    const session = await connect(s);
    const err = await session.download('missing.bin', sink()).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 550, command: 'RETR missing.bin' });
    expect(isTransient(err)).toBe(false);
    expect(await session.pwd()).toBe('/');
  });

  it('a failing local writable wins over the 426 it provokes, and the session stays usable', async () => {
    const s = await server({ files: { 'a.bin': FILE } });
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
    const s = await server({ handlers: { STOR: storStoppedWith452 } });
    const session = await connect(s);
    const big = Readable.from((function* () {
      for (let i = 0; i < 2000; i++) yield Buffer.alloc(64 * 1024, 1);
    })());
    const err = await session.upload(big, 'u.bin').catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 452, command: 'STOR u.bin' });
    expect(isTransient(err)).toBe(true);
    expect(await session.pwd()).toBe('/');
  });

  it('refuses a command with CR/LF before sending anything', async () => {
    const s = await server({ files: { a: 'x', b: 'y' } });
    const session = await connect(s);
    await expect(session.delete('a\r\nDELE b')).rejects.toBeInstanceOf(FtpInvalidInputError);
    await expect(session.rename('a', 'b\0c')).rejects.toBeInstanceOf(FtpInvalidInputError);
    expect(s.commands.some((c) => c.startsWith('DELE'))).toBe(false);
    expect(s.files.has('b')).toBe(true);
    expect(await session.pwd()).toBe('/');
  });

  it('an unexpected close fails the pending command with FtpConnectionError and closes the session', async () => {
    const s = await server({ handlers: { SIZE: (session) => session.close() } });
    const session = await connect(s);
    const closed = new Promise((resolve) => session.once('close', resolve));
    await expect(session.size('x')).rejects.toBeInstanceOf(FtpConnectionError);
    await closed;
    expect(session.isClosed).toBe(true);
    await expect(session.pwd()).rejects.toBeInstanceOf(FtpConnectionError);
  });

  it('each command gets the whole reply timeout, however long its predecessors took', async () => {
    // Slow answers, each within the timeout but together well past it: a reply timer that kept
    // the first command's deadline would fail the later ones.
    let answered = 0;
    const s = await server({
      handlers: {
        NOOP: (session) => {
          setTimeout(() => {
            answered++;
            session.reply(200, 'Slowly');
          }, 200);
        },
      },
    });
    const session = await connect(s, { timeoutMs: 400 });
    for (let i = 0; i < 4; i++) expect((await session.raw('NOOP')).code).toBe(200);
    expect(answered).toBe(4);
    await session.close();
  });

  it('a server that stops answering gives FtpTimeoutError', async () => {
    const s = await server({ handlers: { NOOP: () => undefined } });
    const session = await connect(s, { timeoutMs: 300 });
    const err = await session.raw('NOOP').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FtpTimeoutError);
    expect(isTransient(err)).toBe(true);
  });
});

/** A RETR that trickles data until aborted, so an abort always lands mid-transfer. */
function tricklingRetr(finishAnyway: boolean): FaultServerOptions['handlers'] {
  return {
    RETR: async (session) => {
      session.reply(150, 'Opening');
      const data = await session.dataSocket();
      let stop = false;
      data.on('close', () => (stop = true));
      void session.aborted.then(() => (stop = true));
      while (!stop) {
        data.write(Buffer.alloc(1024, 7));
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      if (finishAnyway) session.reply(226, 'Transfer complete');
    },
  };
}

describe('abort', () => {
  it('ABOR drains 426 then 226, and a listing works afterwards', async () => {
    const s = await server({ files: { 'a.bin': FILE }, handlers: tricklingRetr(false) });
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
    const s = await server({
      files: { 'a.bin': FILE },
      handlers: { ...tricklingRetr(true), ABOR: (session) => session.reply(225, 'No transfer to ABOR') },
    });
    const session = await connect(s);
    const download = session.download('a.bin', sink(), { onProgress: (bytes) => bytes > 2048 && void session.abort() });
    await expect(download).rejects.toBeInstanceOf(FtpAbortedError);
    expect((await session.list()).length).toBe(1);
    expect(await session.pwd()).toBe('/');
  });

  it('ABOR answered by a single 226 for both commands still leaves the session in step', async () => {
    const s = await server({
      files: { 'a.bin': FILE },
      handlers: { ...tricklingRetr(false), ABOR: (session) => session.reply(226, 'Abort successful') },
    });
    const session = await connect(s);
    const controller = new AbortController();
    const download = session.download('a.bin', sink(), { signal: controller.signal, onProgress: () => controller.abort() });
    await expect(download).rejects.toBeInstanceOf(FtpAbortedError);
    expect(await session.pwd()).toBe('/');
    expect((await session.list()).length).toBe(1);
  });

  it('survives a server that discards what follows ABOR in the same read (pure-ftpd)', async () => {
    const s = await server({ files: { 'a.bin': FILE }, handlers: tricklingRetr(false), discardAfterAbort: true });
    const session = await connect(s);
    const controller = new AbortController();
    const download = session.download('a.bin', sink(), { signal: controller.signal, onProgress: () => controller.abort() });
    await expect(download).rejects.toBeInstanceOf(FtpAbortedError);
    expect(await session.pwd()).toBe('/');
  });

  it('stopping a listStream early aborts the listing and keeps the session usable', async () => {
    const listing = Array.from({ length: 5000 }, (_, i) => `-rw-r--r--    1 ftp ftp 1 Jan 02  2024 f${i}`);
    const s = await server({ listing });
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
    const s = await server({ files: { 'a.bin': FILE } });
    const session = await connect(s);
    const before = s.commands.length;
    await expect(session.download('a.bin', sink(), { signal: AbortSignal.abort() })).rejects.toBeInstanceOf(FtpAbortedError);
    expect(s.commands.length).toBe(before);
  });
});

describe('transfer details', () => {
  it('resumes a download with REST right before RETR', async () => {
    const s = await server({ files: { 'a.bin': FILE } });
    const session = await connect(s);
    const out = sink();
    const result = await session.download('a.bin', out, { offset: 20_000 });
    expect(result.bytes).toBe(30_000);
    expect(out.data().equals(FILE.subarray(20_000))).toBe(true);
    expect(s.commands.slice(-3)).toEqual(['EPSV', 'REST 20000', 'RETR a.bin']);
  });

  it('converts line endings in ASCII mode both ways and sends TYPE only when it changes', async () => {
    const s = await server({ files: { 't.txt': 'one\r\ntwo\r\n' } });
    const session = await connect(s);
    const out = sink();
    await session.download('t.txt', out, { type: 'ascii' });
    expect(out.data().toString()).toBe('one\ntwo\n');
    await session.upload(Readable.from([Buffer.from('a\nb\r\nc\n')]), 'u.txt', { type: 'ascii' });
    expect(s.files.get('u.txt')?.toString()).toBe('a\r\nb\r\nc\r\n');
    await session.download('t.txt', sink());
    expect(s.commands.filter((c) => c.startsWith('TYPE'))).toEqual(['TYPE A', 'TYPE I']);
  });

  it('uploads with APPE and with REST + STOR', async () => {
    const s = await server({ files: { 'p.bin': FILE.subarray(0, 10_000) } });
    const session = await connect(s);
    await session.upload(Readable.from([FILE.subarray(10_000, 20_000)]), 'p.bin', { append: true });
    await session.upload(Readable.from([FILE.subarray(20_000)]), 'p.bin', { offset: 20_000 });
    expect(s.files.get('p.bin')?.equals(FILE)).toBe(true);
    expect(s.commands).toContain('REST 20000');
    expect(s.commands).toContain('APPE p.bin');
  });

  it('sends NOOP when idle and never during a transfer', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const s = await server({
      files: { 'a.bin': FILE },
      handlers: {
        RETR: async (session, arg) => {
          session.reply(150, 'Opening');
          const data = await session.dataSocket();
          data.write(session.files.get(arg)!.subarray(0, 100));
          await gate;
          await new Promise<void>((resolve) => data.end(session.files.get(arg)!.subarray(100), () => resolve()));
          session.reply(226, 'Done');
        },
      },
    });
    const session = await connect(s, { keepAliveMs: 20 });
    const download = session.download('a.bin', sink());
    // Let several keep-alive periods pass while the transfer is held open.
    await new Promise((resolve) => setTimeout(resolve, 150));
    release();
    await download;
    const retr = s.commands.indexOf('RETR a.bin');
    expect(s.commands.slice(retr + 1)).not.toContain('NOOP');
    await expect.poll(() => s.commands.slice(retr + 1).includes('NOOP'), { timeout: 5000 }).toBe(true);
  });

  it('streams a listing through the parser (NLST too)', async () => {
    const s = await server({ files: { 'a b.txt': 'x', 'c.txt': 'yy' } });
    const session = await connect(s);
    const entries = await session.list();
    expect(entries.map((e) => [e.name, e.sizeBytes])).toEqual([['a b.txt', 1], ['c.txt', 2]]);
    expect(await session.nlst()).toEqual(['a b.txt', 'c.txt']);
    expect(s.commands).toContain('LIST');
    expect(s.commands.some((c) => c.startsWith('LIST -a'))).toBe(false);
  });
});
