import { describe, expect, it } from 'vitest';
import { parseCommandLine, type CliOptions } from '../../../electron/cli/args';
import { connectOptionsFor, PASSWORD_ENV, remoteOptionsFor } from '../../../electron/cli/connect';
import type { CliIo } from '../../../electron/cli/io';
import { PASSPHRASE_ENV } from '../../../electron/cli/sshLogin';
import { parseFtpUrl } from '../../../electron/cli/ftpUrl';

function optionsOf(...extra: string[]): CliOptions {
  const parsed = parseCommandLine(['ls', 'ftp://h/', ...extra]);
  if (parsed.kind !== 'run') throw new Error('not a command');
  return parsed.options;
}

describe('connectOptionsFor', () => {
  it('logs in anonymously when the URL has no user, whatever FERRY_PASSWORD says', () => {
    const opts = connectOptionsFor(parseFtpUrl('ftp://h:2121/x'), optionsOf(), { [PASSWORD_ENV]: 'ignored' });
    expect(opts).toMatchObject({ host: 'h', port: 2121, tls: 'none' });
    expect(opts.user).toBeUndefined();
    expect(opts.password).toBeUndefined();
  });

  it('takes the password from the URL first, then FERRY_PASSWORD, else empty', () => {
    expect(connectOptionsFor(parseFtpUrl('ftp://me:url@h/'), optionsOf(), { [PASSWORD_ENV]: 'env' }).password).toBe('url');
    expect(connectOptionsFor(parseFtpUrl('ftp://me@h/'), optionsOf(), { [PASSWORD_ENV]: 'env' }).password).toBe('env');
    expect(connectOptionsFor(parseFtpUrl('ftp://me@h/'), optionsOf(), {}).password).toBe('');
  });

  it('maps data, TLS and trust options onto the engine', () => {
    const fp = 'AB'.repeat(32);
    expect(connectOptionsFor(parseFtpUrl('ftp://h/'), optionsOf('--data', 'eprt', '--tls', 'explicit', '--fingerprint', fp, '--timeout', '3'), {})).toMatchObject({
      dataStrategy: 'EPRT', tls: 'explicit', trustedFingerprint: fp, timeoutMs: 3000,
    });
    expect(connectOptionsFor(parseFtpUrl('ftp://h/'), optionsOf('--mode', 'active', '--tls', 'implicit', '-k'), {})).toMatchObject({
      dataMode: 'active', tls: 'implicit', insecure: true,
    });
  });

  it('reads ftps:// as implicit TLS and refuses contradictions', () => {
    expect(connectOptionsFor(parseFtpUrl('ftps://h/'), optionsOf(), {}).tls).toBe('implicit');
    expect(connectOptionsFor(parseFtpUrl('ftps://h/'), optionsOf('--tls', 'implicit'), {}).tls).toBe('implicit');
    expect(() => connectOptionsFor(parseFtpUrl('ftps://h/'), optionsOf('--tls', 'explicit'), {})).toThrow(/ftps:\/\/ URL means implicit TLS/);
    expect(() => connectOptionsFor(parseFtpUrl('ftp://h/'), optionsOf('-k'), {})).toThrow(/need TLS/);
    expect(() => connectOptionsFor(parseFtpUrl('ftp://h/'), optionsOf('--tls', 'none', '--fingerprint', 'ab'.repeat(32)), {})).toThrow(/need TLS/);
  });
});

describe('remoteOptionsFor sftp://', () => {
  const io = (env: Record<string, string> = {}) => ({ env: { FERRY_DATA_DIR: '/nonexistent/ferry', HOME: '/nonexistent/home', ...env }, cwd: '/', stdin: process.stdin, stdout: process.stdout, stderr: process.stderr }) as unknown as CliIo;
  const sftpOf = async (url: string, env: Record<string, string> = {}, ...extra: string[]) => {
    const options = await remoteOptionsFor(parseFtpUrl(url), optionsOf(...extra), io(env));
    const connect = options();
    if (connect.protocol !== 'sftp') throw new Error('not SFTP');
    return connect;
  };

  it('logs in as the URL says, else as the local user, with FERRY_PASSWORD and the agent of SSH_AUTH_SOCK', async () => {
    expect((await sftpOf('sftp://me:pw@h:2222/x')).sftp).toMatchObject({ host: 'h', port: 2222, user: 'me', password: 'pw' });
    const local = (await sftpOf('sftp://h/x', { USER: 'ana', [PASSWORD_ENV]: 'env-pw', SSH_AUTH_SOCK: '/run/agent.sock' })).sftp;
    expect(local).toMatchObject({ user: 'ana', password: 'env-pw', useAgent: '/run/agent.sock' });
    expect(local.port).toBeUndefined();
    const bare = (await sftpOf('sftp://me@h/x')).sftp;
    expect(bare.password).toBeUndefined();
    if (process.platform !== 'win32') expect(bare.useAgent).toBeUndefined();
  });

  it('reads --identity with FERRY_PASSPHRASE, and says so when the key cannot be read', async () => {
    const key = new URL('../../fixtures/ssh/known_hosts', import.meta.url).pathname;
    const { sftp } = await sftpOf('sftp://me@h/x', { [PASSPHRASE_ENV]: 'secret' }, '--identity', key);
    expect(sftp.privateKey).toMatchObject({ path: key, passphrase: 'secret' });
    expect(sftp.privateKey!.data.length).toBeGreaterThan(0);
    await expect(sftpOf('sftp://me@h/x', {}, '--identity', '/no/such/key')).rejects.toThrow('Cannot read the key file /no/such/key: no such file or folder');
  });

  it('judges host keys with a fresh check per connection, trusting --fingerprint', async () => {
    const options = await remoteOptionsFor(parseFtpUrl('sftp://h/'), optionsOf('--fingerprint', `SHA256:${'a'.repeat(43)}`), io());
    const [a, b] = [options(), options()];
    if (a.protocol !== 'sftp' || b.protocol !== 'sftp') throw new Error('not SFTP');
    expect(a.hostKeys).not.toBe(b.hostKeys);
  });

  it("refuses what is FTP's alone, and FTP refuses what is SSH's", async () => {
    await expect(sftpOf('sftp://h/', {}, '--tls', 'explicit')).rejects.toThrow('--tls is for FTP; sftp:// URLs use SSH');
    await expect(sftpOf('sftp://h/', {}, '--mode', 'active')).rejects.toThrow('--mode is for FTP');
    await expect(sftpOf('sftp://h/', {}, '--fingerprint', 'ab'.repeat(32))).rejects.toThrow('--fingerprint SHA256:');
    expect(() => connectOptionsFor(parseFtpUrl('ftp://h/'), optionsOf('--identity', 'k'), {})).toThrow('--identity is for sftp:// URLs');
    expect(() => connectOptionsFor(parseFtpUrl('ftps://h/'), optionsOf('--fingerprint', `SHA256:${'a'.repeat(43)}`), {})).toThrow(/SSH host key/);
  });
});
