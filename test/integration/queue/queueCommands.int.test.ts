/** The `ferry` queue commands run in-process (get -r, put -r, and mirror, sync's alias) against pyftpdlib behind the fault proxy. */
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/runCli';
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

  it('mirror is sync down: it downloads a tree, then only what changed', async () => {
    const target = path.join(suite.work, 'mirror');
    const first = captureIo(suite.work, env());
    expect(await runCli(['mirror', '--mode', 'passive', '-P', '2', `${base}/site`, target], first)).toBe(0);
    expect(await treeHashes(target)).toEqual(await treeHashes(path.join(suite.server.homeDir, 'site')));
    expect(first.out()).toMatch(/synced 3 file\(s\), .*0 failed/);

    // Make one remote file newer than its copy; the rest keep the times the mirror gave them.
    const changed = path.join(suite.server.homeDir, 'site', 'sub', 'c.txt');
    await fsp.writeFile(changed, 'hello again');
    const later = new Date(Date.now() + 3_600_000);
    await fsp.utimes(changed, later, later);
    const dry = captureIo(suite.work, env());
    expect(await runCli(['mirror', '--mode', 'passive', '-n', `${base}/site`, target], dry)).toBe(0);
    expect(dry.out()).toMatch(/^replace here {6}sub\/c\.txt {2}\(modified .* later on the server, and the sizes differ\)\nplan: 1 replace here; 11 B to copy\n$/);
    const second = captureIo(suite.work, env());
    expect(await runCli(['mirror', '--mode', 'passive', `${base}/site`, target], second)).toBe(0);
    expect(second.out()).toMatch(/^got \/site\/sub\/c\.txt -> .*\nsynced 1 file\(s\), .*0 failed\n$/);
    expect(await fsp.readFile(path.join(target, 'sub', 'c.txt'), 'utf8')).toBe('hello again');
  });

  it('mirror -R is sync up: it uploads a local tree, and --delete removes what is only on the server', async () => {
    const source = path.join(suite.work, 'mirror');
    const io = captureIo(suite.work, env());
    // Either operand order, as lftp's mirror -R takes LOCALDIR first.
    expect(await runCli(['mirror', '--mode', 'passive', '-R', source, `${base}/back/`], io)).toBe(0);
    expect(await treeHashes(path.join(suite.server.homeDir, 'back'))).toEqual(await treeHashes(source));
    await fsp.writeFile(path.join(suite.server.homeDir, 'back', 'stray.txt'), 'only there');
    const keep = captureIo(suite.work, env());
    expect(await runCli(['mirror', '--mode', 'passive', '--reverse', `${base}/back/`, source], keep)).toBe(0);
    expect(await fsp.readFile(path.join(suite.server.homeDir, 'back', 'stray.txt'), 'utf8')).toBe('only there');
    const del = captureIo(suite.work, env());
    expect(await runCli(['mirror', '--mode', 'passive', '-R', '--delete', source, `${base}/back/`], del)).toBe(0);
    expect(del.out()).toBe('deleted /back/stray.txt\nsynced 0 file(s), 0 B (0 bytes), 1 deleted, 0 failed\n');
    expect(await treeHashes(path.join(suite.server.homeDir, 'back'))).toEqual(await treeHashes(source));
  });

  it('mirror exits 1 on a conflict, as sync does: a local copy newer than the server\'s is left alone', async () => {
    const target = path.join(suite.work, 'mirror');
    const mine = path.join(target, 'a.bin');
    const later = new Date(Date.now() + 7_200_000);
    await fsp.utimes(mine, later, later);
    const before = await treeHashes(target);
    const io = captureIo(suite.work, env());
    expect(await runCli(['mirror', '--mode', 'passive', `${base}/site`, target], io)).toBe(1);
    expect(io.out()).toMatch(/^conflict {10}a\.bin {2}\(/m);
    expect(await treeHashes(target)).toEqual(before);
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
