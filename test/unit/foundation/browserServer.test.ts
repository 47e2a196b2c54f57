/**
 * Browser mode's door: loopback only, the per-start token on every request, our own
 * Origin only. Real sockets, real HTTP and WebSocket clients.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, writeFile, mkdir } from 'node:fs/promises';
import os from 'node:os';
import { mkdtempSync } from 'node:fs';
import path from 'node:path';
import WebSocket from 'ws';
import { startBrowserServer, type BrowserServer } from '../../../electron/browser/BrowserServer';
import { createDispatcher } from '../../../electron/ipc/dispatch';
import { createServices } from '../../../electron/services/createServices';

let server: BrowserServer;
const services = await createServices({ dataDir: mkdtempSync(path.join(os.tmpdir(), 'ferry-services-')) });
const warnings: string[] = [];

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
  });
});
afterAll(async () => {
  await server.close();
  await services.close();
});

const get = (p: string, headers: Record<string, string> = {}) => fetch(server.origin + p, { headers });

function openSocket(query: string, origin?: string): Promise<{ ws: WebSocket } | { status: number }> {
  return new Promise((resolve) => {
    const ws = new WebSocket(`ws://127.0.0.1:${server.port}/ws${query}`, origin ? { origin } : {});
    ws.once('open', () => resolve({ ws }));
    ws.once('unexpected-response', (_req, res) => resolve({ status: res.statusCode ?? 0 }));
    ws.once('error', () => {});
  });
}

describe('browser-mode server', () => {
  it('listens on loopback only and prints a URL carrying the token', () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/?token=${server.token}`);
    expect(server.token.length).toBeGreaterThanOrEqual(32);
  });

  it('refuses a request without the token with 403', async () => {
    expect((await get('/')).status).toBe(403);
    expect((await get('/assets/app.js')).status).toBe(403);
    expect((await get('/?token=wrong')).status).toBe(403);
  });

  it('refuses a request with a foreign Origin with 403, even with the token', async () => {
    const res = await get(`/?token=${server.token}`, { origin: 'http://evil.example' });
    expect(res.status).toBe(403);
    expect(warnings.some((w) => w.includes('foreign origin http://evil.example'))).toBe(true);
  });

  it('serves the page with the token, sets an HttpOnly cookie and a CSP, and then serves assets by cookie', async () => {
    const page = await get(`/?token=${server.token}`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
    const cookie = page.headers.get('set-cookie')!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    const asset = await get('/assets/app.js', { cookie: cookie.split(';')[0] });
    expect(asset.status).toBe(200);
    expect(await asset.text()).toBe('console.log(1)');
  });

  it('never serves files outside the renderer folder', async () => {
    const res = await get(`/..%2f..%2f..%2fetc%2fpasswd?token=${server.token}`);
    expect(res.status).toBe(404);
  });

  it('refuses a WebSocket without the token or from a foreign Origin with 403', async () => {
    expect(await openSocket('')).toEqual({ status: 403 });
    expect(await openSocket(`?token=${server.token}`, 'http://evil.example')).toEqual({ status: 403 });
  });

  it('carries contract calls and events over the WebSocket with the token', async () => {
    const opened = await openSocket(`?token=${server.token}`, server.origin);
    if (!('ws' in opened)) throw new Error(`refused: ${opened.status}`);
    const { ws } = opened;
    const messages: unknown[] = [];
    const next = () => new Promise<unknown>((resolve) => ws.once('message', (d) => resolve(JSON.parse(d.toString()))));

    ws.send(JSON.stringify({ id: 7, method: 'appInfo', input: {} }));
    expect(await next()).toMatchObject({ type: 'result', id: 7, result: { ok: true, value: { transport: 'browser' } } });

    ws.send('not json');
    expect(await next()).toEqual({ type: 'error', message: 'malformed message' });

    ws.send(JSON.stringify({ id: 8, method: 'localList', input: { path: 5 } }));
    expect(await next()).toMatchObject({ id: 8, result: { ok: false, error: { kind: 'invalid-request' } } });

    services.hub.push('log', { seq: 1, timeMs: 1, connectionId: 'c', kind: 'status', text: 'hello' });
    services.hub.flush();
    messages.push(await next());
    expect(messages[0]).toEqual({ type: 'event', event: 'log', payload: [{ seq: 1, timeMs: 1, connectionId: 'c', kind: 'status', text: 'hello' }] });
    ws.close();
  });
});
