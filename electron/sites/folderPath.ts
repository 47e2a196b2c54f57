/**
 * Site Manager folder paths: `Work/Clients` style strings, `''` for the top level.
 * Pure string helpers; the store decides what exists. Must not import electron.
 */
import { SiteValidationError } from './errors';
import { folderAncestors, folderName, isWithinFolder, joinFolder, parentFolder } from '../../shared/siteFolders';

export { folderAncestors, folderName, isWithinFolder, joinFolder, parentFolder };

/** Longest folder or site name accepted, so a pasted paragraph cannot become a name. */
export const MAX_NAME_LENGTH = 200;

/** Characters that cannot appear in any name: C0/C1 controls and line separators. */
// eslint-disable-next-line no-control-regex
const CONTROL_CHARS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

/** Returns why `name` is not a usable folder or site name, or undefined when it is fine. */
export function nameProblem(name: string, what: string): string | undefined {
  if (name.length === 0) return `${what} is required`;
  if (name.length > MAX_NAME_LENGTH) return `${what} is longer than ${MAX_NAME_LENGTH} characters`;
  if (CONTROL_CHARS.test(name)) return `${what} contains control characters`;
  return undefined;
}

/** Returns why `segment` is not a usable folder name, or undefined when it is fine. */
function segmentProblem(segment: string): string | undefined {
  if (segment.includes('/')) return 'Folder name cannot contain "/"';
  if (segment === '.' || segment === '..') return `Folder name cannot be "${segment}"`;
  return nameProblem(segment, 'Folder name');
}

/** Canonical form of a folder path: trimmed segments joined by `/`, no leading or trailing slash. */
export function normalizeFolderPath(input: string, field = 'folder'): string {
  const segments = input
    .split('/')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
  for (const segment of segments) {
    const problem = segmentProblem(segment);
    if (problem) throw new SiteValidationError([{ field, message: problem }]);
  }
  return segments.join('/');
}

/** Checks a single folder name (no slashes) and returns it trimmed. */
export function normalizeFolderName(name: string, field = 'name'): string {
  const trimmed = name.trim();
  const problem = segmentProblem(trimmed);
  if (problem) throw new SiteValidationError([{ field, message: problem }]);
  return trimmed;
}

/** Rewrites `folder` from below `from` to below `to` (used by folder rename and move). */
export function rebaseFolder(folder: string, from: string, to: string): string {
  if (folder === from) return to;
  return joinFolder(to, folder.slice(from.length + 1));
}

/** Names compare without case, as FileZilla does, so `Prod` and `prod` cannot sit side by side. */
export function sameName(a: string, b: string): boolean {
  return a.localeCompare(b, undefined, { sensitivity: 'accent' }) === 0;
}
