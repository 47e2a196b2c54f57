/** Connection parameters of saved sites: passwords from the secret store, charsets, certificates. */
import { describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MasterPasswordSecretStore, SiteService, SiteStore } from '../../../electron/sites';
import { siteConnectParams } from '../../../electron/services/siteConnect';

async function service() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ferry-siteconnect-'));
  const secrets = await MasterPasswordSecretStore.open(dir, { scryptCost: { N: 2 ** 12, r: 8, p: 1 } });
  const sites = await SiteService.create(await SiteStore.open(dir), secrets);
  await sites.setMasterPassword('master password');
  return sites;
}

describe('siteConnectParams', () => {
  it('takes the password from the secret store and the charset and fingerprint from the site', async () => {
    const sites = await service();
    const site = await sites.create(
      { name: 'Old box', host: 'ftp.example.com', port: 2121, logonType: 'normal', user: 'me', charset: 'ISO-8859-1', trustedFingerprint: 'AB'.repeat(32) },
      'secret',
    );
    expect(await siteConnectParams(sites, site.id, {})).toEqual({
      host: 'ftp.example.com',
      port: 2121,
      tls: 'explicit-if-available',
      dataMode: 'auto',
      siteId: site.id,
      user: 'me',
      password: 'secret',
      encoding: 'latin1',
      trustedFingerprint: 'AB'.repeat(32),
    });
  });

  it('refuses a charset Ferry cannot speak with a clear error, before connecting', async () => {
    const sites = await service();
    const site = await sites.create({ name: 'Tokyo', host: 'ftp.example.jp', charset: 'Shift_JIS' });
    await expect(siteConnectParams(sites, site.id, {})).rejects.toMatchObject({
      kind: 'unsupported-charset',
      message: expect.stringContaining('"Shift_JIS" is not supported'),
    });
  });

  it('asks for the password of an "ask" site and of a locked store', async () => {
    const sites = await service();
    const ask = await sites.create({ name: 'Ask', host: 'h', logonType: 'ask', user: 'u' });
    await expect(siteConnectParams(sites, ask.id, {})).rejects.toMatchObject({ kind: 'password-required' });
    expect((await siteConnectParams(sites, ask.id, { password: 'typed' })).password).toBe('typed');
    const saved = await sites.create({ name: 'Saved', host: 'h', logonType: 'normal', user: 'u' }, 'pw');
    sites.lockPasswords();
    await expect(siteConnectParams(sites, saved.id, {})).rejects.toMatchObject({ kind: 'password-required', message: expect.stringContaining('locked') });
  });
});
