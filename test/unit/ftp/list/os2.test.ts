/** OS/2 FTP server lines (`size  attributes  MM-DD-YY  HH:MM  name`): fields, years, what is skipped and what is not OS/2. */
import { describe, expect, it } from 'vitest';
import type { FileEntry } from '../../../../shared/domain';
import { readDosLine, readEplfLine, readMlsdLine, readUnixLine } from '../../../../electron/ftp/list';
import { readOs2Line } from '../../../../electron/ftp/list/os2';
import { foreignTo } from './foreignLines';

const NOW = Date.UTC(2024, 5, 15, 12, 0);

/** Lines of the other dialects the registry knows or is gaining; none of them is OS/2. */
const FOREIGN = foreignTo('os2');

const FIXTURES: Array<[string, FileEntry]> = [
  ['     0           DIR   05-12-97   16:44  FONTS', { name: 'FONTS', type: 'dir', modifiedMs: Date.UTC(1997, 4, 12, 16, 44) }],
  [
    ' 36611      A          04-23-103   10:57  OS2 report.txt',
    { name: 'OS2 report.txt', type: 'file', sizeBytes: 36611, modifiedMs: Date.UTC(2003, 3, 23, 10, 57) },
  ],
  [
    '  1180    RHS          11-02-99   08:05  SWAPPER.DAT',
    { name: 'SWAPPER.DAT', type: 'file', sizeBytes: 1180, modifiedMs: Date.UTC(1999, 10, 2, 8, 5), isHidden: true },
  ],
  ['  2048 DIR  A          02-29-104   23:59  Old Projects', { name: 'Old Projects', type: 'dir', modifiedMs: Date.UTC(2004, 1, 29, 23, 59) }],
  ['   512           DIR   01-01-00   00:00  Y2K', { name: 'Y2K', type: 'dir', modifiedMs: Date.UTC(2000, 0, 1, 0, 0) }],
  [
    '4294967296      A       12-31-05   12:30  disk image.iso',
    { name: 'disk image.iso', type: 'file', sizeBytes: 4294967296, modifiedMs: Date.UTC(2005, 11, 31, 12, 30) },
  ],
  ['     7                 06-15-98   09:00  plain.txt', { name: 'plain.txt', type: 'file', sizeBytes: 7, modifiedMs: Date.UTC(1998, 5, 15, 9, 0) }],
  ['     0     R     DIR   07-04-101   18:30  .config', { name: '.config', type: 'dir', modifiedMs: Date.UTC(2001, 6, 4, 18, 30), isHidden: true }],
];

describe('readOs2Line', () => {
  it.each(FIXTURES)('%j', (line, expected) => {
    expect(readOs2Line(line)).toEqual(expected);
  });

  it('applies the site zone offset to the zone-less time', () => {
    const entry = readOs2Line('     0           DIR   05-12-97   16:44  FONTS', { timezoneOffsetMinutes: 120 });
    expect(entry).toMatchObject({ modifiedMs: Date.UTC(1997, 4, 12, 14, 44) });
  });

  it.each([
    ['     0           DIR   05-12-97   16:44  .', 'skip'],
    ['     0           DIR   05-12-97   16:44  ..', 'skip'],
  ])('%j -> %j', (line, expected) => {
    expect(readOs2Line(line)).toBe(expected);
  });

  it.each([
    ['month 13', '     0           DIR   13-12-97   16:44  x'],
    ['day 36', '     0           DIR   05-36-97   16:44  x'],
    ['Feb 30', '    10      A          02-30-97   16:44  x'],
    ['hour 25', '     0           DIR   05-12-97   25:44  x'],
    ['minute 61', '     0           DIR   05-12-97   16:61  x'],
    ['no name', '     0           DIR   05-12-97   16:44'],
    ['blank name', '     0           DIR   05-12-97   16:44     '],
    ['no size', '                 DIR   05-12-97   16:44  x'],
    ['lower-case dir', '     0           dir   05-12-97   16:44  x'],
    ['lower-case attributes', '     0    rsa    DIR   05-12-97   16:44  x'],
    ['unknown attribute', '     0      X          05-12-97   16:44  x'],
    ['month name', '     0           DIR   Jan-08-97   13:58  x'],
    ['four-digit year', '     0           DIR   05-12-1997   16:44  x'],
    ['ISO date', ' 33280      A          1997-02-03  13:49  x'],
    ['AM/PM', '     0           DIR   05-12-97   04:44PM  x'],
    ['seconds', '     0           DIR   05-12-97   16:44:10  x'],
    ['size glued to attribute', '     0DIR   05-12-97   16:44  x'],
    ['empty', ''],
    ['blank', '   '],
  ])('%s is not an OS/2 line', (_label, line) => {
    expect(readOs2Line(line)).toBeNull();
  });

  it.each(Object.entries(FOREIGN))('leaves a %s line to its reader', (_label, line) => {
    expect(readOs2Line(line, { nowMs: NOW })).toBeNull();
  });

  it('is not claimed by the readers already registered', () => {
    for (const [line] of FIXTURES) {
      expect([readUnixLine(line, { nowMs: NOW }), readDosLine(line), readMlsdLine(line), readEplfLine(line)]).toEqual([null, null, null, null]);
    }
  });

  it('reads hostile 64 KiB lines in linear time', () => {
    const LINE = 64 * 1024;
    const fill = (unit: string, length = LINE): string => unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
    const shapes = [
      fill(' '),
      fill('1'),
      fill('\t1\t'),
      `     0 ${fill(' ', LINE - 20)}DIR`,
      `     0 ${fill('A ', LINE - 20)}`,
      `     0 ${fill('DIR ', LINE - 30)}05-12-97   16:44`,
      `     0 ${fill('RHSA', LINE - 30)} 05-12-97`,
      fill('05-12-97   16:44  '),
      `${fill('1', LINE / 2)} DIR ${fill('0', LINE / 2 - 10)}`,
      `     0  DIR  05-12-97  16:44${fill(' ', LINE - 30)}`,
      fill('[RWCEAFMS] '),
      `     0  DIR  05-12-97  16:44  ${fill('n', LINE - 30)}`,
    ];
    for (const line of shapes) expect(readOs2Line(line)).not.toBeUndefined();
    expect(readOs2Line(shapes[shapes.length - 1])).toMatchObject({ type: 'dir' });
  });
});
