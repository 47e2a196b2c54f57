/**
 * Compares a local and a remote tree, given as flat lists of entries by relative path: one
 * verdict per path, with its reason in words. Pure and linear in the number of entries, so
 * ten thousand pairs take milliseconds once the listings are in. Shared: the command line and
 * the sync planning use it in the main process, the window's Compare mode on the panes' listings.
 */
import type { ComparedPair, CompareOptions, SyncEntry, SyncSide, TimePrecision, Verdict } from './sync';

/** The width of a time known to this precision. */
const PRECISION_MS: Record<TimePrecision, number> = { second: 1_000, minute: 60_000, day: 86_400_000 };

/** The default tolerance: MDTM and MLSD times are whole seconds. */
export const DEFAULT_TOLERANCE_MS = 1_000;

/** Size and time, the usual comparison (FileZilla's, WinSCP's default). */
export const DEFAULT_COMPARE: CompareOptions = { by: ['size', 'time'], toleranceMs: DEFAULT_TOLERANCE_MS, clockOffsetMs: 0 };

/** How far apart two times may be and still count as the same: the coarser side's precision at least. */
export function toleranceOf(local: SyncSide, remote: SyncSide, baseMs: number): number {
  return Math.max(baseMs, PRECISION_MS[local.timePrecision ?? 'second'], PRECISION_MS[remote.timePrecision ?? 'second']);
}

/** A duration for people: "40 s", "3 min", "2 h", "5 days". */
export function describeDuration(ms: number): string {
  const s = Math.round(Math.abs(ms) / 1000);
  if (s < 120) return `${s} s`;
  if (s < 7200) return `${Math.round(s / 60)} min`;
  if (s < 172_800) return `${Math.round(s / 3600)} h`;
  return `${Math.round(s / 86_400)} days`;
}

interface Judgement {
  verdict: Verdict;
  reason: string;
}

function judgeFiles(local: SyncSide, remote: SyncSide, options: CompareOptions): Judgement {
  const by = new Set(options.by);
  let note = '';
  if (by.has('checksum')) {
    if (local.checksum && remote.checksum) {
      return local.checksum === remote.checksum
        ? { verdict: 'identical', reason: 'same checksum' }
        : { verdict: 'content-differs', reason: 'contents differ (checksums differ)' };
    }
    // Without a checksum on one side the content cannot be compared; size still tells a lot.
    by.add('size');
    const sizesDiffer = local.sizeBytes !== undefined && remote.sizeBytes !== undefined && local.sizeBytes !== remote.sizeBytes;
    // Files of different sizes are not hashed at all: they differ whatever their checksums.
    if (!sizesDiffer) note = `; no checksum ${local.checksum ? 'from the server' : 'of the local file'}, compared by size`;
  }
  const sizeDiffers = by.has('size') && local.sizeBytes !== undefined && remote.sizeBytes !== undefined && local.sizeBytes !== remote.sizeBytes;
  if (by.has('time') && local.modifiedMs !== undefined && remote.modifiedMs !== undefined) {
    const delta = local.modifiedMs + options.clockOffsetMs - remote.modifiedMs;
    if (Math.abs(delta) > toleranceOf(local, remote, options.toleranceMs)) {
      const sizes = sizeDiffers ? ', and the sizes differ' : ', same size';
      return delta > 0
        ? { verdict: 'newer-local', reason: `modified ${describeDuration(delta)} later here${sizes}${note}` }
        : { verdict: 'newer-remote', reason: `modified ${describeDuration(delta)} later on the server${sizes}${note}` };
    }
  }
  if (sizeDiffers) {
    const when = by.has('time') ? 'same time, ' : '';
    return { verdict: 'size-differs', reason: `${when}sizes differ (${local.sizeBytes} bytes here, ${remote.sizeBytes} on the server)${note}` };
  }
  const what = [by.has('size') ? 'size' : '', by.has('time') ? 'time' : ''].filter(Boolean).join(' and ');
  return { verdict: 'identical', reason: `${what ? `same ${what}` : 'both present'}${note}` };
}

/** The verdict on one path, given what each side has there. */
export function judge(local: SyncSide | undefined, remote: SyncSide | undefined, options: CompareOptions): Judgement {
  if (!local && !remote) throw new Error('judge needs at least one side');
  if (!remote) return { verdict: 'only-local', reason: local!.kind === 'folder' ? 'folder only in the local folder' : 'only in the local folder' };
  if (!local) return { verdict: 'only-remote', reason: remote.kind === 'folder' ? 'folder only on the server' : 'only on the server' };
  if (local.kind !== remote.kind) {
    return { verdict: 'type-conflict', reason: local.kind === 'folder' ? 'a folder here, a file on the server' : 'a file here, a folder on the server' };
  }
  if (local.kind === 'folder') return { verdict: 'identical', reason: 'folder on both sides' };
  return judgeFiles(local, remote, options);
}

function sideOf(entry: SyncEntry): SyncSide {
  const { relPath: _path, ...side } = entry;
  return side;
}

/** Compares two trees; the pairs come sorted by path, a folder before what it holds. */
export function compareTrees(local: readonly SyncEntry[], remote: readonly SyncEntry[], options: CompareOptions = DEFAULT_COMPARE): ComparedPair[] {
  const remoteByPath = new Map(remote.map((e) => [e.relPath, e]));
  const pairs: ComparedPair[] = [];
  for (const l of local) {
    const r = remoteByPath.get(l.relPath);
    remoteByPath.delete(l.relPath);
    const localSide = sideOf(l);
    const remoteSide = r ? sideOf(r) : undefined;
    pairs.push({ relPath: l.relPath, local: localSide, remote: remoteSide, ...judge(localSide, remoteSide, options) });
  }
  for (const r of remoteByPath.values()) {
    const remoteSide = sideOf(r);
    pairs.push({ relPath: r.relPath, remote: remoteSide, ...judge(undefined, remoteSide, options) });
  }
  return pairs.sort((a, b) => comparePaths(a.relPath, b.relPath));
}

/** Path order that keeps a folder's contents right after it: by segments, not by characters. */
export function comparePaths(a: string, b: string): number {
  const x = a.split('/');
  const y = b.split('/');
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    if (x[i] !== y[i]) return x[i] < y[i] ? -1 : 1;
  }
  return x.length - y.length;
}
