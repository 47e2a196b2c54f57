/**
 * A throwaway pyftpdlib server on 127.0.0.1 for the browsing e2e tests: one user with full
 * rights (including SITE CHMOD) over a temp folder. Stands in for test/servers until the
 * shared harness lands; same result shape. Its MLSD sends the unix.mode/uid/gid facts by
 * default, as ProFTPD does, so the remote pane has permissions and owners to show.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

/** A running FTP server. */
export interface BrowseServer {
  host: string;
  port: number;
  user: string;
  password: string;
  homeDir: string;
  stop(): Promise<void>;
}

// Port 0 lets the OS pick a free port; the script prints the one it got.
const SCRIPT = `
import sys
from pyftpdlib.authorizers import DummyAuthorizer
from pyftpdlib.handlers import FTPHandler
from pyftpdlib.servers import FTPServer
auth = DummyAuthorizer()
auth.add_user(sys.argv[1], sys.argv[2], sys.argv[3], perm='elradfmwMT')
class Handler(FTPHandler):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._current_facts += [f for f in ('unix.mode', 'unix.uid', 'unix.gid') if f in self._available_facts]
Handler.authorizer = auth
server = FTPServer(('127.0.0.1', 0), Handler)
print('PORT', server.socket.getsockname()[1], flush=True)
server.serve_forever()
`;

/** Starts pyftpdlib serving a new temp folder (filled by `prepare` before the server starts). */
export async function startBrowseServer(prepare: (homeDir: string) => Promise<void>): Promise<BrowseServer> {
  const homeDir = await mkdtemp(path.join(os.tmpdir(), 'ferry-ftp-'));
  await prepare(homeDir);
  const user = 'ferry';
  const password = 'browse-secret';
  const child = spawn('/usr/bin/python3', ['-c', SCRIPT, user, password, homeDir], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const port = await new Promise<number>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const m = /PORT (\d+)/.exec(output);
      if (m) resolve(Number(m[1]));
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => reject(new Error(`pyftpdlib exited with ${code}:\n${output}`)));
  });
  return {
    host: '127.0.0.1',
    port,
    user,
    password,
    homeDir,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      await rm(homeDir, { recursive: true, force: true });
    },
  };
}
