/**
 * The control connection against the scripted fault server: replies split byte by byte or coalesced,
 * multi-line greetings, commands refused before sending, unexpected closes and reply timeouts.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { FtpConnectionError, FtpInvalidInputError, FtpReplyError, FtpSession, FtpTimeoutError, FtpTlsError, isTransient, type FtpLogEvent } from '../../../electron/ftp';
import { connect, faultServer, FILE, sink, stopAll } from './harness';

afterEach(stopAll);

describe('replies as no real server sends them on demand', () => {
  it('logs in when every reply arrives byte by byte, greeting multi-line with code-like inner lines', async () => {
    const s = await faultServer({
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
    const s = await faultServer({
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
    const s = await faultServer({ greeting: (session) => { session.write('421 Too many connections\r\n'); session.close(); } });
    const err = await connect(s).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FtpReplyError);
    expect((err as FtpReplyError).code).toBe(421);
    expect(isTransient(err)).toBe(true);
  });
});
describe('commands and replies', () => {
  it('refuses a command with CR/LF before sending anything', async () => {
    const s = await faultServer({ files: { a: 'x', b: 'y' } });
    const session = await connect(s);
    await expect(session.delete('a\r\nDELE b')).rejects.toBeInstanceOf(FtpInvalidInputError);
    await expect(session.rename('a', 'b\0c')).rejects.toBeInstanceOf(FtpInvalidInputError);
    expect(s.commands.some((c) => c.startsWith('DELE'))).toBe(false);
    expect(s.files.has('b')).toBe(true);
    expect(await session.pwd()).toBe('/');
  });

  it('an unexpected close fails the pending command with FtpConnectionError and closes the session', async () => {
    const s = await faultServer({ handlers: { SIZE: (session) => session.close() } });
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
    const s = await faultServer({
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
    const s = await faultServer({ handlers: { NOOP: () => undefined } });
    const session = await connect(s, { timeoutMs: 300 });
    const err = await session.raw('NOOP').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FtpTimeoutError);
    expect(isTransient(err)).toBe(true);
  });
});

describe('connections that cannot be made', () => {
  /** A loopback port nothing listens on: bound, then closed. */
  async function closedPort(): Promise<number> {
    const { createServer } = await import('node:net');
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    const { port } = server.address() as { port: number };
    await new Promise<void>((resolve) => server.close(() => resolve()));
    return port;
  }

  it('says in words why a port refused the connection, in the error and in the log', async () => {
    const port = await closedPort();
    const log: FtpLogEvent[] = [];
    const err = await FtpSession.connect({ host: '127.0.0.1', port, timeoutMs: 5000 }, { onLog: (e) => log.push(e) }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FtpConnectionError);
    expect((err as Error).message).toBe(`127.0.0.1:${port} refused the connection: no server listens on that port, or a firewall turns it away`);
    expect(log.filter((e) => e.kind === 'error').map((e) => e.text)).toEqual([(err as Error).message]);
  });

  it('says that a plain FTP port was asked for implicit TLS, in the error and in the log', async () => {
    const s = await faultServer();
    const log: FtpLogEvent[] = [];
    const err = await FtpSession.connect({ host: s.host, port: s.port, tls: 'implicit', timeoutMs: 5000 }, { onLog: (e) => log.push(e) }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FtpTlsError);
    expect((err as Error).message).toMatch(/^TLS handshake failed: The server did not answer in TLS: this port probably speaks plain FTP/);
    expect(log.some((e) => e.kind === 'error' && e.text === (err as Error).message)).toBe(true);
  });
});

describe('refusals that were expected', () => {
  it('logs a probe\'s refusal as expected information, and the same refusal otherwise with its usual hint', async () => {
    const s = await faultServer({ handlers: { OPTS: (session) => session.reply(501, 'Invalid argument') } });
    const log: FtpLogEvent[] = [];
    const session = await connect(s, {}, log);
    await expect(session.size('missing.bin', { isProbe: true })).rejects.toMatchObject({ code: 550 });
    await expect(session.size('missing.bin')).rejects.toMatchObject({ code: 550 });
    const refusals = log.filter((e) => e.kind === 'reply' && (e.code ?? 0) >= 500);
    expect(refusals.map((e) => [e.code, e.isExpected === true, e.hint])).toEqual([
      [501, true, 'Optional: the server keeps its default'],
      [550, true, 'Expected when nothing is there yet'],
      [550, false, 'File or folder unavailable (not found, or no permission)'],
    ]);
  });
});
