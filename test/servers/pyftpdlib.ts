/**
 * pyftpdlib 1.5.7 (Debian) for the tests, via pyftpd_server.py; harness.ts runs it. It runs
 * as root, so files it writes belong to root. The easiest server to bend: add options here and
 * in the script. Test-only.
 */
import { fileURLToPath } from 'node:url';
import type { LaunchPlan, ServerSetup, ServerSupports } from './harness';

export const pyftpdlibSupports: ServerSupports = {
  mlsd: true,
  implicitTls: true,
  requireTlsReuse: false,
  passiveDisabled: true,
  activeDisabled: true,
  chmod: true,
  hash: false,
  listTimeZone: true,
  listLimit: false,
};

const SCRIPT = fileURLToPath(new URL('./pyftpd_server.py', import.meta.url));

/** Returns how to run pyftpd_server.py for this setup. */
export async function pyftpdlibPlan(s: ServerSetup): Promise<LaunchPlan> {
  const o = s.options;
  const config = {
    host: '127.0.0.1',
    port: s.port,
    pasvMin: s.pasvMin,
    pasvMax: s.pasvMax,
    user: s.user,
    password: s.password,
    home: s.homeDir,
    anon: s.anonDir,
    tls: o.tls,
    requireTls: o.requireTls,
    implicitTls: o.implicitTls,
    passiveDisabled: o.passiveDisabled,
    activeDisabled: o.activeDisabled,
    cert: s.cert.certPath,
    key: s.cert.keyPath,
    timeZone: o.listTimeZone,
  };
  return {
    // The pyenv python3 first on PATH lacks pyftpdlib; Debian's package is for /usr/bin/python3.
    command: '/usr/bin/python3',
    args: [SCRIPT, JSON.stringify(config)],
    user: s.user,
    password: s.password,
    fileOwner: { uid: process.getuid?.() ?? 0, gid: process.getgid?.() ?? 0 },
    logFiles: [],
  };
}
