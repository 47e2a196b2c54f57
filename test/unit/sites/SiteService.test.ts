import { readFileSync } from 'node:fs';
import { readdir, writeFile } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { SecretStoreLockedError, SecretsUnavailableError, SiteValidationError } from '../../../electron/sites/errors';
import { KeychainSecretStore } from '../../../electron/sites/KeychainSecretStore';
import { MasterPasswordSecretStore } from '../../../electron/sites/MasterPasswordSecretStore';
import { AskEachTimeSecretStore, type SecretStore } from '../../../electron/sites/SecretStore';
import { SiteService } from '../../../electron/sites/SiteService';
import { SiteStore } from '../../../electron/sites/SiteStore';
import { FakeSafeStorage, TEST_SCRYPT, filesContaining, removeTempDirs, tempDir } from './helpers';

afterEach(removeTempDirs);

const FIXTURE = readFileSync(new URL('../../fixtures/sitemanager/sitemanager.xml', import.meta.url), 'utf8');
const PASSWORD = 'pässw0rd-With-Sp€cials';
const site = { name: 'Web', host: 'ftp.example.com', user: 'deploy', folder: 'Work' };

async function keychainService(dir?: string) {
  const d = dir ?? (await tempDir());
  const safe = new FakeSafeStorage();
  const secrets = await KeychainSecretStore.open(d, safe);
  return { dir: d, safe, secrets, service: await SiteService.create(await SiteStore.open(d), secrets) };
}

describe('SiteService passwords', () => {
  it('saves a password with the site and hands it out only through getPassword', async () => {
    const { dir, service } = await keychainService();
    const created = await service.create(site, PASSWORD);
    expect(created.hasPassword).toBe(true);
    expect(JSON.stringify(service.list())).not.toContain(PASSWORD);
    expect(await service.getPassword(created.id)).toBe(PASSWORD);
    expect(await filesContaining(dir, PASSWORD)).toEqual([]);
  });

  it('keeps, replaces and clears the password on update', async () => {
    const { service, secrets } = await keychainService();
    const { id } = await service.create(site, PASSWORD);
    expect((await service.update(id, { port: 2121 })).hasPassword).toBe(true);
    expect(await service.getPassword(id)).toBe(PASSWORD);
    await service.update(id, {}, 'new-one');
    expect(await service.getPassword(id)).toBe('new-one');
    expect((await service.update(id, {}, null)).hasPassword).toBeUndefined();
    expect(await secrets.has(id)).toBe(false);
    expect((await service.update(id, {}, 'again')).hasPassword).toBe(true);
    expect(await service.getPassword(id)).toBe('again');
    expect((await service.update(id, { logonType: 'ask' })).hasPassword).toBeUndefined();
    expect(await secrets.has(id)).toBe(false);
    expect(await service.getPassword(id)).toBeUndefined();
  });

  it('rejects passwords that would break the PASS command, saving nothing', async () => {
    const { service } = await keychainService();
    await expect(service.create(site, 'a\r\nDELE /x')).rejects.toBeInstanceOf(SiteValidationError);
    expect(service.list().sites).toEqual([]);
  });

  it('validates the site before touching the secret store', async () => {
    const { dir, service } = await keychainService();
    await expect(service.create({ ...site, host: '' }, PASSWORD)).rejects.toBeInstanceOf(SiteValidationError);
    expect(service.list().sites).toEqual([]);
    expect(await readdir(dir)).toEqual([]);
  });

  it('copies the password with a duplicate and removes it with the site or its folder', async () => {
    const { service, secrets } = await keychainService();
    const original = await service.create(site, PASSWORD);
    const copy = await service.duplicate(original.id);
    expect([copy.name, copy.hasPassword, await service.getPassword(copy.id)]).toEqual(['Copy of Web', true, PASSWORD]);
    await service.delete(original.id);
    expect(await secrets.has(original.id)).toBe(false);
    await service.deleteFolder('Work', { recursive: true });
    expect(await secrets.has(copy.id)).toBe(false);
    expect(service.list()).toEqual({ folders: [], sites: [] });
  });

  it('refuses a password it cannot keep instead of pretending', async () => {
    const store = await SiteStore.open(await tempDir());
    const service = await SiteService.create(store, new AskEachTimeSecretStore());
    await expect(service.create(site, PASSWORD)).rejects.toBeInstanceOf(SecretsUnavailableError);
    expect(service.list().sites).toEqual([]);
    await expect(service.create({ ...site, logonType: 'ask' })).resolves.toMatchObject({ logonType: 'ask' });
    expect(service.status()).toEqual({ secretMode: 'ask-each-time', canStorePasswords: false, isLocked: false, loadIssues: [] });
  });

  it('repairs hasPassword flags at start (e.g. after a crash between the two writes)', async () => {
    const { dir, service, secrets } = await keychainService();
    const a = await service.create(site, PASSWORD);
    const b = await service.create({ ...site, name: 'B' });
    await secrets.delete(a.id);
    await secrets.set(b.id, 'orphan');
    const again = await SiteService.create(await SiteStore.open(dir), secrets);
    expect(again.get(a.id).hasPassword).toBeUndefined();
    expect(again.get(b.id).hasPassword).toBe(true);
  });
});

describe('SiteService master-password mode', () => {
  async function masterService() {
    const dir = await tempDir();
    const secrets = await MasterPasswordSecretStore.open(dir, { scryptCost: TEST_SCRYPT });
    return { dir, secrets, service: await SiteService.create(await SiteStore.open(dir), secrets) };
  }

  it('acts as "ask each time" until a master password is set, then locks and unlocks', async () => {
    const { dir, service } = await masterService();
    expect(service.status()).toMatchObject({ secretMode: 'ask-each-time', canStorePasswords: false, isLocked: false });
    await service.setMasterPassword('master-password-1');
    expect(service.status()).toMatchObject({ secretMode: 'master-password', canStorePasswords: true, isLocked: false });
    const { id } = await service.create(site, PASSWORD);
    service.lockPasswords();
    expect(service.status()).toMatchObject({ canStorePasswords: false, isLocked: true });
    await expect(service.getPassword(id)).rejects.toBeInstanceOf(SecretStoreLockedError);
    await expect(service.unlockPasswords('wrong-password')).rejects.toMatchObject({ kind: 'wrong-master-password' });
    await service.unlockPasswords('master-password-1');
    expect(await service.getPassword(id)).toBe(PASSWORD);
    await service.changeMasterPassword('master-password-1', 'master-password-2');
    expect(await service.getPassword(id)).toBe(PASSWORD);
    expect(await filesContaining(dir, PASSWORD)).toEqual([]);
    expect(await filesContaining(dir, 'master-password-2')).toEqual([]);
  });

  it('forgetAllPasswords returns to "ask each time" and clears the flags', async () => {
    const { service } = await masterService();
    await service.setMasterPassword('master-password-1');
    const { id } = await service.create(site, PASSWORD);
    await service.forgetAllPasswords();
    expect(service.get(id).hasPassword).toBeUndefined();
    expect(service.status().secretMode).toBe('ask-each-time');
  });

  it('imports sitemanager.xml before a master password exists and while locked, as "ask for password"', async () => {
    const fresh = await masterService();
    const first = await fresh.service.importFileZilla(FIXTURE);
    expect(first.imported.length).toBeGreaterThan(0);
    expect(first.imported.every((s) => !s.hasPassword)).toBe(true);

    const locked = await masterService();
    await locked.service.setMasterPassword('master-password-1');
    locked.service.lockPasswords();
    const second = await locked.service.importFileZilla(FIXTURE);
    expect(second.imported.length).toBe(first.imported.length);
    expect(second.warnings.some((w) => /Password not saved/.test(w.message))).toBe(true);
  });

  it('master-password controls are refused in keychain mode', async () => {
    const { service } = await keychainService();
    expect(() => service.lockPasswords()).toThrow(/keychain/);
  });
});

describe('SiteService import, export and status', () => {
  it('imports and exports FileZilla files, whole or one folder', async () => {
    const { service } = await keychainService();
    const result = await service.importFileZilla(FIXTURE);
    expect(result.imported).toHaveLength(11);
    const all = await service.exportFileZilla({ includePasswords: true });
    expect(all.xml).toContain('<Pass encoding="base64">');
    const clients = await service.exportFileZilla({ folder: 'Work/Clients' });
    expect(clients.xml).toContain('<Folder expanded="1">Clients\n');
    expect(clients.xml).not.toContain('Company web');
    expect(clients.xml).not.toContain('<Pass');
    const other = await keychainService();
    await other.service.importFileZilla(clients.xml);
    expect(other.service.list().sites.map((s) => `${s.folder}/${s.name}`)).toEqual([
      'Clients/Acme bastion (OTP)',
      'Clients/Acme build box',
      'Clients/Acme Corp',
      'Clients/Acme SFTP',
      'Clients/Billing (account)',
      'Clients/Legacy server',
    ]);
    await expect(service.exportFileZilla({ folder: 'Nope' })).rejects.toMatchObject({ kind: 'folder-not-found' });
  });

  it('reports damaged files found at start', async () => {
    const dir = await tempDir();
    await writeFile(`${dir}/sites.json`, 'garbage');
    await writeFile(`${dir}/secrets.keychain.json`, '{"version":1,"entries":{"a":"not base64!"}}');
    const { service } = await keychainService(dir);
    expect(service.status().loadIssues).toEqual([
      { file: 'sites', reason: expect.stringContaining('not valid JSON'), backupPath: expect.stringContaining('sites.json.corrupt-') },
      { file: 'secrets', reason: expect.stringContaining('entries.a'), backupPath: expect.stringContaining('secrets.keychain.json.corrupt-') },
    ]);
  });
});

describe('no password in plain text anywhere in the data folder', () => {
  it.each(['keychain', 'master-password'] as const)('%s: after create, update, duplicate and import', async (mode) => {
    const dir = await tempDir();
    let secrets: SecretStore;
    if (mode === 'keychain') secrets = await KeychainSecretStore.open(dir, new FakeSafeStorage());
    else {
      const master = await MasterPasswordSecretStore.open(dir, { scryptCost: TEST_SCRYPT });
      await master.initialize('the master password');
      secrets = master;
    }
    const service = await SiteService.create(await SiteStore.open(dir), secrets);
    const { id } = await service.create(site, PASSWORD);
    await service.update(id, { comments: 'changed' }, `${PASSWORD}-2`);
    await service.duplicate(id);
    await service.importFileZilla(FIXTURE);
    for (const secret of [PASSWORD, `${PASSWORD}-2`, 's3cr3t&<pässwörd>', 'acct-Pa55', 'plain0ld', 'the master password']) {
      expect(await filesContaining(dir, secret)).toEqual([]);
    }
  });
});
