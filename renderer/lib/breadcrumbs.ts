/** Splits a folder path into clickable breadcrumb segments, for POSIX and Windows paths alike. */

/** One breadcrumb: the text shown and the folder it opens. */
export interface Crumb {
  label: string;
  path: string;
}

/** The segments of `path` from the root down, each with its full path. */
export function breadcrumbs(path: string): Crumb[] {
  if (!path) return [];
  const drive = /^([A-Za-z]:)[\\/]?/.exec(path);
  if (drive || (path.includes('\\') && !path.includes('/'))) {
    // Windows: `C:\Users\me` → C:\, Users, me (or a UNC root `\\server\share`).
    const root = drive ? `${drive[1]}\\` : path.startsWith('\\\\') ? '\\\\' : '\\';
    const rest = path.slice(drive ? drive[0].length : root.length).split(/[\\/]/).filter(Boolean);
    const crumbs: Crumb[] = [{ label: root, path: root }];
    let current = root;
    for (const part of rest) {
      current = current.endsWith('\\') ? current + part : `${current}\\${part}`;
      crumbs.push({ label: part, path: current });
    }
    return crumbs;
  }
  const crumbs: Crumb[] = [{ label: '/', path: '/' }];
  let current = '';
  for (const part of path.split('/').filter(Boolean)) {
    current += `/${part}`;
    crumbs.push({ label: part, path: current });
  }
  return crumbs;
}
