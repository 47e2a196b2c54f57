/**
 * `ferry compare` as a user runs it: against a real server, the differing paths one per line
 * with their reasons and a summary, exit status 1 when the folders differ and 0 when they agree
 * (like diff), --json records, --exclude and --no-recursion, and 2 for a bad command line.
 */
import { promises as fsp } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../servers';
import { ensureCliBuilt, ferry } from './harness';

const BASE = Math.floor((Date.now() - 86_400_000) / 60_000) * 60_000;
let server: RunningServer;
let work: string;

async function put(root: string, rel: string, content: string, modifiedMs = BASE): Promise<void> {
  const file = path.join(root, ...rel.split('/'));
  await fsp.mkdir(path.dirname(file), { recursive: true });
  await fsp.writeFile(file, content);
  await fsp.utimes(file, new Date(modifiedMs), new Date(modifiedMs));
}

beforeAll(async () => {
  await ensureCliBuilt();
  server = await startServer('pure-ftpd');
  work = await fsp.mkdtemp(path.join(os.tmpdir(), 'ferry-compare-cli-'));
  for (const root of [path.join(work, 'site'), path.join(server.homeDir, 'www')]) {
    await put(root, 'index.html', '<h1>hi</h1>');
    await put(root, 'css/main.css', 'body{}');
  }
  await put(path.join(work, 'site'), 'draft.tmp', 'scratch');
  await put(path.join(work, 'site'), 'about.html', 'about');
  await put(path.join(server.homeDir, 'www'), 'css/old.css', 'old');
  await put(path.join(work, 'site'), 'css/main.css', 'body{color:red}', BASE + 3_600_000);
  await fsp.cp(path.join(server.homeDir, 'www'), path.join(work, 'copy'), { recursive: true, preserveTimestamps: true });
}, 60_000);

afterAll(async () => {
  await server?.stop();
  await fsp.rm(work, { recursive: true, force: true });
});

const url = (p: string) => `ftp://${server.user}:${server.password}@127.0.0.1:${server.port}${p}`;

describe('ferry compare', () => {
  it('prints what differs with its reason and a summary, and exits 1', async () => {
    const r = await ferry(['compare', 'site', url('/www')], { cwd: work });
    expect(r.stderr).toBe('');
    expect(r.stdout.split('\n').filter(Boolean)).toEqual([
      'only here       about.html',
      'newer here      css/main.css  (modified 60 min later here, and the sizes differ)',
      'only on server  css/old.css',
      'only here       draft.tmp',
      'differ: 6 compared by size and time: 2 only here, 1 only on server, 1 newer here, 2 identical',
    ]);
    expect(r.status).toBe(1);
  });

  it('exits 0 when the folders agree, the URL first or second', async () => {
    const r = await ferry(['compare', url('/www/'), 'copy'], { cwd: work });
    expect(r.stdout.trim()).toBe('in agreement: 4 compared by size and time: 4 identical');
    expect(r.status).toBe(0);
  });

  it('leaves out excluded names and subfolders when asked', async () => {
    const r = await ferry(['compare', 'site', url('/www'), '--exclude', '*.tmp', '--exclude', 'about.html', '--no-recursion'], { cwd: work });
    expect(r.stdout.trim()).toBe('in agreement: 2 compared by size and time: 2 identical');
    expect(r.status).toBe(0);
  });

  it('prints one JSON record per pair and a summary with --json', async () => {
    const r = await ferry(['compare', 'site', url('/www'), '--json'], { cwd: work });
    const records = r.stdout.split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(records.filter((x) => x.type === 'pair').map((x) => [x.path, x.verdict])).toEqual([
      ['about.html', 'only-local'],
      ['css', 'identical'],
      ['css/main.css', 'newer-local'],
      ['css/old.css', 'only-remote'],
      ['draft.tmp', 'only-local'],
      ['index.html', 'identical'],
    ]);
    expect(records.at(-1)).toMatchObject({ type: 'summary', compared: 6, differing: 4 });
    expect(r.status).toBe(1);
  });

  it('exits 2 with a usage line for a bad --by', async () => {
    const r = await ferry(['compare', 'site', url('/www'), '--by', 'colour'], { cwd: work });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--by takes size, time, size,time or checksum (got "colour")');
  });
});
