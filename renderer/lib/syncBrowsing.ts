/**
 * Synchronized browsing's path arithmetic: where the other pane goes when one pane moves, given
 * the pair of folders that were shown when it was turned on. Local paths may be Windows ones;
 * remote paths are POSIX-like. Pure.
 */

/** The two folders that correspond: what each pane showed when synchronized browsing began. */
export interface FolderPair {
  local: string;
  remote: string;
}

const parts = (p: string) => p.split(/[\\/]+/).filter(Boolean);

/** Rebuilds a path in the style of `like` (its separator, a leading `/` or a drive). */
function rebuild(like: string, segments: readonly string[]): string {
  const isWindows = /^[A-Za-z]:/.test(like);
  if (isWindows) return segments.length <= 1 ? `${segments[0] ?? like.slice(0, 2)}\\` : segments.join('\\');
  return `/${segments.join('/')}`;
}

/**
 * The folder the other pane should show when the pane on side `from` moved to `next`: the same
 * path relative to the pair (into subfolders, or up towards and past the pair's folders), or
 * undefined when `next` lies beside the pair's folder (nothing there corresponds).
 */
export function counterpartOf(pair: FolderPair, from: 'local' | 'remote', next: string): string | undefined {
  const base = parts(pair[from]);
  const other = pair[from === 'local' ? 'remote' : 'local'];
  const target = parts(other);
  const moved = parts(next);
  const shared = base.findIndex((segment, i) => moved[i] !== segment);
  const common = shared === -1 ? base.length : shared;
  // Only straight down from the pair's folder, or straight up from it.
  if (common < base.length && common < moved.length) return undefined;
  if (moved.length >= base.length) return rebuild(other, [...target, ...moved.slice(base.length)]);
  const ups = base.length - moved.length;
  if (ups > target.length) return undefined;
  return rebuild(other, target.slice(0, target.length - ups));
}
