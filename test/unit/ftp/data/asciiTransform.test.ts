import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { describe, expect, it } from 'vitest';
import { crlfToLf, lfToCrlf } from '../../../../electron/ftp/data/asciiTransform';

async function run(transform: () => NodeJS.ReadWriteStream, chunks: string[]): Promise<string> {
  const out = await buffer(Readable.from(chunks.map((c) => Buffer.from(c, 'latin1'))).pipe(transform()));
  return out.toString('latin1');
}

function everySplit(text: string): string[][] {
  const splits: string[][] = [[text]];
  for (let i = 1; i < text.length; i++) splits.push([text.slice(0, i), text.slice(i)]);
  splits.push([...text]);
  return splits;
}

describe('crlfToLf (download)', () => {
  it.each([
    ['a\r\nb\r\n', 'a\nb\n'],
    ['lone\rCR\r', 'lone\rCR\r'],
    ['\r\r\n', '\r\n'],
    ['no endings', 'no endings'],
    ['', ''],
  ])('%j → %j for every way of splitting it', async (input, expected) => {
    for (const chunks of everySplit(input)) expect(await run(crlfToLf, chunks)).toBe(expected);
  });
});

describe('lfToCrlf (upload)', () => {
  it.each([
    ['a\nb\n', 'a\r\nb\r\n'],
    ['already\r\nCRLF', 'already\r\nCRLF'],
    ['\n\n', '\r\n\r\n'],
    ['mixed\r\nand\nlone\r', 'mixed\r\nand\r\nlone\r'],
  ])('%j → %j for every way of splitting it', async (input, expected) => {
    for (const chunks of everySplit(input)) expect(await run(lfToCrlf, chunks)).toBe(expected);
  });

  it('round-trips through the download transform', async () => {
    const text = 'x\n'.repeat(1000);
    const wire = await run(lfToCrlf, [text]);
    expect(await run(crlfToLf, [wire.slice(0, 777), wire.slice(777)])).toBe(text);
  });
});
