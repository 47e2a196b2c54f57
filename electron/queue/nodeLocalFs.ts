/**
 * The real local filesystem for the queue (node:fs): streams at offsets, atomic-enough renames,
 * hashing with the algorithms FTP servers name (SHA-256/512, SHA-1, MD5, CRC32).
 */
import { createHash } from 'node:crypto';
import fs, { createReadStream, createWriteStream, promises as fsp, type Stats } from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Writable } from 'node:stream';
import zlib from 'node:zlib';
import type { LocalDirEntry, LocalFs, LocalStat } from './types';

function typeOf(st: Stats): LocalStat['type'] {
  if (st.isFile()) return 'file';
  if (st.isDirectory()) return 'dir';
  if (st.isSymbolicLink()) return 'link';
  return 'other';
}

/** Node's digest name for an algorithm name as FTP servers spell it, or undefined. */
export function nodeDigestName(algorithm: string): string | undefined {
  const key = algorithm.toUpperCase().replace(/[-_]/g, '');
  return ({ SHA256: 'sha256', SHA512: 'sha512', SHA1: 'sha1', MD5: 'md5' } as Record<string, string>)[key];
}

async function crc32Hex(filePath: string): Promise<string> {
  let crc = 0;
  await pipeline(
    createReadStream(filePath),
    new Writable({
      write(chunk: Buffer, _enc, cb) {
        crc = zlib.crc32(chunk, crc);
        cb();
      },
    }),
  );
  return crc.toString(16).padStart(8, '0');
}

type OpenCallback = (err: NodeJS.ErrnoException | null, fd: number) => void;

/** node:fs for a write stream, except that `open` creates a missing parent folder and tries again. */
const OPEN_CREATING_FOLDER = {
  ...fs,
  open(p: string, flags: string, mode: number, cb: OpenCallback) {
    fs.open(p, flags, mode, (err, fd) => {
      if (err?.code !== 'ENOENT') return cb(err, fd);
      fs.mkdir(path.dirname(p), { recursive: true }, (mkdirErr) => (mkdirErr ? cb(mkdirErr, -1) : fs.open(p, flags, mode, cb)));
    });
  },
};

/** LocalFs over node:fs. */
export const nodeLocalFs: LocalFs = {
  async stat(p) {
    try {
      const st = await fsp.stat(p);
      return { type: typeOf(st), sizeBytes: st.size, modifiedMs: st.mtimeMs };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT' || (err as NodeJS.ErrnoException).code === 'ENOTDIR') return undefined;
      throw err;
    }
  },
  async readDir(p): Promise<LocalDirEntry[]> {
    const dirents = await fsp.readdir(p, { withFileTypes: true });
    return dirents.map((d) => ({
      name: d.name,
      type: d.isFile() ? 'file' : d.isDirectory() ? 'dir' : d.isSymbolicLink() ? 'link' : 'other',
    }));
  },
  realPath: (p) => fsp.realpath(p),
  async mkdirp(p) {
    await fsp.mkdir(p, { recursive: true });
  },
  createReadStream: (p, offset) => createReadStream(p, { start: offset, highWaterMark: 256 * 1024 }),
  async createWriteStream(p, offset) {
    // A fresh file is opened lazily by the stream, in parallel with the transfer's own set-up, and
    // its folder is created only if the open finds it missing (no mkdir per file).
    if (offset === 0) return createWriteStream(p, { flags: 'w', highWaterMark: 256 * 1024, fs: OPEN_CREATING_FOLDER });
    // Truncate to the offset first so bytes after it (from an abandoned longer attempt) cannot survive.
    const handle = await fsp.open(p, 'r+');
    try {
      await handle.truncate(offset);
    } finally {
      await handle.close();
    }
    return createWriteStream(p, { flags: 'r+', start: offset, highWaterMark: 256 * 1024 });
  },
  rename: (from, to) => fsp.rename(from, to),
  async remove(p) {
    await fsp.rm(p, { force: true });
  },
  async setModifiedTime(p, modifiedMs) {
    const t = new Date(modifiedMs);
    await fsp.utimes(p, t, t);
  },
  async hashFile(p, algorithm) {
    if (algorithm.toUpperCase() === 'CRC32') return crc32Hex(p);
    const name = nodeDigestName(algorithm);
    if (!name) return undefined;
    const hash = createHash(name);
    await pipeline(createReadStream(p), hash);
    return hash.digest('hex');
  },
};
