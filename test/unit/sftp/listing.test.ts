/** READDIR entries to FileEntry: types from mode or longname, symbolic permissions, owner and group from the longname, hidden names. */
import { describe, expect, it } from 'vitest';
import { entryTypeOf, ownerGroupOf, symbolicPermissions, toFileEntry } from '../../../electron/sftp/listing';

describe('entryTypeOf', () => {
  it.each([
    [0o040755, 'dir'], [0o100644, 'file'], [0o120777, 'link'], [0o020666, 'other'], [0o010644, 'other'], [0o140755, 'other'],
  ])('mode %o is a %s', (mode, type) => {
    expect(entryTypeOf(mode)).toBe(type);
  });

  it('falls back to the longname when the mode has no type bits', () => {
    expect(entryTypeOf(undefined, 'drwxr-xr-x 2 a b 4096 Jan  1 00:00 x')).toBe('dir');
    expect(entryTypeOf(0o644, 'lrwxrwxrwx 1 a b 3 Jan  1 00:00 x -> y')).toBe('link');
    expect(entryTypeOf(undefined, '')).toBe('file');
  });
});

describe('symbolicPermissions', () => {
  it.each([
    [0o755, 'rwxr-xr-x'], [0o644, 'rw-r--r--'], [0o4755, 'rwsr-xr-x'], [0o4644, 'rwSr--r--'],
    [0o2755, 'rwxr-sr-x'], [0o1777, 'rwxrwxrwt'], [0o1776, 'rwxrwxrwT'], [0o100600, 'rw-------'],
  ])('%o is %s', (mode, text) => {
    expect(symbolicPermissions(mode)).toBe(text);
  });
});

describe('ownerGroupOf', () => {
  it('reads owner and group from an OpenSSH longname whose size matches', () => {
    expect(ownerGroupOf('-rw-r--r--    1 alice    staff        5 Dec  7 01:41 a.txt', 5)).toEqual({ owner: 'alice', group: 'staff' });
  });

  it('refuses longnames of other forms and sizes that do not match', () => {
    expect(ownerGroupOf('a.txt', 5)).toBeUndefined();
    expect(ownerGroupOf('-rw-r--r--    1 alice    staff        5 Dec  7 01:41 a.txt', 6)).toBeUndefined();
    expect(ownerGroupOf('total 5 of something odd here and there', 5)).toBeUndefined();
  });
});

describe('toFileEntry', () => {
  it('builds a file entry with times to the second and names from the longname', () => {
    expect(toFileEntry({ filename: '.env', longname: '-rw------- 1 bob bob 12 Jan  1 00:00 .env', attrs: { mode: 0o100600, size: 12, mtime: 1_700_000_000, uid: 1000, gid: 1000 } })).toEqual({
      name: '.env', type: 'file', sizeBytes: 12, modifiedMs: 1_700_000_000_000, timePrecision: 'second', permissions: 'rw-------', owner: 'bob', group: 'bob', isHidden: true,
    });
  });

  it('gives numeric owner and group when the longname has none, and no size for a folder', () => {
    expect(toFileEntry({ filename: 'd', longname: 'd', attrs: { mode: 0o040755, size: 4096, uid: 1001, gid: 1002 } })).toEqual({
      name: 'd', type: 'dir', permissions: 'rwxr-xr-x', owner: '1001', group: '1002',
    });
  });
});
