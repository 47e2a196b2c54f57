/**
 * Changes to the local filesystem asked for from the local pane: new folder, rename,
 * delete. Refuses to overwrite on rename. Must not import electron.
 */
import { mkdir, rename, rm, access } from 'node:fs/promises';
import { resolveLocalPath } from './listLocal';

/** Creates a folder (and its missing parents). */
export async function makeLocalDir(input: string): Promise<void> {
  await mkdir(resolveLocalPath(input), { recursive: true });
}

/** Renames a file or folder; fails rather than replace something already at `to`. */
export async function renameLocal(from: string, to: string): Promise<void> {
  const target = resolveLocalPath(to);
  const exists = await access(target).then(
    () => true,
    () => false,
  );
  if (exists) throw Object.assign(new Error(`Already exists: ${target}`), { kind: 'exists' });
  await rename(resolveLocalPath(from), target);
}

/** Deletes files and folders (folders recursively). */
export async function deleteLocal(paths: string[]): Promise<void> {
  for (const p of paths) await rm(resolveLocalPath(p), { recursive: true });
}
