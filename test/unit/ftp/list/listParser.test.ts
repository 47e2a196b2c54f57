import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { FileEntry } from '../../../../shared/domain';
import { ListParser, parseListChunks, parseListing, parseListLine, type ListBatch } from '../../../../electron/ftp/list';

const NOW = Date.UTC(2026, 10, 21, 20, 12);
const listing = readFileSync(new URL('../../../fixtures/listings/pyftpdlib-1.5.7-list.txt', import.meta.url), 'utf8');
const mlsd = readFileSync(new URL('../../../fixtures/listings/proftpd-1.3.8-mlsd.txt', import.meta.url), 'utf8');

/** Feeds chunks to a fresh parser and gathers everything it returns. */
function feed(chunks: readonly string[], options = { nowMs: NOW }): ListBatch & { parser: ListParser } {
  const parser = new ListParser(options);
  const all: ListBatch = { entries: [], unparsed: [] };
  for (const chunk of [...chunks.map((c) => parser.push(c)), parser.end()]) {
    all.entries.push(...chunk.entries);
    all.unparsed.push(...chunk.unparsed);
  }
  return { ...all, parser };
}

describe('parseListLine', () => {
  it('detects each format', () => {
    expect(parseListLine('-rw-r--r-- 1 a b 1 Jan 31  2020 x')).toMatchObject({ kind: 'entry', format: 'unix' });
    expect(parseListLine('type=file;size=1; x')).toMatchObject({ kind: 'entry', format: 'mlsd' });
    expect(parseListLine('01-31-24  02:15PM                  1 x')).toMatchObject({ kind: 'entry', format: 'dos' });
    expect(parseListLine('+r,s1,\tx')).toMatchObject({ kind: 'entry', format: 'eplf' });
  });

  it('produces no entry without a name, and no size that is not an exact number', () => {
    expect(parseListLine('lrwxrwxrwx 1 a b 1 Jan 31  2020  -> target', { format: 'unix' })).not.toMatchObject({ entry: { name: '' } });
    const big = parseListLine('-rw-r--r-- 1 a b 99999999999999999999 Jan 31  2020 big');
    expect(big).toMatchObject({ kind: 'entry', entry: { name: 'big' } });
    expect(big.kind === 'entry' && 'sizeBytes' in big.entry).toBe(false);
    expect(parseListLine('type=file;size=9007199254740993; x')).toMatchObject({ kind: 'entry', entry: { name: 'x' } });
    expect(parseListLine('type=file;size=9007199254740991; x')).toMatchObject({ entry: { sizeBytes: 9007199254740991 } });
  });

  it('tells skipped lines from unparsed ones', () => {
    expect(parseListLine('total 12')).toEqual({ kind: 'skip', format: 'unix' });
    expect(parseListLine('type=cdir; .')).toEqual({ kind: 'skip', format: 'mlsd' });
    expect(parseListLine('   ')).toEqual({ kind: 'skip' });
    expect(parseListLine('ls: cannot open directory .: Permission denied')).toEqual({ kind: 'unparsed' });
  });

  it('reads fact-less MLSD lines only inside a known MLSD listing', () => {
    expect(parseListLine(' bare name', { format: 'mlsd' })).toEqual({ kind: 'entry', format: 'mlsd', entry: { name: 'bare name', type: 'file' } });
    expect(parseListLine(' .dot', { format: 'mlsd' })).toMatchObject({ entry: { name: '.dot', isHidden: true } });
    expect(parseListLine(' ..', { format: 'mlsd' })).toEqual({ kind: 'skip', format: 'mlsd' });
    expect(parseListLine(' bare name')).toEqual({ kind: 'unparsed' });
  });

  it('falls back to other formats when the hinted one fails', () => {
    expect(parseListLine('-rw-r--r-- 1 a b 1 Jan 31  2020 x', { format: 'mlsd' })).toMatchObject({ kind: 'entry', format: 'unix' });
  });
});

describe('ListParser', () => {
  const whole = feed([listing]);

  it('parses a listing in one chunk', () => {
    expect(whole.entries).toHaveLength(20);
    expect(whole.unparsed).toEqual([]);
    expect(whole.parser.format).toBe('unix');
  });

  it('gives the same entries for every two-chunk split, including between CR and LF', () => {
    for (let i = 0; i <= listing.length; i++) {
      const split = feed([listing.slice(0, i), listing.slice(i)]);
      expect(split.entries, `split at ${i}`).toEqual(whole.entries);
      expect(split.unparsed).toEqual([]);
    }
  });

  it('gives the same entries one character at a time', () => {
    expect(feed([...listing]).entries).toEqual(whole.entries);
    expect(feed([...mlsd], { nowMs: NOW }).entries).toEqual(parseListing(mlsd).entries);
  });

  it('accepts LF-only and CR-only line ends', () => {
    expect(feed([listing.replace(/\r\n/g, '\n')]).entries).toEqual(whole.entries);
    expect(feed([listing.replace(/\r\n/g, '\r')]).entries).toEqual(whole.entries);
  });

  it('flushes a last line without a line break on end()', () => {
    const parser = new ListParser({ nowMs: NOW });
    expect(parser.push('-rw-r--r-- 1 a b 1 Jan 31  2020 no-eol').entries).toEqual([]);
    expect(parser.end().entries).toMatchObject([{ name: 'no-eol' }]);
  });

  it('returns only what each chunk completed', () => {
    const parser = new ListParser();
    expect(parser.push('type=file;size=1; a\r\ntype=file;si')).toEqual({ entries: [{ name: 'a', type: 'file', sizeBytes: 1 }], unparsed: [] });
    expect(parser.push('ze=2; b\r')).toEqual({ entries: [{ name: 'b', type: 'file', sizeBytes: 2 }], unparsed: [] });
    expect(parser.push('\n')).toEqual({ entries: [], unparsed: [] });
    expect(parser.end()).toEqual({ entries: [], unparsed: [] });
  });

  it('reports unreadable lines instead of throwing, and keeps going', () => {
    const text = 'garbage line\r\n-rw-r--r-- 1 a b 1 Jan 31  2020 ok\r\n\u0000\u0001\r\nanother: bad\r\n';
    const result = feed([text]);
    expect(result.entries.map((e) => e.name)).toEqual(['ok']);
    expect(result.unparsed).toEqual(['garbage line', '\u0000\u0001', 'another: bad']);
    expect(result.parser.format).toBe('unix');
  });

  it('strips a byte order mark before the first line only', () => {
    const result = feed(['\ufefftype=file; a\r\n', '\ufefftype=file; b\r\n']);
    expect(result.entries.map((e) => e.name)).toEqual(['a']);
    expect(result.unparsed).toEqual(['\ufefftype=file; b']);
  });

  it('drops an over-long line, reports its start, and resumes at the next line', () => {
    const parser = new ListParser({ maxLineLength: 1000 });
    const reported: string[] = [];
    const entries: FileEntry[] = [];
    for (let i = 0; i < 50; i++) {
      const batch = parser.push('x'.repeat(100));
      reported.push(...batch.unparsed);
      entries.push(...batch.entries);
    }
    const tail = parser.push('yyy\r\ntype=file; after\r\n');
    reported.push(...tail.unparsed);
    entries.push(...tail.entries, ...parser.end().entries);
    expect(reported).toEqual(['x'.repeat(256)]);
    expect(entries.map((e) => e.name)).toEqual(['after']);
  });

  it('can be reused after end()', () => {
    const parser = new ListParser();
    parser.push('type=file; a');
    expect(parser.end().entries).toHaveLength(1);
    expect(parser.push('\ufefftype=file; b\n').entries).toMatchObject([{ name: 'b' }]);
    expect(parser.format).toBe('mlsd');
  });

  it('switches format when a listing changes style mid-way', () => {
    const result = feed(['type=file; m\r\n-rw-r--r-- 1 a b 1 Jan 31  2020 u\r\n']);
    expect(result.entries.map((e) => e.name)).toEqual(['m', 'u']);
    expect(result.parser.format).toBe('unix');
  });

  it('parses a 100,000-entry listing fed in odd-sized chunks', () => {
    const count = 100_000;
    const lines: string[] = [];
    for (let i = 0; i < count; i++) {
      const name = i % 3 === 0 ? ` spaced ${i} ` : `file-${i}.dat`;
      const date = i % 2 === 0 ? 'Mar  4 10:15' : 'Mar  4  2019';
      lines.push(`-rw-r--r--    1 ftp      ftp      ${String(i).padStart(8)} ${date} ${name}\r\n`);
    }
    const text = lines.join('');
    const parser = new ListParser({ nowMs: NOW });
    const sizes = [1, 7, 61, 1021, 2, 4093, 13, 509];
    let seen = 0;
    let sizeSum = 0;
    let splitInCrLf = 0;
    let largestBatch = 0;
    let checked = 0;
    for (let offset = 0, k = 0; offset < text.length; k++) {
      const size = sizes[k % sizes.length];
      const chunk = text.slice(offset, offset + size);
      offset += chunk.length;
      if (chunk.endsWith('\r')) splitInCrLf++;
      const batch = parser.push(chunk);
      expect(batch.unparsed).toEqual([]);
      largestBatch = Math.max(largestBatch, batch.entries.length);
      // Entries are consumed and dropped as they come, as the engine's stream would.
      for (const entry of batch.entries) {
        sizeSum += entry.sizeBytes ?? 0;
        if (seen % 9973 === 0) {
          const name = seen % 3 === 0 ? ` spaced ${seen} ` : `file-${seen}.dat`;
          expect(entry.name).toBe(name);
          checked++;
        }
        seen++;
      }
    }
    const last = parser.end();
    seen += last.entries.length;
    expect(seen).toBe(count);
    expect(sizeSum).toBe((count * (count - 1)) / 2);
    expect(splitInCrLf).toBeGreaterThan(0);
    expect(checked).toBeGreaterThan(5);
    // No chunk yields more entries than it could complete: nothing is held back and released late.
    expect(largestBatch).toBeLessThanOrEqual(Math.ceil(4093 / 60) + 1);
  });
});

describe('parseListChunks', () => {
  it('yields batches from an async source', async () => {
    async function* source(): AsyncGenerator<string> {
      yield 'type=file; a\r';
      yield '\ntype=dir; b';
      yield '\r\ntotal 5\r\nbad\r\ntype=file; c';
    }
    const batches: ListBatch[] = [];
    for await (const batch of parseListChunks(source())) batches.push(batch);
    expect(batches).toEqual([
      { entries: [{ name: 'a', type: 'file' }], unparsed: [] },
      { entries: [{ name: 'b', type: 'dir' }], unparsed: ['bad'] },
      { entries: [{ name: 'c', type: 'file' }], unparsed: [] },
    ]);
  });
});
