/**
 * Browser mode: an HTTP server on loopback that serves the built renderer and carries the
 * IPC contract over a WebSocket, through the same dispatcher as Electron IPC.
 * Every request needs the per-start token (in the URL once, then an HttpOnly cookie) and,
 * when a browser sends one, our own Origin: another site open in the same browser must not
 * be able to drive the FTP client. Must not import electron.
 */
import http from 'node:http';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Dispatch } from '../ipc/dispatch';
import type { EventHub } from '../services/EventHub';
import { readStatic } from './staticFiles';
import { parseClientMessage, type ServerMessage } from '../../shared/wire';

/** Options for the browser-mode server. */
export interface BrowserServerOptions {
  /** Folder with the built renderer (index.html and assets). */
  rendererDir: string;
  dispatch: Dispatch;
  hub: EventHub;
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Only loopback is allowed; `::1` for IPv6. */
  host?: '127.0.0.1' | '::1';
  /** Called for refused requests and malformed messages. */
  onWarning?: (message: string) => void;
}

/** A running browser-mode server. */
export interface BrowserServer {
  url: string;
  origin: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

const COOKIE = 'ferry_token';
const MAX_MESSAGE_BYTES = 1 << 20;

/** Starts the server and resolves once it listens. */
export async function startBrowserServer(options: BrowserServerOptions): Promise<BrowserServer> {
  const host = options.host ?? '127.0.0.1';
  const token = randomBytes(24).toString('base64url');
  const warn = options.onWarning ?? (() => {});
  let origins: string[] = [];
  let clientSeq = 0;

  const tokenMatches = (candidate: string | null | undefined): boolean => {
    if (!candidate) return false;
    const a = Buffer.from(candidate);
    const b = Buffer.from(token);
    return a.length === b.length && timingSafeEqual(a, b);
  };
  const originAllowed = (origin: string | undefined) => origin === undefined || origins.includes(origin);
  const requestToken = (req: http.IncomingMessage, url: URL) =>
    url.searchParams.get('token') ?? readCookie(req.headers.cookie, COOKIE);

  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (!originAllowed(req.headers.origin) || !tokenMatches(requestToken(req, url))) {
      warn(`refused ${req.method} ${url.pathname}: ${originAllowed(req.headers.origin) ? 'no valid token' : 'foreign origin ' + req.headers.origin}`);
      res.writeHead(403, { 'content-type': 'text/plain' }).end('Forbidden: open the URL Ferry printed (it carries the access token).\n');
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405).end();
      return;
    }
    const file = await readStatic(options.rendererDir, url.pathname);
    if (!file) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found\n');
      return;
    }
    const headers: http.OutgoingHttpHeaders = {
      'content-type': file.contentType,
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
    };
    if (file.contentType.startsWith('text/html')) {
      headers['content-security-policy'] = contentSecurityPolicy(origins);
      headers['x-frame-options'] = 'DENY';
      if (url.searchParams.has('token')) {
        headers['set-cookie'] = `${COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`;
      }
    }
    res.writeHead(200, headers).end(req.method === 'HEAD' ? undefined : file.body);
  });

  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname !== '/ws' || !originAllowed(req.headers.origin) || !tokenMatches(requestToken(req, url))) {
      warn(`refused WebSocket from origin ${req.headers.origin ?? '(none)'}`);
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => serveSocket(ws, `browser-${++clientSeq}`));
  });

  const serveSocket = (ws: WebSocket, clientId: string) => {
    const send = (msg: ServerMessage) => {
      if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(msg));
    };
    const unsubscribe = options.hub.subscribe((event, payload) => send({ type: 'event', event, payload }));
    ws.on('close', unsubscribe);
    ws.on('message', async (data, isBinary) => {
      const msg = isBinary ? null : parseClientMessage(data.toString());
      if (!msg) {
        warn(`malformed message from ${clientId}`);
        send({ type: 'error', message: 'malformed message' });
        return;
      }
      const result = await options.dispatch(msg.method, msg.input, { transport: 'browser', clientId });
      send({ type: 'result', id: msg.id, result });
    });
  };

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const hostInUrl = host === '::1' ? '[::1]' : host;
  const origin = `http://${hostInUrl}:${port}`;
  origins = host === '::1' ? [origin] : [origin, `http://localhost:${port}`];
  return {
    url: `${origin}/?token=${token}`,
    origin,
    port,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of wss.clients) client.terminate();
        wss.close();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function readCookie(header: string | undefined, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return v.join('=');
  }
  return null;
}

function contentSecurityPolicy(origins: string[]): string {
  const sockets = origins.map((o) => o.replace(/^http/, 'ws')).join(' ');
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    `connect-src 'self' ${sockets}`,
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'none'",
  ].join('; ');
}
