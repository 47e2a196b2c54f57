/** Local file operations on real files: make folders, rename without overwriting, delete trees. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, writeFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { listLocal } from '../../../electron/local/listLocal';
import { deleteLocal, makeLocalDir, renameLocal } from '../../../electron/local/localOps';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'ferry-local-ops-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('local operations', () => {
  it('creates, renames without overwriting, and deletes', async () => {
    const made = path.join(dir, 'ops', 'deep');
    await makeLocalDir(made);
    await writeFile(path.join(made, 'a'), 'a');
    await writeFile(path.join(made, 'b'), 'b');
    await expect(renameLocal(path.join(made, 'a'), path.join(made, 'b'))).rejects.toMatchObject({ kind: 'exists' });
    await renameLocal(path.join(made, 'a'), path.join(made, 'c'));
    expect((await listLocal(made)).entries.map((e) => e.name).sort()).toEqual(['b', 'c']);
    await deleteLocal([path.join(dir, 'ops')]);
    await expect(listLocal(made)).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
