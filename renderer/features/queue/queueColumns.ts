/**
 * What the queue's columns show that is not a field of the item as it is: the server a transfer
 * goes to, and a path split so that the file name is never what gets cut.
 */
import type { Site } from '../../../shared/domain';

/**
 * The server as the queue names it: a saved site's name, or for a quick connection its host (and
 * port when not 21), from the site id the main process gives it (`quick:user@host:port`).
 */
export function serverLabelOf(siteId: string, sites: readonly Site[]): string {
  const quick = /^quick:(?:.*@)?(.+):(\d+)$/.exec(siteId);
  if (quick) return quick[2] === '21' ? quick[1] : `${quick[1]}:${quick[2]}`;
  return sites.find((s) => s.id === siteId)?.name ?? 'saved site';
}

/** A path as its folder (which may be cut short) and its name (which is always shown). */
export function splitPath(path: string): { folder: string; name: string } {
  const cut = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  return cut < 0 ? { folder: '', name: path } : { folder: path.slice(0, cut + 1), name: path.slice(cut + 1) };
}
