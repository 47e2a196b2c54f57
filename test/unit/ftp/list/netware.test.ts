/** NetWare lines (`d [RWCEAFMS] owner  size Mon DD HH:MM|YYYY name`): rights, years, what is skipped and what is not NetWare. */
import { describe, expect, it } from 'vitest';
import type { FileEntry } from '../../../../shared/domain';
import { readDosLine, readEplfLine, readMlsdLine, readUnixLine } from '../../../../electron/ftp/list';
import { readNetwareLine } from '../../../../electron/ftp/list/netware';
import { foreignTo } from './foreignLines';

/** "Now" for yearless dates: 15 June 2024, noon UTC. */
const NOW = Date.UTC(2024, 5, 15, 12, 0);
const ctx = { nowMs: NOW };

/** Lines of the other dialects the registry knows or is gaining; none of them is NetWare. */
const FOREIGN = foreignTo('netware');

const FIXTURES: Array<[string, FileEntry]> = [
  [
    'd [RWCEAFMS] Admin                512 Mar 05 12:00 PUBLIC',
    { name: 'PUBLIC', type: 'dir', permissions: '[RWCEAFMS]', owner: 'Admin', modifiedMs: Date.UTC(2024, 2, 5, 12, 0) },
  ],
  [
    '- [RWCEAFMS] jdoe              2048 Jan 15  2023 notes.txt',
    { name: 'notes.txt', type: 'file', permissions: '[RWCEAFMS]', owner: 'jdoe', sizeBytes: 2048, modifiedMs: Date.UTC(2023, 0, 15) },
  ],
  [
    'd [R----F--] operator              512       Feb 20 07:15    SYSTEM',
    { name: 'SYSTEM', type: 'dir', permissions: '[R----F--]', owner: 'operator', modifiedMs: Date.UTC(2024, 1, 20, 7, 15) },
  ],
  [
    // December lies ahead of a June "now", so the yearless date is last December.
    '- [R----F--] mlee             731004       Dec 24 22:10    setup.exe',
    { name: 'setup.exe', type: 'file', permissions: '[R----F--]', owner: 'mlee', sizeBytes: 731004, modifiedMs: Date.UTC(2023, 11, 24, 22, 10) },
  ],
  [
    '- [RWCEAFMS]          0                       1576 Feb 08  2000 READ.ME',
    { name: 'READ.ME', type: 'file', permissions: '[RWCEAFMS]', owner: '0', sizeBytes: 1576, modifiedMs: Date.UTC(2000, 1, 8) },
  ],
  [
    // Less than a day ahead of "now": a server zone east of UTC, still this year.
    '- [RW-E-F--] pat                 12 Jun 16 09:30 tomorrow.txt',
    { name: 'tomorrow.txt', type: 'file', permissions: '[RW-E-F--]', owner: 'pat', sizeBytes: 12, modifiedMs: Date.UTC(2024, 5, 16, 9, 30) },
  ],
  [
    '- [RWCEAFMS] ann                 99 Feb 29 10:00 leap.txt',
    { name: 'leap.txt', type: 'file', permissions: '[RWCEAFMS]', owner: 'ann', sizeBytes: 99, modifiedMs: Date.UTC(2024, 1, 29, 10, 0) },
  ],
  [
    '- [RWCEAFMS] bob                 10 Mar 05 12:00 my file with  spaces.txt',
    {
      name: 'my file with  spaces.txt',
      type: 'file',
      permissions: '[RWCEAFMS]',
      owner: 'bob',
      sizeBytes: 10,
      modifiedMs: Date.UTC(2024, 2, 5, 12, 0),
    },
  ],
  [
    '- [RWCEAFMS] bob                 10 Mar  5  1999 .login',
    { name: '.login', type: 'file', permissions: '[RWCEAFMS]', owner: 'bob', sizeBytes: 10, modifiedMs: Date.UTC(1999, 2, 5), isHidden: true },
  ],
  [
    'd [--------] guest              512 Apr 01 08:00 LOCKED',
    { name: 'LOCKED', type: 'dir', permissions: '[--------]', owner: 'guest', modifiedMs: Date.UTC(2024, 3, 1, 8, 0) },
  ],
];

describe('readNetwareLine', () => {
  it.each(FIXTURES)('%j', (line, expected) => {
    expect(readNetwareLine(line, ctx)).toEqual(expected);
  });

  it('applies the site zone offset to yearless and dated lines alike', () => {
    const zoned = { nowMs: NOW, timezoneOffsetMinutes: 60 };
    const recent = readNetwareLine('d [RWCEAFMS] Admin                512 Mar 05 12:00 PUBLIC', zoned);
    const dated = readNetwareLine('- [RWCEAFMS] jdoe              2048 Jan 15  2023 notes.txt', zoned);
    expect(recent).toMatchObject({ modifiedMs: Date.UTC(2024, 2, 5, 11, 0) });
    expect(dated).toMatchObject({ modifiedMs: Date.UTC(2023, 0, 14, 23, 0) });
  });

  it.each([
    ['d [RWCEAFMS] Admin                512 Mar 05 12:00 .', 'skip'],
    ['d [RWCEAFMS] Admin                512 Mar 05 12:00 ..', 'skip'],
  ])('%j -> %j', (line, expected) => {
    expect(readNetwareLine(line, ctx)).toBe(expected);
  });

  it.each([
    ['unknown month', '- [RWCEAFMS] x 1 Foo 05 12:00 a'],
    ['day 36', '- [RWCEAFMS] x 1 Mar 36 12:00 a'],
    ['Feb 30', '- [RWCEAFMS] x 1 Feb 30  2020 a'],
    ['hour 25', '- [RWCEAFMS] x 1 Mar 05 25:00 a'],
    ['minute 60', '- [RWCEAFMS] x 1 Mar 05 12:60 a'],
    ['two-digit year', '- [RWCEAFMS] x 1 Mar 05 99 a'],
    ['no name', '- [RWCEAFMS] x 1 Mar 05 12:00'],
    ['blank name', '- [RWCEAFMS] x 1 Mar 05 12:00    '],
    ['size not a number', '- [RWCEAFMS] x 1k Mar 05 12:00 a'],
    ['other type character', 'l [RWCEAFMS] x 1 Mar 05 12:00 a'],
    ['upper-case type', 'D [RWCEAFMS] x 1 Mar 05 12:00 a'],
    ['unknown right', '- [RWCEAFXS] x 1 Mar 05 12:00 a'],
    ['seven rights', '- [RWCEAFM] x 1 Mar 05 12:00 a'],
    ['nine rights', '- [RWCEAFMS-] x 1 Mar 05 12:00 a'],
    ['no blank before the bracket', '-[RWCEAFMS] x 1 Mar 05 12:00 a'],
    ['no blank after the bracket', '- [RWCEAFMS]x 1 Mar 05 12:00 a'],
    ['nothing after the rights', '- [RWCEAFMS]'],
    ['no owner', 'd [RWCEAFMS]                512 Mar 05 12:00 PUBLIC'],
    ['empty', ''],
  ])('%s is not a NetWare line', (_label, line) => {
    expect(readNetwareLine(line, ctx)).toBeNull();
  });

  it.each(Object.entries(FOREIGN))('leaves a %s line to its reader', (_label, line) => {
    expect(readNetwareLine(line, ctx)).toBeNull();
  });

  it('is not claimed by the readers already registered', () => {
    for (const [line] of FIXTURES) {
      expect([readUnixLine(line, ctx), readDosLine(line), readMlsdLine(line), readEplfLine(line)]).toEqual([null, null, null, null]);
    }
  });

  it('reads hostile 64 KiB lines in linear time', () => {
    const LINE = 64 * 1024;
    const fill = (unit: string, length = LINE): string => unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
    const shapes = [
      fill(' '),
      fill('1'),
      fill('\t1\t'),
      fill('[RWCEAFMS] '),
      `- ${fill('[RWCEAFMS] ')}`,
      `d [RWCEAFMS] ${fill('[RWCEAFMS] ', LINE - 20)}`,
      `d [RWCEAFMS] ${fill(' ', LINE - 40)}Admin 512 Mar 05 12:00 x`,
      `- [RWCEAFMS] x ${fill('1', LINE - 40)} Mar 05 12:00 x`,
      `- [RWCEAFMS] x 1 ${fill('Mar 05 ', LINE - 20)}`,
      `- [RWCEAFMS] x 1 Mar 05 12:00${fill(' ', LINE - 40)}`,
      fill('Mar 05 12:00 '),
      `- [RWCEAFMS] x 1 Mar 05 12:00 ${fill('n', LINE - 40)}`,
    ];
    for (const line of shapes) expect(readNetwareLine(line, ctx)).not.toBeUndefined();
    expect(readNetwareLine(shapes[shapes.length - 1], ctx)).toMatchObject({ type: 'file' });
  });
});
