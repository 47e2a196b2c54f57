/**
 * The private key file of an SSH login, read from the local disk for the engine: a path that is
 * not a file, a file too big to be a key, or one that cannot be read is refused in words.
 * Must not import electron.
 */
import { readFile, stat } from 'node:fs/promises';
import { systemErrorWords } from '../../shared/errorText';

/** Longest private key file read: OpenSSH's largest keys are a few kilobytes. */
const MAX_KEY_FILE_BYTES = 64 * 1024;

/** A private key file that cannot be used, in words. */
export class KeyFileError extends Error {
  readonly kind = 'key-file';
}

/** Reads a private key file for an SSH login, refusing what cannot be one. */
export async function readKeyFile(keyFile: string): Promise<Buffer> {
  try {
    const info = await stat(keyFile);
    if (!info.isFile()) throw new KeyFileError(`The key file ${keyFile} is not a file`);
    if (info.size > MAX_KEY_FILE_BYTES) throw new KeyFileError(`The key file ${keyFile} is too big to be a private key (${info.size} bytes)`);
    return await readFile(keyFile);
  } catch (err) {
    if (err instanceof KeyFileError) throw err;
    const code = (err as { code?: unknown }).code;
    const words = typeof code === 'string' ? systemErrorWords(code) : undefined;
    throw new KeyFileError(`Cannot read the key file ${keyFile}: ${words ?? (err as Error).message}`);
  }
}
