/**
 * A passive data connection asked for ahead of its data command (FtpSession.prepareDataConnection,
 * which the queue calls between files): the next transfer uses the server's answer instead of
 * asking again, also with other commands in between; one left unused is withdrawn with ABOR and
 * the session goes on. Against every real server, plain and over explicit FTPS.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FtpSession, type ConnectOptions, type FtpLogEvent } from '../../../electron/ftp';
import { FileSink } from '../../../electron/cli/fileSink';
import { SERVER_KINDS, startServer, type RunningServer } from '../../servers';

const DATA = randomBytes(64 * 1024 + 5);
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const local = mkdtempSync(join(tmpdir(), 'ferry-prepared-'));

/** The commands a session sent, from its log, with file names kept (password masked by the engine). */
function commands(log: FtpLogEvent[]): string[] {
  return log.filter((e) => e.kind === 'command').map((e) => e.text);
}

/** Resolves once `predicate` holds for the log (polled), or fails after `ms`. */
async function until(log: FtpLogEvent[], predicate: (events: FtpLogEvent[]) => boolean, ms = 5_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!predicate(log)) {
    if (Date.now() > deadline) throw new Error(`timed out; commands so far: ${commands(log).join(', ')}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe.each(SERVER_KINDS)('prepared data connections on %s', (kind) => {
  let srv: RunningServer;

  beforeAll(async () => {
    srv = await startServer(kind, { tls: true });
    writeFileSync(join(srv.homeDir, 'data.bin'), DATA);
  });

  afterAll(async () => {
    await srv?.stop();
  });

  async function session(extra: Partial<ConnectOptions>, log: FtpLogEvent[]): Promise<FtpSession> {
    return FtpSession.connect(
      { host: srv.host, port: srv.port, user: srv.user, password: srv.password, timeoutMs: 10_000, ...extra },
      { onLog: (e) => log.push(e) },
    );
  }

  async function downloadChecked(s: FtpSession, name: string): Promise<void> {
    const path = join(local, `${kind}-${name}`);
    await s.download('data.bin', new FileSink(path));
    expect(sha256(readFileSync(path))).toBe(sha256(DATA));
  }

  for (const [tls, strategy] of [['none', 'EPSV'], ['none', 'PASV'], ['explicit', 'EPSV']] as const) {
    it(`the next transfer uses the ${strategy} reply asked for ahead, with a SIZE in between (TLS ${tls})`, async () => {
      const log: FtpLogEvent[] = [];
      const s = await session({ tls, trustedFingerprint: srv.certFingerprint256, dataStrategy: strategy }, log);
      try {
        await downloadChecked(s, `first-${tls}-${strategy}.bin`);
        const before = commands(log).length;
        const logBefore = log.length;
        s.prepareDataConnection();
        // Sent right behind the prepared command, before its reply: one round trip for both.
        expect(await s.size('data.bin')).toBe(DATA.length);
        const exchange = log.slice(logBefore).filter((e) => e.kind === 'command' || e.kind === 'reply').map((e) => (e.kind === 'command' ? e.text : e.code));
        expect(exchange).toEqual([strategy, 'SIZE data.bin', strategy === 'EPSV' ? 229 : 227, 213]);
        await downloadChecked(s, `second-${tls}-${strategy}.bin`);
        // No second mode command before the RETR: the one asked for ahead served it.
        expect(commands(log).slice(before)).toEqual([strategy, 'SIZE data.bin', 'RETR data.bin']);
      } finally {
        await s.close();
      }
    });
  }

  it('a transfer asked for right after the prepare waits for that reply instead of asking again', async () => {
    const log: FtpLogEvent[] = [];
    const s = await session({}, log);
    try {
      await downloadChecked(s, 'quick-first.bin');
      const before = commands(log).length;
      s.prepareDataConnection();
      await downloadChecked(s, 'quick-second.bin');
      expect(commands(log).slice(before)).toEqual(['EPSV', 'RETR data.bin']);
    } finally {
      await s.close();
    }
  });

  it('a prepared connection left unused is withdrawn with ABOR, and the session goes on', async () => {
    const log: FtpLogEvent[] = [];
    const s = await session({ preparedDataTtlMs: 100 }, log);
    try {
      await downloadChecked(s, 'ttl-first.bin');
      const before = commands(log).length;
      s.prepareDataConnection();
      await until(log, (events) => events.some((e, i) => e.kind === 'reply' && i > 0 && commands(events.slice(0, i)).at(-1) === 'ABOR'));
      await downloadChecked(s, 'ttl-second.bin');
      expect(commands(log).slice(before)).toEqual(['EPSV', 'ABOR', 'EPSV', 'RETR data.bin']);
      // The session is in step: a plain command still gets its own reply.
      expect(await s.size('data.bin')).toBe(DATA.length);
    } finally {
      await s.close();
    }
  });

  it('an active-mode session prepares nothing (the server would have to connect to us)', async () => {
    const log: FtpLogEvent[] = [];
    const s = await session({ dataStrategy: 'EPRT' }, log);
    try {
      await downloadChecked(s, 'active-first.bin');
      const before = commands(log).length;
      s.prepareDataConnection();
      await downloadChecked(s, 'active-second.bin');
      expect(commands(log).slice(before)).toEqual([expect.stringMatching(/^EPRT /), 'RETR data.bin']);
    } finally {
      await s.close();
    }
  });
});
