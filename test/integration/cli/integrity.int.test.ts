/**
 * `ferry` run as a user runs it, where a server, the link or another local user misbehaves:
 * nothing is reported done that is not whole, nothing arrived is thrown away, nothing planted in
 * the download folder is written through, and nothing the server sends reaches the terminal raw.
 * Against the scripted fault server, and pure-ftpd behind the fault proxy.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from '../../servers';
import { startFaultProxy, type FaultProxy } from '../../servers/faultProxy';
import { startFaultServer, type FaultServer } from '../../servers/faultServer';
import { ensureCliBuilt, ferry, ROOT, sha256 } from './harness';

const MiB = 1 << 20;
const work = mkdtempSync(join(tmpdir(), 'ferry-integrity-'));
const servers: FaultServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.stop()));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));
beforeAll(async () => {
  await ensureCliBuilt();
}, 180_000);

async function fault(options: Parameters<typeof startFaultServer>[0]): Promise<{ server: FaultServer; url: (path: string) => string }> {
  const server = await startFaultServer(options);
  servers.push(server);
  return { server, url: (p) => `ftp://u:secret@127.0.0.1:${server.port}/~/${p}` };
}

function folder(name: string): string {
  const dir = join(work, name);
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** A file outside the download folder that a planted link points at. */
function victim(name: string): string {
  const path = join(folder('elsewhere'), name);
  writeFileSync(path, 'precious');
  return path;
}

describe('a download the server breaks off', () => {
  it('keeps the bytes that arrived before the 426, and --resume continues after them with REST', async () => {
    const data = randomBytes(4 * MiB);
    let calls = 0;
    const { server, url } = await fault({
      files: { 'big.bin': data },
      handlers: {
        RETR: async (session, name) => {
          const rest = session.state.rest;
          session.state.rest = 0;
          session.reply(150, 'Opening');
          const socket = await session.dataSocket();
          if (calls++ === 0) {
            socket.end(data.subarray(0, MiB));
            session.reply(426, 'Connection closed; transfer aborted');
            return;
          }
          await new Promise<void>((resolve) => socket.end(session.files.get(name)!.subarray(rest), () => resolve()));
          session.reply(226, 'Transfer complete');
        },
      },
    });
    const dir = folder('cut');
    const first = await ferry(['get', url('big.bin'), `${dir}/`]);
    expect(first.status).toBe(1);
    expect(first.stderr).toMatch(/^ferry: 426 Connection closed; transfer aborted \(after RETR big\.bin\); 1,048,576 bytes kept in .*big\.bin\.part; continue with --resume$/m);
    expect(readdirSync(dir)).toEqual(['big.bin.part']);
    expect(readFileSync(join(dir, 'big.bin.part'))).toHaveLength(MiB);

    const again = await ferry(['get', '--resume', url('big.bin'), `${dir}/`]);
    expect(again.status).toBe(0);
    expect(server.commands).toContain(`REST ${MiB}`);
    expect(readdirSync(dir)).toEqual(['big.bin']);
    expect(sha256(readFileSync(join(dir, 'big.bin')))).toBe(sha256(data));
  });
});

describe('pure-ftpd behind a link that loses data, and a download folder others can write to', () => {
  let srv: Awaited<ReturnType<typeof startServer>>;
  let proxy: FaultProxy;
  const data = randomBytes(4 * MiB);
  let url: (name: string) => string;

  beforeAll(async () => {
    srv = await startServer('pure-ftpd');
    proxy = await startFaultProxy({ targetPort: srv.port });
    url = (name) => `ftp://${encodeURIComponent(srv.user)}:${encodeURIComponent(srv.password)}@127.0.0.1:${proxy.port}/~/${name}`;
    writeFileSync(join(folder('up'), 'data.bin'), data);
  });
  afterAll(async () => {
    await proxy.stop();
    await srv.stop();
  });

  it('an upload the link cuts short while both ends see a clean finish is not reported done: the server size says what arrived, and --resume completes it', async () => {
    proxy.addDataFault({ command: 'STOR', swallowAfterBytes: MiB });
    const cut = await ferry(['put', '--data', 'EPSV', join(work, 'up', 'data.bin'), url('cut.bin')]);
    expect(proxy.events.some((e) => e.startsWith('swallow STOR'))).toBe(true);
    expect(cut.status).toBe(1);
    expect(cut.stderr).toMatch(/^ferry: upload ended at 1048576 of 4194304 bytes$/m);
    expect(readFileSync(join(srv.homeDir, 'cut.bin'))).toHaveLength(MiB);

    const resumed = await ferry(['put', '--resume', '--data', 'EPSV', join(work, 'up', 'data.bin'), url('cut.bin')]);
    expect(resumed.status).toBe(0);
    expect(sha256(readFileSync(join(srv.homeDir, 'cut.bin')))).toBe(sha256(data));
  });

  it('nor is one from stdin', async () => {
    proxy.addDataFault({ command: 'STOR', swallowAfterBytes: MiB });
    const cut = await ferry(['put', '--data', 'EPSV', '-', url('stdin.bin')], { input: data });
    expect(cut.status).toBe(1);
    expect(cut.stderr).toMatch(/^ferry: upload of \S*stdin\.bin incomplete: the server holds 1,048,576 of the [\d,]+ bytes sent$/m);
  });

  it('a folder of x and x.part, two at a time, arrives whole, each under its own name', async () => {
    mkdirSync(join(srv.homeDir, 'clash'));
    const x = randomBytes(300_000);
    writeFileSync(join(srv.homeDir, 'clash', 'x'), x);
    writeFileSync(join(srv.homeDir, 'clash', 'x.part'), 'the file that is x.part!');
    const dir = folder('clash');
    // x takes long enough for x.part to be fetched on the second connection meanwhile.
    proxy.setThrottle(1_000_000);
    const got = await ferry(['get', '-r', '-P', '2', url('clash'), dir]).finally(() => proxy.setThrottle(0));
    expect(got.status).toBe(0);
    expect(got.stdout).toMatch(/transferred 2 file\(s\).*0 failed/);
    expect(sha256(readFileSync(join(dir, 'x')))).toBe(sha256(x));
    expect(readFileSync(join(dir, 'x.part'), 'utf8')).toBe('the file that is x.part!');
    expect(readdirSync(dir).sort()).toEqual(['x', 'x.part']);
  });

  it('get -r --on-exists resume does not continue a link planted at a partial name: it replaces it and starts over', async () => {
    mkdirSync(join(srv.homeDir, 'planted'));
    writeFileSync(join(srv.homeDir, 'planted', 'a.bin'), 'remote content');
    const dir = folder('planted-r');
    const target = victim('precious-r.txt');
    symlinkSync(target, join(dir, 'a.bin.part'));
    const got = await ferry(['get', '-r', '--on-exists', 'resume', url('planted'), dir]);
    expect(got.stderr).toMatch(/a\.bin\.part is a symbolic link; downloading \S*a\.bin from the start/);
    expect(got.status).toBe(0);
    expect(readFileSync(target, 'utf8')).toBe('precious');
    expect(readFileSync(join(dir, 'a.bin'), 'utf8')).toBe('remote content');
    expect(readdirSync(dir)).toEqual(['a.bin']);
  });

  it('get -r refuses a subfolder that someone made a link, and writes nothing through it', async () => {
    mkdirSync(join(srv.homeDir, 'tree', 'sub'), { recursive: true });
    writeFileSync(join(srv.homeDir, 'tree', 'top.txt'), 'top');
    writeFileSync(join(srv.homeDir, 'tree', 'sub', 'precious.txt'), 'overwritten!');
    const dir = folder('tree-target');
    const target = victim('precious.txt');
    symlinkSync(join(work, 'elsewhere'), join(dir, 'sub'));
    const got = await ferry(['get', '-r', url('tree'), dir]);
    expect(got.status).toBe(1);
    expect(got.stderr).toMatch(/sub is a symbolic link/);
    expect(readFileSync(target, 'utf8')).toBe('precious');
    expect(readFileSync(join(dir, 'top.txt'), 'utf8')).toBe('top');
  });
});

describe('--resume with what is already there', () => {
  it('continues the partial file of the failed attempt, not an older file under the final name', async () => {
    const data = randomBytes(600);
    const { server, url } = await fault({ files: { 'f.bin': data } });
    const dir = folder('resume-both');
    writeFileSync(join(dir, 'f.bin'), Buffer.alloc(100, 1));
    writeFileSync(join(dir, 'f.bin.part'), data.subarray(0, 500));
    const got = await ferry(['get', '--resume', url('f.bin'), `${dir}/`]);
    expect(got.status).toBe(0);
    expect(server.commands).toContain('REST 500');
    expect(sha256(readFileSync(join(dir, 'f.bin')))).toBe(sha256(data));
    expect(readdirSync(dir)).toEqual(['f.bin']);
  });

  it('refuses a local file larger than the remote one, and a remote one larger than the local', async () => {
    const { url } = await fault({ files: { 'small.bin': 'abc', 'big.bin': 'abcdefgh' } });
    const dir = folder('resume-larger');
    writeFileSync(join(dir, 'small.bin'), 'abcdef');
    const get = await ferry(['get', '--resume', url('small.bin'), `${dir}/`]);
    expect(get.status).toBe(1);
    expect(get.stderr).toMatch(/^ferry: cannot resume: .*small\.bin \(6 bytes\) is larger than small\.bin \(3 bytes\)$/m);
    expect(readFileSync(join(dir, 'small.bin'), 'utf8')).toBe('abcdef');
    writeFileSync(join(dir, 'up.bin'), 'abc');
    const put = await ferry(['put', '--resume', join(dir, 'up.bin'), url('big.bin')]);
    expect(put.status).toBe(1);
    expect(put.stderr).toMatch(/^ferry: cannot resume: big\.bin \(8 bytes\) is larger than .*up\.bin \(3 bytes\)$/m);
  });

  it('does not take a folder of the same name for the file', async () => {
    const { url } = await fault({ files: { 'name': 'content' } });
    const dir = folder('resume-folder');
    mkdirSync(join(dir, 'name'));
    const clash = await ferry(['get', '--resume', url('name'), `${dir}/`]);
    expect(clash.status).toBe(1);
    expect(clash.stderr).toMatch(/^ferry: cannot write .*name: a folder has that name$/m);
    expect(readdirSync(dir)).toEqual(['name']);
    expect(readdirSync(join(dir, 'name'))).toEqual([]);
  });
});

describe('a link planted at the partial name', () => {
  it.each([[[]], [['--resume']]])('is replaced, never written through (get %j)', async (extra) => {
    const { url } = await fault({ files: { 'a.bin': 'remote content' } });
    const dir = folder(`planted${extra.length}`);
    const target = victim(`precious${extra.length}.txt`);
    symlinkSync(target, join(dir, 'a.bin.part'));
    const got = await ferry(['get', ...extra, url('a.bin'), `${dir}/`]);
    expect(got.status).toBe(0);
    expect(readFileSync(target, 'utf8')).toBe('precious');
    expect(lstatSync(join(dir, 'a.bin')).isFile()).toBe(true);
    expect(readFileSync(join(dir, 'a.bin'), 'utf8')).toBe('remote content');
    if (extra.length) expect(got.stderr).toMatch(/a\.bin\.part is a symbolic link; downloading a\.bin from the start/);
  });

});

/** Control characters other than the line breaks ferry itself writes. */
function rawControls(text: string): string[] {
  return [...text].filter((c) => c !== '\n' && (c <= '\x1f' || (c >= '\x7f' && c <= '\x9f')));
}

describe('what the server sends never reaches the terminal raw', () => {
  // A listing line ends at CR or LF, so a name cannot hold them; a reply line can hold a CR.
  const hostile = 'evil\x1b]0;owned\x07\x1b[2J\x9bforged';

  it('in listings, error lines and verbose replies', async () => {
    const { url } = await fault({
      listing: [`-rw-r--r--    1 ftp      ftp            5 Jan 02  2024 ${hostile}`],
      handlers: { RETR: (s) => s.reply(550, `No such file ${hostile}\rforged line`) },
    });
    const ls = await ferry(['ls', url('')]);
    expect(ls.status).toBe(0);
    expect(ls.stdout).toContain('evil\\x1b]0;owned\\x07\\x1b[2J\\x9bforged');
    expect(rawControls(ls.stdout)).toEqual([]);
    const json = await ferry(['ls', '--json', url('')]);
    expect(JSON.parse(json.stdout)[0].name).toBe(hostile);
    const get = await ferry(['get', '-v', url('x'), join(work, 'x')]);
    expect(get.status).toBe(1);
    expect(get.stderr).toContain('550 No such file evil\\x1b]0;owned');
    expect(get.stderr).toContain('\\x0dforged line');
    expect(rawControls(get.stderr)).toEqual([]);
  });

  it('stops a listing past the limit with one line saying how to raise it', async () => {
    const listing = Array.from({ length: 50 }, (_, i) => `-rw-r--r--    1 ftp      ftp            1 Jan 02  2024 f${i}`);
    const { url } = await fault({ listing });
    const capped = await ferry(['ls', url('')], { env: { FERRY_MAX_LISTING_ENTRIES: '20' } });
    expect(capped.status).toBe(1);
    expect(capped.stderr).toMatch(/^ferry: The listing of .* has more than 20 entries, .*set FERRY_MAX_LISTING_ENTRIES to raise the limit$/m);
    const raised = await ferry(['ls', url('')], { env: { FERRY_MAX_LISTING_ENTRIES: '50' } });
    expect(raised.stdout.trimEnd().split('\n')).toHaveLength(50);
  });

  it('lists 125,000 entries, and stops quietly when the reader of its output goes away', async () => {
    const listing = Array.from({ length: 125_000 }, (_, i) => `-rw-r--r--    1 ftp      ftp      ${String(i).padStart(8)} Jan 02  2024 file-${i}`);
    const { url } = await fault({ listing });
    const all = await ferry(['ls', url('')]);
    expect(all.status).toBe(0);
    expect(all.stdout.trimEnd().split('\n')).toHaveLength(125_000);
    const piped = await new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
      const child = spawn('sh', ['-c', `"${join(ROOT, 'bin/ferry.js')}" ls "${url('')}" | head -1`], { env: { ...process.env, PATH: `${join(process.execPath, '..')}:${process.env.PATH}` } });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      child.on('close', (status) => resolve({ status, stdout, stderr }));
    });
    expect(piped.stdout.split('\n')[0]).toMatch(/file-0$/);
    expect(piped.stderr).toBe('');
  });
});

describe('a password given in the URL', () => {
  it('is gone from the process list while the command runs, and not echoed in errors', async () => {
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    let seen: () => void = () => undefined;
    const asked = new Promise<void>((resolve) => (seen = resolve));
    const { server } = await fault({
      password: 'hunter2-secret',
      handlers: {
        USER: async (s, arg) => {
          s.state.user = arg;
          seen();
          await held;
          s.reply(331, 'Password required');
        },
      },
    });
    const child = spawn(join(ROOT, 'bin/ferry.js'), ['ls', `ftp://u:hunter2-secret@127.0.0.1:${server.port}/`], {
      env: { ...process.env, PATH: `${join(process.execPath, '..')}:${process.env.PATH}` },
      stdio: 'ignore',
    });
    const exited = new Promise((resolve) => child.on('close', resolve));
    await asked;
    const cmdline = readFileSync(`/proc/${child.pid}/cmdline`, 'utf8');
    release();
    await exited;
    expect(cmdline).toContain('ftp://u:***@127.0.0.1');
    expect(cmdline).not.toContain('hunter2');

    const typo = await ferry(['ls', 'ftp:/u:hunter2-secret@host/']);
    expect(typo.status).toBe(2);
    expect(typo.stderr).not.toContain('hunter2');
  });
});
