/** Path joining for paths the main process gave us (POSIX, or Windows for a local pane there). */

/** Joins a folder path and a child name with the folder's own separator. */
export function joinPath(folder: string, name: string): string {
  const sep = /^[A-Za-z]:\\/.test(folder) || (folder.includes('\\') && !folder.includes('/')) ? '\\' : '/';
  return folder.endsWith(sep) ? folder + name : folder + sep + name;
}
