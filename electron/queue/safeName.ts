/**
 * Validation of names that come from a remote listing before they become local paths: a hostile
 * or broken server must never make us write outside the target folder. Pure; imports only node:path.
 */
import path from 'node:path';

/** Why a remote entry name cannot be used as a local file name, or undefined when it is safe. */
export function unsafeNameReason(name: string): string | undefined {
  if (name.length === 0) return 'empty name';
  if (name === '.' || name === '..') return `"${name}" would leave the target folder`;
  if (name.includes('\0')) return 'name contains NUL';
  if (name.includes('/')) return 'name contains "/"';
  // Backslash is a separator on Windows; refuse it everywhere so a queue file moves between systems.
  if (name.includes('\\')) return 'name contains "\\"';
  if (/^[a-zA-Z]:/.test(name)) return 'name starts with a drive letter';
  return undefined;
}

/**
 * The local path of a listed entry `name` in the local folder `dir` (absolute and normalized), or
 * undefined when that path would not be exactly `dir`'s child of that name. Checks the result
 * itself rather than trusting unsafeNameReason alone, without path.resolve's normalization per
 * entry (which made expanding a 2,000-file folder spend 20 ms here).
 */
export function childPath(dir: string, name: string): string | undefined {
  if (name === '.' || name === '..') return undefined;
  const child = dir.endsWith(path.sep) ? dir + name : dir + path.sep + name;
  return path.dirname(child) === dir && path.basename(child) === name ? child : undefined;
}

/** Joins a remote folder and a name with `/` (FTP paths are POSIX-like whatever the local OS). */
export function joinRemote(dir: string, name: string): string {
  return dir.endsWith('/') ? dir + name : `${dir}/${name}`;
}

/** The parent folder of a remote path (`/` for top-level entries, `.` for a bare relative name). */
export function remoteParent(remotePath: string): string {
  const i = remotePath.lastIndexOf('/');
  if (i < 0) return '.';
  return i === 0 ? '/' : remotePath.slice(0, i);
}

/** The last component of a remote path. */
export function remoteBaseName(remotePath: string): string {
  return remotePath.slice(remotePath.lastIndexOf('/') + 1);
}
