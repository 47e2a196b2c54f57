/**
 * Passwords for browser mode, where no OS keychain is reachable: each secret is sealed with
 * AES-256-GCM under a key derived by scrypt from the user's master password and a per-file
 * salt. An encrypted check value tells a wrong master password from damaged data. The key
 * lives only in memory while unlocked. Must not import electron.
 */
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { ensurePrivateDir, loadJsonFile, removeStaleTemps, writeFileAtomic } from './atomicFile';
import { SecretDecryptError, SecretStoreLockedError, SiteValidationError, SitesError, WrongMasterPasswordError } from './errors';
import { deriveKey, newKdfParams, seal, unseal, type KdfParams, type Sealed, type ScryptCost } from './masterCrypto';
import type { SecretStore } from './SecretStore';
import { SerialQueue } from './SerialQueue';
import type { LoadIssue } from './SiteStore';

const FILE_VERSION = 1;
const CHECK_CONTEXT = 'ferry/v1/check';
const CHECK_VALUE = 'ferry-master-password-check';
/** Shorter master passwords fall to offline guessing despite scrypt. */
export const MIN_MASTER_PASSWORD_LENGTH = 8;

const b64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/);
const sealedSchema = z.object({ iv: b64, data: b64, tag: b64 });
const fileSchema = z.object({
  version: z.literal(FILE_VERSION),
  // Bounds stop a tampered file from making scrypt allocate gigabytes.
  kdf: z.object({
    name: z.literal('scrypt'),
    N: z.number().int().min(2 ** 10).max(2 ** 20).refine((n) => (n & (n - 1)) === 0, 'N must be a power of two'),
    r: z.number().int().min(1).max(32),
    p: z.number().int().min(1).max(16),
    salt: b64.min(16),
  }),
  check: sealedSchema,
  entries: z.record(z.string(), sealedSchema),
});

interface Vault {
  kdf: KdfParams;
  check: Sealed;
  entries: Record<string, Sealed>;
}

/** Options for `MasterPasswordSecretStore.open`. */
export interface MasterPasswordOptions {
  /** File name inside the folder; default `secrets.master.json`. */
  fileName?: string;
  /** scrypt cost for new keys (tests lower it); existing files keep their own. */
  scryptCost?: ScryptCost;
  now?: () => Date;
}

const siteContext = (siteId: string) => `ferry/v1/site/${siteId}`;

/** A `SecretStore` encrypted with a master password; `unlock()` before `get`/`set`. */
export class MasterPasswordSecretStore implements SecretStore {
  readonly mode = 'master-password' as const;
  private readonly queue = new SerialQueue();
  private key: Buffer | undefined;

  private constructor(
    private readonly filePath: string,
    private vault: Vault | undefined,
    private readonly scryptCost: ScryptCost | undefined,
    /** Set when the secrets file was damaged at start and moved aside. */
    readonly loadIssue: LoadIssue | undefined,
  ) {}

  /** Opens the store in `dir` (locked); a damaged file is kept as a `.corrupt-<time>` backup and reported. */
  static async open(dir: string, options: MasterPasswordOptions = {}): Promise<MasterPasswordSecretStore> {
    const fileName = options.fileName ?? 'secrets.master.json';
    await ensurePrivateDir(dir);
    await removeStaleTemps(dir, fileName);
    const filePath = path.join(dir, fileName);
    const loaded = await loadJsonFile(filePath, fileSchema, { maxVersion: FILE_VERSION, now: options.now });
    const vault = loaded.status === 'ok' ? { kdf: loaded.value.kdf, check: loaded.value.check, entries: { ...loaded.value.entries } } : undefined;
    const issue = loaded.status === 'corrupt' ? { reason: loaded.reason, backupPath: loaded.backupPath } : undefined;
    return new MasterPasswordSecretStore(filePath, vault, options.scryptCost, issue);
  }

  /** Whether a master password has been chosen. */
  isInitialized(): boolean {
    return this.vault !== undefined;
  }

  /** Whether the key is in memory. */
  isUnlocked(): boolean {
    return this.key !== undefined;
  }

  /** Same as `isUnlocked`: passwords can be stored only then. */
  canStore(): boolean {
    return this.isUnlocked();
  }

  /** Chooses the master password of a new store and leaves it unlocked. */
  async initialize(masterPassword: string): Promise<void> {
    checkNewMasterPassword(masterPassword);
    await this.queue.run(async () => {
      if (this.vault) throw new SitesError('secrets-initialized', 'A master password is already set; change it instead');
      const kdf = newKdfParams(this.scryptCost);
      const key = await deriveKey(masterPassword, kdf);
      await this.save({ kdf, check: seal(key, CHECK_VALUE, CHECK_CONTEXT), entries: {} });
      this.key = key;
    });
  }

  /** Derives the key and verifies it against the check value; `WrongMasterPasswordError` if it does not match. */
  async unlock(masterPassword: string): Promise<void> {
    const vault = this.vault;
    if (!vault) throw new SitesError('secrets-not-initialized', 'No master password has been set yet');
    this.key = await verifiedKey(masterPassword, vault);
  }

  /** Forgets the key; stored secrets stay on disk, encrypted. */
  lock(): void {
    this.key?.fill(0);
    this.key = undefined;
  }

  /** Re-encrypts every secret under a new master password and a new salt. */
  async changeMasterPassword(currentPassword: string, newPassword: string): Promise<void> {
    checkNewMasterPassword(newPassword);
    await this.queue.run(async () => {
      if (!this.vault) throw new SitesError('secrets-not-initialized', 'No master password has been set yet');
      const oldKey = await verifiedKey(currentPassword, this.vault);
      const { N, r, p } = this.vault.kdf;
      const kdf = newKdfParams(this.scryptCost ?? { N, r, p });
      const newKey = await deriveKey(newPassword, kdf);
      const entries: Record<string, Sealed> = {};
      for (const [id, sealed] of Object.entries(this.vault.entries)) {
        entries[id] = seal(newKey, openEntry(oldKey, id, sealed), siteContext(id));
      }
      await this.save({ kdf, check: seal(newKey, CHECK_VALUE, CHECK_CONTEXT), entries });
      oldKey.fill(0);
      this.lock();
      this.key = newKey;
    });
  }

  /** Deletes every stored secret and the master password (for a forgotten master password). */
  async reset(): Promise<void> {
    await this.queue.run(async () => {
      this.lock();
      await this.save(undefined);
    });
  }

  /** Whether a password is stored for the site (works while locked). */
  async has(siteId: string): Promise<boolean> {
    return this.vault !== undefined && Object.hasOwn(this.vault.entries, siteId);
  }

  /** Decrypts the site's password; throws `SecretStoreLockedError` while locked. */
  async get(siteId: string): Promise<string | undefined> {
    const sealed = this.vault?.entries[siteId];
    if (!sealed) return undefined;
    return openEntry(this.requireKey(), siteId, sealed);
  }

  /** Encrypts and stores the site's password. */
  async set(siteId: string, password: string): Promise<void> {
    await this.setMany([[siteId, password]]);
  }

  /** Encrypts and stores several passwords in one write. */
  async setMany(entries: ReadonlyArray<readonly [string, string]>): Promise<void> {
    // Writing nothing needs no key: an import without passwords must work while locked.
    if (entries.length === 0) return;
    const key = this.requireKey();
    await this.queue.run(async () => {
      const vault = this.vault!;
      const sealed = Object.fromEntries(entries.map(([id, pw]) => [id, seal(key, pw, siteContext(id))]));
      await this.save({ ...vault, entries: { ...vault.entries, ...sealed } });
    });
  }

  /** Forgets the site's password; allowed while locked, since removing ciphertext needs no key. */
  async delete(siteId: string): Promise<void> {
    await this.queue.run(async () => {
      if (!this.vault || !Object.hasOwn(this.vault.entries, siteId)) return;
      const entries = { ...this.vault.entries };
      delete entries[siteId];
      await this.save({ ...this.vault, entries });
    });
  }

  private requireKey(): Buffer {
    if (!this.key || !this.vault) throw new SecretStoreLockedError();
    return this.key;
  }

  /** Writes the vault (or an empty store) atomically, then publishes it in memory. */
  private async save(vault: Vault | undefined): Promise<void> {
    const file = vault ? { version: FILE_VERSION, kdf: { name: 'scrypt', ...vault.kdf }, check: vault.check, entries: vault.entries } : undefined;
    if (file) await writeFileAtomic(this.filePath, `${JSON.stringify(file, null, 2)}\n`);
    else await rm(this.filePath, { force: true });
    this.vault = vault;
  }
}

function checkNewMasterPassword(password: string): void {
  if (typeof password !== 'string' || [...password].length < MIN_MASTER_PASSWORD_LENGTH) {
    throw new SiteValidationError([{ field: 'masterPassword', message: `Master password must have at least ${MIN_MASTER_PASSWORD_LENGTH} characters` }]);
  }
}

async function verifiedKey(masterPassword: string, vault: Vault): Promise<Buffer> {
  if (typeof masterPassword !== 'string' || masterPassword === '') throw new WrongMasterPasswordError();
  const key = await deriveKey(masterPassword, vault.kdf);
  try {
    if (unseal(key, vault.check, CHECK_CONTEXT) === CHECK_VALUE) return key;
  } catch {
    // GCM authentication failed: the key is wrong.
  }
  key.fill(0);
  throw new WrongMasterPasswordError();
}

function openEntry(key: Buffer, siteId: string, sealed: Sealed): string {
  try {
    return unseal(key, sealed, siteContext(siteId));
  } catch (err) {
    throw new SecretDecryptError(siteId, err);
  }
}
