/**
 * Listing lines come from the server, so every reader must take time linear in a line's length:
 * one long line of the wrong shape must not stall the process. Each shape here is 64 KiB (the
 * longest line the parser passes on); a reader that backtracks over runs of blanks or digits takes
 * minutes on them and the test times out.
 */
import { describe, expect, it } from 'vitest';
import { ListParser, parseListLine, readDosLine, readEplfLine, readMlsdLine, readUnixLine } from '../../../../electron/ftp/list';
import { fill, LONG_LINE as LINE } from './longLines';

const blanks = fill(' ');

/** Shapes that make backtracking patterns explode: long runs around the fields each format expects. */
const SHAPES: Record<string, string> = {
  'blanks only': blanks,
  'digits only': fill('1'),
  'DOS date, blanks, digits, blanks, a line separator': `01-01-24 01:00${fill(' ', LINE / 3)}${fill('1', LINE / 3)}${fill(' ', LINE / 3 - 20)}x\u2028`,
  'DOS date and time, blanks without a size': `01-01-24  01:00${blanks.slice(30)}AM x\u2029`,
  'DOS date repeated': fill('01-01-24 '),
  'DOS size of commas': `01-01-24  01:00PM ${fill('1,', LINE - 40)}\u2028`,
  'Unix mode, blanks between every column': `-rw-r--r--${fill(' 1 ', LINE - 20)}`,
  'Unix date repeated': `-rw-r--r-- 1 a b 1 ${fill('Jan 1 ', LINE - 30)}`,
  'EPLF facts': `+${fill('i1,')}`,
  'MLSD facts': `${fill('type=file;')} x`,
  'MLSD equals': fill('a='),
  tabs: fill('\t1\t'),
};

describe('listing readers on hostile 64 KiB lines', () => {
  for (const [shape, line] of Object.entries(SHAPES)) {
    it(`read "${shape}" in linear time`, () => {
      for (const read of [readDosLine, readUnixLine, readEplfLine, readMlsdLine] as Array<(l: string) => unknown>) read(line);
      expect(parseListLine(line).kind).toBeDefined();
    });
  }

  it('passes no line longer than the cap to a reader, whether it came whole in one chunk or in pieces', () => {
    const long = `-rw-r--r-- 1 a b 1 Jan 1 2024 ${'n'.repeat(200)}`;
    const parser = new ListParser({ maxLineLength: 100 });
    const whole = parser.push(`${long}\r\n-rw-r--r-- 1 a b 1 Jan 1 2024 ok\r\n`);
    expect(whole.entries.map((e) => e.name)).toEqual(['ok']);
    expect(whole.unparsed).toHaveLength(1);
    const pieces = parser.push(long.slice(0, 150));
    expect(pieces.unparsed).toHaveLength(1);
    expect(parser.push(`${long.slice(150)}\r\n`).entries).toEqual([]);
  });
});
