/**
 * Partial-file names that cannot collide: a download is written to `NAME.part` until it is whole,
 * and in a folder that also holds a file called `NAME.part`, or another download whose partial
 * would take that name, the two would write over each other. Each download of one folder gets a
 * suffix no name of that folder and no other partial has. Pure.
 */

/** Whether file names differ only in case on this system's usual file systems (Windows, macOS). */
const FOLDS_CASE = process.platform === 'win32' || process.platform === 'darwin';

function key(name: string): string {
  return FOLDS_CASE ? name.toLowerCase() : name;
}

/**
 * For the local names of one folder's entries (files and folders), and which of them are
 * downloads: the partial suffix each download needs, undefined where the usual `suffix` is free.
 */
export function partialSuffixes(localNames: readonly string[], isDownload: readonly boolean[], suffix: string): Array<string | undefined> {
  const taken = new Set(localNames.map(key));
  return localNames.map((name, i) => {
    if (!isDownload[i]) return undefined;
    let candidate = suffix;
    for (let n = 1; taken.has(key(name + candidate)); n++) candidate = `.${n}${suffix}`;
    taken.add(key(name + candidate));
    return candidate === suffix ? undefined : candidate;
  });
}
