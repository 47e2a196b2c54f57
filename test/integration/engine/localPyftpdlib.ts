/**
 * Stand-in for the shared real-server harness (test/servers/index.ts) until it lands: starts
 * pyftpdlib with the same result shape, so the engine suite can switch by changing one import.
 * Test-only.
 */
import { spawn } from 'node:child_process';
import { execFileSync } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export type ServerKind = 'pyftpdlib';
export const SERVER_KINDS: ServerKind[] = ['pyftpdlib'];

export interface StartOptions {
  tls?: boolean;
  requireTls?: boolean;
  implicitTls?: boolean;
  passiveDisabled?: boolean;
  activeDisabled?: boolean;
}

export interface RunningServer {
  host: string;
  port: number;
  user: string;
  password: string;
  homeDir: string;
  anonDir: string;
  certFingerprint256: string;
  supports: { mlsd: boolean; chmod: boolean };
  stop(): Promise<void>;
}

const SCRIPT = String.raw`
import sys, json
from pyftpdlib.authorizers import DummyAuthorizer
from pyftpdlib.handlers import FTPHandler, TLS_FTPHandler
from pyftpdlib.servers import FTPServer
o = json.loads(sys.argv[1])
a = DummyAuthorizer()
a.add_user(o['user'], o['password'], o['home'], perm='elradfmwMT')
a.add_anonymous(o['anon'])
base = TLS_FTPHandler if o['tls'] else FTPHandler
class H(base):
    pass
if o['tls']:
    H.certfile = o['cert']; H.keyfile = o['key']
    H.tls_control_required = o['requireTls']; H.tls_data_required = o['requireTls']
if o['passiveDisabled']:
    H.ftp_PASV = lambda self, line: self.respond('502 Passive mode disabled.')
    H.ftp_EPSV = lambda self, line: self.respond('502 Passive mode disabled.')
if o['activeDisabled']:
    H.ftp_PORT = lambda self, line: self.respond('502 Active mode disabled.')
    H.ftp_EPRT = lambda self, line: self.respond('502 Active mode disabled.')
H.authorizer = a
H.passive_ports = range(o['pasvMin'], o['pasvMin'] + 40)
H.permit_foreign_addresses = False
s = FTPServer(('127.0.0.1', 0), H)
print(s.socket.getsockname()[1], flush=True)
s.serve_forever()
`;

let nextPasv = 42000 + (process.pid % 50) * 200;

/** Starts pyftpdlib on a free loopback port with a fresh home, anonymous dir and self-signed certificate. */
export async function startServer(_kind: ServerKind, opts: StartOptions = {}): Promise<RunningServer> {
  const dir = mkdtempSync(join(tmpdir(), 'ferry-pyftpd-'));
  const homeDir = join(dir, 'home');
  const anonDir = join(dir, 'anon');
  mkdirSync(homeDir);
  mkdirSync(anonDir);
  const cert = join(dir, 'cert.pem');
  const key = join(dir, 'key.pem');
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '2', '-subj', '/CN=localhost'], { stdio: 'ignore' });
  writeFileSync(join(dir, 'server.py'), SCRIPT);
  const pasvMin = nextPasv;
  nextPasv += 40;
  const options = {
    user: 'ferry', password: 'ferry-pass', home: homeDir, anon: anonDir, cert, key, pasvMin,
    tls: Boolean(opts.tls || opts.requireTls), requireTls: Boolean(opts.requireTls),
    passiveDisabled: Boolean(opts.passiveDisabled), activeDisabled: Boolean(opts.activeDisabled),
  };
  const child = spawn('/usr/bin/python3', [join(dir, 'server.py'), JSON.stringify(options)], { stdio: ['ignore', 'pipe', 'pipe'] });
  const port = await new Promise<number>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /^(\d+)\n/.exec(out);
      if (m) resolve(Number(m[1]));
    });
    child.once('exit', (code) => reject(new Error(`pyftpdlib exited with ${code}`)));
  });
  child.stderr.resume();
  return {
    host: '127.0.0.1',
    port,
    user: options.user,
    password: options.password,
    homeDir,
    anonDir,
    certFingerprint256: new X509Certificate(readFileSync(cert)).fingerprint256,
    supports: { mlsd: true, chmod: true },
    async stop() {
      child.kill();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
