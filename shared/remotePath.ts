/**
 * Remote paths are POSIX-style on every FTP server we talk to (RFC 959 leaves them to the
 * server; MLSD and the Unix dialects use `/`). Pure helpers, usable on both sides.
 * Must not import node:*, the DOM or React.
 */

/** Resolves `.`, `..`, repeated and trailing slashes; relative paths resolve against `base`. */
export function normalizeRemotePath(path: string, base = '/'): string {
  const start = path.startsWith('/') ? [] : base.split('/');
  const parts: string[] = [];
  for (const part of [...start, ...path.split('/')]) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return '/' + parts.join('/');
}

/** Joins a folder and a name. */
export function joinRemotePath(folder: string, name: string): string {
  return folder.endsWith('/') ? folder + name : `${folder}/${name}`;
}

/** The parent folder, or null at the root. */
export function remoteParent(path: string): string | null {
  const normal = normalizeRemotePath(path);
  if (normal === '/') return null;
  const cut = normal.lastIndexOf('/');
  return cut === 0 ? '/' : normal.slice(0, cut);
}

/** The last segment of a path. */
export function remoteBaseName(path: string): string {
  const normal = normalizeRemotePath(path);
  return normal.slice(normal.lastIndexOf('/') + 1);
}
