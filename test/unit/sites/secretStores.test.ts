import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  SecretDecryptError,
  SecretStoreLockedError,
  SecretsUnavailableError,
  SiteValidationError,
  WrongMasterPasswordError,
} from '../../../electron/sites/errors';
import { KeychainSecretStore } from '../../../electron/sites/KeychainSecretStore';
import { MasterPasswordSecretStore } from '../../../electron/sites/MasterPasswordSecretStore';
import { AskEachTimeSecretStore } from '../../../electron/sites/SecretStore';
import { FakeSafeStorage, TEST_SCRYPT, filesContaining, removeTempDirs, tempDir } from './helpers';

afterEach(removeTempDirs);

const PASSWORD = 'Tr0ub4dor&3-ünïcødé';
const MASTER = 'correct horse battery staple';

describe('KeychainSecretStore', () => {
  it('stores only ciphertext and reads it back after reopening', async () => {
    const dir = await tempDir();
    const safe = new FakeSafeStorage();
    const store = await KeychainSecretStore.open(dir, safe);
    expect(store.mode).toBe('keychain');
    await store.set('site-1', PASSWORD);
    expect(await store.get('site-1')).toBe(PASSWORD);
    expect(await store.has('site-1')).toBe(true);
    expect(await filesContaining(dir, PASSWORD)).toEqual([]);
    const reopened = await KeychainSecretStore.open(dir, safe);
    expect(await reopened.get('site-1')).toBe(PASSWORD);
    await reopened.delete('site-1');
    expect(await reopened.get('site-1')).toBeUndefined();
    expect(await (await KeychainSecretStore.open(dir, safe)).has('site-1')).toBe(false);
  });

  it('refuses to store when the keychain is unavailable or is Chromium plain-text fallback', async () => {
    const safe = new FakeSafeStorage();
    const store = await KeychainSecretStore.open(await tempDir(), safe);
    safe.available = false;
    expect(store.canStore()).toBe(false);
    await expect(store.set('a', 'x')).rejects.toBeInstanceOf(SecretsUnavailableError);
    safe.available = true;
    safe.backend = 'basic_text';
    expect(store.canStore()).toBe(false);
    await expect(store.set('a', 'x')).rejects.toThrow(/No system keychain/);
    const lenient = await KeychainSecretStore.open(await tempDir(), safe, { allowWeakBackend: true });
    expect(lenient.canStore()).toBe(true);
  });

  it('reports a secret the keychain can no longer decrypt', async () => {
    const dir = await tempDir();
    await (await KeychainSecretStore.open(dir, new FakeSafeStorage())).set('a', PASSWORD);
    // A different keychain key, as after an OS reinstall.
    const store = await KeychainSecretStore.open(dir, new FakeSafeStorage());
    await expect(store.get('a')).rejects.toBeInstanceOf(SecretDecryptError);
  });
});

describe('MasterPasswordSecretStore', () => {
  async function initialized(dir?: string) {
    const store = await MasterPasswordSecretStore.open(dir ?? (await tempDir()), { scryptCost: TEST_SCRYPT });
    await store.initialize(MASTER);
    return store;
  }

  it('starts uninitialized and locked, then stores and reads secrets', async () => {
    const dir = await tempDir();
    const store = await MasterPasswordSecretStore.open(dir, { scryptCost: TEST_SCRYPT });
    expect([store.isInitialized(), store.isUnlocked(), store.canStore()]).toEqual([false, false, false]);
    await expect(store.unlock(MASTER)).rejects.toMatchObject({ kind: 'secrets-not-initialized' });
    await store.initialize(MASTER);
    expect(store.canStore()).toBe(true);
    await store.set('site-1', PASSWORD);
    expect(await store.get('site-1')).toBe(PASSWORD);
    expect(await readdir(dir)).toEqual(['secrets.master.json']);
  });

  it('rejects a wrong master password with a clear error and accepts the right one', async () => {
    const dir = await tempDir();
    await (await initialized(dir)).set('site-1', PASSWORD);
    const store = await MasterPasswordSecretStore.open(dir);
    expect(store.isUnlocked()).toBe(false);
    await expect(store.get('site-1')).rejects.toBeInstanceOf(SecretStoreLockedError);
    await expect(store.set('site-2', 'x')).rejects.toBeInstanceOf(SecretStoreLockedError);
    expect(await store.has('site-1')).toBe(true);
    const wrong = store.unlock('correct horse battery stapler');
    await expect(wrong).rejects.toBeInstanceOf(WrongMasterPasswordError);
    await expect(store.unlock('correct horse battery stapler')).rejects.toThrow('Wrong master password');
    await expect(store.unlock('')).rejects.toBeInstanceOf(WrongMasterPasswordError);
    await store.unlock(MASTER);
    expect(await store.get('site-1')).toBe(PASSWORD);
    store.lock();
    await expect(store.get('site-1')).rejects.toBeInstanceOf(SecretStoreLockedError);
  });

  it('deletes while locked, since removing ciphertext needs no key', async () => {
    const dir = await tempDir();
    await (await initialized(dir)).set('site-1', PASSWORD);
    const store = await MasterPasswordSecretStore.open(dir);
    await store.delete('site-1');
    expect(await store.has('site-1')).toBe(false);
  });

  it('re-encrypts everything when the master password changes', async () => {
    const dir = await tempDir();
    const store = await initialized(dir);
    await store.setMany([
      ['a', 'alpha-pass'],
      ['b', 'beta-pass'],
    ]);
    const before = JSON.parse(await readFile(path.join(dir, 'secrets.master.json'), 'utf8'));
    await expect(store.changeMasterPassword('not it at all', 'new master pw')).rejects.toBeInstanceOf(WrongMasterPasswordError);
    await expect(store.changeMasterPassword(MASTER, 'short')).rejects.toBeInstanceOf(SiteValidationError);
    await store.changeMasterPassword(MASTER, 'new master pw');
    expect(await store.get('a')).toBe('alpha-pass');
    const after = JSON.parse(await readFile(path.join(dir, 'secrets.master.json'), 'utf8'));
    expect(after.kdf.salt).not.toBe(before.kdf.salt);
    expect(after.entries.a.data).not.toBe(before.entries.a.data);
    const reopened = await MasterPasswordSecretStore.open(dir);
    await expect(reopened.unlock(MASTER)).rejects.toBeInstanceOf(WrongMasterPasswordError);
    await reopened.unlock('new master pw');
    expect([await reopened.get('a'), await reopened.get('b')]).toEqual(['alpha-pass', 'beta-pass']);
  });

  it('uses a random IV per secret and binds each ciphertext to its site', async () => {
    const dir = await tempDir();
    const store = await initialized(dir);
    await store.setMany([
      ['a', 'same'],
      ['b', 'same'],
    ]);
    const file = path.join(dir, 'secrets.master.json');
    const json = JSON.parse(await readFile(file, 'utf8'));
    expect(json.entries.a.iv).not.toBe(json.entries.b.iv);
    expect(json.entries.a.data).not.toBe(json.entries.b.data);
    // Moving site a's ciphertext to site b must not decrypt as b's password.
    json.entries.b = json.entries.a;
    await writeFile(file, JSON.stringify(json));
    const reopened = await MasterPasswordSecretStore.open(dir);
    await reopened.unlock(MASTER);
    expect(await reopened.get('a')).toBe('same');
    await expect(reopened.get('b')).rejects.toBeInstanceOf(SecretDecryptError);
  });

  it('requires a master password of at least 8 characters and only one initialization', async () => {
    const store = await MasterPasswordSecretStore.open(await tempDir(), { scryptCost: TEST_SCRYPT });
    await expect(store.initialize('1234567')).rejects.toThrow('at least 8 characters');
    await store.initialize('12345678');
    await expect(store.initialize('12345678')).rejects.toMatchObject({ kind: 'secrets-initialized' });
  });

  it('reset forgets the master password and every secret', async () => {
    const dir = await tempDir();
    const store = await initialized(dir);
    await store.set('a', PASSWORD);
    await store.reset();
    expect([store.isInitialized(), store.isUnlocked(), await store.has('a')]).toEqual([false, false, false]);
    expect(await readdir(dir)).toEqual([]);
  });

  it('works with the default scrypt cost (N=2^17), which needs a raised maxmem', async () => {
    const dir = await tempDir();
    const store = await MasterPasswordSecretStore.open(dir);
    await store.initialize(MASTER);
    const json = JSON.parse(await readFile(path.join(dir, 'secrets.master.json'), 'utf8'));
    expect(json.kdf).toMatchObject({ name: 'scrypt', N: 131072, r: 8, p: 1 });
    expect(Buffer.from(json.kdf.salt, 'base64')).toHaveLength(16);
    const reopened = await MasterPasswordSecretStore.open(dir);
    await reopened.unlock(MASTER);
  });

  it('refuses scrypt parameters from a tampered file that would exhaust memory', async () => {
    const dir = await tempDir();
    await initialized(dir);
    const file = path.join(dir, 'secrets.master.json');
    const json = JSON.parse(await readFile(file, 'utf8'));
    json.kdf.N = 2 ** 30;
    await writeFile(file, JSON.stringify(json));
    const store = await MasterPasswordSecretStore.open(dir);
    expect(store.loadIssue?.reason).toContain('kdf.N');
    expect(store.isInitialized()).toBe(false);
  });
});

describe('AskEachTimeSecretStore', () => {
  it('stores nothing and says so', async () => {
    const store = new AskEachTimeSecretStore();
    expect(store.canStore()).toBe(false);
    await expect(store.set()).rejects.toBeInstanceOf(SecretsUnavailableError);
    await expect(store.setMany([])).resolves.toBeUndefined();
    expect(await store.get()).toBeUndefined();
  });
});

describe('no password in plain text on disk', () => {
  it.each(['keychain', 'master-password'] as const)('%s store: grep finds the password in no file', async (mode) => {
    const dir = await tempDir();
    const store =
      mode === 'keychain'
        ? await KeychainSecretStore.open(dir, new FakeSafeStorage())
        : await MasterPasswordSecretStore.open(dir, { scryptCost: TEST_SCRYPT }).then(async (s) => {
            await s.initialize(MASTER);
            return s;
          });
    await store.set('site-1', PASSWORD);
    await store.setMany([['site-2', `${PASSWORD}-2`]]);
    expect((await readdir(dir)).length).toBeGreaterThan(0);
    expect(await filesContaining(dir, PASSWORD)).toEqual([]);
    expect(await filesContaining(dir, MASTER)).toEqual([]);
    // The scan itself must be able to see a plain-text password.
    await writeFile(path.join(dir, 'canary.txt'), `x${PASSWORD}x`);
    expect(await filesContaining(dir, PASSWORD)).toEqual([path.join(dir, 'canary.txt')]);
  });
});
