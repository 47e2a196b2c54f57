/**
 * Connect:Enterprise for UNIX batch lines (`-ARTE-----TCP A MAILBOX batch# bytes Mon DD HH:MM name`):
 * the columns read, the footer skipped, and the lines of every other dialect left alone — above all
 * `ls -l`, which these lines imitate.
 */
import { describe, expect, it } from 'vitest';
import type { FileEntry } from '../../../../shared/domain';
import { readConnectEnterpriseLine } from '../../../../electron/ftp/list/connectEnterprise';
import { readUnixLine } from '../../../../electron/ftp/list/unix';
import { fill } from './longLines';
import { foreignTo } from './foreignLines';

const NOW = Date.UTC(2024, 2, 15, 12, 0);
const ctx = { nowMs: NOW };
const t = (y: number, mo: number, d: number, h = 0, mi = 0): number => Date.UTC(y, mo - 1, d, h, mi);

const FIXTURES: Array<[string, FileEntry]> = [
  [
    '-AR-------TCP A ACMEBOX      20417     8192 Mar 05 12:00 INVOICES',
    { name: 'INVOICES', type: 'file', sizeBytes: 8192, modifiedMs: t(2024, 3, 5, 12, 0), owner: 'ACMEBOX' },
  ],
  [
    '-ARTE-----FTP B ACMEBOX      20418   155230 Feb 29 23:59 PAYROLL.ZIP',
    { name: 'PAYROLL.ZIP', type: 'file', sizeBytes: 155230, modifiedMs: t(2024, 2, 29, 23, 59), owner: 'ACMEBOX' },
  ],
  // A yearless date after "now" belongs to the previous year, as in `ls -l`.
  [
    '-C--E-----FTS A RETAIL01         7        0 Dec 31 08:30 EMPTYBATCH',
    { name: 'EMPTYBATCH', type: 'file', sizeBytes: 0, modifiedMs: t(2023, 12, 31, 8, 30), owner: 'RETAIL01' },
  ],
  [
    '-C------S-TCP B RETAIL01     30001  1048576 Nov  3  2022 ARCHIVE 2022',
    { name: 'ARCHIVE 2022', type: 'file', sizeBytes: 1048576, modifiedMs: t(2022, 11, 3), owner: 'RETAIL01' },
  ],
  // No protocol: the three protocol letters are dashes.
  [
    '-SR--M------- A opsbox          2      412 Jan 09 07:05 AUDIT TRAIL',
    { name: 'AUDIT TRAIL', type: 'file', sizeBytes: 412, modifiedMs: t(2024, 1, 9, 7, 5), owner: 'opsbox' },
  ],
  [
    '-I--------TCP B INBOUND9     41233 73400320 Mar 14 18:45 partial upload',
    { name: 'partial upload', type: 'file', sizeBytes: 73400320, modifiedMs: t(2024, 3, 14, 18, 45), owner: 'INBOUND9' },
  ],
  // Blanks beyond the one after the date belong to the batch ID.
  [
    '-A-R------TCP A ACMEBOX      20420       64 Mar 01  2024  leading blank',
    { name: ' leading blank', type: 'file', sizeBytes: 64, modifiedMs: t(2024, 3, 1), owner: 'ACMEBOX' },
  ],
];

/** One sample line of every other dialect the registry knows or will know. */
const FOREIGN = foreignTo('connect-enterprise');

describe('readConnectEnterpriseLine', () => {
  it.each(FIXTURES)('%s', (line, expected) => {
    expect(readConnectEnterpriseLine(line, ctx)).toEqual(expected);
  });

  it('reads the zone-less date in the site zone', () => {
    const entry = readConnectEnterpriseLine(FIXTURES[0][0], { nowMs: NOW, timezoneOffsetMinutes: 60 });
    expect(entry).toMatchObject({ modifiedMs: t(2024, 3, 5, 11, 0) });
  });

  it.each(['Total Number of batches listed: 2', 'TOTAL NUMBER OF BATCHES LISTED: 14', '  Total number of batches listed:  0  '])(
    'skips the footer %j',
    (line) => {
      expect(readConnectEnterpriseLine(line, ctx)).toBe('skip');
    },
  );

  it.each([
    ['impossible day', '-AR-------TCP A ACMEBOX      20417     8192 Feb 30 12:00 X'],
    ['impossible hour', '-AR-------TCP A ACMEBOX      20417     8192 Mar 05 25:00 X'],
    ['impossible minute', '-AR-------TCP A ACMEBOX      20417     8192 Mar 05 12:60 X'],
    ['unknown month', '-AR-------TCP A ACMEBOX      20417     8192 Mrz 05 12:00 X'],
    ['no name', '-AR-------TCP A ACMEBOX      20417     8192 Mar 05 12:00'],
    ['an empty name', '-AR-------TCP A ACMEBOX      20417     8192 Mar 05 12:00 '],
    ['lower-case flags', '-ar-------tcp A ACMEBOX      20417     8192 Mar 05 12:00 X'],
    ['twelve flag characters', '-AR-------TC A ACMEBOX      20417     8192 Mar 05 12:00 X'],
    ['fourteen flag characters', '-AR-------TCPX A ACMEBOX      20417     8192 Mar 05 12:00 X'],
    ['a two-letter indicator', '-AR-------TCP AB ACMEBOX      20417     8192 Mar 05 12:00 X'],
    ['a numeric indicator', '-AR-------TCP 1 ACMEBOX      20417     8192 Mar 05 12:00 X'],
    ['a size that is not a number', '-AR-------TCP A ACMEBOX      20417     8K Mar 05 12:00 X'],
    ['a missing batch number', '-AR-------TCP A ACMEBOX     8192 Mar 05 12:00 X'],
    ['a footer without a count', 'Total Number of batches listed:'],
  ])('rejects %s', (_, line) => {
    expect(readConnectEnterpriseLine(line, ctx)).toBeNull();
  });

  it.each(Object.entries(FOREIGN))('leaves a %s line alone', (_, line) => {
    expect(readConnectEnterpriseLine(line, ctx)).toBeNull();
  });

  it('and `ls -l` stay apart in both directions', () => {
    for (const [line] of FIXTURES) expect(readUnixLine(line, ctx)).toBeNull();
    // Flags made only of letters that `ls` also uses: still thirteen characters with no blank after the tenth.
    const lookalike = '-S--T-------- A ACMEBOX      20421       10 Mar 05 12:00 X';
    expect(readUnixLine(lookalike, ctx)).toBeNull();
    expect(readConnectEnterpriseLine(lookalike, ctx)).toMatchObject({ name: 'X', sizeBytes: 10 });
  });

  it('reads 64 KiB hostile lines in linear time', () => {
    const shapes = [
      fill(' '),
      fill('1'),
      fill('Mar 05 '),
      fill('Mar 05 12:00 '),
      `-AR-------TCP${fill(' ')}`,
      `-AR-------TCP A ACMEBOX 1 2 ${fill('Mar 05 ')}`,
      `-AR-------TCP A ACMEBOX ${fill('1 ')}`,
      `-AR-------TCP A ACMEBOX 1 ${fill('9')} Mar 05 12:00 X`,
      `-AR-------TCP A ACMEBOX 1 2 Mar 05 12:00 ${fill(' ')}x`,
      `Total number of batches listed: ${fill('1')}`,
      fill('-AR-------TCP '),
      fill('\t1\t'),
    ];
    for (const line of shapes) {
      const outcome = readConnectEnterpriseLine(line, ctx);
      expect(outcome === null || outcome === 'skip' || typeof outcome === 'object').toBe(true);
    }
  });
});
