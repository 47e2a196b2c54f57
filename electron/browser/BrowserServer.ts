/**
 * Browser mode: an HTTP server on loopback that serves the built renderer and carries the
 * IPC contract over a WebSocket, through the same dispatcher as Electron IPC.
 * Everything lives below a per-start secret path, `/<token>/`: the page's relative asset
 * URLs carry it without cookies (a cookie for 127.0.0.1 would also reach every other local
 * port). Requests must also name our own host (DNS rebinding) and, when a browser sends
 * one, our own Origin: another site open in the same browser must not be able to drive the
 * FTP client. Must not import electron.
 */
import http from 'node:http';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Dispatch } from '../ipc/dispatch';
import type { EventHub } from '../services/EventHub';
import { readStatic } from './staticFiles';
import { parseClientMessage, type ServerMessage } from '../../shared/wire';
import type { Result } from '../../shared/result';

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
  /** Called when a page's socket closes, so its browsing sessions can be closed too. */
  onClientGone?: (clientId: string) => void;
  /** Connections at once that have not shown the token yet (default MAX_CONNECTIONS). */
  maxConnections?: number;
}

/** A running browser-mode server. */
export interface BrowserServer {
  url: string;
  origin: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

/** The largest contract message (a 20 MiB sitemanager.xml import, or 100,000 queued names) with room to spare. */
export const MAX_MESSAGE_BYTES = 64 * 1024 * 1024;
/** Events wait while a slow page has this much unsent; past it the page is too far behind and is dropped. */
const MAX_BUFFERED_BYTES = 32 * 1024 * 1024;

/**
 * Connections at once that have not yet shown the token: a page opens a few; a flood of idle or
 * slow sockets is refused. A page's own connections stop counting once they showed the token, so
 * such a flood cannot lock an open window out.
 */
export const MAX_CONNECTIONS = 64;
/** A request's headers must arrive this quickly, so idle or slow sockets do not hold connections. */
const HEADERS_TIMEOUT_MS = 10_000;

/** A message as JSON, or undefined when it cannot be encoded or would be larger than a page accepts. */
function encode(msg: ServerMessage): string | undefined {
  try {
    const text = JSON.stringify(msg);
    // Length first: most messages are far below the limit, and counting bytes costs a pass.
    return text.length * 3 > MAX_MESSAGE_BYTES && Buffer.byteLength(text) > MAX_MESSAGE_BYTES ? undefined : text;
  } catch {
    // RangeError: Invalid string length, for text beyond what V8 can hold in one string.
    return undefined;
  }
}

/** Starts the server and resolves once it listens. */
export async function startBrowserServer(options: BrowserServerOptions): Promise<BrowserServer> {
  const host = options.host ?? '127.0.0.1';
  const token = randomBytes(24).toString('base64url');
  const warn = options.onWarning ?? (() => {});
  let origins: string[] = [];
  let hosts: string[] = [];
  let clientSeq = 0;
  /** Connections that have not shown the token yet. */
  const unauthenticated = new Set<Duplex>();

  const tokenMatches = (candidate: string): boolean => {
    const a = Buffer.from(candidate);
    const b = Buffer.from(token);
    return a.length === b.length && timingSafeEqual(a, b);
  };

  /** Why a request may not go on, or null; and the path below the token. */
  const check = (req: http.IncomingMessage): { refusal: string } | { rest: string; isBare: boolean } => {
    if (!hosts.includes(req.headers.host ?? '')) return { refusal: `unknown Host ${JSON.stringify(req.headers.host ?? '')}` };
    const origin = req.headers.origin;
    if (origin !== undefined && !origins.includes(origin)) return { refusal: `foreign origin ${origin}` };
    let pathname: string;
    try {
      pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
    } catch {
      return { refusal: 'malformed request target' };
    }
    const [, first = '', ...rest] = pathname.split('/');
    if (!tokenMatches(first)) return { refusal: 'no valid token' };
    unauthenticated.delete(req.socket);
    return { rest: '/' + rest.join('/'), isBare: rest.length === 0 };
  };

  const serveHttp = async (req: http.IncomingMessage, res: http.ServerResponse) => {
    const verdict = check(req);
    if ('refusal' in verdict) {
      warn(`refused ${req.method} request: ${verdict.refusal}`);
      res.writeHead(403, { 'content-type': 'text/plain' }).end('Forbidden: open the URL Ferry printed (it carries the access token).\n');
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405).end();
      return;
    }
    if (verdict.isBare) {
      // Without the trailing slash the page's relative asset URLs would lose the token.
      res.writeHead(301, { location: `/${token}/` }).end();
      return;
    }
    const file = await readStatic(options.rendererDir, verdict.rest);
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
    }
    res.writeHead(200, headers).end(req.method === 'HEAD' ? undefined : file.body);
  };

  const server = http.createServer((req, res) => {
    serveHttp(req, res).catch((err: unknown) => {
      warn(`request failed: ${err instanceof Error ? err.message : String(err)}`);
      if (!res.headersSent) res.writeHead(500).end();
      else res.destroy();
    });
  });

  const maxUnauthenticated = options.maxConnections ?? MAX_CONNECTIONS;
  server.on('connection', (socket: Duplex) => {
    if (unauthenticated.size >= maxUnauthenticated) {
      socket.destroy();
      return;
    }
    unauthenticated.add(socket);
    socket.once('close', () => unauthenticated.delete(socket));
  });
  server.headersTimeout = HEADERS_TIMEOUT_MS;
  server.requestTimeout = 2 * HEADERS_TIMEOUT_MS;

  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
  server.on('upgrade', (req: http.IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => socket.destroy());
    const verdict = check(req);
    if ('refusal' in verdict || verdict.rest !== '/ws') {
      warn(`refused WebSocket: ${'refusal' in verdict ? verdict.refusal : 'not the socket path'}`);
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => serveSocket(ws, `browser-${++clientSeq}`));
  });

  const serveSocket = (ws: WebSocket, clientId: string) => {
    const send = (msg: ServerMessage) => {
      if (ws.readyState !== ws.OPEN) return;
      // A page that stopped reading (a suspended tab) must not make this process's memory grow without bound.
      if (ws.bufferedAmount > MAX_BUFFERED_BYTES) {
        warn(`${clientId} is not reading its messages; closing it`);
        ws.terminate();
        return;
      }
      const text = encode(msg);
      if (text === undefined) {
        // Too big or unencodable (a hostile server's endless greeting, say): the page hears that
        // something could not be shown, and a call still gets its answer, instead of this process dying.
        warn(`${clientId}: a ${msg.type === 'event' ? `${msg.event} event` : msg.type} was too large to send; dropped`);
        const notice: ServerMessage =
          msg.type === 'result'
            ? { type: 'result', id: msg.id, result: { ok: false, error: { kind: 'too-large', message: 'The answer was too large to send to the page' } } }
            : { type: 'error', message: 'A message from the server was too large to show and was dropped' };
        ws.send(JSON.stringify(notice));
        return;
      }
      ws.send(text);
    };
    const unsubscribe = options.hub.subscribe((event, payload) => send({ type: 'event', event, payload }));
    // Without a listener a protocol error (oversized or invalid frame) would end the whole process.
    ws.on('error', (err) => {
      warn(`${clientId}: ${err.message}`);
      ws.terminate();
    });
    ws.on('close', () => {
      unsubscribe();
      options.onClientGone?.(clientId);
    });
    ws.on('message', async (data, isBinary) => {
      const msg = isBinary ? null : parseClientMessage(data.toString());
      if (!msg) {
        warn(`malformed message from ${clientId}`);
        send({ type: 'error', message: 'malformed message' });
        return;
      }
      let result: Result<unknown>;
      try {
        result = await options.dispatch(msg.method, msg.input, { transport: 'browser', clientId });
      } catch (err) {
        // The dispatcher turns failures into results; this is the backstop that keeps serving.
        warn(`${clientId}: ${msg.method} failed: ${err instanceof Error ? err.message : String(err)}`);
        result = { ok: false, error: { kind: 'internal', message: err instanceof Error ? err.message : String(err) } };
      }
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
  hosts = host === '::1' ? [`[::1]:${port}`] : [`127.0.0.1:${port}`, `localhost:${port}`];
  origins = hosts.map((h) => `http://${h}`);
  return {
    url: `${origin}/${token}/`,
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
