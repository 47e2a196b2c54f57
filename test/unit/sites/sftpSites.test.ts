import { afterEach, describe, expect, it } from 'vitest';
import { type SiteValidationError } from '../../../electron/sites/errors';
import { KeychainSecretStore } from '../../../electron/sites/KeychainSecretStore';
import { SiteService } from '../../../electron/sites/SiteService';
import { SiteStore } from '../../../electron/sites/SiteStore';
import { validateSiteInput, type SiteInput } from '../../../electron/sites/siteInput';
import { connectParamsSchema, siteInputSchema } from '../../../shared/contract';
import { portOf } from '../../../shared/serverAccount';
import { FakeSafeStorage, filesContaining, removeTempDirs, tempDir } from './helpers';

afterEach(removeTempDirs);

const sftp: SiteInput = { name: 'Shell', host: 'shell.example.org', protocol: 'sftp', user: 'ana', logonType: 'normal' };

/** The field and message of each problem a site input has, or [] when it is valid. */
function problems(input: SiteInput): [string, string][] {
  try {
    validateSiteInput(input);
    return [];
  } catch (err) {
    return (err as SiteValidationError).issues.map((i) => [i.field, i.message]);
  }
}

describe('SFTP sites', () => {
  it('store the protocol only for SFTP, so FTP sites stay as they were', () => {
    expect(validateSiteInput(sftp).protocol).toBe('sftp');
    expect('protocol' in validateSiteInput({ name: 'F', host: 'ftp.example.org' })).toBe(false);
    expect('protocol' in validateSiteInput({ name: 'F', host: 'ftp.example.org', protocol: 'ftp' })).toBe(false);
    expect(problems({ ...sftp, protocol: 'scp' as never })).toEqual([['protocol', 'Unknown protocol: scp']]);
  });

  it('go to port 22 unless a port is given', () => {
    expect(portOf(validateSiteInput(sftp))).toBe(22);
    expect(portOf(validateSiteInput({ ...sftp, port: 2222 }))).toBe(2222);
    expect(portOf({ tls: 'implicit' })).toBe(990);
    expect(portOf({ tls: 'explicit-if-available' })).toBe(21);
  });

  it('need a user and a logon type SSH knows; a key needs its file', () => {
    expect(problems({ ...sftp, logonType: 'anonymous', user: undefined })).toEqual([
      ['logonType', 'SFTP has no anonymous logon: choose how to log in'],
      ['user', 'User name is required for SFTP'],
    ]);
    expect(problems({ ...sftp, logonType: 'agent', user: '' })).toEqual([['user', 'User name is required for SFTP']]);
    expect(problems({ ...sftp, logonType: 'key' })).toEqual([['keyFile', 'Choose the private key file to log in with']]);
    expect(problems({ ...sftp, logonType: 'key', keyFile: '/a\nb' })).toEqual([['keyFile', 'Key file cannot contain line breaks']]);
    expect(validateSiteInput({ ...sftp, logonType: 'key', keyFile: ' /home/ana/.ssh/id_ed25519 ' }).keyFile).toBe('/home/ana/.ssh/id_ed25519');
    for (const logonType of ['agent', 'interactive', 'ask', 'normal'] as const) expect(problems({ ...sftp, logonType })).toEqual([]);
  });

  it('refuse the SSH logon types for FTP, and keep no key file, certificate or server type that SFTP does not use', () => {
    for (const logonType of ['key', 'agent', 'interactive'] as const) {
      expect(problems({ name: 'F', host: 'h', user: 'u', logonType, keyFile: '/k' })).toEqual([['logonType', 'Key file, SSH agent and interactive logon are for SFTP sites']]);
    }
    const fields = validateSiteInput({ ...sftp, keyFile: '/k', trustedFingerprint: 'AB:CD:EF:01:23:45:67:89', serverType: 'mvs' });
    expect(fields).not.toHaveProperty('keyFile');
    expect(fields).not.toHaveProperty('trustedFingerprint');
    expect(fields).not.toHaveProperty('serverType');
  });

  it('keep a key site’s passphrase as its secret, never in sites.json, and forget it with the key logon', async () => {
    const dir = await tempDir();
    const secrets = await KeychainSecretStore.open(dir, new FakeSafeStorage());
    const service = await SiteService.create(await SiteStore.open(dir), secrets);
    const site = await service.create({ ...sftp, logonType: 'key', keyFile: '/home/ana/.ssh/id_ed25519' }, 'correct horse');
    expect(site.hasPassword).toBe(true);
    expect(await service.getPassword(site.id)).toBe('correct horse');
    expect(await filesContaining(dir, 'correct horse')).toEqual([]);
    const agent = await service.update(site.id, { logonType: 'agent' });
    expect(agent.hasPassword).toBeUndefined();
    expect(agent).not.toHaveProperty('keyFile');
    expect(await secrets.has(site.id)).toBe(false);
  });

  it('cross the contract with the SSH fields, and bad ones are refused there', () => {
    expect(siteInputSchema.safeParse({ ...sftp, logonType: 'key', keyFile: '/k' }).success).toBe(true);
    expect(siteInputSchema.safeParse({ ...sftp, logonType: 'password' }).success).toBe(false);
    const params = { protocol: 'sftp', host: 'h', tls: 'explicit-if-available', dataMode: 'auto', user: 'u' } as const;
    const fingerprint = 'SHA256:' + 'A'.repeat(43);
    expect(connectParamsSchema.safeParse({ ...params, keyFile: '/k', passphrase: 'p', useAgent: true, trustedHostKey: fingerprint }).success).toBe(true);
    expect(connectParamsSchema.safeParse({ ...params, trustedHostKey: 'MD5:ab:cd' }).success).toBe(false);
    expect(connectParamsSchema.safeParse({ ...params, trustedHostKey: `${fingerprint}=` }).success).toBe(false);
    expect(connectParamsSchema.safeParse({ ...params, keyFile: '/k\0' }).success).toBe(false);
    expect(connectParamsSchema.safeParse({ ...params, protocol: 'scp' }).success).toBe(false);
  });
});
