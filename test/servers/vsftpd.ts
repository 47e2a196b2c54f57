/**
 * vsftpd 3.0.3 (Debian) for the tests: config only; harness.ts runs it. The test user is the
 * Unix account `ferrytest` (PAM service `ferry-vsftpd`, both made by install.sh), chrooted to
 * homeDir through local_root. Test-only.
 */
import { writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { TEST_UNIX_USER, unixAccount, unixTestPassword, type LaunchPlan, type ServerSetup, type ServerSupports } from './harness';

export const vsftpdSupports: ServerSupports = {
  mlsd: false,
  implicitTls: true,
  requireTlsReuse: true,
  passiveDisabled: true,
  activeDisabled: true,
  chmod: true,
  hash: false,
  listTimeZone: false,
  listLimit: false,
};

const yesNo = (on: boolean) => (on ? 'YES' : 'NO');

/** Writes vsftpd.conf into setup.dir and returns how to run it. */
export async function vsftpdPlan(s: ServerSetup): Promise<LaunchPlan> {
  const o = s.options;
  const owner = unixAccount(TEST_UNIX_USER);
  // vsftpd refuses to chroot into a root it finds writable unless told, and insists on an
  // empty root-owned folder of its own for unprivileged helper processes.
  const emptyDir = join(s.dir, 'empty');
  await mkdir(emptyDir, { mode: 0o755 });
  const conf = {
    listen: 'YES',
    listen_ipv6: 'NO',
    listen_address: '127.0.0.1',
    listen_port: s.port,
    background: 'NO',
    // The seccomp sandbox kills sessions on syscalls newer kernels/libcs make.
    seccomp_sandbox: 'NO',
    secure_chroot_dir: emptyDir,
    pam_service_name: 'ferry-vsftpd',
    local_enable: 'YES',
    write_enable: 'YES',
    // Without these vsftpd accepts TYPE A but sends and stores the bytes unchanged; with them it
    // converts line endings as RFC 959 says (LF on disk, CRLF on the wire), like the other servers.
    ascii_upload_enable: 'YES',
    ascii_download_enable: 'YES',
    local_umask: '022',
    local_root: s.homeDir,
    chroot_local_user: 'YES',
    allow_writeable_chroot: 'YES',
    anonymous_enable: 'YES',
    anon_root: s.anonDir,
    ftp_username: 'ftp',
    pasv_enable: yesNo(!o.passiveDisabled),
    pasv_min_port: s.pasvMin,
    pasv_max_port: s.pasvMax,
    port_enable: yesNo(!o.activeDisabled),
    // Active data connections from port 20 would need extra privileges for nothing.
    connect_from_port_20: 'NO',
    xferlog_enable: 'YES',
    xferlog_std_format: 'NO',
    log_ftp_protocol: 'YES',
    syslog_enable: 'NO',
    vsftpd_log_file: join(s.dir, 'vsftpd.log'),
    ssl_enable: yesNo(o.tls),
    rsa_cert_file: s.cert.certPath,
    rsa_private_key_file: s.cert.keyPath,
    // vsftpd 3.0.3 defaults to DES-CBC3-SHA, which OpenSSL 3 no longer offers.
    ssl_ciphers: 'HIGH',
    allow_anon_ssl: 'YES',
    implicit_ssl: yesNo(o.implicitTls),
    force_local_logins_ssl: yesNo(o.requireTls),
    force_local_data_ssl: yesNo(o.requireTls),
    require_ssl_reuse: yesNo(o.requireTlsReuse),
  };
  const confPath = join(s.dir, 'vsftpd.conf');
  await writeFile(confPath, Object.entries(conf).map(([k, v]) => `${k}=${v}\n`).join(''), { mode: 0o600 });
  return {
    command: join(s.root, 'usr/sbin/vsftpd'),
    args: [confPath],
    user: TEST_UNIX_USER,
    password: unixTestPassword(),
    fileOwner: { uid: owner.uid, gid: owner.gid },
    logFiles: ['vsftpd.log'],
  };
}
