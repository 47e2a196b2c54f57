/**
 * ProFTPD 1.3.8 (Debian) for the tests: config and AuthUserFile; harness.ts runs it with
 * `proftpd -n -c FILE`. mod_tls comes from proftpd-mod-crypto, mod_digest gives HASH.
 * The user runs as the Unix account `ferrytest`, chrooted to homeDir. Test-only.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { TEST_UNIX_USER, cryptSha512, unixAccount, type LaunchPlan, type ServerSetup, type ServerSupports } from './harness';

export const proftpdSupports: ServerSupports = {
  mlsd: true,
  implicitTls: true,
  requireTlsReuse: true,
  passiveDisabled: true,
  activeDisabled: true,
  chmod: true,
  hash: true,
  listTimeZone: false,
  listLimit: false,
};

const NOBODY = 65534;

/** Writes proftpd.conf and its user files into setup.dir and returns how to run it. */
export async function proftpdPlan(s: ServerSetup): Promise<LaunchPlan> {
  const o = s.options;
  const owner = unixAccount(TEST_UNIX_USER);
  const passwdPath = join(s.dir, 'ftpd.passwd');
  const groupPath = join(s.dir, 'ftpd.group');
  // proftpd refuses world-readable AuthUserFiles. `ftp` is the anonymous account, kept in the
  // same file so nothing depends on the machine's own users.
  await writeFile(passwdPath, [
    `${s.user}:${await cryptSha512(s.password)}:${owner.uid}:${owner.gid}::${s.homeDir}:/bin/sh`,
    `ftp:*:${NOBODY}:${NOBODY}::${s.anonDir}:/usr/sbin/nologin`,
  ].join('\n') + '\n', { mode: 0o600 });
  await writeFile(groupPath, `${TEST_UNIX_USER}:x:${owner.gid}:\nnogroup:x:${NOBODY}:\n`, { mode: 0o600 });

  const tlsOptions = [
    // proftpd requires TLS session reuse on data connections unless told otherwise.
    ...(o.requireTlsReuse ? [] : ['NoSessionReuseRequired']),
    ...(o.implicitTls ? ['UseImplicitSSL'] : []),
  ];
  const conf = [
    'ServerType standalone',
    'ServerName "Ferry test proftpd"',
    'DefaultAddress 127.0.0.1',
    'SocketBindTight on',
    `Port ${s.port}`,
    `PassivePorts ${s.pasvMin} ${s.pasvMax}`,
    'User nobody',
    'Group nogroup',
    'MaxInstances 100',
    `ModulePath ${join(s.root, 'usr/lib/proftpd')}`,
    'LoadModule mod_tls.c',
    'LoadModule mod_digest.c',
    `ScoreboardFile ${join(s.dir, 'proftpd.scoreboard')}`,
    `PidFile ${join(s.dir, 'proftpd.pid')}`,
    'DelayEngine off',
    'WtmpLog off',
    'UseReverseDNS off',
    `TransferLog ${join(s.dir, 'xfer.log')}`,
    'AuthOrder mod_auth_file.c',
    `AuthUserFile ${passwdPath}`,
    `AuthGroupFile ${groupPath}`,
    'RequireValidShell off',
    'DefaultRoot ~',
    'Umask 022',
    'AllowOverwrite on',
    ...(o.allowStoreRestart ? ['AllowStoreRestart on'] : []),
    ...(o.passiveDisabled ? ['<Limit EPSV PASV>', '  DenyAll', '</Limit>'] : []),
    ...(o.activeDisabled ? ['<Limit EPRT PORT>', '  DenyAll', '</Limit>'] : []),
    `<Anonymous ${s.anonDir}>`,
    '  User ftp',
    '  Group nogroup',
    '  UserAlias anonymous ftp',
    '  <Limit WRITE>',
    '    DenyAll',
    '  </Limit>',
    ...(o.passiveDisabled ? ['  <Limit EPSV PASV>', '    DenyAll', '  </Limit>'] : []),
    ...(o.activeDisabled ? ['  <Limit EPRT PORT>', '    DenyAll', '  </Limit>'] : []),
    '</Anonymous>',
    ...(o.tls
      ? [
          'TLSEngine on',
          `TLSLog ${join(s.dir, 'tls.log')}`,
          'TLSProtocol TLSv1.2 TLSv1.3',
          `TLSECCertificateFile ${s.cert.certPath}`,
          `TLSECCertificateKeyFile ${s.cert.keyPath}`,
          'TLSVerifyClient off',
          `TLSRequired ${o.requireTls ? 'on' : 'off'}`,
          ...(tlsOptions.length ? [`TLSOptions ${tlsOptions.join(' ')}`] : []),
        ]
      : []),
  ];
  const confPath = join(s.dir, 'proftpd.conf');
  await writeFile(confPath, conf.join('\n') + '\n', { mode: 0o600 });
  return {
    command: join(s.root, 'usr/sbin/proftpd'),
    args: ['-n', '-c', confPath],
    user: s.user,
    password: s.password,
    fileOwner: { uid: owner.uid, gid: owner.gid },
    logFiles: ['xfer.log', 'tls.log'],
  };
}
