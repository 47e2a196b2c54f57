/**
 * Serves the built renderer's files from one folder, never outside it.
 * Must not import electron.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
};

/** A file to send: its bytes and content type. */
export interface StaticFile {
  body: Buffer;
  contentType: string;
}

/** Reads the file for a URL path below `root`, or returns null when there is none. */
export async function readStatic(rootDir: string, urlPath: string): Promise<StaticFile | null> {
  const root = path.resolve(rootDir);
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const rel = decoded === '/' ? 'index.html' : decoded.replace(/^\/+/, '');
  const full = path.resolve(root, rel);
  // A request like /../../etc/passwd resolves outside root: refuse it.
  if (full !== root && !full.startsWith(root + path.sep)) return null;
  try {
    if (!(await stat(full)).isFile()) return null;
    return { body: await readFile(full), contentType: TYPES[path.extname(full)] ?? 'application/octet-stream' };
  } catch {
    return null;
  }
}
