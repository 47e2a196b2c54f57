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
import { inspectPartial, openPartial } from '../local/partialFile';
import type { LocalDirEntry, LocalFs, LocalStat } from './types';

function typeOf(st: Stats): LocalStat['type'] {
  if (st.isFile()) return 'file';
  if (st.isDirectory()) return 'dir';
  if (st.isSymbolicLink()) return 'link';
  return 'other';
}

/** A LocalStat from `stat` or `lstat`, or undefined when nothing is at `p`. */
async function statWith(call: (p: string) => Promise<Stats>, p: string): Promise<LocalStat | undefined> {
  try {
    const st = await call(p);
    return { type: typeOf(st), sizeBytes: st.size, modifiedMs: st.mtimeMs };
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT' || (err as NodeJS.ErrnoException).code === 'ENOTDIR') return undefined;
    throw err;
  }
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

/**
 * node:fs for a fresh partial file's write stream: `open` creates it by the rules of
 * local/partialFile.ts (exclusively, never through a link), and creates a missing parent folder
 * and tries again.
 */
const OPEN_FRESH_PARTIAL = {
  ...fs,
  open(p: string, _flags: string, _mode: number, cb: OpenCallback) {
    openPartial(p, 0).then(
      (fd) => cb(null, fd),
      (err: NodeJS.ErrnoException) => {
        if (err.code !== 'ENOENT') return cb(err, -1);
        fs.mkdir(path.dirname(p), { recursive: true }, (mkdirErr) => {
          if (mkdirErr) return cb(mkdirErr, -1);
          openPartial(p, 0).then((fd) => cb(null, fd), (again: NodeJS.ErrnoException) => cb(again, -1));
        });
      },
    );
  },
};

/** LocalFs over node:fs. */
export const nodeLocalFs: LocalFs = {
  stat: (p) => statWith(fsp.stat, p),
  lstat: (p) => statWith(fsp.lstat, p),
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
  inspectPartial,
  async createWriteStream(p, offset) {
    // A fresh file is opened lazily by the stream, in parallel with the transfer's own set-up, and
    // its folder is created only if the open finds it missing (no mkdir per file).
    if (offset === 0) return createWriteStream(p, { highWaterMark: 256 * 1024, fs: OPEN_FRESH_PARTIAL });
    const fd = await openPartial(p, offset);
    return createWriteStream(p, { fd, highWaterMark: 256 * 1024 });
  },
  rename: (from, to) => fsp.rename(from, to),
  async remove(p) {
    await fsp.rm(p, { force: true });
  },
  // fs.rm removes a link itself, never what it points to.
  async removeTree(p) {
    await fsp.rm(p, { recursive: true, force: true });
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
