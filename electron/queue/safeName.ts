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

/** Whether `child` (already resolved) lies inside `parentDir`. */
export function isInside(parentDir: string, child: string): boolean {
  const rel = path.relative(path.resolve(parentDir), path.resolve(child));
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
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
