/**
 * The cryptography of the master-password store: scrypt key derivation and AES-256-GCM
 * sealing with a per-secret random IV. Only node:crypto; no files. Must not import electron.
 */
import { createCipheriv, createDecipheriv, randomBytes, scrypt } from 'node:crypto';

/** scrypt cost parameters (N must be a power of two). */
export interface ScryptCost {
  N: number;
  r: number;
  p: number;
}

/** scrypt parameters as stored beside the data: cost plus the file's random salt (base64). */
export interface KdfParams extends ScryptCost {
  salt: string;
}

/** OWASP's scrypt recommendation (N=2^17, r=8, p=1): about 128 MiB and a fraction of a second per unlock. */
export const DEFAULT_SCRYPT_COST: ScryptCost = { N: 2 ** 17, r: 8, p: 1 };

/** An AES-256-GCM ciphertext with its IV and tag, all base64. */
export interface Sealed {
  iv: string;
  data: string;
  tag: string;
}

const KEY_BYTES = 32;
// 96-bit IVs are GCM's native size (NIST SP 800-38D); random per secret, never reused with a key.
const IV_BYTES = 12;

/** Fresh parameters with a new random 16-byte salt. */
export function newKdfParams(cost: ScryptCost = DEFAULT_SCRYPT_COST): KdfParams {
  return { ...cost, salt: randomBytes(16).toString('base64') };
}

/** Derives the 256-bit key from a master password. */
export function deriveKey(masterPassword: string, params: KdfParams): Promise<Buffer> {
  // NFC so the same password typed through different input methods gives the same key.
  const password = masterPassword.normalize('NFC');
  const maxmem = 256 * params.N * params.r + 1024 * 1024;
  return new Promise((resolve, reject) => {
    scrypt(password, Buffer.from(params.salt, 'base64'), KEY_BYTES, { N: params.N, r: params.r, p: params.p, maxmem }, (err, key) =>
      err ? reject(err) : resolve(key),
    );
  });
}

/** Encrypts `plainText`, binding it to `context` (e.g. the site id) so ciphertexts cannot be swapped. */
export function seal(key: Buffer, plainText: string, context: string): Sealed {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(context, 'utf8'));
  const data = Buffer.concat([cipher.update(plainText, 'utf8'), cipher.final()]);
  return { iv: iv.toString('base64'), data: data.toString('base64'), tag: cipher.getAuthTag().toString('base64') };
}

/** Decrypts a sealed value; throws when the key, the context or the data is wrong. */
export function unseal(key: Buffer, sealed: Sealed, context: string): string {
  // A fixed tag length stops a forged short tag from weakening authentication.
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(sealed.iv, 'base64'), { authTagLength: 16 });
  decipher.setAAD(Buffer.from(context, 'utf8'));
  decipher.setAuthTag(Buffer.from(sealed.tag, 'base64'));
  return Buffer.concat([decipher.update(Buffer.from(sealed.data, 'base64')), decipher.final()]).toString('utf8');
}
