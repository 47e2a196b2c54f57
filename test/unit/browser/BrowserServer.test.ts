/**
 * Browser mode's door: loopback only, the per-start token on every request, our own
 * Origin only. Real sockets, real HTTP and WebSocket clients.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { mkdtemp, writeFile, mkdir } from 'node:fs/promises';
import os from 'node:os';
import { mkdtempSync } from 'node:fs';
import path from 'node:path';
import WebSocket from 'ws';
import { MAX_CONNECTIONS, MAX_MESSAGE_BYTES, startBrowserServer, type BrowserServer } from '../../../electron/browser/BrowserServer';
import net from 'node:net';
import { createDispatcher } from '../../../electron/ipc/dispatch';
import { createServices } from '../../../electron/services/createServices';
import { startFaultServer } from '../../servers/faultServer';

let server: BrowserServer;
const services = await createServices({ dataDir: mkdtempSync(path.join(os.tmpdir(), 'ferry-services-')) });
const warnings: string[] = [];
const gone: string[] = [];

beforeAll(async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'ferry-renderer-'));
  await writeFile(path.join(dir, 'index.html'), '<!doctype html><title>Ferry</title>');
  await mkdir(path.join(dir, 'assets'));
  await writeFile(path.join(dir, 'assets', 'app.js'), 'console.log(1)');
  server = await startBrowserServer({
    rendererDir: dir,
    dispatch: createDispatcher(services.handlers),
    hub: services.hub,
    onWarning: (w) => warnings.push(w),
    onClientGone: (id) => gone.push(id),
  });
});
afterAll(async () => {
  await server.close();
  await services.close();
});

const get = (p: string, headers: Record<string, string> = {}) => fetch(server.origin + p, { headers, redirect: 'manual' });
const app = (p = '') => `/${server.token}/${p}`;

function openSocket(pathAndQuery: string, origin?: string): Promise<{ ws: WebSocket } | { status: number }> {
  return new Promise((resolve) => {
    const ws = new WebSocket(`ws://127.0.0.1:${server.port}${pathAndQuery}`, { ...(origin ? { origin } : {}), maxPayload: 256 * 1024 * 1024 });
    ws.once('open', () => resolve({ ws }));
    ws.once('unexpected-response', (_req, res) => resolve({ status: res.statusCode ?? 0 }));
    ws.once('error', () => {});
  });
}

/** Sends raw bytes and returns the status line of the answer. */
function raw(request: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(server.port, '127.0.0.1', () => socket.write(request));
    let answer = '';
    socket.on('data', (d) => (answer += d.toString()));
    socket.on('end', () => resolve(answer.split('\r\n')[0]));
    socket.on('error', reject);
  });
}

describe('browser-mode server', () => {
  it('listens on loopback only and prints a URL carrying the token in its path', () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/${server.token}/`);
    expect(server.token.length).toBeGreaterThanOrEqual(32);
  });

  it('refuses a request without the token with 403', async () => {
    expect((await get('/')).status).toBe(403);
    expect((await get('/index.html')).status).toBe(403);
    expect((await get('/assets/app.js')).status).toBe(403);
    expect((await get('/wrong-token/index.html')).status).toBe(403);
  });

  it('refuses a request with a foreign Origin with 403, even with the token', async () => {
    const res = await get(app(), { origin: 'http://evil.example' });
    expect(res.status).toBe(403);
    expect(warnings.some((w) => w.includes('foreign origin http://evil.example'))).toBe(true);
  });

  it('refuses a request for another host name (DNS rebinding) with 403, even with the token', async () => {
    expect(await raw(`GET ${app()} HTTP/1.1\r\nHost: attacker.example:${server.port}\r\nConnection: close\r\n\r\n`)).toBe('HTTP/1.1 403 Forbidden');
    expect(await raw(`GET ${app()} HTTP/1.1\r\nHost: localhost:${server.port}\r\nConnection: close\r\n\r\n`)).toBe('HTTP/1.1 200 OK');
  });

  it('serves the page and its assets below the token, with a CSP and no cookie', async () => {
    const page = await get(app());
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(page.headers.get('set-cookie')).toBeNull();
    const asset = await get(app('assets/app.js'));
    expect(asset.status).toBe(200);
    expect(await asset.text()).toBe('console.log(1)');
    const bare = await get(`/${server.token}`);
    expect(bare.status).toBe(301);
    expect(bare.headers.get('location')).toBe(app());
  });

  it('never serves files outside the renderer folder', async () => {
    expect((await get(app('..%2f..%2f..%2fetc%2fpasswd'))).status).toBe(404);
  });

  it('survives malformed request targets, with and without an upgrade', async () => {
    expect(await raw(`GET //[ HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nConnection: close\r\n\r\n`)).toBe('HTTP/1.1 403 Forbidden');
    expect(await raw(`GET //[ HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nConnection: Upgrade\r\nUpgrade: websocket\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n`)).toBe('HTTP/1.1 403 Forbidden');
    expect((await get(app())).status).toBe(200);
  });

  it('refuses a WebSocket without the token or from a foreign Origin with 403', async () => {
    expect(await openSocket('/ws')).toEqual({ status: 403 });
    expect(await openSocket(`/${server.token}/ws`, 'http://evil.example')).toEqual({ status: 403 });
  });

  it('carries contract calls and events over the WebSocket below the token', async () => {
    const opened = await openSocket(`/${server.token}/ws`, server.origin);
    if (!('ws' in opened)) throw new Error(`refused: ${opened.status}`);
    const { ws } = opened;
    const next = () => new Promise<unknown>((resolve) => ws.once('message', (d) => resolve(JSON.parse(d.toString()))));

    ws.send(JSON.stringify({ id: 7, method: 'appInfo', input: {} }));
    expect(await next()).toMatchObject({ type: 'result', id: 7, result: { ok: true, value: { transport: 'browser' } } });

    ws.send('not json');
    expect(await next()).toEqual({ type: 'error', message: 'malformed message' });

    ws.send(JSON.stringify({ id: 8, method: 'localList', input: { path: 5 } }));
    expect(await next()).toMatchObject({ id: 8, result: { ok: false, error: { kind: 'invalid-request' } } });

    services.hub.push('log', { seq: 1, timeMs: 1, connectionId: 'c', kind: 'status', text: 'hello' });
    services.hub.flush();
    expect(await next()).toEqual({ type: 'event', event: 'log', payload: [{ seq: 1, timeMs: 1, connectionId: 'c', kind: 'status', text: 'hello' }] });
    ws.close();
  });

  it('does not die of an event too large to send: the page hears of it and the next call is answered', async () => {
    const opened = await openSocket(`/${server.token}/ws`, server.origin);
    if (!('ws' in opened)) throw new Error(`refused: ${opened.status}`);
    const { ws } = opened;
    const next = () => new Promise<unknown>((resolve) => ws.once('message', (d) => resolve(JSON.parse(d.toString()))));
    // A hostile server's greeting of control characters: each one becomes six characters of JSON.
    services.hub.push('log', { seq: 2, timeMs: 1, connectionId: 'c', kind: 'reply', text: '\x01'.repeat(MAX_MESSAGE_BYTES / 4) });
    services.hub.flush();
    expect(await next()).toEqual({ type: 'error', message: 'A message from the server was too large to show and was dropped' });
    ws.send(JSON.stringify({ id: 9, method: 'appInfo', input: {} }));
    expect(await next()).toMatchObject({ type: 'result', id: 9, result: { ok: true } });
    expect(warnings.some((w) => w.includes('log event was too large to send'))).toBe(true);
    ws.close();
  });

  it('survives a server whose greeting is an endless run of control characters, and answers the next call', async () => {
    const line = `220-${'\x1b\x07'.repeat(4000)}\r\n`;
    const hostile = await startFaultServer({ greeting: (session) => session.write(line.repeat(2000)) });
    const opened = await openSocket(`/${server.token}/ws`, server.origin);
    if (!('ws' in opened)) throw new Error(`refused: ${opened.status}`);
    const { ws } = opened;
    const results = new Map<number, unknown>();
    ws.on('message', (d) => {
      const msg = JSON.parse(d.toString()) as { type: string; id?: number; result?: unknown };
      if (msg.type === 'result' && msg.id !== undefined) results.set(msg.id, msg.result);
    });
    ws.send(JSON.stringify({ id: 21, method: 'remoteConnect', input: { host: '127.0.0.1', port: hostile.port, tls: 'none', dataMode: 'auto' } }));
    await vi.waitFor(() => expect(results.get(21)).toMatchObject({ ok: false, error: { kind: 'protocol', message: expect.stringMatching(/longer than/) } }), { timeout: 20_000 });
    ws.send(JSON.stringify({ id: 22, method: 'appInfo', input: {} }));
    await vi.waitFor(() => expect(results.get(22)).toMatchObject({ ok: true }));
    ws.close();
    await hostile.stop();
  });

  it('refuses connections that have not shown the token beyond its limit, without locking out an open page', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'ferry-renderer-'));
    await writeFile(path.join(dir, 'index.html'), '<!doctype html><title>Ferry</title>');
    const small = await startBrowserServer({ rendererDir: dir, dispatch: createDispatcher(services.handlers), hub: services.hub, maxConnections: 3 });
    try {
      const page = await new Promise<WebSocket>((resolve, reject) => {
        const ws = new WebSocket(`ws://127.0.0.1:${small.port}/${small.token}/ws`, { origin: small.origin });
        ws.once('open', () => resolve(ws));
        ws.once('error', reject);
      });
      const connect = () => new Promise<net.Socket>((resolve, reject) => {
        const socket = net.connect(small.port, '127.0.0.1', () => resolve(socket));
        socket.once('error', reject);
      });
      const idle = [await connect(), await connect(), await connect()];
      const extra = await connect();
      await new Promise((resolve) => extra.once('close', resolve));
      expect(idle.every((s) => !s.destroyed)).toBe(true);
      // The page, connected before the flood, is still served.
      const answer = new Promise<unknown>((resolve) => page.once('message', (d) => resolve(JSON.parse(d.toString()))));
      page.send(JSON.stringify({ id: 1, method: 'appInfo', input: {} }));
      expect(await answer).toMatchObject({ type: 'result', id: 1, result: { ok: true } });
      const closedAll = Promise.all(idle.map((s) => new Promise((resolve) => s.once('close', resolve))));
      for (const s of idle) s.destroy();
      await closedAll;
      await vi.waitFor(async () => expect((await fetch(small.url)).status).toBe(200));
      page.close();
    } finally {
      await small.close();
    }
    expect(MAX_CONNECTIONS).toBeGreaterThan(3);
  });

  it('drops a socket that sends more than a message may carry, and keeps serving', async () => {
    const opened = await openSocket(`/${server.token}/ws`, server.origin);
    if (!('ws' in opened)) throw new Error(`refused: ${opened.status}`);
    const closed = new Promise<number>((resolve) => opened.ws.once('close', (code) => resolve(code)));
    opened.ws.send(Buffer.alloc(MAX_MESSAGE_BYTES + 1, 0x20).toString());
    expect(await closed).not.toBe(1000);
    expect(gone.length).toBeGreaterThan(0);
    expect((await get(app())).status).toBe(200);
  });
});
