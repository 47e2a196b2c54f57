/**
 * VxWorks FTP server lines as the target's long `ls` prints them (`size MON-DD-YYYY HH:MM:SS name
 * [<DIR>]`): names, folders, sizes, the headings and `.`/`..` skipped, other dialects' lines left alone.
 */
import { describe, expect, it } from 'vitest';
import type { FileEntry } from '../../../../shared/domain';
import { readVxWorksLine } from '../../../../electron/ftp/list/vxworks';
import { fill } from './longLines';
import { foreignTo } from './foreignLines';

const ctx = { nowMs: Date.UTC(2024, 2, 15, 12, 0) };
const t = (y: number, mo: number, d: number, h = 0, mi = 0, s = 0): number => Date.UTC(y, mo - 1, d, h, mi, s);

const FIXTURES: Array<[string, FileEntry]> = [
  ['        1024    MAR-05-2024  12:00:00   CONFIG.TXT', { name: 'CONFIG.TXT', type: 'file', sizeBytes: 1024, modifiedMs: t(2024, 3, 5, 12) }],
  // A folder's size is its allocation, not content.
  ['         512    JAN-01-1980  00:00:00   TMP             <DIR>', { name: 'TMP', type: 'dir', modifiedMs: t(1980, 1, 1) }],
  ['     1458176    FEB-29-2024  23:59:59   VXWORKS.ST', { name: 'VXWORKS.ST', type: 'file', sizeBytes: 1458176, modifiedMs: t(2024, 2, 29, 23, 59, 59) }],
  ['           0    DEC-31-1999  08:30:15   EMPTY.LOG', { name: 'EMPTY.LOG', type: 'file', sizeBytes: 0, modifiedMs: t(1999, 12, 31, 8, 30, 15) }],
  ['        2048    JUL-04-2003  17:45:00   BOOT            <DIR>   ', { name: 'BOOT', type: 'dir', modifiedMs: t(2003, 7, 4, 17, 45) }],
  ['       33280    Oct-15-2010  06:07:08   startup.cmd', { name: 'startup.cmd', type: 'file', sizeBytes: 33280, modifiedMs: t(2010, 10, 15, 6, 7, 8) }],
  ['        4096    MAY-20-2021  10:00:00   my notes.txt        ', { name: 'my notes.txt', type: 'file', sizeBytes: 4096, modifiedMs: t(2021, 5, 20, 10) }],
  // `<DIR>` only marks a folder as a column of its own.
  ['          20    MAY-20-2021  10:00:00   odd<DIR>', { name: 'odd<DIR>', type: 'file', sizeBytes: 20, modifiedMs: t(2021, 5, 20, 10) }],
];

/** One sample line of every other dialect the registry knows or will know. */
const FOREIGN = foreignTo('vxworks');

describe('readVxWorksLine', () => {
  it.each(FIXTURES)('%s', (line, expected) => {
    expect(readVxWorksLine(line, ctx)).toEqual(expected);
  });

  it('reads the zone-less date in the site zone', () => {
    expect(readVxWorksLine(FIXTURES[0][0], { timezoneOffsetMinutes: 330 })).toMatchObject({ modifiedMs: t(2024, 3, 5, 6, 30) });
  });

  it.each([
    '  size          date       time       name',
    '--------       ------     ------    --------',
    '         512    JAN-01-1980  00:00:00   .               <DIR>',
    '         512    JAN-01-1980  00:00:00   ..              <DIR>',
  ])('skips %j', (line) => {
    expect(readVxWorksLine(line, ctx)).toBe('skip');
  });

  it.each([
    ['impossible day', '        1024    FEB-30-2024  12:00:00   CONFIG.TXT'],
    ['impossible hour', '        1024    MAR-05-2024  25:00:00   CONFIG.TXT'],
    ['impossible second', '        1024    MAR-05-2024  12:00:60   CONFIG.TXT'],
    ['unknown month', '        1024    MRZ-05-2024  12:00:00   CONFIG.TXT'],
    ['a time without seconds', '        1024    MAR-05-2024  12:00   CONFIG.TXT'],
    ['a two-digit year', '        1024    MAR-05-24  12:00:00   CONFIG.TXT'],
    ['no name', '        1024    MAR-05-2024  12:00:00   '],
    ['a folder without a name', '         512    JAN-01-1980  00:00:00   <DIR>'],
    ['a size that is not a number', '        1K      MAR-05-2024  12:00:00   CONFIG.TXT'],
    // The shape `size Mon DD YYYY name` is not what the server sends.
    ['a Unix-style date', '        1024    Mar 05 2024  config.txt'],
    ['the open error', 'Can\'t open "/ata0a/missing".'],
    ['a rule of three columns', '--------       ------     ------'],
  ])('rejects %s', (_, line) => {
    expect(readVxWorksLine(line, ctx)).toBeNull();
  });

  it.each(Object.entries(FOREIGN))('leaves a %s line alone', (_, line) => {
    expect(readVxWorksLine(line, ctx)).toBeNull();
  });

  it('reads 64 KiB hostile lines in linear time', () => {
    const shapes = [
      fill(' '),
      fill('1'),
      fill('MAR-05-2024 '),
      fill('MAR-05-2024 12:00:00 '),
      fill('1 MAR-05-2024 12:00:00 '),
      `1024 MAR-05-2024 12:00:00${fill(' ')}`,
      `1024 MAR-05-2024 12:00:00 x${fill(' ')}<DIR>`,
      `1024 MAR-05-2024 12:00:00 ${fill('<DIR> ')}`,
      `${fill('1')} MAR-05-2024 12:00:00 x`,
      `1024 ${fill('MAR-05-2024 ')}12:00:00 x`,
      fill('-------- '),
      fill('\t1\t'),
    ];
    for (const line of shapes) {
      const outcome = readVxWorksLine(line, ctx);
      expect(outcome === null || outcome === 'skip' || typeof outcome === 'object').toBe(true);
    }
  });
});
