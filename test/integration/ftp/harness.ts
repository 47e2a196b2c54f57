/**
 * Shared setup of the engine's integration tests (electron/ftp against the scripted fault server
 * and the real servers): sessions and servers that one call stops after each test, in-memory
 * sinks, temporary folders and hashes. Test-only.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll } from 'vitest';
import { FtpSession, type ConnectOptions, type FtpLogEvent } from '../../../electron/ftp';
import type { RunningServer } from '../../servers';
import { startFaultServer, type FaultServer, type FaultServerOptions } from '../../servers/faultServer';

const running: Array<{ stop(): Promise<void> } | FtpSession> = [];

/** Destroys every session and stops every fault server that faultServer() and connect() started; for afterEach. */
export async function stopAll(): Promise<void> {
  for (const item of running.splice(0)) {
    if (item instanceof FtpSession) item.destroy();
    else await item.stop();
  }
}

/** 50,000 bytes of a repeating pattern: a file for the fault server to serve. */
export const FILE = Buffer.from(Array.from({ length: 50_000 }, (_, i) => i % 251));

/** A scripted fault server, stopped by stopAll(). */
export async function faultServer(options: FaultServerOptions = {}): Promise<FaultServer> {
  const s = await startFaultServer(options);
  running.push(s);
  return s;
}

/** A session logged in to a fault server (bob / secret, 5 s timeouts), destroyed by stopAll(); its log events go to `log`. */
export async function connect(s: FaultServer, extra: Partial<ConnectOptions> = {}, log: FtpLogEvent[] = []): Promise<FtpSession> {
  const session = await FtpSession.connect(
    { host: s.host, port: s.port, user: 'bob', password: 'secret', timeoutMs: 5000, ...extra },
    { onLog: (e) => log.push(e) },
  );
  running.push(session);
  return session;
}

/** A session logged in to a real server as its test user (10 s timeouts); the caller closes it. */
export function open(srv: RunningServer, extra: Partial<ConnectOptions> = {}, log?: FtpLogEvent[]): Promise<FtpSession> {
  return FtpSession.connect(
    { host: srv.host, port: srv.port, user: srv.user, password: srv.password, timeoutMs: 10_000, ...extra },
    { onLog: log ? (e) => log.push(e) : undefined },
  );
}

/** Runs `fn` with a session to a real server that is closed afterwards whatever happens. */
export async function withSession<T>(srv: RunningServer, extra: Partial<ConnectOptions>, fn: (s: FtpSession) => Promise<T>, log?: FtpLogEvent[]): Promise<T> {
  const session = await open(srv, extra, log);
  try {
    return await fn(session);
  } finally {
    await session.close();
  }
}

/** The commands a session sent, from its log (the engine masks the password). */
export function commands(log: FtpLogEvent[]): string[] {
  return log.filter((e) => e.kind === 'command').map((e) => e.text);
}

/** A stream target that keeps what it is given. */
export function sink(): PassThrough & { data: () => Buffer } {
  const chunks: Buffer[] = [];
  const stream = new PassThrough() as PassThrough & { data: () => Buffer };
  stream.on('data', (c: Buffer) => chunks.push(c));
  stream.data = () => Buffer.concat(chunks);
  return stream;
}

/** What `download` wrote into a sink. */
export async function collect(download: (to: NodeJS.WritableStream) => Promise<unknown>): Promise<Buffer> {
  const to = sink();
  await download(to);
  return to.data();
}

/** SHA-256 of bytes, hex. */
export function sha256(data: Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

/** A temporary folder removed after the calling file's tests; call at a test file's top level. */
export function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}
