/** IBM i (AS/400) lines (`owner  size  date  time  type  name`): object types, job date formats, blank columns and what is not IBM i. */
import { describe, expect, it } from 'vitest';
import type { FileEntry } from '../../../../shared/domain';
import { readDosLine, readEplfLine, readMlsdLine, readUnixLine } from '../../../../electron/ftp/list';
import { readOs400Line } from '../../../../electron/ftp/list/os400';
import { foreignTo } from './foreignLines';

const NOW = Date.UTC(2024, 5, 15, 12, 0);

/** Lines of the other dialects the registry knows or is gaining; none of them is IBM i. */
const FOREIGN = foreignTo('os400');

const FIXTURES: Array<[string, FileEntry]> = [
  [
    'QSYS           77824 02/23/00 15:09:55 *DIR       QOpenSys/',
    { name: 'QOpenSys', type: 'dir', owner: 'QSYS', modifiedMs: Date.UTC(2000, 1, 23, 15, 9, 55) },
  ],
  [
    'QDOC          24576 09/20/99 13:36:43 *FLR       QDLS/',
    { name: 'QDLS', type: 'dir', owner: 'QDOC', modifiedMs: Date.UTC(1999, 8, 20, 13, 36, 43) },
  ],
  ['QSYS                                    *MEM       MYLIB.FILE/MBR.MBR', { name: 'MYLIB.FILE/MBR.MBR', type: 'file', owner: 'QSYS' }],
  [
    'USER01        2048 2024-03-05 12:00:00 *STMF      data.txt',
    { name: 'data.txt', type: 'file', owner: 'USER01', sizeBytes: 2048, modifiedMs: Date.UTC(2024, 2, 5, 12, 0, 0) },
  ],
  [
    'PAYROLL    5263360 14.06.23 07:45:10 *FILE      SAVED',
    { name: 'SAVED', type: 'file', owner: 'PAYROLL', sizeBytes: 5263360, modifiedMs: Date.UTC(2023, 5, 14, 7, 45, 10) },
  ],
  [
    'QSYS          12288 11/30/39 23:59:59 *LIB       ARCHIVE.LIB',
    { name: 'ARCHIVE.LIB', type: 'dir', owner: 'QSYS', modifiedMs: Date.UTC(2039, 10, 30, 23, 59, 59) },
  ],
  [
    'QSYS          12288 01/01/40 00:00:00 *FILE      ORDERS.FILE/',
    { name: 'ORDERS.FILE', type: 'dir', owner: 'QSYS', modifiedMs: Date.UTC(1940, 0, 1, 0, 0, 0) },
  ],
  [
    '                4096 03/05/24 08:30:00 *STMF      notes from  meeting.txt',
    { name: 'notes from  meeting.txt', type: 'file', sizeBytes: 4096, modifiedMs: Date.UTC(2024, 2, 5, 8, 30, 0) },
  ],
  [
    'WEBUSR         1024 2024-01-15 10:20:30 *SYMLNK    latest',
    { name: 'latest', type: 'link', owner: 'WEBUSR', sizeBytes: 1024, modifiedMs: Date.UTC(2024, 0, 15, 10, 20, 30) },
  ],
  [
    'QPGMR          8192 2024-01-15 10:20:30 *PGM       MYPGM.PGM',
    { name: 'MYPGM.PGM', type: 'other', owner: 'QPGMR', sizeBytes: 8192, modifiedMs: Date.UTC(2024, 0, 15, 10, 20, 30) },
  ],
  [
    'QDOC           4096 07.08.22 16.05.00 *DOC       REPORT.DOC',
    { name: 'REPORT.DOC', type: 'file', owner: 'QDOC', sizeBytes: 4096, modifiedMs: Date.UTC(2022, 7, 7, 16, 5, 0) },
  ],
  [
    'ALICE          1000 05/06/24 07:08:09 *STMF      .profile',
    { name: '.profile', type: 'file', owner: 'ALICE', sizeBytes: 1000, modifiedMs: Date.UTC(2024, 4, 6, 7, 8, 9), isHidden: true },
  ],
  [
    'QSYS          40960 06/01/24 09:00:00 *USRSPC    INDEX.USRSPC',
    { name: 'INDEX.USRSPC', type: 'file', owner: 'QSYS', sizeBytes: 40960, modifiedMs: Date.UTC(2024, 5, 1, 9, 0, 0) },
  ],
  [
    'QSYS              0 06/01/24 09:00:00 *DDIR      QFileSvr.400/',
    { name: 'QFileSvr.400', type: 'dir', owner: 'QSYS', modifiedMs: Date.UTC(2024, 5, 1, 9, 0, 0) },
  ],
];

describe('readOs400Line', () => {
  it.each(FIXTURES)('%j', (line, expected) => {
    expect(readOs400Line(line)).toEqual(expected);
  });

  it('applies the site zone offset to the zone-less time', () => {
    const entry = readOs400Line('USER01        2048 2024-03-05 12:00:00 *STMF      data.txt', { timezoneOffsetMinutes: -300 });
    expect(entry).toMatchObject({ modifiedMs: Date.UTC(2024, 2, 5, 17, 0, 0) });
  });

  it.each([
    ['QSYS          77824 02/23/00 15:09:55 *DIR       .', 'skip'],
    ['QSYS          77824 02/23/00 15:09:55 *DIR       ../', 'skip'],
  ])('%j -> %j', (line, expected) => {
    expect(readOs400Line(line)).toBe(expected);
  });

  it.each([
    ['month 13', 'QSYS           1024 13/01/24 12:00:00 *STMF      a'],
    ['day 36', 'QSYS           1024 01/36/24 12:00:00 *STMF      a'],
    ['Feb 30 (DMY)', 'QSYS           1024 30.02.24 12:00:00 *STMF      a'],
    ['hour 25', 'QSYS           1024 01/01/24 25:00:00 *STMF      a'],
    ['second 60', 'QSYS           1024 01/01/24 12:00:60 *STMF      a'],
    ['date without a time', 'QSYS           1024 01/01/24 *STMF      a'],
    ['mixed time separators', 'QSYS           1024 01/01/24 12:00.00 *STMF      a'],
    ['no type', 'QSYS           1024 01/01/24 12:00:00 STMF      a'],
    ['lower-case type', 'QSYS           1024 01/01/24 12:00:00 *stmf      a'],
    ['no name', 'QSYS           1024 01/01/24 12:00:00 *STMF'],
    ['blank name', 'QSYS           1024 01/01/24 12:00:00 *STMF      '],
    ['only a slash', 'QSYS           1024 01/01/24 12:00:00 *DIR       /'],
    ['owner of eleven characters', 'ABCDEFGHIJK    1024 01/01/24 12:00:00 *STMF      a'],
    ['size before owner', '1024 QSYS 01/01/24 12:00:00 *STMF a'],
    ['dashed two-digit date', 'QSYS           1024 01-01-24 12:00:00 *STMF      a'],
    ['empty', ''],
    ['blank', '   '],
  ])('%s is not an IBM i line', (_label, line) => {
    expect(readOs400Line(line)).toBeNull();
  });

  it.each(Object.entries(FOREIGN))('leaves a %s line to its reader', (_label, line) => {
    expect(readOs400Line(line, { nowMs: NOW })).toBeNull();
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
      fill('*DIR '),
      fill('QSYS '),
      fill('02/23/00 15:09:55 '),
      `QSYS ${fill(' ', LINE - 20)}*STMF`,
      `QSYS ${fill('1', LINE / 2)} ${fill(' ', LINE / 2 - 20)}*STMF`,
      `QSYS 1 ${fill('2', LINE - 20)}/00 15:09:55 *STMF a`,
      `QSYS 1 02/23/00 15:09:55 *STMF${fill(' ', LINE - 40)}`,
      fill('[RWCEAFMS] '),
      `QSYS 1 02/23/00 15:09:55 *STMF ${fill('n', LINE - 40)}/`,
    ];
    for (const line of shapes) expect(readOs400Line(line)).not.toBeUndefined();
    expect(readOs400Line(shapes[shapes.length - 1])).toMatchObject({ type: 'dir' });
  });
});
