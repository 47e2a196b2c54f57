/**
 * `ferry` over sftp:// as a user runs it against a real OpenSSH sshd: an unknown host key stops
 * the command with one line naming it, `--fingerprint` and known_hosts let it on; passwords from
 * the URL or FERRY_PASSWORD, keys with `--identity` (an encrypted one with FERRY_PASSPHRASE);
 * ls, get, put, rm, mkdir, rmdir, mv, get -r and put -r, and a sync the compare after it agrees
 * with; `--verbose` shows the SFTP requests.
 */
import { promises as fsp } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSshServer, type RunningSshServer } from '../../servers/sshd';
import { ensureCliBuilt, ferry, sha256, sha256File } from './harness';

let server: RunningSshServer;
let work: string;
let dataDir: string;
let home: string;
let fingerprint: string;
let keyType: string;

const base = () => `sftp://${server.user}@127.0.0.1:${server.port}`;
const env = (extra: Record<string, string> = {}) => ({ FERRY_DATA_DIR: dataDir, HOME: home, FERRY_PASSWORD: server.password, SSH_AUTH_SOCK: '', ...extra });
const run = (args: string[], extra: Record<string, string> = {}) => ferry(args, { cwd: work, env: env(extra) });
/** Runs with the server's key trusted by --fingerprint. */
const trusted = (args: string[], extra: Record<string, string> = {}) => run([...args, '--fingerprint', fingerprint], extra);
const remote = (rel: string) => path.join(server.homeDir, rel);

beforeAll(async () => {
  await ensureCliBuilt();
  server = await startSshServer();
  work = await fsp.mkdtemp(path.join(os.tmpdir(), 'ferry-sftp-cli-'));
  dataDir = await fsp.mkdtemp(path.join(os.tmpdir(), 'ferry-sftp-cli-data-'));
  home = await fsp.mkdtemp(path.join(os.tmpdir(), 'ferry-sftp-cli-home-'));
}, 60_000);

afterAll(async () => {
  await server?.stop();
  for (const dir of [work, dataDir, home]) if (dir) await fsp.rm(dir, { recursive: true, force: true });
});

describe('ferry over sftp://', () => {
  it('stops at an unknown host key with one line naming it, and sends nothing', async () => {
    const result = await run(['ls', `${base()}${server.homeDir}/`]);
    expect(result.status).toBe(1);
    const match = /^ferry: unknown host key for 127\.0\.0\.1:(\d+): (\S+) (SHA256:[A-Za-z0-9+/]{43}) \(add --fingerprint (SHA256:\S+) if you trust it\)\n$/.exec(result.stderr);
    expect(match, result.stderr).not.toBeNull();
    [, , keyType, fingerprint] = match!;
    expect(match![1]).toBe(String(server.port));
    expect(match![4]).toBe(fingerprint);
    expect(server.hostKeys.map((k) => k.fingerprint)).toContain(fingerprint);
    expect(server.log()).not.toMatch(/Accepted|Failed password/);
    // Another fingerprint is no trust either.
    const wrong = await run(['ls', `${base()}${server.homeDir}/`, '--fingerprint', `SHA256:${'A'.repeat(43)}`]);
    expect(wrong.stderr).toContain(`unknown host key for 127.0.0.1:${server.port}: ${keyType} ${fingerprint}`);
  });

  it('lists with --fingerprint, and with the key in Ferry’s known_hosts; --verbose shows the SFTP requests', async () => {
    await fsp.writeFile(remote('hello.txt'), 'hello');
    await server.chownToServer(remote('hello.txt'));
    const listed = await trusted(['ls', `${base()}${server.homeDir}/`]);
    expect(listed.status, listed.stderr).toBe(0);
    expect(listed.stdout).toMatch(/hello\.txt/);

    const line = server.hostKeys.find((k) => k.fingerprint === fingerprint)!.publicKeyLine.split(' ').slice(0, 2).join(' ');
    await fsp.writeFile(path.join(dataDir, 'known_hosts'), `[127.0.0.1]:${server.port} ${line}\n`);
    const verbose = await run(['ls', '-v', `${base()}/~/`]);
    expect(verbose.status, verbose.stderr).toBe(0);
    expect(verbose.stdout).toMatch(/hello\.txt/);
    expect(verbose.stderr).toMatch(/^> OPENDIR /m);
    expect(verbose.stderr).not.toContain(server.password);
    await fsp.rm(path.join(dataDir, 'known_hosts'));
  });

  it('gets and puts single files, byte for byte, with the password or a key', async () => {
    const data = Buffer.alloc(1_500_000, 9);
    data.write('ferry');
    await fsp.writeFile(path.join(work, 'up.bin'), data);
    const put = await trusted(['put', 'up.bin', `${base()}${server.homeDir}/up.bin`]);
    expect(put.status, put.stderr).toBe(0);
    expect(sha256File(remote('up.bin'))).toBe(sha256(data));

    const byKey = await trusted(['get', '--identity', server.clientKeys.plainPath, `${base()}${server.homeDir}/up.bin`, 'down.bin'], { FERRY_PASSWORD: '' });
    expect(byKey.status, byKey.stderr).toBe(0);
    expect(sha256File(path.join(work, 'down.bin'))).toBe(sha256(data));

    const encrypted = ['get', '-i', server.clientKeys.encryptedPath, `${base()}${server.homeDir}/hello.txt`, 'hello.txt'];
    const noPassphrase = await trusted(encrypted, { FERRY_PASSWORD: '' });
    expect(noPassphrase.status).toBe(1);
    expect(noPassphrase.stderr).toBe(`ferry: the key ${server.clientKeys.encryptedPath} is encrypted: set FERRY_PASSPHRASE to its passphrase\n`);
    const withPassphrase = await trusted(encrypted, { FERRY_PASSWORD: '', FERRY_PASSPHRASE: server.clientKeys.passphrase });
    expect(withPassphrase.status, withPassphrase.stderr).toBe(0);
    expect(await fsp.readFile(path.join(work, 'hello.txt'), 'utf8')).toBe('hello');
  });

  it('makes, moves and removes files and folders', async () => {
    const at = (p: string) => `${base()}${server.homeDir}/${p}`;
    expect((await trusted(['mkdir', at('made')])).status).toBe(0);
    expect((await fsp.stat(remote('made'))).isDirectory()).toBe(true);
    const moved = await trusted(['mv', at('hello.txt'), `${server.homeDir}/made/moved.txt`]);
    expect(moved.status, moved.stderr).toBe(0);
    expect(await fsp.readFile(remote('made/moved.txt'), 'utf8')).toBe('hello');
    expect((await trusted(['rm', at('made/moved.txt')])).status).toBe(0);
    expect((await trusted(['rmdir', at('made')])).status).toBe(0);
    const gone = await trusted(['rm', at('nothing-here')]);
    expect(gone.status).toBe(1);
    expect(gone.stderr).toMatch(/^ferry: No such file .*REMOVE \/.*nothing-here\n$/);
  });

  it('copies folder trees both ways with -r, and a sync leaves the two in agreement', async () => {
    const tree = path.join(work, 'tree');
    await fsp.mkdir(path.join(tree, 'sub'), { recursive: true });
    await fsp.writeFile(path.join(tree, 'a.txt'), 'alpha');
    await fsp.writeFile(path.join(tree, 'sub', 'b.bin'), Buffer.alloc(300_000, 1));
    const up = await trusted(['put', '-r', '-P', '2', 'tree', `${base()}${server.homeDir}/tree`]);
    expect(up.status, up.stderr).toBe(0);
    expect(await fsp.readFile(remote('tree/a.txt'), 'utf8')).toBe('alpha');
    expect(sha256File(remote('tree/sub/b.bin'))).toBe(sha256File(path.join(tree, 'sub', 'b.bin')));

    const down = await trusted(['get', '-r', `${base()}${server.homeDir}/tree`, 'copy']);
    expect(down.status, down.stderr).toBe(0);
    expect(sha256File(path.join(work, 'copy', 'sub', 'b.bin'))).toBe(sha256File(path.join(tree, 'sub', 'b.bin')));

    await fsp.writeFile(path.join(tree, 'new.txt'), 'new');
    const sync = await trusted(['sync', 'tree', `${base()}${server.homeDir}/tree`, '--direction', 'up']);
    expect(sync.status, sync.stderr).toBe(0);
    expect(await fsp.readFile(remote('tree/new.txt'), 'utf8')).toBe('new');
    const compare = await trusted(['compare', 'tree', `${base()}${server.homeDir}/tree`]);
    expect(compare.status, compare.stdout + compare.stderr).toBe(0);
    expect(compare.stdout).toMatch(/^in agreement: 4 compared/m);
  });

  it('refuses the options of FTP for an sftp:// URL', async () => {
    const result = await run(['ls', `${base()}/`, '--tls', 'explicit']);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^ferry: --tls is for FTP; sftp:\/\/ URLs use SSH/);
    const ascii = await trusted(['get', '-a', `${base()}${server.homeDir}/tree/a.txt`, 'a.txt']);
    expect(ascii.status).toBe(2);
    expect(ascii.stderr).toMatch(/^ferry: SFTP transfers files byte for byte: --type ascii \(-a\) is for FTP/);
  });
});
