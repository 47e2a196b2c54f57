/**
 * A real OpenSSH server for the SFTP tests and benchmarks: Debian's `sshd` in the foreground
 * (`-D -e -f CONFIG`) with its own config, fresh host keys, authorized client keys and a loopback
 * port, serving SFTP through `internal-sftp` started in the server's own home folder. The login is
 * the `ferrytest` Unix account (password, keys, and keyboard-interactive through the PAM service
 * `ferry-sshd`, all made by install.sh). An ssh-agent holding the plain client key on request.
 *
 *   const srv = await startSshServer();
 *   // sftp://srv.user:srv.password@127.0.0.1:srv.port/ ... files land in srv.homeDir
 *   await srv.stop();
 *
 * Test-only; imports only node:* and this folder.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { connect as netConnect } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';
import {
  chownTree, installExitHook, liveServers, makeServerDir, reservePortBlock, spawnServer, TEST_UNIX_USER, unixAccount,
  unixTestPassword, type ServerProcess,
} from './harness';

const run = promisify(execFile);

/** The OpenSSH server binary install.sh puts in place (Debian's openssh-server). */
export const SSHD_PATH = '/usr/sbin/sshd';

/** How to bend the SSH server; everything is off by default. */
export interface SshServerOptions {
  /** Start an ssh-agent holding the plain client key (agentSocket). */
  agent?: boolean;
  /** sshd's AuthenticationMethods, e.g. 'keyboard-interactive' to offer nothing else; default any. */
  authenticationMethods?: string;
  /** sshd's LogLevel; default VERBOSE (each authentication attempt and SFTP session is logged). */
  logLevel?: 'INFO' | 'VERBOSE' | 'DEBUG1' | 'DEBUG2' | 'DEBUG3';
  /** Parent of the server's temp folder, e.g. /dev/shm for benchmarks; default os.tmpdir(). */
  baseDir?: string;
}

/** A host key of the server, as `ssh-keygen -lf` and a known_hosts line show it. */
export interface SshHostKey {
  /** The key's type name: 'ssh-ed25519', 'ecdsa-sha2-nistp256', 'ssh-rsa'. */
  type: string;
  /** 'SHA256:…' exactly as `ssh-keygen -lf` prints it. */
  fingerprint: string;
  /** The public key file's line: 'TYPE BASE64 COMMENT'. */
  publicKeyLine: string;
}

/** Client keys the server authorizes, in the formats users bring. */
export interface SshClientKeys {
  /** ed25519 in OpenSSH format, no passphrase. */
  plainPath: string;
  /** ed25519 in OpenSSH format, encrypted with `passphrase`. */
  encryptedPath: string;
  passphrase: string;
  /** RSA in the old PEM format ('BEGIN RSA PRIVATE KEY'), no passphrase. */
  pemPath: string;
  /** RSA in the old PEM format, encrypted with `passphrase`. */
  encryptedPemPath: string;
}

/** An sshd that has sent its identification string and accepts connections. */
export interface RunningSshServer {
  host: '127.0.0.1';
  port: number;
  user: string;
  password: string;
  /** Absolute local path of the folder an SFTP session starts in (its home, realpath('.')). */
  homeDir: string;
  hostKeys: SshHostKey[];
  clientKeys: SshClientKeys;
  /** SSH_AUTH_SOCK of the agent holding the plain client key (only with options.agent). */
  agentSocket?: string;
  /** Local uid/gid the server writes the user's files as. */
  fileOwner: { uid: number; gid: number };
  /** Recursively chowns a path the test made (inside homeDir) to fileOwner, so the server may change it. */
  chownToServer(path: string): Promise<void>;
  /** sshd's output so far (its log goes to stderr with -e), for assertions and failure messages. */
  log(): string;
  /** Stops the server, its sessions and the agent, and removes its temp folder. */
  stop(): Promise<void>;
}

/** The PAM service install.sh writes; sshd names its PAM service after the name it was started by. */
export const SSHD_PAM_SERVICE = 'ferry-sshd';

const HOST_KEY_TYPES = [
  { file: 'ssh_host_ed25519_key', args: ['-t', 'ed25519'] },
  { file: 'ssh_host_ecdsa_key', args: ['-t', 'ecdsa', '-b', '256'] },
  { file: 'ssh_host_rsa_key', args: ['-t', 'rsa', '-b', '3072'] },
];

const ATTEMPTS = 3;

/** Starts an sshd on a free loopback port and resolves once it sends its SSH identification string. */
export async function startSshServer(options: SshServerOptions = {}): Promise<RunningSshServer> {
  if (!existsSync(SSHD_PATH)) throw new Error(`${SSHD_PATH} missing: run test/servers/install.sh as root`);
  installExitHook();
  let lastError: unknown;
  // A port can still be taken between the check and sshd's bind; try another block then.
  for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
    try {
      return await startOnce(options);
    } catch (err) {
      lastError = err;
    }
  }
  throw lastError;
}

async function keygen(path: string, args: string[], passphrase = ''): Promise<void> {
  await run('ssh-keygen', ['-q', ...args, '-N', passphrase, '-C', 'ferry-test', '-f', path]);
}

async function hostKeyOf(pubPath: string): Promise<SshHostKey> {
  const publicKeyLine = (await readFile(pubPath, 'utf8')).trim();
  const { stdout } = await run('ssh-keygen', ['-l', '-E', 'sha256', '-f', pubPath]);
  return { type: publicKeyLine.split(' ')[0], fingerprint: stdout.split(' ')[1], publicKeyLine };
}

async function makeKeys(dir: string): Promise<{ hostKeys: SshHostKey[]; clientKeys: SshClientKeys }> {
  const passphrase = 'ferry pass phrase';
  const clientKeys: SshClientKeys = {
    plainPath: join(dir, 'client_ed25519'),
    encryptedPath: join(dir, 'client_ed25519_encrypted'),
    passphrase,
    pemPath: join(dir, 'client_rsa.pem'),
    encryptedPemPath: join(dir, 'client_rsa_encrypted.pem'),
  };
  await Promise.all([
    ...HOST_KEY_TYPES.map((k) => keygen(join(dir, k.file), k.args)),
    keygen(clientKeys.plainPath, ['-t', 'ed25519']),
    keygen(clientKeys.encryptedPath, ['-t', 'ed25519'], passphrase),
    keygen(clientKeys.pemPath, ['-t', 'rsa', '-b', '2048', '-m', 'PEM']),
    keygen(clientKeys.encryptedPemPath, ['-t', 'rsa', '-b', '2048', '-m', 'PEM'], passphrase),
  ]);
  const hostKeys = await Promise.all(HOST_KEY_TYPES.map((k) => hostKeyOf(join(dir, `${k.file}.pub`))));
  const authorized = await Promise.all(
    [clientKeys.plainPath, clientKeys.encryptedPath, clientKeys.pemPath, clientKeys.encryptedPemPath].map((p) => readFile(`${p}.pub`, 'utf8')),
  );
  await writeFile(join(dir, 'authorized_keys'), authorized.join(''), { mode: 0o644 });
  return { hostKeys, clientKeys };
}

function sshdConfig(dir: string, port: number, homeDir: string, options: SshServerOptions): string {
  const lines = [
    `Port ${port}`,
    'ListenAddress 127.0.0.1',
    ...HOST_KEY_TYPES.map((k) => `HostKey ${join(dir, k.file)}`),
    `PidFile ${join(dir, 'sshd.pid')}`,
    `AuthorizedKeysFile ${join(dir, 'authorized_keys')}`,
    // The temp folder sits in world-writable /tmp, which StrictModes would refuse for the keys file.
    'StrictModes no',
    // PAM gives keyboard-interactive (its "Password:" prompt); password logins go through it too.
    'UsePAM yes',
    'PasswordAuthentication yes',
    'KbdInteractiveAuthentication yes',
    'PubkeyAuthentication yes',
    'PermitRootLogin no',
    `AllowUsers ${TEST_UNIX_USER}`,
    'UseDNS no',
    'PrintMotd no',
    // Tests and benchmarks open many connections at once; the default (10:30:100) drops some.
    'MaxStartups 200',
    'MaxSessions 50',
    `LogLevel ${options.logLevel ?? 'VERBOSE'}`,
    `Subsystem sftp internal-sftp -d ${homeDir}`,
  ];
  if (options.authenticationMethods) lines.push(`AuthenticationMethods ${options.authenticationMethods}`);
  return `${lines.join('\n')}\n`;
}

async function startOnce(options: SshServerOptions): Promise<RunningSshServer> {
  const ports = await reservePortBlock();
  const dir = await makeServerDir('sshd', options.baseDir);
  const entry = { pid: undefined as number | undefined, dir, release: ports.release };
  liveServers.add(entry);
  const owner = unixAccount(TEST_UNIX_USER);
  const fileOwner = { uid: owner.uid, gid: owner.gid };
  let agent: ServerProcess | undefined;
  let proc: ServerProcess | undefined;
  try {
    const homeDir = join(dir, 'home');
    await mkdir(homeDir, { mode: 0o755 });
    await chownTree(homeDir, fileOwner);
    // sshd's privilege-separated child chroots here and refuses to start without it.
    await mkdir('/run/sshd', { recursive: true, mode: 0o755 });
    const { hostKeys, clientKeys } = await makeKeys(dir);
    const configPath = join(dir, 'sshd_config');
    await writeFile(configPath, sshdConfig(dir, ports.control, homeDir, options), { mode: 0o600 });
    // OpenSSH 9.2 takes its PAM service name from the name it was started by.
    const launcher = join(dir, SSHD_PAM_SERVICE);
    await symlink(SSHD_PATH, launcher);
    proc = spawnServer(launcher, ['-D', '-e', '-f', configPath], dir);
    entry.pid = proc.child.pid;
    const started = proc;
    const log = () => started.output();
    try {
      await waitForIdentification(ports.control, started);
    } catch (err) {
      await started.terminate();
      throw new Error(`sshd did not start: ${(err as Error).message}\n${log()}`, { cause: err });
    }
    let agentSocket: string | undefined;
    if (options.agent) {
      agentSocket = join(dir, 'agent.sock');
      agent = await startAgent(agentSocket, dir, clientKeys.plainPath);
    }
    const agentProc = agent;
    let stopping: Promise<void> | undefined;
    return {
      host: '127.0.0.1',
      port: ports.control,
      user: TEST_UNIX_USER,
      password: unixTestPassword(),
      homeDir,
      hostKeys,
      clientKeys,
      agentSocket,
      fileOwner,
      chownToServer: (path) => chownTree(path, fileOwner),
      log,
      stop() {
        stopping ??= (async () => {
          await agentProc?.terminate();
          await started.terminate();
          await rm(dir, { recursive: true, force: true });
          ports.release();
          liveServers.delete(entry);
        })();
        return stopping;
      },
    };
  } catch (err) {
    await agent?.terminate();
    await proc?.terminate();
    await rm(dir, { recursive: true, force: true });
    ports.release();
    liveServers.delete(entry);
    throw err;
  }
}

/** Starts `ssh-agent -D` on `socket` under the watchdog and adds `keyPath` to it. */
async function startAgent(socket: string, dir: string, keyPath: string): Promise<ServerProcess> {
  const agent = spawnServer('/usr/bin/ssh-agent', ['-D', '-a', socket], dir);
  const deadline = Date.now() + 10_000;
  while (!existsSync(socket)) {
    if (Date.now() > deadline || agent.child.exitCode !== null) {
      await agent.terminate();
      throw new Error(`ssh-agent did not create ${socket}:\n${agent.output()}`);
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  await run('ssh-add', ['-q', keyPath], { env: { ...process.env, SSH_AUTH_SOCK: socket } });
  return agent;
}

/** Resolves once sshd sends its 'SSH-2.0-…' line; rejects when it exits first or `timeoutMs` passes. */
async function waitForIdentification(port: number, proc: ServerProcess, timeoutMs = 15_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  let exited = false;
  void proc.exited.then(() => (exited = true));
  let lastError = '';
  while (Date.now() < deadline) {
    if (exited) throw new Error('sshd exited before listening');
    try {
      return await readIdentification(port);
    } catch (err) {
      lastError = (err as Error).message;
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  throw new Error(`no SSH identification on 127.0.0.1:${port} within ${timeoutMs} ms (${lastError})`);
}

function readIdentification(port: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = netConnect({ host: '127.0.0.1', port });
    let text = '';
    const done = (err: Error | null) => {
      clearTimeout(timer);
      socket.destroy();
      if (err) reject(err);
      else resolve(text.trim());
    };
    const timer = setTimeout(() => done(new Error('identification timed out')), 5000);
    socket.on('data', (d: Buffer) => {
      text += d.toString('latin1');
      if (/^SSH-2\.0-[^\n]*\n/.test(text)) done(null);
      else if (text.includes('\n')) done(new Error(`unexpected identification: ${text.trim()}`));
    });
    socket.on('error', (err) => done(err));
    socket.on('close', () => done(new Error(`closed before identification: ${text.trim()}`)));
  });
}

