/**
 * From settled paths to changes: created, changed, renamed (by the file's identity within one
 * batch) and removed, what a removed or renamed folder held going with it, and an editor's
 * write-temp-then-rename seen as one change of the file.
 */
import { describe, expect, it } from 'vitest';
import { TreeIndex } from '../../../electron/sync/TreeIndex';
import { classifyChanges, type Probe, type SettledPath } from '../../../electron/sync/treeChanges';

const file = (ino: number, sizeBytes = 10, modifiedMs = 1_000): Probe => ({ kind: 'file', ino, sizeBytes, modifiedMs });
const folder = (ino: number): Probe => ({ kind: 'folder', ino });
const missing: Probe = { kind: 'missing' };
const at = (relPath: string, probe: Probe): SettledPath => ({ relPath, probe });

function indexOf(entries: Array<[string, Probe]>): TreeIndex {
  const index = new TreeIndex();
  for (const [relPath, p] of entries) {
    if (p.kind === 'file') index.set(relPath, { isFolder: false, sizeBytes: p.sizeBytes, modifiedMs: p.modifiedMs, ino: p.ino });
    if (p.kind === 'folder') index.set(relPath, { isFolder: true, sizeBytes: 0, modifiedMs: 0, ino: p.ino });
  }
  return index;
}

describe('classifyChanges', () => {
  it('new files and folders are created, folders first; a file with another size or time is changed; an untouched one is nothing', () => {
    const index = indexOf([['same.txt', file(1)], ['grown.txt', file(2, 10)]]);
    const changes = classifyChanges(index, [at('new/inner.txt', file(5)), at('same.txt', file(1)), at('grown.txt', file(2, 99)), at('new', folder(4)), at('top.txt', file(6))]);
    expect(changes).toEqual([
      { kind: 'created', relPath: 'new', isFolder: true },
      { kind: 'changed', relPath: 'grown.txt', isFolder: false, sizeBytes: 99, modifiedMs: 1_000 },
      { kind: 'created', relPath: 'top.txt', isFolder: false, sizeBytes: 10, modifiedMs: 1_000 },
      { kind: 'created', relPath: 'new/inner.txt', isFolder: false, sizeBytes: 10, modifiedMs: 1_000 },
    ]);
    expect(index.get('new/inner.txt')).toMatchObject({ ino: 5 });
    expect(index.get('grown.txt')).toMatchObject({ sizeBytes: 99 });
    // Seen again as it is now: nothing.
    expect(classifyChanges(index, [at('grown.txt', file(2, 99))])).toEqual([]);
  });

  it("an editor's save (temp file written, then renamed over the file) is one change of the file", () => {
    const index = indexOf([['doc.txt', file(1, 10, 1_000)]]);
    // The temp file came and went before it settled; the file is there with the temp's identity.
    const changes = classifyChanges(index, [at('.doc.txt.swp', missing), at('doc.txt', file(9, 12, 2_000))]);
    expect(changes).toEqual([{ kind: 'changed', relPath: 'doc.txt', isFolder: false, sizeBytes: 12, modifiedMs: 2_000 }]);
  });

  it('a file gone and one that appeared with its identity in the same batch is a rename', () => {
    const index = indexOf([['old.txt', file(3)], ['other.txt', file(4)]]);
    expect(classifyChanges(index, [at('new.txt', file(3)), at('old.txt', missing)])).toEqual([
      { kind: 'renamed', from: 'old.txt', relPath: 'new.txt', isFolder: false, sizeBytes: 10, modifiedMs: 1_000 },
    ]);
    expect(index.get('old.txt')).toBeUndefined();
    expect(index.get('new.txt')).toMatchObject({ ino: 3 });
  });

  it('a renamed folder is one rename, what it holds is new at its new place, and nothing of the old place is removed on its own', () => {
    const index = indexOf([['a', folder(1)], ['a/x.txt', file(2)], ['a/sub', folder(3)], ['a/sub/y.txt', file(4)]]);
    const changes = classifyChanges(index, [at('a', missing), at('b', folder(1)), at('b/x.txt', file(2)), at('b/sub', folder(3)), at('b/sub/y.txt', file(4))]);
    expect(changes).toEqual([
      { kind: 'renamed', from: 'a', relPath: 'b', isFolder: true },
      { kind: 'created', relPath: 'b/sub', isFolder: true },
      { kind: 'created', relPath: 'b/x.txt', isFolder: false, sizeBytes: 10, modifiedMs: 1_000 },
      { kind: 'created', relPath: 'b/sub/y.txt', isFolder: false, sizeBytes: 10, modifiedMs: 1_000 },
    ]);
    expect(index.childrenOf('')).toEqual(['b']);
  });

  it('a removed folder is one removal, with everything it held forgotten', () => {
    const index = indexOf([['a', folder(1)], ['a/x.txt', file(2)], ['a/sub', folder(3)], ['a/sub/y.txt', file(4)], ['keep.txt', file(5)]]);
    expect(classifyChanges(index, [at('a/sub/y.txt', missing), at('a', missing), at('a/x.txt', missing)])).toEqual([{ kind: 'removed', relPath: 'a', isFolder: true }]);
    expect(index.size).toBe(1);
  });

  it('a file that became a folder is removed as a file first, then created as a folder; other removals come last', () => {
    const index = indexOf([['thing', file(1)], ['gone.txt', file(2)]]);
    expect(classifyChanges(index, [at('gone.txt', missing), at('thing', folder(7))])).toEqual([
      { kind: 'removed', relPath: 'thing', isFolder: false },
      { kind: 'created', relPath: 'thing', isFolder: true },
      { kind: 'removed', relPath: 'gone.txt', isFolder: false },
    ]);
  });

  it('what cannot be read, or is neither file nor folder, changes nothing (it is never taken for a removal)', () => {
    const index = indexOf([['secret.txt', file(1)]]);
    expect(classifyChanges(index, [at('secret.txt', { kind: 'unreadable', message: 'EACCES' }), at('pipe', { kind: 'other' })])).toEqual([]);
    expect(index.get('secret.txt')).toBeDefined();
  });
});
