/**
 * Real servers for the queue's integration tests. Until the shared harness (test/servers/index.ts)
 * lands this starts pyftpdlib itself with the same result shape, so switching is one import.
 * Test-only.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Server kinds this stand-in can start. */
export const SERVER_KINDS = ['pyftpdlib'] as const;
export type ServerKind = (typeof SERVER_KINDS)[number];

/** A running server. */
export interface RunningServer {
  host: string;
  port: number;
  user: string;
  password: string;
  homeDir: string;
  stop(): Promise<void>;
}

const SCRIPT = String.raw`
import sys
from pyftpdlib.authorizers import DummyAuthorizer
from pyftpdlib.handlers import FTPHandler
from pyftpdlib.servers import FTPServer
user, password, home, pasv_min = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
a = DummyAuthorizer()
a.add_user(user, password, home, perm='elradfmwMT')
class H(FTPHandler):
    pass
H.authorizer = a
H.passive_ports = range(pasv_min, pasv_min + 100)
H.permit_foreign_addresses = False
s = FTPServer(('127.0.0.1', 0), H)
s.max_cons = 256
print(s.socket.getsockname()[1], flush=True)
s.serve_forever()
`;

let nextPasv = 46000 + (process.pid % 40) * 250;

/** Starts a server of the given kind on a free loopback port with a fresh home folder. */
export async function startServer(_kind: ServerKind, opts: { baseDir?: string } = {}): Promise<RunningServer> {
  const dir = mkdtempSync(join(opts.baseDir ?? tmpdir(), 'ferry-queue-srv-'));
  const homeDir = join(dir, 'home');
  mkdirSync(homeDir);
  writeFileSync(join(dir, 'server.py'), SCRIPT);
  const pasvMin = nextPasv;
  nextPasv += 100;
  const user = 'queueuser';
  const password = 'queue-pw-Secret42';
  // Debian's python3 has pyftpdlib; a pyenv python3 earlier in PATH may not.
  const child = spawn('/usr/bin/python3', [join(dir, 'server.py'), user, password, homeDir, String(pasvMin)], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const port = await new Promise<number>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /^(\d+)\s/.exec(out);
      if (m) resolve(Number(m[1]));
    });
    child.once('exit', (code) => reject(new Error(`pyftpdlib exited (${code}): ${stderr}`)));
  });
  return {
    host: '127.0.0.1',
    port,
    user,
    password,
    homeDir,
    stop: async () => {
      child.kill('SIGTERM');
      await new Promise((resolve) => (child.exitCode !== null ? resolve(undefined) : child.once('exit', resolve)));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
