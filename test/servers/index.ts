/**
 * Real FTP servers for integration tests and benchmarks: vsftpd, pure-ftpd, proftpd and
 * pyftpdlib, each in the foreground with its own config, loopback port, passive range, user,
 * anonymous area and self-signed certificate. Run test/servers/install.sh (as root) first.
 *
 *   const srv = await startServer('proftpd', { tls: true });
 *   // ftp://srv.user:srv.password@127.0.0.1:srv.port/ ... files land in srv.homeDir
 *   await srv.stop();
 *
 * Test-only; imports only node:* and this folder.
 */
import { readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { makeSelfSignedCert } from './certs';
import {
  chownTree, installExitHook, liveServers, makeServerDir, makeUserDirs, randomHex, reservePortBlock,
  serversRoot, spawnServer, waitForGreeting,
  type LaunchPlan, type RunningServer, type ServerKind, type ServerOptions, type ServerSetup, type ServerSupports,
} from './harness';
import { proftpdPlan, proftpdSupports } from './proftpd';
import { pureFtpdPlan, pureFtpdSupports } from './pureftpd';
import { pyftpdlibPlan, pyftpdlibSupports } from './pyftpdlib';
import { vsftpdPlan, vsftpdSupports } from './vsftpd';

export type { RunningServer, ServerKind, ServerOptions, ServerSupports } from './harness';

/** Every server kind, for `describe.each(SERVER_KINDS)`. */
export const SERVER_KINDS: readonly ServerKind[] = ['vsftpd', 'pure-ftpd', 'proftpd', 'pyftpdlib'];

/** What each kind can do, to skip tests before starting anything. */
export const SERVER_SUPPORTS: Readonly<Record<ServerKind, ServerSupports>> = {
  vsftpd: vsftpdSupports,
  'pure-ftpd': pureFtpdSupports,
  proftpd: proftpdSupports,
  pyftpdlib: pyftpdlibSupports,
};

/** The kinds that can do `feature`, for `describe.each(kindsWith('implicitTls'))`. */
export function kindsWith(feature: keyof ServerSupports): ServerKind[] {
  return SERVER_KINDS.filter((kind) => SERVER_SUPPORTS[kind][feature]);
}

const PLANS: Record<ServerKind, (s: ServerSetup) => Promise<LaunchPlan>> = {
  vsftpd: vsftpdPlan,
  'pure-ftpd': pureFtpdPlan,
  proftpd: proftpdPlan,
  pyftpdlib: pyftpdlibPlan,
};

const ATTEMPTS = 3;

/**
 * Starts a server of `kind` and resolves once it has sent its 220 greeting. Throws when the
 * kind cannot honour an option (see SERVER_SUPPORTS).
 */
export async function startServer(kind: ServerKind, opts: ServerOptions = {}): Promise<RunningServer> {
  const supports = SERVER_SUPPORTS[kind];
  if (!supports) throw new Error(`unknown FTP server kind "${kind}"`);
  const options: RunningServer['options'] = {
    tls: Boolean(opts.tls || opts.requireTls || opts.requireTlsReuse || opts.implicitTls),
    requireTls: Boolean(opts.requireTls),
    requireTlsReuse: Boolean(opts.requireTlsReuse),
    implicitTls: Boolean(opts.implicitTls),
    passiveDisabled: Boolean(opts.passiveDisabled),
    activeDisabled: Boolean(opts.activeDisabled),
    allowStoreRestart: Boolean(opts.allowStoreRestart),
    listLimit: opts.listLimit ?? 0,
    listTimeZone: opts.listTimeZone ?? '',
  };
  for (const name of ['implicitTls', 'requireTlsReuse', 'passiveDisabled', 'activeDisabled', 'listLimit', 'listTimeZone'] as const) {
    if (options[name] && !supports[name]) throw new Error(`${kind} cannot be started with ${name}`);
  }
  installExitHook();
  let lastError: unknown;
  // A port can still be taken between the check and the server's bind; try another block then.
  for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
    try {
      return await startOnce(kind, options, supports, opts.baseDir);
    } catch (err) {
      lastError = err;
    }
  }
  throw lastError;
}

async function startOnce(
  kind: ServerKind, options: RunningServer['options'], supports: ServerSupports, baseDir: string | undefined,
): Promise<RunningServer> {
  const root = serversRoot();
  const ports = await reservePortBlock();
  const dir = await makeServerDir(kind, baseDir);
  const entry = { pid: undefined as number | undefined, dir, release: ports.release };
  liveServers.add(entry);
  try {
    const cert = await makeSelfSignedCert(dir);
    const setup: ServerSetup = {
      root, dir, cert, options,
      homeDir: join(dir, 'home'),
      anonDir: join(dir, 'anon'),
      port: ports.control,
      pasvMin: ports.pasvMin,
      pasvMax: ports.pasvMax,
      user: `ferry_${randomHex(3)}`,
      password: randomHex(12),
    };
    const plan = await PLANS[kind](setup);
    await makeUserDirs(setup, plan.fileOwner);
    const proc = spawnServer(plan.command, plan.args, dir);
    entry.pid = proc.child.pid;
    const log = () => {
      const files = plan.logFiles.map((f) => {
        try {
          return `--- ${f}\n${readFileSync(join(dir, f), 'utf8')}`;
        } catch {
          return '';
        }
      });
      return [proc.output(), ...files].filter(Boolean).join('\n');
    };
    try {
      await waitForGreeting(ports.control, options.implicitTls, proc);
    } catch (err) {
      await proc.terminate();
      throw new Error(`${kind} did not start: ${(err as Error).message}\n${log()}`, { cause: err });
    }
    let stopping: Promise<void> | undefined;
    return {
      kind,
      host: '127.0.0.1',
      port: ports.control,
      user: plan.user,
      password: plan.password,
      homeDir: setup.homeDir,
      anonDir: setup.anonDir,
      options,
      certPem: cert.certPem,
      certFingerprint256: cert.fingerprint256,
      fileOwner: plan.fileOwner,
      chownToServer: (path) => chownTree(path, plan.fileOwner),
      supports,
      log,
      stop() {
        stopping ??= (async () => {
          await proc.terminate();
          await rm(dir, { recursive: true, force: true });
          ports.release();
          liveServers.delete(entry);
        })();
        return stopping;
      },
    };
  } catch (err) {
    await rm(dir, { recursive: true, force: true });
    ports.release();
    liveServers.delete(entry);
    throw err;
  }
}

export { startSshServer, type RunningSshServer, type SshClientKeys, type SshHostKey, type SshServerOptions } from './sshd';
