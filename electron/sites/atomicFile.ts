/**
 * Durable small-file persistence for the sites module: atomic replace (temp file, fsync,
 * rename, fsync of the folder) and loading that never silently discards a damaged file.
 * Owns only file mechanics; knows nothing of sites or secrets. Must not import electron.
 */
import { randomBytes } from 'node:crypto';
import { chmod, mkdir, open, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { z } from 'zod';
import { SitesError } from './errors';

/** Marker in temp-file names, so leftovers of a crash can be recognised and removed. */
const TEMP_MARK = '.tmp-';

/**
 * Creates `dir` (and parents) readable only by the user, since it holds secrets; a folder that
 * already exists with wider permissions (made by an older version, or by hand) is narrowed too.
 */
export async function ensurePrivateDir(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const info = await stat(dir);
  if (process.platform !== 'win32' && (info.mode & 0o077) !== 0) await chmod(dir, info.mode & 0o700);
}

/** Replaces `filePath` with `data` so a reader sees the old or the new content, never a mix. */
export async function writeFileAtomic(filePath: string, data: string, mode = 0o600): Promise<void> {
  const dir = path.dirname(filePath);
  const tmp = path.join(dir, `.${path.basename(filePath)}${TEMP_MARK}${process.pid}-${randomBytes(6).toString('hex')}`);
  const handle = await open(tmp, 'wx', mode);
  try {
    await handle.writeFile(data, 'utf8');
    // Without fsync a power cut after rename can leave an empty file on ext4/xfs.
    await handle.sync();
  } catch (err) {
    await handle.close();
    await rm(tmp, { force: true });
    throw err;
  }
  await handle.close();
  try {
    await rename(tmp, filePath);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
  await syncDir(dir);
}

/** Flushes the folder entry so the rename itself survives a crash (POSIX; a no-op where unsupported). */
async function syncDir(dir: string): Promise<void> {
  let handle;
  try {
    handle = await open(dir, 'r');
    await handle.sync();
  } catch {
    // Windows cannot open or fsync a folder; NTFS journals the rename itself.
  } finally {
    await handle?.close();
  }
}

/** Deletes temp files that a crashed write of `fileName` left in `dir`. */
export async function removeStaleTemps(dir: string, fileName: string): Promise<void> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return;
  }
  const prefix = `.${fileName}${TEMP_MARK}`;
  await Promise.all(names.filter((n) => n.startsWith(prefix)).map((n) => rm(path.join(dir, n), { force: true })));
}

/** What loading a JSON file found. */
export type LoadResult<T> =
  | { status: 'missing' }
  | { status: 'ok'; value: T }
  | { status: 'corrupt'; reason: string; backupPath: string };

/**
 * Reads and validates a JSON file; a damaged file is renamed to `<name>.corrupt-<time>` and
 * reported, so the caller can start empty without destroying what the user had.
 */
export async function loadJsonFile<S extends z.ZodType>(
  filePath: string,
  schema: S,
  options: { maxVersion: number; now?: () => Date },
): Promise<LoadResult<z.infer<S>>> {
  let text: string;
  try {
    text = await readFile(filePath, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { status: 'missing' };
    throw err;
  }
  let reason: string;
  try {
    const json: unknown = JSON.parse(text);
    const version = (json as { version?: unknown } | null)?.version;
    // A file from a newer Ferry is not damaged: refuse it instead of moving the user's data aside.
    if (typeof version === 'number' && version > options.maxVersion) {
      throw new SitesError('store-too-new', `${path.basename(filePath)} was written by a newer Ferry (format ${version}); update Ferry to open it`);
    }
    const parsed = schema.safeParse(json);
    if (parsed.success) return { status: 'ok', value: parsed.data };
    reason = `unexpected content: ${parsed.error.issues
      .slice(0, 3)
      .map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`)
      .join('; ')}`;
  } catch (err) {
    if (err instanceof SitesError) throw err;
    reason = `not valid JSON: ${(err as Error).message}`;
  }
  const stamp = (options.now ?? (() => new Date()))().toISOString().replace(/[:.]/g, '-');
  const backupPath = `${filePath}.corrupt-${stamp}`;
  await rename(filePath, backupPath);
  return { status: 'corrupt', reason, backupPath };
}
