/**
 * "FTP with TLS if available" cannot be stripped silently: a server without TLS gets no password
 * until the user says so (once, or always for that server), and a server where TLS worked before
 * that now refuses it (a man in the middle answering 502 to AUTH TLS) gets none at all. The app's
 * services against pure-ftpd, with and without TLS, behind a proxy that can strip TLS.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createServices, type Services } from '../../../electron/services/createServices';
import { MasterPasswordSecretStore } from '../../../electron/sites';
import type { CallContext } from '../../../shared/api';
import type { ConnectParams, LogEntry } from '../../../shared/domain';
import { startServer, type RunningServer } from '../../servers';
import { startFaultProxy, type FaultProxy } from '../../servers/faultProxy';

const ctx: CallContext = { transport: 'browser', clientId: 'tls-test' };
const dirs: string[] = [];
const running: Services[] = [];

async function services(dataDir: string): Promise<Services> {
  const s = await createServices({ dataDir, openSecrets: (dir) => MasterPasswordSecretStore.open(dir, { scryptCost: { N: 2 ** 12, r: 8, p: 1 } }) });
  running.push(s);
  return s;
}

async function dataDir(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'ferry-tls-data-'));
  dirs.push(dir);
  return dir;
}

function params(srv: RunningServer, port = srv.port): ConnectParams {
  return { host: '127.0.0.1', port, user: srv.user, password: srv.password, tls: 'explicit-if-available', dataMode: 'auto' };
}

afterAll(async () => {
  await Promise.all(running.map((s) => s.close()));
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

describe('a server that offers no TLS', () => {
  let plain: RunningServer;
  let proxy: FaultProxy;
  beforeAll(async () => {
    plain = await startServer('pure-ftpd');
    proxy = await startFaultProxy({ targetPort: plain.port });
  });
  afterAll(async () => {
    await proxy.stop();
    await plain.stop();
  });

  it('gets no USER or PASS until the user answers; "once" lasts this run, "always" survives a restart', async () => {
    const dir = await dataDir();
    const app = await services(dir);
    const asked = await app.handlers.remoteConnect(params(plain, proxy.port), ctx).catch((e: unknown) => e);
    expect(asked).toMatchObject({ kind: 'tls-unavailable', message: expect.stringMatching(/does not support TLS.*unencrypted/) });
    expect(proxy.commands.filter((c) => /^(USER|PASS)/.test(c))).toEqual([]);

    const once = await app.handlers.remoteConnect({ ...params(plain, proxy.port), allowPlain: 'once' }, ctx);
    expect(once.isSecure).toBe(false);
    expect(proxy.commands).toContain('PASS ****');
    // The same run connects again, and so do its transfer connections, without asking.
    await app.handlers.remoteDisconnect({ sessionId: once.sessionId }, ctx);
    const again = await app.handlers.remoteConnect(params(plain, proxy.port), ctx);
    await app.handlers.remoteDisconnect({ sessionId: again.sessionId }, ctx);
    await app.close();

    const restarted = await services(dir);
    await expect(restarted.handlers.remoteConnect(params(plain, proxy.port), ctx)).rejects.toMatchObject({ kind: 'tls-unavailable' });
    const always = await restarted.handlers.remoteConnect({ ...params(plain, proxy.port), allowPlain: 'always' }, ctx);
    await restarted.handlers.remoteDisconnect({ sessionId: always.sessionId }, ctx);
    await restarted.close();

    const later = await services(dir);
    const remembered = await later.handlers.remoteConnect(params(plain, proxy.port), ctx);
    expect(remembered.isSecure).toBe(false);
    await later.close();
  });
});

describe('a server where TLS worked, seen through a man in the middle who strips it', () => {
  let tls: RunningServer;
  let proxy: FaultProxy;
  beforeAll(async () => {
    tls = await startServer('pure-ftpd', { tls: true });
    proxy = await startFaultProxy({ targetPort: tls.port });
  });
  afterAll(async () => {
    await proxy.stop();
    await tls.stop();
  });

  it('is refused as an attack: no password goes out, even when the user would allow plain text', async () => {
    const dir = await dataDir();
    const app = await services(dir);
    const first = await app.handlers.remoteConnect({ ...params(tls, proxy.port), trustedFingerprint: tls.certFingerprint256 }, ctx);
    expect(first.isSecure).toBe(true);
    await app.handlers.remoteDisconnect({ sessionId: first.sessionId }, ctx);

    proxy.setStripTls(true);
    const sent = proxy.commands.length;
    const attacked = await app.handlers.remoteConnect(params(tls, proxy.port), ctx).catch((e: unknown) => e);
    expect(attacked).toMatchObject({ kind: 'tls-downgrade', message: expect.stringMatching(/used TLS before.*did not send your password/) });
    const insisted = await app.handlers.remoteConnect({ ...params(tls, proxy.port), allowPlain: 'once' }, ctx).catch((e: unknown) => e);
    expect(insisted).toMatchObject({ kind: 'tls-downgrade' });
    expect(proxy.events.filter((e) => e.startsWith('stripped AUTH'))).toHaveLength(2);
    expect(proxy.commands.slice(sent).filter((c) => /^(USER|PASS)/.test(c))).toEqual([]);
    await app.close();

    // Remembered across a restart.
    const restarted = await services(dir);
    await expect(restarted.handlers.remoteConnect(params(tls, proxy.port), ctx)).rejects.toMatchObject({ kind: 'tls-downgrade' });
    await restarted.close();
    proxy.setStripTls(false);
  });

  it('a browsing session that logs in again after a drop asks anew: consent given before TLS was seen does not carry over', async () => {
    const app = await services(await dataDir());
    proxy.setStripTls(true);
    const plain = await app.handlers.remoteConnect({ ...params(tls, proxy.port), allowPlain: 'always' }, ctx);
    expect(plain.isSecure).toBe(false);
    // The server is reached without the stripper once: TLS works, and consent is withdrawn.
    proxy.setStripTls(false);
    const secure = await app.handlers.remoteConnect({ ...params(tls, proxy.port), trustedFingerprint: tls.certFingerprint256 }, ctx);
    expect(secure.isSecure).toBe(true);
    // The first session's connection drops; its next use logs in again, through the stripper.
    proxy.setStripTls(true);
    const lines: LogEntry[] = [];
    app.hub.subscribe((event, payload) => {
      if (event === 'log') lines.push(...(payload as LogEntry[]));
    });
    proxy.cutControlAfter(0);
    await vi.waitFor(() => {
      app.hub.flush();
      expect(lines.some((l) => l.connectionId === plain.sessionId && /closed|connection error/i.test(l.text))).toBe(true);
    });
    const sent = proxy.commands.length;
    await expect(app.handlers.remoteList({ sessionId: plain.sessionId }, ctx)).rejects.toMatchObject({ kind: 'tls-downgrade' });
    expect(proxy.commands.slice(sent).filter((c) => /^(USER|PASS)/.test(c))).toEqual([]);
    proxy.setStripTls(false);
    await app.close();
  });
});
