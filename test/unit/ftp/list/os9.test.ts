/**
 * Microware OS-9 `dir -e` lines (`owner YY/MM/DD HHMM attributes sector bytecount name`): folders from
 * the attributes, sizes in decimal bytes, the headings and `.`/`..` skipped, other dialects' lines left alone.
 */
import { describe, expect, it } from 'vitest';
import type { FileEntry } from '../../../../shared/domain';
import { readOs9Line } from '../../../../electron/ftp/list/os9';
import { fill } from './longLines';
import { foreignTo } from './foreignLines';

const ctx = { nowMs: Date.UTC(2024, 2, 15, 12, 0) };
const t = (y: number, mo: number, d: number, h = 0, mi = 0): number => Date.UTC(y, mo - 1, d, h, mi);

const FIXTURES: Array<[string, FileEntry]> = [
  // A folder's byte count is its entry table, not content.
  ['  0.0     24/03/05 1200  d-ewrewr      2A0       128 CMDS', { name: 'CMDS', type: 'dir', modifiedMs: t(2024, 3, 5, 12, 0), permissions: '-ewrewr', owner: '0.0' }],
  [' 12.4     23/11/20 0915  ----r-wr     1B40      5120 startup', { name: 'startup', type: 'file', sizeBytes: 5120, modifiedMs: t(2023, 11, 20, 9, 15), permissions: '---r-wr', owner: '12.4' }],
  ['  0.0     99/12/31 2359  -s----wr       4F     65535 sysgo', { name: 'sysgo', type: 'file', sizeBytes: 65535, modifiedMs: t(1999, 12, 31, 23, 59), permissions: 's----wr', owner: '0.0' }],
  // Some tools print four-digit years; the sector is hexadecimal and says nothing about size.
  ['  5.17    2024/02/29 0001  -----ewr    3A4F2   1048576 Makefile', { name: 'Makefile', type: 'file', sizeBytes: 1048576, modifiedMs: t(2024, 2, 29, 0, 1), permissions: '----ewr', owner: '5.17' }],
  ['  0.0     24/03/14 1845  ------wr       58       322 .login', { name: '.login', type: 'file', sizeBytes: 322, modifiedMs: t(2024, 3, 14, 18, 45), permissions: '-----wr', owner: '0.0', isHidden: true }],
  ['100.200   70/01/01 0000  d-------      FFF        64 SYS', { name: 'SYS', type: 'dir', modifiedMs: t(1970, 1, 1), permissions: '-------', owner: '100.200' }],
  ['  1.1     00/01/01 0000  -sewrewr        a         0 empty.dat', { name: 'empty.dat', type: 'file', sizeBytes: 0, modifiedMs: t(2000, 1, 1), permissions: 'sewrewr', owner: '1.1' }],
];

/** One sample line of every other dialect the registry knows or will know. */
const FOREIGN = foreignTo('os9');

describe('readOs9Line', () => {
  it.each(FIXTURES)('%s', (line, expected) => {
    expect(readOs9Line(line, ctx)).toEqual(expected);
  });

  it('reads the zone-less date in the site zone', () => {
    expect(readOs9Line(FIXTURES[0][0], { timezoneOffsetMinutes: 60 })).toMatchObject({ modifiedMs: t(2024, 3, 5, 11, 0) });
  });

  it.each([
    '                           Directory of . 11:44:44',
    '                           Directory of /h0/USR',
    ' Owner    Last modified  Attributes Sector Bytecount Name',
    '-------   -------------  ---------- ------ --------- ----',
    '  0.0     24/03/05 1200  d-ewrewr      2A0       128 .',
    '  0.0     24/03/05 1200  d-ewrewr      1C0       192 ..',
  ])('skips %j', (line) => {
    expect(readOs9Line(line, ctx)).toBe('skip');
  });

  it.each([
    ['impossible day', '  0.0     24/02/30 1200  ----r-wr     1B40      5120 startup'],
    ['impossible month', '  0.0     24/13/05 1200  ----r-wr     1B40      5120 startup'],
    ['impossible hour', '  0.0     24/03/05 2400  ----r-wr     1B40      5120 startup'],
    ['impossible minute', '  0.0     24/03/05 1260  ----r-wr     1B40      5120 startup'],
    ['a day-first date', '  0.0     05.03.24 1200  ----r-wr     1B40      5120 startup'],
    ['seven attributes', '  0.0     24/03/05 1200  ---r-wr     1B40      5120 startup'],
    ['an attribute out of place', '  0.0     24/03/05 1200  w---r-wr     1B40      5120 startup'],
    ['an unknown attribute', '  0.0     24/03/05 1200  x---r-wr     1B40      5120 startup'],
    ['a sector that is not hexadecimal', '  0.0     24/03/05 1200  ----r-wr     1G40      5120 startup'],
    ['a hexadecimal byte count', '  0.0     24/03/05 1200  ----r-wr     1B40      14A0 startup'],
    ['an owner without a user', '  0       24/03/05 1200  ----r-wr     1B40      5120 startup'],
    ['no name', '  0.0     24/03/05 1200  ----r-wr     1B40      5120   '],
    ['a directory line with a stray word', '                           Directory of /h0 USR now'],
  ])('rejects %s', (_, line) => {
    expect(readOs9Line(line, ctx)).toBeNull();
  });

  it.each(Object.entries(FOREIGN))('leaves a %s line alone', (_, line) => {
    expect(readOs9Line(line, ctx)).toBeNull();
  });

  it('reads 64 KiB hostile lines in linear time', () => {
    const shapes = [
      fill(' '),
      fill('1'),
      fill('24/03/05 '),
      fill('24/03/05 1200 '),
      fill('0.0 24/03/05 1200 '),
      `0.0 24/03/05 1200 d-ewrewr 2A0 128${fill(' ')}`,
      `0.0 24/03/05 1200 d-ewrewr 2A0 ${fill('1')} x`,
      `0.0 ${fill('24/03/05 ')}`,
      `Directory of ${fill(' ')}11:44:44`,
      `Directory of ${fill('. ')}`,
      fill('------- '),
      fill('\t1\t'),
    ];
    for (const line of shapes) {
      const outcome = readOs9Line(line, ctx);
      expect(outcome === null || outcome === 'skip' || typeof outcome === 'object').toBe(true);
    }
  });
});
