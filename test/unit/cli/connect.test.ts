import { describe, expect, it } from 'vitest';
import { parseCommandLine, type CliOptions } from '../../../electron/cli/args';
import { renameTarget } from '../../../electron/cli/commands/fileOps';
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

describe('renameTarget', () => {
  const url = parseFtpUrl('ftp://h:21/a/x.txt');
  it.each([
    ['y.txt', '/a/y.txt'],
    ['sub/y.txt', '/a/sub/y.txt'],
    ['/b/y.txt', '/b/y.txt'],
    ['ftp://h:21/c/z.txt', '/c/z.txt'],
  ])('%s → %s', (newName, target) => {
    expect(renameTarget('/a/x.txt', newName, url)).toBe(target);
  });

  it('keeps a login-relative source relative', () => {
    expect(renameTarget('x.txt', 'y.txt', parseFtpUrl('ftp://h/~/x.txt'))).toBe('y.txt');
  });

  it('refuses another server, an empty name and line breaks', () => {
    expect(() => renameTarget('/a/x.txt', 'ftp://other/c', url)).toThrow(/same server/);
    expect(() => renameTarget('/a/x.txt', '', url)).toThrow(/empty/);
    expect(() => renameTarget('/a/x.txt', 'a\r\nDELE b', url)).toThrow(/line break/);
  });
});
