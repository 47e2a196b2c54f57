/** How a folder kept up to date is said in the window's bar: what it does, its counts, and why it stopped. Pure. */
import type { KeepUpToDateStatus } from '../../../shared/keepUpToDate';

function counted(n: number, what: string): string {
  return `${n} ${what}`;
}

/** The counts worth saying: uploaded always, the rest when there are any. */
export function watchCounts(w: KeepUpToDateStatus): string {
  const parts = [counted(w.uploadedCount, 'uploaded')];
  if (w.deletedCount > 0) parts.push(counted(w.deletedCount, 'deleted'));
  if (w.pendingCount > 0) parts.push(counted(w.pendingCount, 'waiting'));
  if (w.failedCount > 0) parts.push(counted(w.failedCount, 'failed'));
  return parts.join(', ');
}

/** The watch in one sentence, e.g. "Keeping /www up to date from /home/me/site — 12 uploaded". */
export function watchText(w: KeepUpToDateStatus): string {
  const pair = `${w.remoteFolder} up to date from ${w.localFolder}`;
  switch (w.state) {
    case 'syncing':
      return `Uploading what differs, then keeping ${pair} — ${watchCounts(w)}`;
    case 'watching':
      return `Keeping ${pair} — ${watchCounts(w)}`;
    case 'stopped':
      return `Stopped keeping ${pair}: ${w.stop?.message ?? 'stopped'} — ${watchCounts(w)}`;
  }
}

/** The longer account for the line's tooltip: changes seen, the counts, and the choices it runs with. */
export function watchDetails(w: KeepUpToDateStatus): string {
  const seen = `${w.seenCount} change${w.seenCount === 1 ? '' : 's'} seen here; ${watchCounts(w)}`;
  const deletions = w.options.deleteOnServer ? 'deleted here is deleted on the server' : 'deleted here stays on the server';
  const left = w.options.exclude.length > 0 ? `; leaving out ${w.options.exclude.join(', ')}` : '';
  return `${seen}. What is ${deletions}${left}.`;
}
