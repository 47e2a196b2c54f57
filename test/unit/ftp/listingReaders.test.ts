/** Lines of a listing that no reader can read are counted and told once, when the listing ends, never dropped silently. */
import { describe, expect, it } from 'vitest';
import type { CharsetHost } from '../../../electron/ftp/charset';
import { ListParser } from '../../../electron/ftp/list';
import { listingReader } from '../../../electron/ftp/listingReaders';

const utf8Host: CharsetHost = { charset: 'utf8', isFixed: true, useLatin1: () => undefined, confirmUtf8: () => undefined };

describe('listingReader', () => {
  it('reads the entries and logs one line with the count of unreadable lines and the first of them', () => {
    const log: string[] = [];
    const read = listingReader(new ListParser({ nowMs: Date.UTC(2024, 5, 1) }), utf8Host, (m) => log.push(m));
    const entries = [
      ...read(Buffer.from('-rw-r--r-- 1 ftp ftp 10 Mar  5 12:00 a.txt\r\n@@ what is this @@\r\n')),
      ...read(Buffer.from('drwxr-xr-x 2 ftp ftp 4096 Jan  1  2024 dir\r\n%% nor this\r\n?? nor this\r\n')),
      ...read(undefined),
    ];
    expect(entries.map((e) => e.name)).toEqual(['a.txt', 'dir']);
    expect(log).toEqual(['3 lines of this listing could not be read; the first: "@@ what is this @@"']);
  });

  it('says nothing when every line was read, and shortens a long first line', () => {
    const quiet: string[] = [];
    const read = listingReader(new ListParser(), utf8Host, (m) => quiet.push(m));
    read(Buffer.from('type=file;size=1; a\r\n'));
    read(undefined);
    expect(quiet).toEqual([]);
    const noisy: string[] = [];
    const again = listingReader(new ListParser(), utf8Host, (m) => noisy.push(m));
    again(Buffer.from(`${'x'.repeat(300)}\r\n`));
    again(undefined);
    expect(noisy).toEqual([`1 line of this listing could not be read; the first: "${'x'.repeat(120)}…"`]);
  });
});
