/**
 * pure-ftpd 1.0.50 (Debian) for the tests: options and a PureDB user file; harness.ts runs it.
 * The virtual user runs as the Unix account `ferrytest`, chrooted to homeDir. Test-only.
 */
import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { TEST_UNIX_USER, cryptSha512, unixAccount, type LaunchPlan, type ServerSetup, type ServerSupports } from './harness';

const run = promisify(execFile);

export const pureFtpdSupports: ServerSupports = {
  mlsd: true,
  implicitTls: false,
  requireTlsReuse: false,
  passiveDisabled: true,
  activeDisabled: false,
  chmod: true,
  hash: false,
  listTimeZone: false,
  listLimit: true,
};

// pure-ftpd takes the anonymous root from the home of the Unix account `ftp`, a machine-wide
// setting; each instance runs in its own mount namespace with its anonDir bound over that home.
const BIND_ANON = 'mount --bind "$1" "$2" && shift 2 && exec "$@"';

/** Writes the user database into setup.dir and returns how to run pure-ftpd. */
export async function pureFtpdPlan(s: ServerSetup): Promise<LaunchPlan> {
  const o = s.options;
  const owner = unixAccount(TEST_UNIX_USER);
  const anonMount = unixAccount('ftp').home;
  // PureDB passwd line: account:hash:uid:gid:gecos:home, then 12 empty limit fields.
  const passwdPath = join(s.dir, 'pureftpd.passwd');
  const pdbPath = join(s.dir, 'pureftpd.pdb');
  const hash = await cryptSha512(s.password);
  await writeFile(passwdPath, `${s.user}:${hash}:${owner.uid}:${owner.gid}::${s.homeDir}/./${':'.repeat(12)}\n`, { mode: 0o600 });
  await run(join(s.root, 'usr/bin/pure-pw'), ['mkdb', pdbPath, '-f', passwdPath]);
  const args = [
    '--bind', `127.0.0.1,${s.port}`,
    // pure-ftpd caps concurrent clients at half the passive range.
    '--passiveportrange', `${s.pasvMin}:${s.pasvMax}`,
    '--maxclientsnumber', '49',
    '--maxclientsperip', '49',
    '--login', `puredb:${pdbPath}`,
    '--chrooteveryone',
    '--anonymouscantupload',
    '--dontresolve',
    '--syslogfacility', 'none',
    '--pidfile', join(s.dir, 'pure-ftpd.pid'),
  ];
  if (o.tls) {
    // 1: TLS offered; 3: control and data must be protected.
    args.push('--tls', o.requireTls ? '3' : '1', '--certfile', s.cert.bundlePath);
  }
  // NAT mode is pure-ftpd's only way to refuse PASV/EPSV.
  if (o.passiveDisabled) args.push('--natmode');
  if (o.listLimit > 0) args.push('--limitrecursion', `${o.listLimit}:8`);
  return {
    command: 'unshare',
    args: ['--mount', '--propagation', 'private', '--', 'sh', '-c', BIND_ANON, 'bind-anon', s.anonDir, anonMount,
      join(s.root, 'usr/sbin/pure-ftpd'), ...args],
    user: s.user,
    password: s.password,
    fileOwner: { uid: owner.uid, gid: owner.gid },
    logFiles: [],
  };
}
