/** EPLF listing lines (`+facts,\tname`): the facts read, and lines that are not EPLF. */
import { describe, expect, it } from 'vitest';
import { parseEplfLine, readEplfLine } from '../../../../electron/ftp/list';

describe('readEplfLine', () => {
  it.each([
    ['+i1,m1,r,s5,\tf', { name: 'f', type: 'file', sizeBytes: 5, modifiedMs: 1000 }],
    ['+/,\tdir', { name: 'dir', type: 'dir' }],
    ['+m5,\tstrange', { name: 'strange', type: 'other', modifiedMs: 5000 }],
    ['+r,/,s9,\tboth', { name: 'both', type: 'dir' }],
    ['+r,sX,mY,upZZZ,\tbad facts', { name: 'bad facts', type: 'file' }],
  ])('%j', (line, expected) => {
    expect(parseEplfLine(line)).toEqual(expected);
  });

  it.each([
    ['+r,s5, no tab', null],
    ['r,s5,\tno plus', null],
    ['+r,s5,\t', null],
    ['+/,\t.', 'skip'],
    ['+/,\t..', 'skip'],
  ])('%j -> %j', (line, expected) => {
    expect(readEplfLine(line)).toBe(expected);
  });
});
