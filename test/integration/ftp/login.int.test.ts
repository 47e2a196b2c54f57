/**
 * Logging in against the scripted fault server: 530, ACCT after 332, anonymous logins, and TLS
 * negotiation with a server that has no TLS.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { FtpAbortedError, FtpReplyError, FtpSession, FtpTlsError, FtpTlsUnavailableError, isTransient, toErrorInfo, type FtpLogEvent } from '../../../electron/ftp';
import { connect, faultServer, stopAll } from './harness';

afterEach(stopAll);

describe('login', () => {
  it('gives 530 as a clear FtpReplyError and never logs the password', async () => {
    const s = await faultServer();
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
    const s = await faultServer({
      handlers: {
        PASS: (session) => session.reply(332, 'Need account'),
        ACCT: (session, arg) => session.reply(arg === 'acc1' ? 230 : 530, 'done'),
      },
    });
    await connect(s, { account: 'acc1' });
    expect(s.commands).toContain('ACCT acc1');
  });

  it('logs in anonymously with an e-mail-like password', async () => {
    const s = await faultServer();
    await connect(s, { user: undefined, password: undefined });
    expect(s.commands.slice(0, 2)).toEqual(['USER anonymous', 'PASS anonymous@']);
  });
});
describe('a login in two round trips', () => {
  it('sends FEAT, SYST, PWD and TYPE I in the same write as PASS, and OPTS right after FEAT without waiting', async () => {
    const s = await faultServer({ features: ['EPSV', 'UTF8', 'MLST type*;size*;modify;perm;'] });
    const session = await connect(s);
    expect(s.reads.slice(0, 2)).toEqual([['USER bob'], ['PASS secret', 'FEAT', 'SYST', 'PWD', 'TYPE I']]);
    expect(session.features.has('MLST')).toBe(true);
    expect(session.initialDirectory).toBe('/');
    expect(session.system).toBe('UNIX Type: L8');
    // The first command is answered behind the OPTS, whose replies nobody waits for.
    await session.size('nothing').catch(() => undefined);
    expect(s.commands.slice(6, 8)).toEqual(['OPTS UTF8 ON', 'OPTS MLST type;size;modify;perm;']);
    // TYPE I went with the login: the first SIZE needs none.
    expect(s.commands.filter((c) => c.startsWith('TYPE'))).toEqual(['TYPE I']);
  });

  it('sends the commands one at a time with pipelinedLogin off', async () => {
    const s = await faultServer();
    await connect(s, { pipelinedLogin: false });
    expect(s.reads.slice(0, 7)).toEqual([['USER bob'], ['PASS secret'], ['FEAT'], ['SYST'], ['PWD'], ['TYPE I'], ['OPTS UTF8 ON']]);
  });

  it('logs in again one command at a time when the server leaves the commands behind PASS unanswered', async () => {
    const s = await faultServer({ firstLineOfRead: true });
    const log: FtpLogEvent[] = [];
    const session = await connect(s, { timeoutMs: 500 }, log);
    expect(session.isLoginPipeliningRefused).toBe(true);
    expect(session.initialDirectory).toBe('/');
    expect(log.some((e) => e.kind === 'status' && /one command at a time/.test(e.text))).toBe(true);
    expect(s.commands.filter((c) => c.startsWith('PASS'))).toHaveLength(2);
  });

  // pyftpdlib delays a refused password's 530 and answers FEAT and SYST meanwhile.
  const answeringPassLate = (code: number) => ({
    PASS: (session: { reply(code: number, text: string): void }) => {
      setImmediate(() => session.reply(code, code === 230 ? 'Logged in' : 'Login incorrect'));
    },
  });

  it('finds a refused login among replies that came out of turn, and tries the password only once', async () => {
    const s = await faultServer({ handlers: answeringPassLate(530) });
    const err = await connect(s).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FtpReplyError);
    expect((err as FtpReplyError).code).toBe(530);
    expect(s.commands.filter((c) => c.startsWith('PASS'))).toHaveLength(1);
  });

  it('asks again after a login whose replies came out of turn', async () => {
    const s = await faultServer({ handlers: answeringPassLate(230) });
    const log: FtpLogEvent[] = [];
    const session = await connect(s, {}, log);
    expect(session.initialDirectory).toBe('/');
    expect(session.features.has('EPSV')).toBe(true);
    expect(s.commands.filter((c) => c === 'FEAT')).toHaveLength(2);
    expect(log.some((e) => e.kind === 'status' && /out of turn/.test(e.text))).toBe(true);
  });
});

describe('TLS negotiation with a server without TLS', () => {
  it('with explicit-if-available sends no USER or PASS, and says why, until plain login is allowed', async () => {
    const s = await faultServer();
    const err = await connect(s, { tls: 'explicit-if-available' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FtpTlsUnavailableError);
    expect(toErrorInfo(err)).toMatchObject({ kind: 'tls-unavailable', message: expect.stringMatching(/does not support TLS.*travel unencrypted/) });
    expect(s.commands.filter((c) => /^(USER|PASS)/.test(c))).toEqual([]);
  });

  it('continues in clear with explicit-if-available once plain login is allowed, and says so', async () => {
    const s = await faultServer();
    const log: FtpLogEvent[] = [];
    const session = await connect(s, { tls: 'explicit-if-available', allowPlainLogin: true }, log);
    expect(session.isSecure).toBe(false);
    expect(log.some((e) => e.kind === 'status' && /continuing unencrypted/.test(e.text))).toBe(true);
  });

  it('refuses to continue with explicit', async () => {
    const s = await faultServer();
    const err = await connect(s, { tls: 'explicit' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FtpTlsError);
    expect(s.commands.some((c) => c.startsWith('USER'))).toBe(false);
  });

  it('a connect aborted by its signal rejects with FtpAbortedError', async () => {
    const s = await faultServer({ greeting: () => undefined });
    const controller = new AbortController();
    const pending = FtpSession.connect({ host: s.host, port: s.port, timeoutMs: 5000 }, { signal: controller.signal });
    controller.abort();
    await expect(pending).rejects.toBeInstanceOf(FtpAbortedError);
  });
});