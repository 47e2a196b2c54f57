/**
 * Looking at one path of a watched folder: what it is now (a file with its size, time and
 * identity, a folder, nothing, something never uploaded, or unreadable). A link to a file
 * counts as that file; a link to a folder is not followed, so a watch cannot loop.
 */
import { promises as fsp, type Stats } from 'node:fs';
import type { Probe } from './treeChanges';

const GONE = new Set(['ENOENT', 'ENOTDIR']);

function probeOf(stat: Stats): Probe {
  if (stat.isFile()) return { kind: 'file', sizeBytes: stat.size, modifiedMs: Math.floor(stat.mtimeMs), ino: stat.ino };
  if (stat.isDirectory()) return { kind: 'folder', ino: stat.ino };
  return { kind: 'other' };
}

/** What is at `fullPath` now. */
export async function probePath(fullPath: string): Promise<Probe> {
  try {
    const stat = await fsp.lstat(fullPath);
    if (!stat.isSymbolicLink()) return probeOf(stat);
    const target = await fsp.stat(fullPath).catch(() => undefined);
    return target?.isFile() ? probeOf(target) : { kind: 'other' };
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? '';
    if (GONE.has(code)) return { kind: 'missing' };
    return { kind: 'unreadable', message: (err as Error).message };
  }
}
