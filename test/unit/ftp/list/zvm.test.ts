/**
 * z/VM CMS minidisk and SFS lines, in the server's VM list format (owner column, no file mode) and in
 * the CMS FILELIST layout (file mode, no owner): names, folders, sizes only for fixed-length records,
 * the heading skipped and other dialects' lines left alone.
 */
import { describe, expect, it } from 'vitest';
import type { FileEntry } from '../../../../shared/domain';
import { readZvmLine } from '../../../../electron/ftp/list/zvm';
import { fill } from './longLines';
import { foreignTo } from './foreignLines';

const ctx = { nowMs: Date.UTC(2024, 2, 15, 12, 0) };
const t = (y: number, mo: number, d: number, h = 0, mi = 0, s = 0): number => Date.UTC(y, mo - 1, d, h, mi, s);

const FIXTURES: Array<[string, FileEntry]> = [
  // V format: records of varying length, so no size.
  [
    'PROFILE  EXEC     V         71         12          1 2024-03-05 12:00:01 MAINT191',
    { name: 'PROFILE.EXEC', type: 'file', modifiedMs: t(2024, 3, 5, 12, 0, 1), owner: 'MAINT191' },
  ],
  // F format: LRECL x RECORDS bytes; `-` is no owner.
  ['SYSTEM   NETLOG   F         80        250          5 2023-11-20 09:15:42 -', { name: 'SYSTEM.NETLOG', type: 'file', sizeBytes: 20000, modifiedMs: t(2023, 11, 20, 9, 15, 42) }],
  ['PROJECTS          DIR        -          -          - 2024-01-02 08:00:00 PAYROLL', { name: 'PROJECTS', type: 'dir', modifiedMs: t(2024, 1, 2, 8, 0, 0), owner: 'PAYROLL' }],
  ['readme   txt      F         80          2          1 2024-02-29 00:00:00 -', { name: 'readme.txt', type: 'file', sizeBytes: 160, modifiedMs: t(2024, 2, 29) }],
  ['CONFIG   DATA     F        100          3          1 2024-03-05  9:05:00 LABEL1', { name: 'CONFIG.DATA', type: 'file', sizeBytes: 300, modifiedMs: t(2024, 3, 5, 9, 5), owner: 'LABEL1' }],
  // The FILELIST layout: a file mode after the type, US dates with two-digit years, no owner column.
  ['NOTES    SCRIPT   A1 V        132        406          9  3/05/24  12:00:01', { name: 'NOTES.SCRIPT', type: 'file', modifiedMs: t(2024, 3, 5, 12, 0, 1) }],
  ['DATA     TABLE    B2 F         80         10          1 12/31/99  23:59:59', { name: 'DATA.TABLE', type: 'file', sizeBytes: 800, modifiedMs: t(1999, 12, 31, 23, 59, 59) }],
  ['ARCHIVE           A1 DIR        -          -          -  9/20/99  10:31:11', { name: 'ARCHIVE', type: 'dir', modifiedMs: t(1999, 9, 20, 10, 31, 11) }],
  // Years after 1999 in CMS's three-digit field.
  ['OLDLOG   TEXT     A0 V          1          1          1  1/03/102 10:11:12', { name: 'OLDLOG.TEXT', type: 'file', modifiedMs: t(2002, 1, 3, 10, 11, 12) }],
  ['$PAY#@+_ DAT-A    F         10          0          0 2024-03-01 07:00:00 -', { name: '$PAY#@+_.DAT-A', type: 'file', sizeBytes: 0, modifiedMs: t(2024, 3, 1, 7, 0) }],
];

/** One sample line of every other dialect the registry knows or will know. */
const FOREIGN = foreignTo('zvm');

describe('readZvmLine', () => {
  it.each(FIXTURES)('%s', (line, expected) => {
    expect(readZvmLine(line, ctx)).toEqual(expected);
  });

  it('reads the zone-less date in the site zone', () => {
    expect(readZvmLine(FIXTURES[0][0], { timezoneOffsetMinutes: -300 })).toMatchObject({ modifiedMs: t(2024, 3, 5, 17, 0, 1) });
  });

  it('skips the FILELIST heading', () => {
    expect(readZvmLine('Filename FileType  Fm Format Lrecl  Records Blocks Date      Time', ctx)).toBe('skip');
  });

  it.each([
    ['impossible day', 'PROFILE  EXEC     V         71         12          1 2024-02-30 12:00:01 -'],
    ['impossible month', 'PROFILE  EXEC     A1 V       71         12          1 13/05/24  12:00:01'],
    ['impossible hour', 'PROFILE  EXEC     V         71         12          1 2024-03-05 24:00:01 -'],
    ['impossible second', 'PROFILE  EXEC     V         71         12          1 2024-03-05 12:00:60 -'],
    ['a file without a type', 'PROFILE           V         71         12          1 2024-03-05 12:00:01 -'],
    ['a name of nine characters', 'PROFILESX EXEC    V         71         12          1 2024-03-05 12:00:01 -'],
    ['an unknown record format', 'PROFILE  EXEC     U         71         12          1 2024-03-05 12:00:01 -'],
    ['a bad file mode', 'PROFILE  EXEC     A9 V      71         12          1  3/05/24  12:00:01'],
    ['a count that is not a number', 'PROFILE  EXEC     V         7x         12          1 2024-03-05 12:00:01 -'],
    ['a dashed count on a file', 'PROFILE  EXEC     V          -         12          1 2024-03-05 12:00:01 -'],
    ['a folder with a file type', 'PROJECTS DATA     DIR        -          -          - 2024-01-02 08:00:00 -'],
    ['a folder with a bad count', 'PROJECTS          DIR        ?          -          - 2024-01-02 08:00:00 -'],
    ['a column too many', 'PROFILE  EXEC     A1 V         71         12          1 2024-03-05 12:00:01 OWNER EXTRA'],
    ['two trailing columns', 'PROFILE  EXEC     V         71         12          1 2024-03-05 12:00:01 OWNER EXTRA'],
    ['no time', 'PROFILE  EXEC     V         71         12          1 2024-03-05 -'],
    ['a time without seconds', 'PROFILE  EXEC     V         71         12          1 2024-03-05 12:00 -'],
  ])('rejects %s', (_, line) => {
    expect(readZvmLine(line, ctx)).toBeNull();
  });

  it.each(Object.entries(FOREIGN))('leaves a %s line alone', (_, line) => {
    expect(readZvmLine(line, ctx)).toBeNull();
  });

  it('reads 64 KiB hostile lines in linear time', () => {
    const shapes = [
      fill(' '),
      fill('1'),
      fill('2024-03-05 '),
      fill('2024-03-05 12:00:01 '),
      fill(' 3/05/24 '),
      `PROFILE  EXEC     V ${fill(' ')}71 12 1 2024-03-05 12:00:01 -`,
      `PROFILE  EXEC     V 71 12 1 ${fill('2024-03-05 ')}12:00:01`,
      `PROFILE  EXEC     V 71 ${fill('1')} 1 2024-03-05 12:00:01 -`,
      `PROFILE ${fill('A')} V 71 12 1 2024-03-05 12:00:01 -`,
      `PROFILE  EXEC     V 71 12 1 2024-03-05 12:00:01 ${fill('X')}`,
      fill('DIR - '),
      fill('\t1\t'),
    ];
    for (const line of shapes) {
      const outcome = readZvmLine(line, ctx);
      expect(outcome === null || outcome === 'skip' || typeof outcome === 'object').toBe(true);
    }
  });
});
