/**
 * Site Manager folder paths (`Work/Clients`, `''` for the top level): pure helpers used by
 * the sites store in the main process and the Site Manager tree in the renderer.
 * Must not import node:*, the DOM or React.
 */

/** Joins a parent folder and a child name. */
export function joinFolder(parent: string, name: string): string {
  return parent ? `${parent}/${name}` : name;
}

/** The folder containing `folder` (`''` for a top-level folder). */
export function parentFolder(folder: string): string {
  const cut = folder.lastIndexOf('/');
  return cut < 0 ? '' : folder.slice(0, cut);
}

/** The last segment of `folder`. */
export function folderName(folder: string): string {
  return folder.slice(folder.lastIndexOf('/') + 1);
}

/** Every folder from the top down to `folder` itself: `a/b` → `['a', 'a/b']`. */
export function folderAncestors(folder: string): string[] {
  if (!folder) return [];
  const parts = folder.split('/');
  return parts.map((_, i) => parts.slice(0, i + 1).join('/'));
}

/** Whether `folder` is `root` or lies somewhere below it (everything lies below `''`). */
export function isWithinFolder(folder: string, root: string): boolean {
  return !root || folder === root || folder.startsWith(`${root}/`);
}
