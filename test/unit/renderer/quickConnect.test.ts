/** The quick-connect bar's fields and URLs into connection parameters, SFTP included. */
import { describe, expect, it } from 'vitest';
import { parseQuickConnect, type QuickConnectFields } from '../../../renderer/lib/quickConnect';

const fields = (over: Partial<QuickConnectFields>): QuickConnectFields => ({ host: '', user: '', password: '', port: '', protocol: 'explicit-if-available', ...over });

describe('parseQuickConnect', () => {
  it('reads sftp:// with its user, password, port and folder as SFTP', () => {
    expect(parseQuickConnect(fields({ host: 'sftp://ana:s%3Ecret@shell.example.org:2222/srv/www' }))).toEqual({
      ok: true,
      params: { protocol: 'sftp', host: 'shell.example.org', port: 2222, user: 'ana', password: 's>cret', tls: 'explicit-if-available', dataMode: 'auto' },
      path: '/srv/www',
    });
  });

  it('takes SFTP from the protocol choice, and ftp:// wins over it', () => {
    expect(parseQuickConnect(fields({ host: 'shell.example.org', user: 'ana', protocol: 'sftp' }))).toEqual({
      ok: true,
      params: { protocol: 'sftp', host: 'shell.example.org', user: 'ana', tls: 'explicit-if-available', dataMode: 'auto' },
    });
    const ftp = parseQuickConnect(fields({ host: 'ftp://h', protocol: 'sftp' }));
    expect(ftp.ok && ftp.params).toEqual({ host: 'h', tls: 'explicit-if-available', dataMode: 'auto' });
    const ftps = parseQuickConnect(fields({ host: 'ftps://h', protocol: 'sftp' }));
    expect(ftps.ok && ftps.params).toMatchObject({ tls: 'implicit' });
    expect(ftps.ok && 'protocol' in ftps.params).toBe(false);
  });

  it('asks for a user name for SFTP, which has no anonymous login', () => {
    expect(parseQuickConnect(fields({ host: 'sftp://h/' }))).toEqual({ ok: false, message: 'Enter the user name to log in with over SFTP' });
  });
});
