/**
 * The real-server harness (test/servers) checked with the reference clients curl and lftp:
 * every kind lists in passive and active mode, round-trips a file byte for byte, serves the
 * anonymous area read-only and speaks explicit FTPS; the kinds that can are also checked with
 * passive or active mode refused, implicit TLS, required TLS and required TLS session reuse.
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect as netConnect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect as tlsConnect } from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SERVER_KINDS, SERVER_SUPPORTS, kindsWith, startServer, type RunningServer } from '../../servers';

const local = mkdtempSync(join(tmpdir(), 'ferry-servers-test-'));
afterAll(() => rmSync(local, { recursive: true, force: true }));

interface Run {
  code: number;
  stdout: Buffer;
  stderr: string;
}

function run(command: string, args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(command, args, { encoding: 'buffer', timeout: 30_000 }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === 'number' ? err.code : -1) : 0;
      resolve({ code, stdout, stderr: stderr.toString() });
    });
  });
}

/** curl against the server; `auth: false` logs in anonymously. */
function curl(srv: RunningServer, path: string, args: string[] = [], auth = true): Promise<Run> {
  const scheme = srv.options.implicitTls ? 'ftps' : 'ftp';
  const creds = auth ? `${srv.user}:${srv.password}@` : '';
  return run('curl', ['-sS', '--max-time', '20', ...args, `${scheme}://${creds}127.0.0.1:${srv.port}/${path}`]);
}

/** lftp against the server, with `settings` applied before `commands`. */
function lftp(srv: RunningServer, settings: string[], commands: string): Promise<Run> {
  const script = [
    'set net:max-retries 1', 'set net:timeout 10', 'set ssl:verify-certificate no', ...settings,
    `open -u ${srv.user},${srv.password} -p ${srv.port} ${srv.options.implicitTls ? 'ftps' : 'ftp'}://127.0.0.1`,
    commands, 'bye',
  ].join('; ');
  return run('lftp', ['-c', script]);
}

const expectOk = (r: Run, srv: RunningServer) => {
  if (r.code !== 0) throw new Error(`client failed (${r.code}): ${r.stderr}\n--- server log\n${srv.log().slice(-4000)}`);
};

/** The certificate the server presents after AUTH TLS, read with Node's own TLS client. */
function peerFingerprint(srv: RunningServer): Promise<string> {
  return new Promise((resolve, reject) => {
    const plain = netConnect({ host: '127.0.0.1', port: srv.port });
    let text = '';
    let sentAuth = false;
    plain.on('error', reject);
    plain.on('data', (d: Buffer) => {
      text += d.toString('latin1');
      if (!sentAuth && /^220 /m.test(text)) {
        sentAuth = true;
        plain.write('AUTH TLS\r\n');
      } else if (sentAuth && /^234 /m.test(text)) {
        plain.removeAllListeners('data');
        const secure = tlsConnect({ socket: plain, rejectUnauthorized: false }, () => {
          resolve(secure.getPeerCertificate().fingerprint256);
          secure.destroy();
        });
        secure.on('error', reject);
      }
    });
  });
}

describe.each(SERVER_KINDS)('%s', (kind) => {
  let srv: RunningServer;
  const payload = randomBytes(256 * 1024 + 13);

  beforeAll(async () => {
    srv = await startServer(kind, { tls: true });
    writeFileSync(join(srv.homeDir, 'seed.txt'), 'seeded by the test\n');
  });
  afterAll(async () => {
    await srv?.stop();
  });

  it('describes itself', () => {
    expect(srv.kind).toBe(kind);
    expect(srv.host).toBe('127.0.0.1');
    expect(srv.port).toBeGreaterThan(0);
    expect(srv.certFingerprint256).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    expect(srv.certPem).toContain('BEGIN CERTIFICATE');
    expect(srv.supports).toEqual(SERVER_SUPPORTS[kind]);
    expect(existsSync(join(srv.anonDir, 'readme.txt'))).toBe(true);
  });

  it.each([
    ['EPSV', []],
    ['PASV', ['--disable-epsv']],
  ])('lists in passive mode (%s)', async (_mode, args) => {
    const r = await curl(srv, '', ['--ftp-pasv', ...args]);
    expectOk(r, srv);
    expect(r.stdout.toString()).toContain('seed.txt');
  });

  it.each([
    ['EPRT', []],
    ['PORT', ['--disable-eprt']],
  ])('lists in active mode (%s)', async (_mode, args) => {
    const r = await curl(srv, '', ['-P', '127.0.0.1', ...args]);
    expectOk(r, srv);
    expect(r.stdout.toString()).toContain('seed.txt');
  });

  it('uploads and downloads a file byte-identical', async () => {
    const from = join(local, `${kind}-up.bin`);
    const to = join(local, `${kind}-down.bin`);
    writeFileSync(from, payload);
    expectOk(await curl(srv, 'dir/up.bin', ['-T', from, '--ftp-create-dirs']), srv);
    expect(readFileSync(join(srv.homeDir, 'dir', 'up.bin')).equals(payload)).toBe(true);
    expectOk(await curl(srv, 'dir/up.bin', ['-o', to]), srv);
    expect(readFileSync(to).equals(payload)).toBe(true);
  });

  it('serves the anonymous area read-only', async () => {
    const list = await curl(srv, '', [], false);
    expectOk(list, srv);
    expect(list.stdout.toString()).toContain('readme.txt');
    const file = await curl(srv, 'pub/hello.txt', [], false);
    expectOk(file, srv);
    expect(file.stdout.toString()).toBe('hello from the anonymous area\n');
    const from = join(local, `${kind}-anon.txt`);
    writeFileSync(from, 'nope');
    const upload = await curl(srv, 'anon-upload.txt', ['-T', from], false);
    expect(upload.code).not.toBe(0);
    expect(existsSync(join(srv.anonDir, 'anon-upload.txt'))).toBe(false);
  });

  it('lets the server write in a folder the test made once it is handed over', async () => {
    const made = join(srv.homeDir, 'made-by-test');
    mkdirSync(made);
    writeFileSync(join(made, 'old.txt'), 'old content');
    await srv.chownToServer(made);
    const from = join(local, `${kind}-new.txt`);
    writeFileSync(from, 'new content');
    expectOk(await curl(srv, 'made-by-test/new.txt', ['-T', from]), srv);
    expectOk(await curl(srv, 'made-by-test/old.txt', ['-T', from]), srv);
    expect(readFileSync(join(made, 'new.txt'), 'utf8')).toBe('new content');
    expect(readFileSync(join(made, 'old.txt'), 'utf8')).toBe('new content');
  });

  it(kind === 'proftpd' ? 'refuses APPE as proftpd does by default (AllowStoreRestart off)' : 'appends with APPE', async () => {
    writeFileSync(join(srv.homeDir, 'append.txt'), 'first,');
    await srv.chownToServer(join(srv.homeDir, 'append.txt'));
    const from = join(local, `${kind}-rest.txt`);
    writeFileSync(from, 'second');
    const r = await curl(srv, 'append.txt', ['-T', from, '--append']);
    if (kind === 'proftpd') {
      expect(r.stderr).toContain('451');
      expect(readFileSync(join(srv.homeDir, 'append.txt'), 'utf8')).toBe('first,');
    } else {
      expectOk(r, srv);
      expect(readFileSync(join(srv.homeDir, 'append.txt'), 'utf8')).toBe('first,second');
    }
  });

  it('speaks explicit FTPS with the certificate it reports (curl, passive)', async () => {
    const r = await curl(srv, '', ['--ssl-reqd', '-k']);
    expectOk(r, srv);
    expect(r.stdout.toString()).toContain('seed.txt');
    expect(await peerFingerprint(srv)).toBe(srv.certFingerprint256);
    // TLS session reuse is only demanded when asked for (requireTlsReuse).
    expectOk(await curl(srv, 'seed.txt', ['--ssl-reqd', '-k', '--no-sessionid']), srv);
  });

  // curl 7.88 (Debian 12) cannot do FTPS in active mode (it drops the data connection), so lftp.
  it('speaks explicit FTPS in active and passive mode (lftp)', async () => {
    for (const passive of [false, true]) {
      const r = await lftp(srv, ['set ftp:ssl-force true', 'set ftp:ssl-protect-data true', `set ftp:passive-mode ${passive}`], 'cat seed.txt');
      expectOk(r, srv);
      expect(r.stdout.toString()).toBe('seeded by the test\n');
    }
  });

  it('stops cleanly', async () => {
    const other = await startServer(kind);
    const { homeDir, port } = other;
    await other.stop();
    expect(existsSync(homeDir)).toBe(false);
    const r = await run('curl', ['-sS', '--max-time', '5', `ftp://127.0.0.1:${port}/`]);
    expect(r.code).toBe(7); // could not connect
  });
});

describe.each(kindsWith('passiveDisabled'))('%s with passive mode refused', (kind) => {
  it('refuses EPSV and PASV but lists in active mode', async () => {
    const srv = await startServer(kind, { passiveDisabled: true });
    try {
      expect((await curl(srv, '', ['--ftp-pasv'])).code).not.toBe(0);
      expect((await curl(srv, '', ['--ftp-pasv', '--disable-epsv'])).code).not.toBe(0);
      expectOk(await curl(srv, '', ['-P', '127.0.0.1']), srv);
    } finally {
      await srv.stop();
    }
  });
});

describe.each(kindsWith('activeDisabled'))('%s with active mode refused', (kind) => {
  it('refuses EPRT and PORT but lists in passive mode', async () => {
    const srv = await startServer(kind, { activeDisabled: true });
    try {
      expect((await curl(srv, '', ['-P', '127.0.0.1'])).code).not.toBe(0);
      expect((await curl(srv, '', ['-P', '127.0.0.1', '--disable-eprt'])).code).not.toBe(0);
      expectOk(await curl(srv, '', ['--ftp-pasv']), srv);
    } finally {
      await srv.stop();
    }
  });
});

describe.each(kindsWith('implicitTls'))('%s with implicit TLS', (kind) => {
  it('lists over ftps:// and refuses plain FTP', async () => {
    const srv = await startServer(kind, { implicitTls: true });
    try {
      const r = await curl(srv, '', ['-k']);
      expectOk(r, srv);
      expect((await run('curl', ['-sS', '--max-time', '1', `ftp://${srv.user}:${srv.password}@127.0.0.1:${srv.port}/`])).code).not.toBe(0);
      expectOk(await lftp(srv, ['set ftp:passive-mode false'], 'ls'), srv);
    } finally {
      await srv.stop();
    }
  });
});

describe.each(SERVER_KINDS)('%s with TLS required', (kind) => {
  it('refuses a plain login and accepts a protected one', async () => {
    const srv = await startServer(kind, { requireTls: true });
    try {
      expect((await curl(srv, '')).code).not.toBe(0);
      expectOk(await curl(srv, '', ['--ssl-reqd', '-k']), srv);
    } finally {
      await srv.stop();
    }
  });
});

describe.each(kindsWith('requireTlsReuse'))('%s with TLS session reuse required', (kind) => {
  it('refuses a data connection that does not resume the session', async () => {
    const srv = await startServer(kind, { requireTlsReuse: true });
    try {
      expectOk(await curl(srv, '', ['--ssl-reqd', '-k']), srv);
      expect((await curl(srv, '', ['--ssl-reqd', '-k', '--no-sessionid'])).code).not.toBe(0);
    } finally {
      await srv.stop();
    }
  });
});

describe('several servers at once', () => {
  it('get distinct ports and passive ranges and all answer', async () => {
    const servers = await Promise.all(SERVER_KINDS.map((k) => startServer(k)));
    try {
      expect(new Set(servers.map((s) => s.port)).size).toBe(servers.length);
      for (const srv of servers) expectOk(await curl(srv, '', ['--ftp-pasv']), srv);
    } finally {
      await Promise.all(servers.map((s) => s.stop()));
    }
  });
});
