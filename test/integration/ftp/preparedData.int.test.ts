/**
 * A passive data connection asked for ahead of its data command (FtpSession.prepareDataConnection,
 * which the queue calls between files): the next transfer uses the server's answer instead of
 * asking again, also with other commands in between; one left unused is withdrawn with ABOR and
 * the session goes on. Against every real server, plain and over explicit FTPS.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { FtpLogEvent, FtpSession } from '../../../electron/ftp';
import { FileSink } from '../../../electron/cli/fileSink';
import { SERVER_KINDS, startServer, type RunningServer } from '../../servers';
import { commands, open, sha256, tempDir } from './harness';

const DATA = randomBytes(64 * 1024 + 5);
const local = tempDir('ferry-prepared-');

/** Whether the log has a reply to an ABOR. */
function hasAborReply(log: FtpLogEvent[]): boolean {
  return log.some((e, i) => e.kind === 'reply' && i > 0 && commands(log.slice(0, i)).at(-1) === 'ABOR');
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

  async function downloadChecked(s: FtpSession, name: string): Promise<void> {
    const path = join(local, `${kind}-${name}`);
    await s.download('data.bin', new FileSink(path));
    expect(sha256(readFileSync(path))).toBe(sha256(DATA));
  }

  for (const [tls, strategy] of [['none', 'EPSV'], ['none', 'PASV'], ['explicit', 'EPSV']] as const) {
    it(`the next transfer uses the ${strategy} reply asked for ahead, with a SIZE in between (TLS ${tls})`, async () => {
      const log: FtpLogEvent[] = [];
      const s = await open(srv, { tls, trustedFingerprint: srv.certFingerprint256, dataStrategy: strategy }, log);
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
    const s = await open(srv, {}, log);
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
    const s = await open(srv, { preparedDataTtlMs: 100 }, log);
    try {
      await downloadChecked(s, 'ttl-first.bin');
      const before = commands(log).length;
      s.prepareDataConnection();
      await vi.waitFor(() => expect(hasAborReply(log), `commands so far: ${commands(log).join(', ')}`).toBe(true), { timeout: 5_000 });
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
    const s = await open(srv, { dataStrategy: 'EPRT' }, log);
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
