import { describe, expect, it } from 'vitest';
import {
  modeToSymbolic,
  parseDosLine,
  parseEplfLine,
  parseOctalMode,
  readDosLine,
  readEplfLine,
  symbolicToMode,
} from '../../../electron/ftp/list';

const t = (y: number, mo: number, d: number, h = 0, mi = 0): number => Date.UTC(y, mo - 1, d, h, mi);

describe('readDosLine', () => {
  it.each([
    ['01-31-24  12:00AM                  1 a', t(2024, 1, 31, 0, 0)],
    ['01-31-24  12:59PM                  1 a', t(2024, 1, 31, 12, 59)],
    ['01-31-24  01:00PM                  1 a', t(2024, 1, 31, 13, 0)],
    ['01-31-69  11:00AM                  1 a', t(2069, 1, 31, 11, 0)],
    ['01-31-70  11:00AM                  1 a', t(1970, 1, 31, 11, 0)],
    ['01-31-2024  11:00 pm   1 a', t(2024, 1, 31, 23, 0)],
  ])('%s', (line, expected) => {
    expect(parseDosLine(line)?.modifiedMs).toBe(expected);
  });

  it.each([
    ['01-31-24  02:15PM       <DIR>          .', 'skip'],
    ['01-31-24  02:15PM       <DIR>          ..', 'skip'],
    ['01-31-24  13:15PM       <DIR>          x', null],
    ['01-31-24  02:15PM       <DIR>', null],
    ['01-31-24  02:15PM       <DIR>          ', null],
    ['-rw-r--r-- 1 a b 1 Jan 31 12:00 x', null],
    ['123-31-24  02:15PM  1 x', null],
    ['01-31-123  02:15PM  1 x', null],
  ])('%j -> %j', (line, expected) => {
    expect(readDosLine(line)).toBe(expected);
  });

  it('keeps an entry whose date is impossible, without a time', () => {
    const entry = parseDosLine('13-45-24  02:15PM                 10 odd.txt');
    expect(entry).toEqual({ name: 'odd.txt', type: 'file', sizeBytes: 10 });
  });

  it('takes the rest after single-space padding for non-IIS <DIR> columns', () => {
    expect(parseDosLine('01-31-2024  14:15  <DIR>  short pad')?.name).toBe('short pad');
  });
});

describe('readEplfLine', () => {
  it.each([
    ['+i1,m1,r,s5,\tf', { name: 'f', type: 'file', sizeBytes: 5, modifiedMs: 1000 }],
    ['+/,\tdir', { name: 'dir', type: 'dir' }],
    ['+m5,\tstrange', { name: 'strange', type: 'other', modifiedMs: 5000 }],
    ['+r,/,s9,\tboth', { name: 'both', type: 'dir' }],
    ['+r,sX,mY,upZZZ,\tbad facts', { name: 'bad facts', type: 'file' }],
  ])('%j', (line, expected) => {
    expect(parseEplfLine(line)).toEqual(expected);
  });

  it.each([
    ['+r,s5, no tab', null],
    ['r,s5,\tno plus', null],
    ['+r,s5,\t', null],
    ['+/,\t.', 'skip'],
    ['+/,\t..', 'skip'],
  ])('%j -> %j', (line, expected) => {
    expect(readEplfLine(line)).toBe(expected);
  });
});

describe('permissions', () => {
  it.each([
    [0o755, 'rwxr-xr-x'],
    [0o644, 'rw-r--r--'],
    [0o000, '---------'],
    [0o4755, 'rwsr-xr-x'],
    [0o4644, 'rwSr--r--'],
    [0o2750, 'rwxr-s---'],
    [0o2640, 'rw-r-S---'],
    [0o1777, 'rwxrwxrwt'],
    [0o1776, 'rwxrwxrwT'],
    [0o107777, 'rwsrwsrwt'],
  ])('%o <-> %s', (mode, symbolic) => {
    expect(modeToSymbolic(mode)).toBe(symbolic);
    expect(symbolicToMode(symbolic)).toBe(mode & 0o7777);
  });

  it('rejects symbolic strings that are not permissions', () => {
    expect(symbolicToMode('rwxr-xr-')).toBeUndefined();
    expect(symbolicToMode('rwxr-xr-s')).toBeUndefined();
    expect(symbolicToMode('drwxr-xr-x')).toBeUndefined();
  });

  it.each([
    ['0644', 0o644],
    ['0o755', 0o755],
    ['0O755', 0o755],
    ['100644', 0o644],
    ['8', undefined],
    ['', undefined],
    ['0x1ff', undefined],
  ])('parseOctalMode(%j)', (text, expected) => {
    expect(parseOctalMode(text)).toBe(expected);
  });
});
