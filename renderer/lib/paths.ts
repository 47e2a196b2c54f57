/** Path joining for paths the main process gave us (POSIX, or Windows for a local pane there). */

/** Joins a folder path and a child name with the folder's own separator. */
export function joinPath(folder: string, name: string): string {
  const sep = /^[A-Za-z]:\\/.test(folder) || (folder.includes('\\') && !folder.includes('/')) ? '\\' : '/';
  return folder.endsWith(sep) ? folder + name : folder + sep + name;
}

/** Whether `path` is `folder` or inside it (either separator). */
export function isInFolder(path: string, folder: string): boolean {
  if (!folder) return false;
  if (path === folder) return true;
  const base = folder.endsWith('/') || folder.endsWith('\\') ? folder : null;
  return base ? path.startsWith(base) : path.startsWith(folder + '/') || path.startsWith(folder + '\\');
}
