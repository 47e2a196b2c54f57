import { describe, expect, it } from 'vitest';
import { parseUnixLine, readUnixLine } from '../../../../electron/ftp/list';

const t = (y: number, mo: number, d: number, h = 0, mi = 0, s = 0): number => Date.UTC(y, mo - 1, d, h, mi, s);
const line = (date: string, name = 'f'): string => `-rw-r--r--    1 ftp      ftp           12 ${date} ${name}`;

describe('readUnixLine', () => {
  it.each([
    ['total 0', 'skip'],
    ['total 1234', 'skip'],
    ['drwxr-xr-x    2 ftp      ftp          4096 Jan 31 12:00 .', 'skip'],
    ['drwxr-xr-x    2 ftp      ftp          4096 Jan 31 12:00 ..', 'skip'],
    ['hello world', null],
    ['', null],
    ['drwxr-xr-x    2 ftp      ftp          4096 Jan 31 12:00', null],
    ['drwxr-xr-x    2 ftp      ftp          4096 Jan 31 12:00 ', null],
    ['drwxr-xr-x    2 ftp      ftp          big Jan 31 12:00 x', null],
    ['drwxr-xr-x    2 ftp      ftp          4096 Foo 31 12:00 x', null],
    ['-rw-r--r--x 1 a b 1 Jan 31 12:00 x', null],
    ['modify=20240101000000;type=file; x', null],
    ['01-31-24  02:15PM       <DIR>          folder', null],
  ])('%j -> %j', (input, expected) => {
    expect(readUnixLine(input, { nowMs: t(2024, 3, 1) })).toBe(expected);
  });

  it('returns null for skipped lines from parseUnixLine', () => {
    expect(parseUnixLine('total 8')).toBeNull();
  });

  it('keeps leading, inner and trailing spaces of names by column', () => {
    expect(parseUnixLine(line('Jan 31 12:00', '  a  b  '), { nowMs: t(2024, 3, 1) })?.name).toBe('  a  b  ');
    expect(parseUnixLine(line('Jan 31  2020', ' x'))?.name).toBe(' x');
  });

  it('only splits " -> " for links', () => {
    expect(parseUnixLine(line('Jan 31  2020', 'a -> b'))).toMatchObject({ name: 'a -> b', type: 'file' });
    expect(parseUnixLine('lrwxrwxrwx 1 a a 1 Jan 31  2020 a -> b')).toMatchObject({ name: 'a', type: 'link', linkTarget: 'b' });
  });

  describe('year of `Mon DD HH:MM` dates', () => {
    const now = t(2024, 1, 10, 12, 0);
    it.each([
      ['Dec 31 23:00', t(2023, 12, 31, 23, 0)],
      ['Jan 10 11:00', t(2024, 1, 10, 11, 0)],
      ['Jan 11 11:00', t(2024, 1, 11, 11, 0)], // within a day ahead: skew, same year
      ['Jan 12 11:00', t(2023, 1, 12, 11, 0)], // further ahead: last year
      ['Jul  4 09:30', t(2023, 7, 4, 9, 30)],
      ['Feb 29 08:00', t(2020, 2, 29, 8, 0)], // 2024's is ahead, 2023-2021 have none
    ])('%s', (date, expected) => {
      expect(parseUnixLine(line(date), { nowMs: now })?.modifiedMs).toBe(expected);
    });

    it('picks the most recent past leap year for Feb 29', () => {
      expect(parseUnixLine(line('Feb 29 08:00'), { nowMs: t(2025, 1, 10) })?.modifiedMs).toBe(t(2024, 2, 29, 8, 0));
    });

    it('judges the year in server time when an offset is set', () => {
      // 00:30 UTC on Jan 1 is 02:30 on the server (UTC+2): "Jan 01 02:00" is this year, not last.
      const entry = parseUnixLine(line('Jan 01 02:00'), { nowMs: t(2024, 1, 1, 0, 30), timezoneOffsetMinutes: 120 });
      expect(entry?.modifiedMs).toBe(t(2024, 1, 1, 0, 0));
    });
  });

  it('reads dates without zone as UTC, shifted by timezoneOffsetMinutes', () => {
    expect(parseUnixLine(line('Jan 31  2020'))?.modifiedMs).toBe(t(2020, 1, 31));
    expect(parseUnixLine(line('Jan 31  2020'), { timezoneOffsetMinutes: 60 })?.modifiedMs).toBe(t(2020, 1, 30, 23, 0));
    expect(parseUnixLine(line('2020-01-31 12:00'), { timezoneOffsetMinutes: -90 })?.modifiedMs).toBe(t(2020, 1, 31, 13, 30));
  });

  it('uses the zone of full-iso dates instead of the configured offset', () => {
    const entry = parseUnixLine(line('2020-01-31 12:00:05.123456789 -0530'), { timezoneOffsetMinutes: 60 });
    expect(entry?.modifiedMs).toBe(t(2020, 1, 31, 17, 30, 5));
  });

  it('keeps an entry whose date fields are impossible, without a time', () => {
    const entry = parseUnixLine(line('Feb 30  2020'));
    expect(entry).toMatchObject({ name: 'f', sizeBytes: 12 });
    expect(entry).not.toHaveProperty('modifiedMs');
  });

  it('reads month names in any case', () => {
    expect(parseUnixLine(line('JAN 31  2020'))?.modifiedMs).toBe(t(2020, 1, 31));
  });

  it('does not take an owner that looks like a month for the date', () => {
    const entry = parseUnixLine('-rw-r--r-- 1 mar 12 1234 Jan 31  2020 x');
    expect(entry).toMatchObject({ name: 'x', owner: 'mar', group: '12', sizeBytes: 1234, modifiedMs: t(2020, 1, 31) });
  });

  it('reads numbers too large for 32 bits', () => {
    expect(parseUnixLine(line('Jan 31  2020').replace(' 12 ', ' 9007199254740991 '))?.sizeBytes).toBe(9007199254740991);
  });

  it('marks dot files hidden and nothing else', () => {
    expect(parseUnixLine(line('Jan 31  2020', '.env'))?.isHidden).toBe(true);
    expect(parseUnixLine(line('Jan 31  2020', 'env'))).not.toHaveProperty('isHidden');
  });
});
