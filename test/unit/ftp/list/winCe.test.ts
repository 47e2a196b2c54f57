/**
 * Windows CE FTP servers send DOS-style lines with a 24-hour clock (`MM-DD-YY  HH:MM  <DIR>|size
 * name`), which the DOS/IIS reader reads: every field as the device meant it.
 */
import { describe, expect, it } from 'vitest';
import type { FileEntry } from '../../../../shared/domain';
import { parseListLine } from '../../../../electron/ftp/list';

const FIXTURES: Array<[string, FileEntry]> = [
  ['03-05-24  14:22       <DIR>          Windows', { name: 'Windows', type: 'dir', modifiedMs: Date.UTC(2024, 2, 5, 14, 22) }],
  [
    '01-15-23  09:05                 4096 autorun.inf',
    { name: 'autorun.inf', type: 'file', sizeBytes: 4096, modifiedMs: Date.UTC(2023, 0, 15, 9, 5) },
  ],
  ['01-01-98  13:00       <DIR>          Program Files', { name: 'Program Files', type: 'dir', modifiedMs: Date.UTC(1998, 0, 1, 13, 0) }],
  ['12-31-99  23:59                    0 empty.log', { name: 'empty.log', type: 'file', sizeBytes: 0, modifiedMs: Date.UTC(1999, 11, 31, 23, 59) }],
  [
    '02-29-04  00:00             31457280 leap day.bin',
    { name: 'leap day.bin', type: 'file', sizeBytes: 31457280, modifiedMs: Date.UTC(2004, 1, 29, 0, 0) },
  ],
  [
    '07-04-21  08:15                  873 .settings',
    { name: '.settings', type: 'file', sizeBytes: 873, modifiedMs: Date.UTC(2021, 6, 4, 8, 15), isHidden: true },
  ],
  // Single blanks between the columns, as some devices send them.
  ['03-05-24 14:22 <DIR> Storage Card', { name: 'Storage Card', type: 'dir', modifiedMs: Date.UTC(2024, 2, 5, 14, 22) }],
  ['03-05-24 14:22 17 a  b.txt', { name: 'a  b.txt', type: 'file', sizeBytes: 17, modifiedMs: Date.UTC(2024, 2, 5, 14, 22) }],
  // Blanks beyond the column padding belong to the name.
  ['03-05-24  14:22       <DIR>             three', { name: '   three', type: 'dir', modifiedMs: Date.UTC(2024, 2, 5, 14, 22) }],
  ['03-05-24  14:22                   12  two', { name: ' two', type: 'file', sizeBytes: 12, modifiedMs: Date.UTC(2024, 2, 5, 14, 22) }],
];

describe('Windows CE listings', () => {
  it.each(FIXTURES)('%s', (line, entry) => {
    // DOS listings show minutes, so that is how precisely their times are known.
    expect(parseListLine(line)).toEqual({ kind: 'entry', format: 'dos', entry: { ...entry, timePrecision: 'minute' } });
  });
});
