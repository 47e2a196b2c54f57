/** Shared fixtures for the sites tests: temp folders, a fake safeStorage, and a plaintext scan. */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { SafeStorageLike } from '../../../electron/sites/KeychainSecretStore';
import type { ScryptCost } from '../../../electron/sites/masterCrypto';

/** Cheap scrypt cost so tests stay fast; one test covers the real default. */
export const TEST_SCRYPT: ScryptCost = { N: 2 ** 12, r: 8, p: 1 };

const made: string[] = [];

/** A fresh temp folder, removed by `removeTempDirs`. */
export async function tempDir(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'ferry-sites-'));
  made.push(dir);
  return dir;
}

/** Removes every folder made by `tempDir`. */
export async function removeTempDirs(): Promise<void> {
  await Promise.all(made.splice(0).map((d) => rm(d, { recursive: true, force: true })));
}

/** Stands in for Electron's safeStorage: real AES with a per-instance key, like the OS keychain's. */
export class FakeSafeStorage implements SafeStorageLike {
  available = true;
  backend: string | undefined;
  private readonly key = randomBytes(32);

  isEncryptionAvailable(): boolean {
    return this.available;
  }

  encryptString(plainText: string): Buffer {
    const iv = randomBytes(16);
    const cipher = createCipheriv('aes-256-cbc', this.key, iv);
    return Buffer.concat([Buffer.from('v10'), iv, cipher.update(plainText, 'utf8'), cipher.final()]);
  }

  decryptString(encrypted: Buffer): string {
    const decipher = createDecipheriv('aes-256-cbc', this.key, encrypted.subarray(3, 19));
    return Buffer.concat([decipher.update(encrypted.subarray(19)), decipher.final()]).toString('utf8');
  }

  getSelectedStorageBackend(): string {
    return this.backend ?? 'gnome_libsecret';
  }
}

/** Every file below `dir` whose bytes contain `secret` as UTF-8, UTF-16LE, base64 or hex. */
export async function filesContaining(dir: string, secret: string): Promise<string[]> {
  const needles = [
    Buffer.from(secret, 'utf8'),
    Buffer.from(secret, 'utf16le'),
    Buffer.from(Buffer.from(secret, 'utf8').toString('base64').replace(/=+$/, '')),
    Buffer.from(Buffer.from(secret, 'utf8').toString('hex')),
  ];
  const hits: string[] = [];
  const walk = async (d: string): Promise<void> => {
    for (const entry of await readdir(d, { withFileTypes: true })) {
      const full = path.join(d, entry.name);
      if (entry.isDirectory()) await walk(full);
      else {
        const bytes = await readFile(full);
        if (needles.some((n) => bytes.includes(n))) hits.push(full);
      }
    }
  };
  await walk(dir);
  return hits;
}
