/** What each file-exists policy decides for a target that exists, and how copies are named. */
import { describe, expect, it } from 'vitest';
import { decideExists, firstFreeName, numberedName } from '../../../electron/queue/fileExists';

describe('file-exists decisions', () => {
  const src = { path: 's', sizeBytes: 10, modifiedMs: 2_000_500 };
  it('newer compares whole seconds', () => {
    expect(decideExists('newer', src, { path: 't', modifiedMs: 2_000_000 })).toBe('skip');
    expect(decideExists('newer', src, { path: 't', modifiedMs: 1_000_000 })).toBe('overwrite');
    expect(decideExists('newer', src, { path: 't' })).toBe('overwrite');
  });
  it('size-differs skips equal sizes', () => {
    expect(decideExists('size-differs', src, { path: 't', sizeBytes: 10 })).toBe('skip');
    expect(decideExists('size-differs', src, { path: 't', sizeBytes: 11 })).toBe('overwrite');
  });
  it('names copies like FileZilla', async () => {
    expect(numberedName('report.pdf', 1)).toBe('report (1).pdf');
    expect(numberedName('archive.tar.gz', 2)).toBe('archive.tar (2).gz');
    expect(numberedName('.bashrc', 1)).toBe('.bashrc (1)');
    expect(numberedName('README', 3)).toBe('README (3)');
    const taken = new Set(['a (1).txt', 'a (2).txt']);
    expect(await firstFreeName('a.txt', async (c) => taken.has(c))).toBe('a (3).txt');
  });
});
