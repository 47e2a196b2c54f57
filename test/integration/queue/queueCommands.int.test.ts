/** The `ferry` queue commands run in-process (get -r, put -r, mirror) against pyftpdlib behind the fault proxy. */
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runQueueCommand } from '../../../electron/cli/queueCommands';
import { parseOnExists, parseRetries } from '../../../electron/cli/queueOptions';
import { captureIo, cliOptions, serverSuite, treeHashes, writeRandomFile } from './harness';

describe('ferry get -r / put -r / mirror', () => {
  const suite = serverSuite('pyftpdlib', { proxy: {} });
  let base: string;

  beforeAll(async () => {
    const { server, proxy } = suite;
    base = `ftp://${server.user}@${proxy.host}:${proxy.port}`;
    await writeRandomFile(path.join(server.homeDir, 'site', 'a.bin'), 300_000);
    await writeRandomFile(path.join(server.homeDir, 'site', 'sub', 'b.bin'), 2_000_000);
    await fsp.writeFile(path.join(server.homeDir, 'site', 'sub', 'c.txt'), 'hello');
  });

  const env = () => ({ FERRY_PASSWORD: suite.server.password });

  it('mirror downloads a tree, then transfers only what changed', async () => {
    const target = path.join(suite.work, 'mirror');
    const first = captureIo(suite.work, env());
    expect(await runQueueCommand('mirror', [`${base}/site`, target], cliOptions({ parallel: 2 }), first)).toBe(0);
    expect(await treeHashes(target)).toEqual(await treeHashes(path.join(suite.server.homeDir, 'site')));
    expect(first.out()).toMatch(/mirrored 3 file\(s\)/);

    // Make one remote file newer than its copy; the rest keep the times the mirror gave them.
    const changed = path.join(suite.server.homeDir, 'site', 'sub', 'c.txt');
    await fsp.writeFile(changed, 'hello again');
    const later = new Date(Date.now() + 3_600_000);
    await fsp.utimes(changed, later, later);
    const second = captureIo(suite.work, env());
    expect(await runQueueCommand('mirror', [`${base}/site`, target], cliOptions(), second)).toBe(0);
    expect(second.out()).toMatch(/mirrored 1 file\(s\), .*2 skipped, 0 failed/);
    expect(await fsp.readFile(path.join(target, 'sub', 'c.txt'), 'utf8')).toBe('hello again');
  });

  it('mirror --reverse uploads a local tree', async () => {
    const source = path.join(suite.work, 'mirror');
    const io = captureIo(suite.work, env());
    expect(await runQueueCommand('mirror', [`${base}/back/`, source], cliOptions({ isReverse: true }), io)).toBe(0);
    expect(await treeHashes(path.join(suite.server.homeDir, 'back'))).toEqual(await treeHashes(source));
  });

  it('reports a failed file with its reason and exits 1 when retries run out', async () => {
    suite.proxy.addDataFault({ command: 'RETR', path: '/site/sub/b.bin', cutAfterBytes: 500_000 });
    const io = captureIo(suite.work, env());
    const status = await runQueueCommand('get', [`${base}/site`, path.join(suite.work, 'fail')], cliOptions({ retries: 0 }), io);
    expect(status).toBe(1);
    expect(io.err()).toMatch(/failed \/site\/sub\/b\.bin -> .*b\.bin: /);
    expect(io.out()).toMatch(/transferred 2 file\(s\), .*1 failed/);
    expect(io.err()).toMatch(/ {2}failed: \/site\/sub\/b\.bin: /);

    // Run again with --on-exists resume: the partial file the first run left is continued, not restarted.
    const partBytes = (await fsp.stat(path.join(suite.work, 'fail', 'sub', 'b.bin.part'))).size;
    expect(partBytes).toBeGreaterThan(0);
    const again = captureIo(suite.work, env());
    expect(await runQueueCommand('get', [`${base}/site`, path.join(suite.work, 'fail')], cliOptions({ onExists: 'resume' }), again)).toBe(0);
    expect(suite.proxy.commands).toContain(`REST ${partBytes}`);
    expect(await treeHashes(path.join(suite.work, 'fail'))).toEqual(await treeHashes(path.join(suite.server.homeDir, 'site')));
  });

  it('retries a cut file and resumes it, printing the retry', async () => {
    suite.proxy.addDataFault({ command: 'RETR', path: '/site/sub/b.bin', cutAfterBytes: 1_000_000 });
    const io = captureIo(suite.work, env());
    const local = path.join(suite.work, 'retry');
    const status = await runQueueCommand('get', [`${base}/site`, local], cliOptions({ retries: 2, isJson: true }), io);
    expect(status).toBe(0);
    const events = io.out().trim().split('\n').map((l) => JSON.parse(l) as { type: string; text?: string; attempts?: number; remotePath?: string });
    expect(events.some((e) => e.type === 'log' && /retry in/.test(e.text ?? ''))).toBe(true);
    expect(events.find((e) => e.type === 'file' && e.remotePath === '/site/sub/b.bin')?.attempts).toBe(2);
    expect(suite.proxy.commands.some((c) => /^REST [1-9]/.test(c))).toBe(true);
    expect(await treeHashes(local)).toEqual(await treeHashes(path.join(suite.server.homeDir, 'site')));
  });

  it('validates --on-exists and --retries values', () => {
    expect(parseOnExists('Newer')).toBe('newer');
    expect(() => parseOnExists('ask')).toThrow(/--on-exists must be one of/);
    expect(parseRetries('0')).toBe(0);
    expect(() => parseRetries('-1')).toThrow(/--retries/);
  });
});
