/**
 * File-exists decisions (FileZilla's choices): what a non-`ask` policy means for a given pair of
 * source and target, and the `name (1).ext` naming for `rename`. Pure.
 */
import type { FileExistsPolicy } from '../../shared/domain';
import type { ExistsSide } from './types';

/** A policy once `ask` has been answered. */
export type ExistsAction = Exclude<FileExistsPolicy, 'ask'>;

/** What the transfer does about an existing target. */
export type ExistsOutcome = 'overwrite' | 'skip' | 'resume' | 'rename';

/**
 * Applies a policy. `newer` compares whole seconds because MDTM has second precision;
 * unknown times or sizes mean "overwrite", as FileZilla does.
 */
export function decideExists(action: ExistsAction, source: ExistsSide, target: ExistsSide): ExistsOutcome {
  switch (action) {
    case 'overwrite':
      return 'overwrite';
    case 'skip':
      return 'skip';
    case 'resume':
      return 'resume';
    case 'rename':
      return 'rename';
    case 'newer':
      if (source.modifiedMs === undefined || target.modifiedMs === undefined) return 'overwrite';
      return Math.floor(source.modifiedMs / 1000) > Math.floor(target.modifiedMs / 1000) ? 'overwrite' : 'skip';
    case 'size-differs':
      if (source.sizeBytes === undefined || target.sizeBytes === undefined) return 'overwrite';
      return source.sizeBytes === target.sizeBytes ? 'skip' : 'overwrite';
  }
}

/** `name (n).ext` for a file name; the extension is what follows the last dot (not a leading one). */
export function numberedName(name: string, n: number): string {
  const dot = name.lastIndexOf('.');
  if (dot <= 0) return `${name} (${n})`;
  return `${name.slice(0, dot)} (${n})${name.slice(dot)}`;
}

/** The first `name (n).ext` for which `exists` says no (n from 1). */
export async function firstFreeName(name: string, exists: (candidate: string) => Promise<boolean>): Promise<string> {
  for (let n = 1; n < 10_000; n++) {
    const candidate = numberedName(name, n);
    if (!(await exists(candidate))) return candidate;
  }
  throw new Error(`no free name for ${name}`);
}
