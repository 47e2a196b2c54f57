/**
 * Shared plumbing for the real FTP servers the tests start: types, the unpacked server tree,
 * loopback port blocks that never overlap between test processes, fresh temp folders, the
 * watchdog that takes a server down with the test process, and the wait for the 220 greeting.
 * Each server kind only writes its config (vsftpd.ts, pureftpd.ts, proftpd.ts, pyftpdlib.ts).
 * Test-only; imports only node:*.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { chmod, chown, lchown, lstat, mkdir, mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { createServer, connect as netConnect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect as tlsConnect } from 'node:tls';
import { promisify } from 'node:util';
import type { TestCert } from './certs';

export type ServerKind = 'vsftpd' | 'pure-ftpd' | 'proftpd' | 'pyftpdlib';

/** How to bend a server; everything is off by default. */
export interface ServerOptions {
  /** Offer explicit FTPS (AUTH TLS) with a fresh self-signed certificate. */
  tls?: boolean;
  /** The test user must protect control and data with TLS (implies tls). */
  requireTls?: boolean;
  /** Data connections must resume the control connection's TLS session (implies tls). */
  requireTlsReuse?: boolean;
  /** Listen with implicit TLS (handshake before the greeting) instead of plain FTP (implies tls). */
  implicitTls?: boolean;
  /** Refuse PASV and EPSV. */
  passiveDisabled?: boolean;
  /** Refuse PORT and EPRT. */
  activeDisabled?: boolean;
  /**
   * proftpd only needs this: let uploads resume (AllowStoreRestart on). proftpd ships with it
   * off and answers REST before STOR and APPE with 451; the other servers always allow both.
   */
  allowStoreRestart?: boolean;
  /** Parent of the server's temp folder, e.g. /dev/shm for benchmarks; default os.tmpdir(). */
  baseDir?: string;
  /**
   * List at most this many entries per folder, `.` and `..` included, and say so only in the final
   * reply, as pure-ftpd does at its LimitRecursion (10,000 by default). 0: the server's default.
   */
  listLimit?: number;
  /**
   * Report times (LIST, MLSD, MDTM) in this POSIX time zone instead of UTC, as a server set to its
   * local time does: `UTC-3` is three hours east of UTC (the sign is POSIX's). '' or absent: UTC.
   */
  listTimeZone?: string;
}

/** What a server kind can do; options it cannot honour make startServer throw. */
export interface ServerSupports {
  /** MLSD and MLST (RFC 3659). */
  mlsd: boolean;
  /** Can listen with implicit TLS (ServerOptions.implicitTls). */
  implicitTls: boolean;
  /** Can require TLS session reuse on data connections (ServerOptions.requireTlsReuse). */
  requireTlsReuse: boolean;
  /** Can refuse passive mode (ServerOptions.passiveDisabled). */
  passiveDisabled: boolean;
  /** Can refuse active mode (ServerOptions.activeDisabled). */
  activeDisabled: boolean;
  /** SITE CHMOD. */
  chmod: boolean;
  /** HASH (draft-bryan-ftpext-hash). */
  hash: boolean;
  /** Can cut listings short (ServerOptions.listLimit). */
  listLimit: boolean;
  /** Can report its times in a local time zone (ServerOptions.listTimeZone). */
  listTimeZone: boolean;
}

/** A server that has sent its 220 greeting and accepts connections. */
export interface RunningServer {
  kind: ServerKind;
  host: '127.0.0.1';
  port: number;
  user: string;
  password: string;
  /** Absolute local path of the user's FTP root (`/` after login), writable by the server. */
  homeDir: string;
  /** Absolute local path of the anonymous (read-only) root; holds readme.txt and pub/hello.txt. */
  anonDir: string;
  /** The options the server was started with, with the implied ones filled in. */
  options: Readonly<Required<Omit<ServerOptions, 'baseDir'>>>;
  /** Certificate the server presents when TLS is on (generated even when it is off). */
  certPem: string;
  /** SHA-256 of the certificate's DER, `AB:CD:...`. */
  certFingerprint256: string;
  /**
   * Local uid/gid the server writes the user's files as. The C servers drop to an unprivileged
   * account, so a file or folder the test makes in homeDir is readable there but not writable
   * (no append/resume, no upload into a test-made folder) until handed over with chownToServer.
   */
  fileOwner: { uid: number; gid: number };
  /** Recursively chowns a path the test made (inside homeDir) to fileOwner. */
  chownToServer(path: string): Promise<void>;
  supports: ServerSupports;
  /** The server's output and log files so far, for failure messages. */
  log(): string;
  /** Stops the server and all its sessions and removes its temp folder. */
  stop(): Promise<void>;
}

/** Everything a server kind needs to write its config. */
export interface ServerSetup {
  /** Unpacked Debian packages (see install.sh). */
  root: string;
  dir: string;
  homeDir: string;
  anonDir: string;
  port: number;
  pasvMin: number;
  pasvMax: number;
  /** A fresh user name and password; kinds bound to a Unix account may use their own. */
  user: string;
  password: string;
  options: RunningServer['options'];
  cert: TestCert;
}

/** How to start a configured server. */
export interface LaunchPlan {
  command: string;
  args: string[];
  user: string;
  password: string;
  fileOwner: { uid: number; gid: number };
  /** Log files in `dir` that log() should include. */
  logFiles: string[];
}

const run = promisify(execFile);

/** Folder install.sh unpacked the servers into. */
export function serversRoot(): string {
  const dir = join(process.env.FERRY_SERVERS_DIR ?? '/opt/ferry-ftp-servers', 'root');
  if (!existsSync(dir)) throw new Error(`FTP servers not installed in ${dir}: run test/servers/install.sh as root`);
  return dir;
}

/** Password install.sh gave the `ferrytest` Unix account. */
export function unixTestPassword(): string {
  return readFileSync('/etc/ferrytest-ftp.password', 'utf8').trim();
}

/** uid and gid of a local account, from /etc/passwd. */
export function unixAccount(name: string): { uid: number; gid: number; home: string } {
  for (const line of readFileSync('/etc/passwd', 'utf8').split('\n')) {
    const f = line.split(':');
    if (f[0] === name) return { uid: Number(f[2]), gid: Number(f[3]), home: f[5] };
  }
  throw new Error(`no local account "${name}": run test/servers/install.sh as root`);
}

/** Unix account the C servers map the test user to (created by install.sh). */
export const TEST_UNIX_USER = 'ferrytest';

/** SHA-512 crypt(3) hash: fast to check, unlike pure-pw's default which takes seconds per login. */
export async function cryptSha512(password: string): Promise<string> {
  const { stdout } = await run('openssl', ['passwd', '-6', '-salt', randomBytes(8).toString('hex'), password]);
  return stdout.trim();
}

/** `bytes` random bytes as lowercase hex, for user names and passwords. */
export function randomHex(bytes: number): string {
  return randomBytes(bytes).toString('hex');
}

// Ports come in blocks: the first is the control port, the rest the passive range. Blocks sit
// below Linux's ephemeral range (32768+) so no client socket grabs them, and a lock file per
// block keeps concurrently running test processes apart.
const PORT_FIRST = 20000;
const BLOCK_SIZE = 100;
const BLOCK_COUNT = 120;
const LOCK_DIR = join(tmpdir(), 'ferry-ftp-port-locks');

export interface PortBlock {
  control: number;
  pasvMin: number;
  pasvMax: number;
  release(): void;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function tryLock(path: string): boolean {
  try {
    writeFileSync(path, String(process.pid), { flag: 'wx' });
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
  const owner = Number(readFileSync(path, 'utf8'));
  if (owner && isAlive(owner)) return false;
  try {
    unlinkSync(path);
  } catch {
    return false;
  }
  return tryLock(path);
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const srv = createServer();
    srv.once('error', () => resolve(false));
    srv.listen({ host: '127.0.0.1', port, exclusive: true }, () => srv.close(() => resolve(true)));
  });
}

/** Reserves a random block of loopback ports that no other test process holds and nothing listens on. */
export async function reservePortBlock(): Promise<PortBlock> {
  mkdirSync(LOCK_DIR, { recursive: true, mode: 0o777 });
  for (let attempt = 0; attempt < 200; attempt++) {
    const index = Math.floor(Math.random() * BLOCK_COUNT);
    const start = PORT_FIRST + index * BLOCK_SIZE;
    const lockPath = join(LOCK_DIR, `${start}.lock`);
    if (!tryLock(lockPath)) continue;
    const ports = Array.from({ length: BLOCK_SIZE }, (_, i) => start + i);
    const free = await Promise.all(ports.map(portIsFree));
    if (free.every(Boolean)) {
      let released = false;
      return {
        control: start,
        pasvMin: start + 1,
        pasvMax: start + BLOCK_SIZE - 1,
        release() {
          if (released) return;
          released = true;
          rmSync(lockPath, { force: true });
        },
      };
    }
    rmSync(lockPath, { force: true });
  }
  throw new Error('no free block of loopback ports for an FTP server');
}

/** A fresh folder other local accounts can traverse (servers drop to them). */
export async function makeServerDir(kind: ServerKind | 'sshd', baseDir?: string): Promise<string> {
  const dir = await mkdtemp(join(baseDir ?? tmpdir(), `ferry-${kind}-`));
  await chmod(dir, 0o755);
  return dir;
}

/** Creates the user's home (owned by `owner`) and a read-only anonymous root with two files. */
export async function makeUserDirs(setup: Pick<ServerSetup, 'homeDir' | 'anonDir'>, owner: { uid: number; gid: number }): Promise<void> {
  await mkdir(setup.homeDir, { mode: 0o755 });
  await chown(setup.homeDir, owner.uid, owner.gid);
  await mkdir(join(setup.anonDir, 'pub'), { recursive: true, mode: 0o755 });
  await writeFile(join(setup.anonDir, 'readme.txt'), 'Ferry test server: anonymous area (read-only).\n', { mode: 0o644 });
  await writeFile(join(setup.anonDir, 'pub', 'hello.txt'), 'hello from the anonymous area\n', { mode: 0o644 });
}

/** Recursively hands `path` to `owner`, so a server that dropped privileges may change it. */
export async function chownTree(path: string, owner: { uid: number; gid: number }): Promise<void> {
  // Links are handed over themselves, never followed: their targets may be anywhere, or nowhere.
  await lchown(path, owner.uid, owner.gid);
  if (!(await lstat(path)).isDirectory()) return;
  for (const entry of await readdir(path)) await chownTree(join(path, entry), owner);
}

// The server runs under a bash watchdog in its own process group: when the test process goes
// away, even by SIGKILL, the watchdog's stdin hits EOF and it takes the whole group down, so
// neither the server nor its per-session children outlive the test run.
const WATCHDOG = `
exec 3<&0 </dev/null
"$@" &
server=$!
( cat <&3 >/dev/null; kill -TERM 0 ) &
exec 3<&-
wait "$server"
status=$?
kill -TERM 0
exit $status
`;

export interface ServerProcess {
  child: ChildProcess;
  output(): string;
  exited: Promise<void>;
  /** Terminates the server with its sessions (SIGKILL if they linger) and waits until they are gone. */
  terminate(): Promise<void>;
}

const OUTPUT_CAP = 1 << 20;

/** Starts `command` under the watchdog, collecting its stdout and stderr. */
export function spawnServer(command: string, args: string[], cwd: string): ServerProcess {
  const child = spawn('bash', ['-c', WATCHDOG, 'ferry-server', command, ...args], {
    cwd,
    detached: true,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let output = '';
  const append = (d: Buffer) => {
    if (output.length < OUTPUT_CAP) output += d.toString();
  };
  child.stdout?.on('data', append);
  child.stderr?.on('data', append);
  child.on('error', (err) => append(Buffer.from(`spawn error: ${err.message}\n`)));
  // A forgotten stop() must not keep the test process alive; the exit hook still cleans up.
  child.unref();
  for (const stream of [child.stdin, child.stdout, child.stderr]) (stream as unknown as Socket | null)?.unref();
  const exited = new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else {
      child.once('exit', () => resolve());
      child.once('error', () => resolve());
    }
  });
  return {
    child,
    output: () => output,
    exited,
    async terminate() {
      child.stdin?.end();
      const pgid = child.pid;
      if (pgid) {
        // vsftpd puts each session in a session of its own, out of reach of the group
        // signal; follow the process tree as well so connected sessions die too.
        const targets = new Set<number>();
        const started = Date.now();
        let signal: NodeJS.Signals = 'SIGTERM';
        for (;;) {
          const procs = scanProcesses();
          for (const p of procs) if (p.pgrp === pgid) targets.add(p.pid);
          for (let grew = true; grew; ) {
            grew = false;
            for (const p of procs) {
              if (targets.has(p.ppid) && !targets.has(p.pid)) {
                targets.add(p.pid);
                grew = true;
              }
            }
          }
          const alive = procs.filter((p) => targets.has(p.pid) && p.state !== 'Z');
          if (alive.length === 0 || Date.now() - started > 5000) break;
          if (signal === 'SIGTERM' && Date.now() - started > 1000) signal = 'SIGKILL';
          for (const p of alive) {
            try {
              process.kill(p.pid, signal);
            } catch {
              // Already gone.
            }
          }
          await new Promise((r) => setTimeout(r, 20));
        }
      }
      await exited;
    },
  };
}

interface ProcessInfo {
  pid: number;
  ppid: number;
  pgrp: number;
  state: string;
}

/** Every process on the machine, from /proc. */
function scanProcesses(): ProcessInfo[] {
  const procs: ProcessInfo[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // After the parenthesised command name: state, ppid, pgrp, ...
      const [state, ppid, pgrp] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      procs.push({ pid: Number(name), ppid: Number(ppid), pgrp: Number(pgrp), state });
    } catch {
      // Exited while we looked.
    }
  }
  return procs;
}

/**
 * Resolves once the server sends the last line of its 220 greeting (pure-ftpd's is multi-line);
 * rejects when the process exits first or `timeoutMs` passes.
 */
export async function waitForGreeting(port: number, implicitTls: boolean, proc: ServerProcess, timeoutMs = 15_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  let exited = false;
  void proc.exited.then(() => (exited = true));
  let lastError = '';
  while (Date.now() < deadline) {
    if (exited) throw new Error(`server exited before greeting:\n${proc.output()}`);
    try {
      return await readGreeting(port, implicitTls, Math.max(500, Math.min(5000, deadline - Date.now())));
    } catch (err) {
      lastError = (err as Error).message;
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  throw new Error(`no 220 greeting on 127.0.0.1:${port} within ${timeoutMs} ms (${lastError}):\n${proc.output()}`);
}

function readGreeting(port: number, implicitTls: boolean, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket: Socket = implicitTls
      ? tlsConnect({ host: '127.0.0.1', port, rejectUnauthorized: false })
      : netConnect({ host: '127.0.0.1', port });
    let text = '';
    const done = (err: Error | null) => {
      clearTimeout(timer);
      socket.destroy();
      if (err) reject(err);
      else resolve(text);
    };
    const timer = setTimeout(() => done(new Error('greeting timed out')), timeoutMs);
    socket.on('data', (d: Buffer) => {
      text += d.toString('latin1');
      const last = /^(\d{3}) .*\r?\n/m.exec(text);
      if (!last) return;
      if (last[1] === '220') done(null);
      else done(new Error(`unexpected greeting: ${text.trim()}`));
    });
    socket.on('error', (err) => done(err));
    socket.on('close', () => done(new Error(`closed before greeting: ${text.trim()}`)));
  });
}

/** Servers still running in this process, torn down synchronously if the process exits first. */
export const liveServers = new Set<{ pid?: number; dir: string; release(): void }>();
let exitHookInstalled = false;

export function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once('exit', () => {
    for (const s of liveServers) {
      try {
        if (s.pid) process.kill(-s.pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
      rmSync(s.dir, { recursive: true, force: true });
      s.release();
    }
  });
}
