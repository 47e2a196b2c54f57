/** DOS/IIS listing lines (`01-31-24  02:15PM  <DIR>  name`): dates, times, folders and what is skipped. */
import { describe, expect, it } from 'vitest';
import { parseDosLine, readDosLine } from '../../../../electron/ftp/list';

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
