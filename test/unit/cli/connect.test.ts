import { describe, expect, it } from 'vitest';
import { parseCommandLine, type CliOptions } from '../../../electron/cli/args';
import { connectOptionsFor, PASSWORD_ENV } from '../../../electron/cli/connect';
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
