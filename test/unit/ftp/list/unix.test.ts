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

describe('layout variants', () => {
  const now = { nowMs: t(2024, 3, 1) };

  it.each([
    ['-rw-r--r--+1 alice staff 1024 Jan 31 12:00 acl.txt', { name: 'acl.txt', owner: 'alice', group: 'staff', sizeBytes: 1024 }],
    ['drwxr-xr-x@12 bob staff 384 Mar  1  2023 Bundle.app', { name: 'Bundle.app', type: 'dir', owner: 'bob', group: 'staff' }],
    ['-rw-r--r--.1 carol carol 5 Feb  2 08:00 labelled', { name: 'labelled', owner: 'carol', sizeBytes: 5 }],
    ['-rw-r--r--+ 1 dave users 6 5. Mär 12:00 acl mit leerzeichen', { name: 'acl mit leerzeichen', owner: 'dave', modifiedMs: t(2023, 3, 5, 12, 0) }],
    ['drwxr-xr-x@ 3 erin staff 96 févr. 14 09:30 dossier', { name: 'dossier', type: 'dir', owner: 'erin', group: 'staff' }],
  ])('reads an ACL or attribute mark glued to the permissions or the link count: %s', (line, want) => {
    expect(parseUnixLine(line, now)).toMatchObject(want);
  });

  it('does not take a mark followed by a letter', () => {
    expect(readUnixLine('-rw-r--r--+x 1 a b 1 Jan 31 12:00 x', now)).toBeNull();
  });

  it.each([
    ['33.5k', 'file'],
    ['2M', 'file'],
    ['1.1G', 'file'],
    ['4,0K', 'file'],
    ['12KiB', 'file'],
    ['4.0K', 'dir'],
  ] as const)('keeps an entry whose size is rounded (%s), without a size', (size, type) => {
    const mode = type === 'dir' ? 'drwxr-xr-x' : '-rw-r--r--';
    const entry = parseUnixLine(`${mode} 1 ftp ftp ${size} Jan 31 12:00 data`, now);
    expect(entry).toMatchObject({ name: 'data', type, owner: 'ftp', group: 'ftp', modifiedMs: t(2024, 1, 31, 12, 0) });
    expect(entry).not.toHaveProperty('sizeBytes');
  });

  it('keeps exact sizes from a listing that rounds the others', () => {
    expect(parseUnixLine('-rw-r--r-- 1 ftp ftp 512 Jan 31 12:00 small', now)?.sizeBytes).toBe(512);
  });

  it('reads the f type letter as a regular file', () => {
    expect(parseUnixLine('frw-r--r-- 1 ftp ftp 10 Jan 31 12:00 plain', now)).toMatchObject({ name: 'plain', type: 'file', sizeBytes: 10 });
  });

  it('reads very long owner and group names', () => {
    const owner = `o${'w'.repeat(200)}`;
    const group = `g${'r'.repeat(200)}`;
    expect(parseUnixLine(`-rw-r--r-- 1 ${owner} ${group} 123 févr.  1  2022 long`, now)).toMatchObject({
      name: 'long',
      owner,
      group,
      sizeBytes: 123,
      modifiedMs: t(2022, 2, 1),
    });
  });

  it.each([
    ['-rw-r--r-- 1 ftp ftp 10  5. Mär 12:00   three spaces.txt', '  three spaces.txt'],
    ['-rw-r--r-- 1 ftp ftp 10 3月  5 12:00  全角.txt', ' 全角.txt'],
    ['-rw-r--r-- 1 ftp ftp 10 05.03.2024 12:00  dotted', ' dotted'],
    ['-rw-r--r-- 1 ftp ftp 10 mar  5  2020 a -> b.txt', 'a -> b.txt'],
    ['-rw-r--r-- 1 ftp ftp 10 2024年3月5日 x -> y', 'x -> y'],
  ])('keeps the name by position after localized dates: %s', (line, name) => {
    expect(parseUnixLine(line, now)).toMatchObject({ name, type: 'file' });
  });

  it.each([
    ['brw-rw---- 1 root disk 8, 0 15. bře 10:00 sda', 'disk'],
    ['crw-rw-rw- 1 root root 1,3 3月  5 12:00 null', 'root'],
    ['crw--w---- 1 root tty 4,   1 mar  5  2020 tty1', 'tty'],
  ])('reads device numbers before localized dates: %s', (line, group) => {
    const entry = parseUnixLine(line, now);
    expect(entry).toMatchObject({ type: 'other', owner: 'root', group });
    expect(entry?.modifiedMs).toBeDefined();
    expect(entry).not.toHaveProperty('sizeBytes');
  });

  it.each([
    ['-rw-r--r-- ftp ftp 4321 5. Mär 12:00 no-links', { owner: 'ftp', group: 'ftp', sizeBytes: 4321 }],
    ['-rw-r--r-- 1 ftp 1234 mars  5  2020 no-group', { owner: 'ftp', group: undefined, sizeBytes: 1234 }],
    ['-rw-r--r-- 1 Administrator Domain Users 77 3月 5日 12:00 windows', { owner: 'Administrator', group: 'Domain Users', sizeBytes: 77 }],
  ])('reads missing link count or group columns with localized dates: %s', (line, want) => {
    const entry = parseUnixLine(line, now);
    expect(entry).toMatchObject(Object.fromEntries(Object.entries(want).filter(([, v]) => v !== undefined)));
    if (want.group === undefined) expect(entry).not.toHaveProperty('group');
    expect(entry?.modifiedMs).toBeDefined();
  });
});

describe('permission string, checked by position', () => {
  const row = (mode: string) => `${mode} 1 a b 1 Jan 31  2020 x`;

  it.each([
    '-rw-r--r--',
    '----------',
    'drwxrwsrwt',
    '-rwSr-Sr-T',
    '-rw-r-lr--', // System V mandatory locking in the group's execute place
    '-rw-r-Lr--',
    '-rw-?--r--',
    '??????????',
    'Drw-r--r--',
    'nrw-r--r--',
    'frw-r--r--',
  ])('reads %s', (mode) => {
    expect(parseUnixLine(row(mode))).toMatchObject({ name: 'x', permissions: mode.slice(1) });
  });

  it.each([
    '-rx-r--r--', // x in the write place
    '-tw-r--r--',
    '-rwlr--r--', // a lock letter in the owner's execute place
    '-rw-r--r-l',
    '-rw-r--r-s', // set-id in the others' place
    '-rw-r-tr--', // sticky in the group's place
    'xrw-r--r--',
    '-RW-r--r--',
    '-rwxr-xr-xx',
    '-rw-r--r--?',
  ])('refuses %s', (mode) => {
    expect(readUnixLine(row(mode))).toBeNull();
  });
});

describe('out-of-range dates', () => {
  it('leaves the line unparsed when the date is impossible', () => {
    expect(readUnixLine('-rw-r--r-- 1 ftp ftp 2048 okt 40 12:00 x')).toBeNull();
  });

  it('reads on past an owner and group that look like an impossible date', () => {
    expect(parseUnixLine('-rw-r--r-- 1 out 40 2048 Jan  5  2020 x')).toMatchObject({ name: 'x', owner: 'out', group: '40', sizeBytes: 2048, modifiedMs: t(2020, 1, 5) });
  });
});

describe('numeric owners and groups before sizes that look like years', () => {
  const now = { nowMs: t(2024, 6, 15, 12, 0) };
  it.each([
    ['-rw-r--r-- 1 1000 1000 2048 Jan  5  2020 x', 2048, t(2020, 1, 5)],
    ['-rw-r--r-- 1 1000 1000 2024 márc. 15. 10:00 x', 2024, t(2024, 3, 15, 10, 0)],
    ['-rw-r--r-- 1 1000 1000 1999  5. Mär 12:00 x', 1999, t(2024, 3, 5, 12, 0)],
    ['-rw-r--r-- 1 0 0 2012 3月  5 12:00 x', 2012, t(2024, 3, 5, 12, 0)],
    ['-rw-r--r-- 1 0 0 2012 2011 okt. 23. x', 2012, t(2011, 10, 23)],
    ['-rw-r--r-- 1 33 33 2001 2001. szept. 1. x', 2001, t(2001, 9, 1)],
  ])('%s', (line, sizeBytes, modifiedMs) => {
    expect(parseUnixLine(line, now)).toMatchObject({ name: 'x', sizeBytes, modifiedMs });
  });
});

describe('owners and groups that read as a date', () => {
  it.each([
    ['-rw-r--r-- 1 pro 20 2048 Jan  5  2020 x', 'pro', '20', 2048],
    ['-rw-r--r-- 1 mai 5 1999 févr. 14 09:30 x', 'mai', '5', 1999],
    ['-rw-r--r-- 1 12 set 2020 12 set 2021 x', '12', 'set', 2020],
    ['-rw-r--r-- 1 out 40 2048 Jan  5  2020 x', 'out', '40', 2048],
  ])('%s', (line, owner, group, sizeBytes) => {
    expect(parseUnixLine(line, { nowMs: t(2024, 3, 1) })).toMatchObject({ name: 'x', owner, group, sizeBytes });
  });
});
