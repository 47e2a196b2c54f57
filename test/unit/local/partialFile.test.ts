/**
 * A download's partial file in a folder another local user can write to: nothing planted at its
 * name is ever written through, and only this user's regular file is continued. Real files.
 */
import { chownSync, closeSync, linkSync, lstatSync, mkdtempSync, readFileSync, readlinkSync, symlinkSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { inspectPartial, inspectPartialSync, openPartial, openPartialSync } from '../../../electron/local/partialFile';

const NOBODY = 65534;

function folder(): { dir: string; victim: string } {
  const dir = mkdtempSync(join(tmpdir(), 'ferry-partial-'));
  const victim = join(mkdtempSync(join(tmpdir(), 'ferry-victim-')), 'precious.txt');
  writeFileSync(victim, 'precious');
  return { dir, victim };
}

const variants = [
  { name: 'sync', open: async (p: string, o: number) => openPartialSync(p, o), inspect: async (p: string) => inspectPartialSync(p) },
  { name: 'async', open: openPartial, inspect: inspectPartial },
];

describe.each(variants)('partial files ($name)', ({ open, inspect }) => {
  it('a fresh one replaces a link planted at its name and leaves the link target alone', async () => {
    const { dir, victim } = folder();
    const part = join(dir, 'a.bin.part');
    symlinkSync(victim, part);
    expect(await inspect(part)).toEqual({ sizeBytes: 0, isResumable: false, reason: 'a symbolic link' });
    const fd = await open(part, 0);
    writeSync(fd, 'new data');
    closeSync(fd);
    expect(lstatSync(part).isFile()).toBe(true);
    expect(readFileSync(part, 'utf8')).toBe('new data');
    expect(readFileSync(victim, 'utf8')).toBe('precious');
  });

  it('a fresh one replaces a stale file of the same name', async () => {
    const { dir } = folder();
    const part = join(dir, 'a.bin.part');
    writeFileSync(part, 'stale bytes from before');
    const fd = await open(part, 0);
    writeSync(fd, 'x');
    closeSync(fd);
    expect(readFileSync(part, 'utf8')).toBe('x');
  });

  it('is never continued through a link', async () => {
    const { dir, victim } = folder();
    const part = join(dir, 'a.bin.part');
    symlinkSync(victim, part);
    await expect(open(part, 3)).rejects.toMatchObject({ code: 'EUNSAFEPARTIAL' });
    expect(readFileSync(victim, 'utf8')).toBe('precious');
    expect(readlinkSync(part)).toBe(victim);
  });

  it('is not continued when it has another name (a hard link to a file of ours)', async () => {
    const { dir, victim } = folder();
    const part = join(dir, 'a.bin.part');
    linkSync(victim, part);
    expect(await inspect(part)).toEqual({ sizeBytes: 8, isResumable: false, reason: 'a file with more than one name (a hard link)' });
    await expect(open(part, 3)).rejects.toMatchObject({ code: 'EUNSAFEPARTIAL' });
    const fd = await open(part, 0);
    closeSync(fd);
    expect(readFileSync(victim, 'utf8')).toBe('precious');
  });

  it("is not continued when another user owns it", async () => {
    const { dir } = folder();
    const part = join(dir, 'a.bin.part');
    writeFileSync(part, 'theirs');
    chownSync(part, NOBODY, NOBODY);
    expect(await inspect(part)).toEqual({ sizeBytes: 6, isResumable: false, reason: 'owned by another user' });
    await expect(open(part, 3)).rejects.toMatchObject({ code: 'EUNSAFEPARTIAL' });
    expect(readFileSync(part, 'utf8')).toBe('theirs');
  });

  it('continues this user\'s own file from the offset, dropping what followed it', async () => {
    const { dir } = folder();
    const part = join(dir, 'a.bin.part');
    writeFileSync(part, 'abcdefgh');
    expect(await inspect(part)).toEqual({ sizeBytes: 8, isResumable: true });
    const fd = await open(part, 3);
    writeSync(fd, 'XY');
    closeSync(fd);
    expect(readFileSync(part, 'utf8')).toBe('abcXY');
  });

  it('reports nothing at a free name, and a missing folder as ENOENT for the caller to create', async () => {
    const { dir } = folder();
    expect(await inspect(join(dir, 'none.part'))).toBeUndefined();
    await expect(open(join(dir, 'no/such/folder/a.part'), 0)).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
