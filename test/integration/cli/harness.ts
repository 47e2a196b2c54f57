/**
 * Shared setup of the CLI's integration tests: runs the built `ferry` command as a user would
 * (bin/ferry.js as a program, through its `#!/usr/bin/env -S node ...` line, as an installed
 * `ferry` runs), and makes sure the build is current first: `npm test` builds before vitest, so
 * there this is a no-op; a lone `npx vitest run test/integration/cli` after editing sources
 * rebuilds once (`npm run build`) when out/main/cli.js is missing or older than any source it
 * bundles. Test-only.
 */
import { execFile, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

export const ROOT = path.resolve(import.meta.dirname, '../../..');
const CLI_BUNDLE = path.join(ROOT, 'out/main/cli.js');
const SOURCES = ['electron/cli', 'electron/ftp', 'electron/sftp', 'electron/queue', 'electron/sessions', 'electron/local', 'electron/sync', 'electron/sites', 'shared', 'package.json', 'electron.vite.config.ts'];

function newestMtimeMs(target: string): number {
  const info = statSync(target, { throwIfNoEntry: false });
  if (!info) return 0;
  if (!info.isDirectory()) return info.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(target)) newest = Math.max(newest, newestMtimeMs(path.join(target, entry)));
  return newest;
}

/** Builds the app unless out/main/cli.js is newer than every source it is made from. */
export async function ensureCliBuilt(): Promise<void> {
  const built = statSync(CLI_BUNDLE, { throwIfNoEntry: false })?.mtimeMs ?? 0;
  const newest = Math.max(...SOURCES.map((s) => newestMtimeMs(path.join(ROOT, s))));
  if (built > newest) return;
  await promisify(execFile)('npm', ['run', '--silent', 'build'], { cwd: ROOT, maxBuffer: 64 << 20 });
}

/** What one `ferry` run printed and how it exited. */
export interface FerryResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

const FERRY = path.join(ROOT, 'bin/ferry.js');
/** A data folder of the tests' own (unless a test names one): no run reads or writes the user's (~/.config/ferry). */
const DATA_DIR = mkdtempSync(path.join(os.tmpdir(), 'ferry-cli-data-'));
process.once('exit', () => rmSync(DATA_DIR, { recursive: true, force: true }));
/** The environment of a `ferry` run: the `node` its first line finds is the one running the tests. */
const withNode = (env: NodeJS.ProcessEnv): NodeJS.ProcessEnv => ({ ...env, PATH: [path.dirname(process.execPath), env.PATH].filter(Boolean).join(path.delimiter) });

/** Runs `ferry ...args` and collects its output; never rejects on a non-zero exit. */
export function ferry(args: string[], opts: { cwd?: string; env?: Record<string, string>; input?: Buffer } = {}): Promise<FerryResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(FERRY, args, {
      cwd: opts.cwd ?? ROOT,
      env: withNode({ ...process.env, FERRY_DATA_DIR: DATA_DIR, FERRY_PASSWORD: '', ...opts.env }),
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (d: Buffer) => out.push(d));
    child.stderr.on('data', (d: Buffer) => err.push(d));
    child.once('error', reject);
    child.once('close', (status) => resolve({ status, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') }));
    // A command that exits without reading its input closes the pipe under us.
    child.stdin.on('error', () => undefined);
    child.stdin.end(opts.input ?? Buffer.alloc(0));
  });
}

/** Like ferry(), but stdout as bytes (for `get URL -`). */
export function ferryBytes(args: string[], opts: { cwd?: string } = {}): Promise<{ status: number | null; stdout: Buffer; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(FERRY, args, { cwd: opts.cwd ?? ROOT, env: withNode({ ...process.env, FERRY_DATA_DIR: DATA_DIR }), stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => out.push(d));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.once('error', reject);
    child.once('close', (status) => resolve({ status, stdout: Buffer.concat(out), stderr }));
  });
}

/** SHA-256 of bytes, hex. */
export function sha256(data: Buffer | string): string {
  return createHash('sha256').update(data).digest('hex');
}

/** SHA-256 of a file, hex. */
export function sha256File(file: string): string {
  return sha256(readFileSync(file));
}
