/**
 * HP NonStop (Tandem) Guardian lines (`NAME code eof D-Mon-YY HH:MM:SS group,user "RWEP"`): the
 * columns read, the heading skipped and other dialects' lines left alone.
 */
import { describe, expect, it } from 'vitest';
import type { FileEntry } from '../../../../shared/domain';
import { readTandemLine } from '../../../../electron/ftp/list/tandem';
import { fill } from './longLines';
import { foreignTo } from './foreignLines';

const ctx = { nowMs: Date.UTC(2024, 2, 15, 12, 0) };
const t = (y: number, mo: number, d: number, h = 0, mi = 0, s = 0): number => Date.UTC(y, mo - 1, d, h, mi, s);

const FIXTURES: Array<[string, FileEntry]> = [
  [
    'ALTERN          0             1024  5-Mar-24 12:00:01 255,255 "oooo"',
    { name: 'ALTERN', type: 'file', sizeBytes: 1024, modifiedMs: t(2024, 3, 5, 12, 0, 1), owner: '255,255', permissions: 'oooo' },
  ],
  // Code 101 is an EDIT file: still a plain file.
  [
    'BACCHUS       101            13578 25-Jan-23 09:15:42 100,1   "nunu"',
    { name: 'BACCHUS', type: 'file', sizeBytes: 13578, modifiedMs: t(2023, 1, 25, 9, 15, 42), owner: '100,1', permissions: 'nunu' },
  ],
  // The user number padded after the comma splits the owner in two.
  [
    'PAYROLL      1000           204800 29-Feb-24 23:59:59 155, 76 "gggo"',
    { name: 'PAYROLL', type: 'file', sizeBytes: 204800, modifiedMs: t(2024, 2, 29, 23, 59, 59), owner: '155,76', permissions: 'gggo' },
  ],
  [
    'OBJ1          100            65536 31-Dec-99 00:00:00   8,1   "AOAO"',
    { name: 'OBJ1', type: 'file', sizeBytes: 65536, modifiedMs: t(1999, 12, 31), owner: '8,1', permissions: 'AOAO' },
  ],
  [
    'EMPTY           0                0  1-Jan-00 00:00:00 255,255 "----"',
    { name: 'EMPTY', type: 'file', sizeBytes: 0, modifiedMs: t(2000, 1, 1), owner: '255,255', permissions: '----' },
  ],
  [
    'z9          1600          9999999 14-MAR-24 18:45:00  20,  3 "ncnc"',
    { name: 'z9', type: 'file', sizeBytes: 9999999, modifiedMs: t(2024, 3, 14, 18, 45), owner: '20,3', permissions: 'ncnc' },
  ],
];

/** One sample line of every other dialect the registry knows or will know. */
const FOREIGN = foreignTo('tandem');

describe('readTandemLine', () => {
  it.each(FIXTURES)('%s', (line, expected) => {
    expect(readTandemLine(line, ctx)).toEqual(expected);
  });

  it('reads the zone-less date in the site zone', () => {
    expect(readTandemLine(FIXTURES[0][0], { timezoneOffsetMinutes: 120 })).toMatchObject({ modifiedMs: t(2024, 3, 5, 10, 0, 1) });
  });

  it('skips the heading', () => {
    expect(readTandemLine('File         Code             EOF  Last Modification    Owner  RWEP', ctx)).toBe('skip');
  });

  it.each([
    ['impossible day', 'ALTERN          0             1024 30-Feb-24 12:00:01 255,255 "oooo"'],
    ['impossible minute', 'ALTERN          0             1024  5-Mar-24 12:61:01 255,255 "oooo"'],
    ['impossible second', 'ALTERN          0             1024  5-Mar-24 12:00:60 255,255 "oooo"'],
    ['unknown month', 'ALTERN          0             1024  5-Mrz-24 12:00:01 255,255 "oooo"'],
    ['a name starting with a digit', '9LIVES          0             1024  5-Mar-24 12:00:01 255,255 "oooo"'],
    ['a name of nine characters', 'ALTERNATE       0             1024  5-Mar-24 12:00:01 255,255 "oooo"'],
    ['a name with an extension', 'ALT.TXT         0             1024  5-Mar-24 12:00:01 255,255 "oooo"'],
    ['a code that is not a number', 'ALTERN        EDIT            1024  5-Mar-24 12:00:01 255,255 "oooo"'],
    ['an EOF that is not a number', 'ALTERN          0             1K  5-Mar-24 12:00:01 255,255 "oooo"'],
    ['an owner name', 'ALTERN          0             1024  5-Mar-24 12:00:01 SUPER.SUPER "oooo"'],
    ['three letters of security', 'ALTERN          0             1024  5-Mar-24 12:00:01 255,255 "ooo"'],
    ['an unknown security letter', 'ALTERN          0             1024  5-Mar-24 12:00:01 255,255 "xooo"'],
    ['half a quote', 'ALTERN          0             1024  5-Mar-24 12:00:01 255,255 "oooo'],
    ['no quotes', 'ALTERN          0             1024  5-Mar-24 12:00:01 255,255 oooo'],
    ['a four-digit year', 'ALTERN          0             1024  5-Mar-2024 12:00:01 255,255 "oooo"'],
    ['no security string', 'ALTERN          0             1024  5-Mar-24 12:00:01 255,255'],
    ['a column after the security string', 'ALTERN          0             1024  5-Mar-24 12:00:01 255,255 "oooo" X'],
    ['no time', 'ALTERN          0             1024  5-Mar-24 255,255 "oooo"'],
  ])('rejects %s', (_, line) => {
    expect(readTandemLine(line, ctx)).toBeNull();
  });

  it.each(Object.entries(FOREIGN))('leaves a %s line alone', (_, line) => {
    expect(readTandemLine(line, ctx)).toBeNull();
  });

  it('reads 64 KiB hostile lines in linear time', () => {
    const shapes = [
      fill(' '),
      fill('1'),
      fill('5-Mar-24 '),
      fill('5-Mar-24 12:00:01 '),
      fill('255,255 '),
      `ALTERN${fill(' ')}`,
      `ALTERN 0 1024 ${fill('5-Mar-24 ')}`,
      `ALTERN 0 ${fill('1')} 5-Mar-24 12:00:01 255,255 "oooo"`,
      `ALTERN 0 1024 5-Mar-24 12:00:01 255,${fill(' ')}255 "oooo"`,
      `ALTERN 0 1024 5-Mar-24 12:00:01 255,255 "${fill('o')}"`,
      fill('"oooo" '),
      fill('\t1\t'),
    ];
    for (const line of shapes) {
      const outcome = readTandemLine(line, ctx);
      expect(outcome === null || outcome === 'skip' || typeof outcome === 'object').toBe(true);
    }
  });
});
