/**
 * Data connections against the scripted fault server: PASV to foreign addresses, fallback between
 * EPSV, PASV, EPRT and PORT (and what is remembered), active connections from the wrong peer,
 * withdrawn commands, and IPv6.
 */
import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { FtpReplyError, type FtpLogEvent } from '../../../electron/ftp';
import { connect, faultServer, FILE, sink, stopAll } from './harness';

afterEach(stopAll);

describe('data connections', () => {
  it('connects to the control peer when PASV names a private address of another host', async () => {
    const s = await faultServer({ pasvAddress: '10.1.2.3', handlers: { EPSV: (session) => session.reply(502, 'EPSV not implemented') } });
    const log: FtpLogEvent[] = [];
    const session = await connect(s, {}, log);
    s.files.set('x.txt', Buffer.from('hi'));
    expect((await session.list()).map((e) => e.name)).toEqual(['x.txt']);
    expect(log.some((e) => e.kind === 'status' && e.text.includes('10.1.2.3') && e.text.includes('127.0.0.1'))).toBe(true);
    expect(s.dataPeers.every((p) => p.endsWith('127.0.0.1'))).toBe(true);
    expect(session.lastDataStrategy).toBe('PASV');
  });

  it('connects to the control peer when PASV names another loopback address (127.0.0.2)', async () => {
    const s = await faultServer({ pasvAddress: '127.0.0.2', files: { 'a.bin': FILE } });
    const log: FtpLogEvent[] = [];
    const session = await connect(s, { dataStrategy: 'PASV' }, log);
    const out = sink();
    await session.download('a.bin', out);
    expect(out.data().equals(FILE)).toBe(true);
    expect(log.some((e) => e.kind === 'status' && e.text.includes('127.0.0.2'))).toBe(true);
  });

  it('falls back from passive to active on 425, says why, and remembers what worked', async () => {
    const s = await faultServer({
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
    const s = await faultServer({
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
    const s = await faultServer({ files: { 'a.bin': FILE } });
    const preferred = await connect(s, { preferredDataStrategy: 'EPRT' });
    await preferred.download('a.bin', sink());
    // Outside the mode the preference is ignored.
    const passiveOnly = await connect(s, { dataMode: 'passive', preferredDataStrategy: 'EPRT' });
    await passiveOnly.download('a.bin', sink());
    expect(s.commands.filter((c) => /^(EPSV|PASV|EPRT|PORT)/.test(c)).map((c) => c.split(' ')[0])).toEqual(['EPRT', 'EPSV']);

    const refusing = await faultServer({ files: { 'a.bin': FILE }, handlers: { EPRT: (session) => session.reply(500, 'Illegal EPRT command') } });
    const fallingBack = await connect(refusing, { preferredDataStrategy: 'EPRT' });
    const out = sink();
    await fallingBack.download('a.bin', out);
    expect(out.data().equals(FILE)).toBe(true);
    expect(fallingBack.lastDataStrategy).toBe('EPSV');
  });

  it('falls back from active to passive when PORT and EPRT are refused', async () => {
    const s = await faultServer({
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
    const s = await faultServer({
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
    const s = await faultServer({ files: { 'a.bin': FILE }, handlers: { EPSV: (session) => session.reply(229, `Entering Extended Passive Mode (|||${deadPort}|)`) } });
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
    const s = await faultServer({
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
    const s = await faultServer({
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
    const s = await faultServer({
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
    const s = await faultServer({ host: '::1', files: { 'a.bin': FILE } });
    for (const strategy of ['EPSV', 'EPRT'] as const) {
      const session = await connect(s, { dataStrategy: strategy });
      const out = sink();
      await session.download('a.bin', out);
      expect(out.data().equals(FILE)).toBe(true);
    }
    expect(s.commands.some((c) => c.startsWith('EPRT |2|::1|'))).toBe(true);
  });
});