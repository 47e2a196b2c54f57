/** The queue's Server column and its paths split so the file name is never what gets cut. */
import { describe, expect, it } from 'vitest';
import { serverLabelOf, splitPath } from '../../../renderer/features/queue/queueColumns';
import type { Site } from '../../../shared/domain';

const site = { id: 's1', name: 'Company web' } as Site;

describe('serverLabelOf', () => {
  it.each([
    ['quick:bob@ftp.example.com:21', 'ftp.example.com'],
    ['quick:anonymous@127.0.0.1:2121', '127.0.0.1:2121'],
    ['quick:me@x@host:990', 'host:990'],
    ['s1', 'Company web'],
    ['gone', 'saved site'],
  ])('%s -> %s', (siteId, label) => {
    expect(serverLabelOf(siteId, [site])).toBe(label);
  });
});

describe('splitPath', () => {
  it.each([
    ['/home/ana/projects/report.pdf', { folder: '/home/ana/projects/', name: 'report.pdf' }],
    ['C:\\Users\\ana\\notes.txt', { folder: 'C:\\Users\\ana\\', name: 'notes.txt' }],
    ['plain.txt', { folder: '', name: 'plain.txt' }],
  ])('%s', (path, parts) => {
    expect(splitPath(path)).toEqual(parts);
  });
});
