/**
 * Passwords encrypted by the OS keychain through Electron's `safeStorage`, which is injected
 * (this module must not import electron). Only ciphertext reaches `secrets.keychain.json`.
 */
import path from 'node:path';
import { z } from 'zod';
import { ensurePrivateDir, loadJsonFile, removeStaleTemps, writeFileAtomic } from './atomicFile';
import { SecretDecryptError, SecretsUnavailableError } from './errors';
import type { LoadIssue } from './SiteStore';
import type { SecretStore } from './SecretStore';
import { SerialQueue } from './SerialQueue';

/** The part of Electron's `safeStorage` this store uses. */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
  /** Linux only; `basic_text` means a key hard-coded in Chromium, i.e. no real protection. */
  getSelectedStorageBackend?(): string;
}

const FILE_VERSION = 1;
const fileSchema = z.object({
  version: z.literal(FILE_VERSION),
  entries: z.record(z.string(), z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/)),
});

/** Options for `KeychainSecretStore.open`. */
export interface KeychainOptions {
  /** File name inside the folder; default `secrets.keychain.json`. */
  fileName?: string;
  /** Accept Chromium's `basic_text` backend on Linux (obfuscation only); default false. */
  allowWeakBackend?: boolean;
  now?: () => Date;
}

/** A `SecretStore` backed by the OS keychain via an injected `safeStorage`. */
export class KeychainSecretStore implements SecretStore {
  readonly mode = 'keychain' as const;
  private readonly queue = new SerialQueue();

  private constructor(
    private readonly filePath: string,
    private entries: Record<string, string>,
    private readonly safeStorage: SafeStorageLike,
    private readonly allowWeakBackend: boolean,
    /** Set when the secrets file was damaged at start and moved aside. */
    readonly loadIssue: LoadIssue | undefined,
  ) {}

  /** Opens the store in `dir`; a damaged file is kept as a `.corrupt-<time>` backup and reported. */
  static async open(dir: string, safeStorage: SafeStorageLike, options: KeychainOptions = {}): Promise<KeychainSecretStore> {
    const fileName = options.fileName ?? 'secrets.keychain.json';
    await ensurePrivateDir(dir);
    await removeStaleTemps(dir, fileName);
    const filePath = path.join(dir, fileName);
    const loaded = await loadJsonFile(filePath, fileSchema, { maxVersion: FILE_VERSION, now: options.now });
    const entries = loaded.status === 'ok' ? { ...loaded.value.entries } : {};
    const issue = loaded.status === 'corrupt' ? { reason: loaded.reason, backupPath: loaded.backupPath } : undefined;
    return new KeychainSecretStore(filePath, entries, safeStorage, options.allowWeakBackend === true, issue);
  }

  /** Whether the keychain can encrypt now (and is not Chromium's plain-text fallback). */
  canStore(): boolean {
    return this.unavailableReason() === undefined;
  }

  /** Whether a password is stored for the site. */
  async has(siteId: string): Promise<boolean> {
    return Object.hasOwn(this.entries, siteId);
  }

  /** Decrypts the site's password; throws `SecretDecryptError` when the keychain cannot. */
  async get(siteId: string): Promise<string | undefined> {
    const stored = this.entries[siteId];
    if (stored === undefined) return undefined;
    this.assertAvailable();
    try {
      return this.safeStorage.decryptString(Buffer.from(stored, 'base64'));
    } catch (err) {
      throw new SecretDecryptError(siteId, err);
    }
  }

  /** Encrypts and stores the site's password. */
  async set(siteId: string, password: string): Promise<void> {
    await this.setMany([[siteId, password]]);
  }

  /** Encrypts and stores several passwords in one write. */
  async setMany(entries: ReadonlyArray<readonly [string, string]>): Promise<void> {
    this.assertAvailable();
    const encrypted = entries.map(([id, pw]) => [id, this.safeStorage.encryptString(pw).toString('base64')] as const);
    await this.write((current) => ({ ...current, ...Object.fromEntries(encrypted) }));
  }

  /** Forgets the site's password. */
  async delete(siteId: string): Promise<void> {
    if (!Object.hasOwn(this.entries, siteId)) return;
    await this.write((current) => {
      const next = { ...current };
      delete next[siteId];
      return next;
    });
  }

  private unavailableReason(): string | undefined {
    if (!this.safeStorage.isEncryptionAvailable()) return 'The system keychain is not available, so passwords cannot be saved';
    const backend = this.safeStorage.getSelectedStorageBackend?.();
    if (backend === 'basic_text' && !this.allowWeakBackend) {
      return 'No system keychain (such as GNOME Keyring or KWallet) was found, so passwords cannot be saved safely';
    }
    return undefined;
  }

  private assertAvailable(): void {
    const reason = this.unavailableReason();
    if (reason) throw new SecretsUnavailableError(reason);
  }

  private write(change: (current: Record<string, string>) => Record<string, string>): Promise<void> {
    return this.queue.run(async () => {
      const next = change(this.entries);
      await writeFileAtomic(this.filePath, `${JSON.stringify({ version: FILE_VERSION, entries: next }, null, 2)}\n`);
      this.entries = next;
    });
  }
}
