import { describe, expect, it } from 'vitest';
import { FtpProtocolError } from '../../../../electron/ftp/errors';
import { ReplyParser, isCompletion, isIntermediate, isPermanentNegative, isPreliminary, isTransientNegative, type FtpReply } from '../../../../electron/ftp/reply';

function parseAll(chunks: Array<string | Buffer>, options?: ConstructorParameters<typeof ReplyParser>[0]): FtpReply[] {
  const parser = new ReplyParser(options);
  return chunks.flatMap((c) => parser.push(c));
}

function splitEvery(text: string, size: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i += size) out.push(text.slice(i, i + size));
  return out;
}

const cases: Array<{ name: string; wire: string; expected: Array<Pick<FtpReply, 'code' | 'text'>> }> = [
  { name: 'single line', wire: '220 Service ready\r\n', expected: [{ code: 220, text: 'Service ready' }] },
  { name: 'bare LF line end', wire: '200 OK\n', expected: [{ code: 200, text: 'OK' }] },
  { name: 'code without text', wire: '200\r\n', expected: [{ code: 200, text: '' }] },
  {
    name: 'multi-line (RFC 959 §4.2 example)',
    wire: '123-First line\r\nSecond line\r\n  234 A line beginning with numbers\r\n123 The last line\r\n',
    expected: [{ code: 123, text: 'First line\nSecond line\n  234 A line beginning with numbers\nThe last line' }],
  },
  {
    name: 'inner lines that look like codes',
    wire: '230-Welcome\r\n230-still the same reply\r\n456 another code is inner text\r\n123-foo\r\n230 done\r\n',
    expected: [{ code: 230, text: 'Welcome\n230-still the same reply\n456 another code is inner text\n123-foo\ndone' }],
  },
  {
    name: 'FEAT style with space-prefixed lines',
    wire: '211-Features:\r\n MLST type*;size*;\r\n UTF8\r\n211 End\r\n',
    expected: [{ code: 211, text: 'Features:\n MLST type*;size*;\n UTF8\nEnd' }],
  },
  {
    name: 'multi-line ended by a bare code',
    wire: '220-hello\r\n220\r\n',
    expected: [{ code: 220, text: 'hello' }],
  },
  {
    name: 'several replies coalesced, with a blank line between',
    wire: '150 Opening\r\n226 Done\r\n\r\n221-Bye\r\n221 now\r\n',
    expected: [{ code: 150, text: 'Opening' }, { code: 226, text: 'Done' }, { code: 221, text: 'Bye\nnow' }],
  },
];

describe('ReplyParser', () => {
  for (const c of cases) {
    it(`parses ${c.name} in one chunk`, () => {
      expect(parseAll([c.wire]).map(({ code, text }) => ({ code, text }))).toEqual(c.expected);
    });
    for (const size of [1, 2, 3, 7]) {
      it(`parses ${c.name} split every ${size} byte(s)`, () => {
        expect(parseAll(splitEvery(c.wire, size)).map(({ code, text }) => ({ code, text }))).toEqual(c.expected);
      });
    }
    it(`parses ${c.name} fed as Buffers byte by byte`, () => {
      const bytes = [...Buffer.from(c.wire)].map((b) => Buffer.from([b]));
      expect(parseAll(bytes).map(({ code, text }) => ({ code, text }))).toEqual(c.expected);
    });
  }

  it('keeps the raw lines', () => {
    const [reply] = parseAll(['230-a\r\n230 b\r\n']);
    expect(reply.lines).toEqual(['230-a', '230 b']);
  });

  it('returns a reply only once its last line is complete', () => {
    const parser = new ReplyParser();
    expect(parser.push('230-a\r\n230 b')).toEqual([]);
    expect(parser.hasPartialReply).toBe(true);
    expect(parser.push('\r\n')).toHaveLength(1);
    expect(parser.hasPartialReply).toBe(false);
  });

  it('decodes a UTF-8 character split across chunks', () => {
    const bytes = Buffer.from('257 "/dü" created\r\n');
    const cut = bytes.indexOf(0xc3) + 1;
    expect(parseAll([bytes.subarray(0, cut), bytes.subarray(cut)])[0].text).toBe('"/dü" created');
  });

  it('decodes latin1 when asked', () => {
    expect(parseAll([Buffer.from([0x32, 0x35, 0x30, 0x20, 0xe9, 0x0d, 0x0a])], { encoding: 'latin1' })[0].text).toBe('é');
  });

  it('rejects an overlong line, complete or not', () => {
    expect(() => parseAll([`200 ${'x'.repeat(100)}\r\n`], { maxLineLength: 50 })).toThrow(FtpProtocolError);
    expect(() => parseAll([`200 ${'x'.repeat(100)}`], { maxLineLength: 50 })).toThrow(FtpProtocolError);
  });

  it('rejects an endless multi-line reply', () => {
    expect(() => parseAll([`211-a\r\n${' x\r\n'.repeat(20)}`], { maxReplyLines: 10 })).toThrow(FtpProtocolError);
  });

  it('rejects a multi-line reply of short lines that adds up to too much text, by default at 1 MiB', () => {
    expect(() => parseAll([`211-a\r\n${' 0123456789\r\n'.repeat(20)}`], { maxReplyChars: 100 })).toThrow(/longer than 100 characters/);
    // 8,000 lines of 200 control characters: each line and the line count are within bounds.
    const line = ` ${'\x1b'.repeat(200)}\r\n`;
    expect(() => parseAll([`220-hi\r\n${line.repeat(8000)}220 ready\r\n`])).toThrow(/longer than 1048576 characters/);
    expect(parseAll([`220-hi\r\n${line.repeat(1000)}220 ready\r\n`])[0].lines).toHaveLength(1002);
  });

  it('rejects lines that are not replies', () => {
    expect(() => parseAll(['hello there\r\n'])).toThrow(FtpProtocolError);
    expect(() => parseAll(['200OK\r\n'])).toThrow(FtpProtocolError);
    expect(() => parseAll(['099 too low\r\n'])).toThrow(FtpProtocolError);
  });
});

describe('reply classes', () => {
  const r = (code: number): FtpReply => ({ code, text: '', lines: [] });
  it.each([
    [150, 'preliminary'], [226, 'completion'], [331, 'intermediate'], [425, 'transient'], [550, 'permanent'],
  ])('%i is %s', (code, kind) => {
    expect(isPreliminary(r(code))).toBe(kind === 'preliminary');
    expect(isCompletion(r(code))).toBe(kind === 'completion');
    expect(isIntermediate(r(code))).toBe(kind === 'intermediate');
    expect(isTransientNegative(r(code))).toBe(kind === 'transient');
    expect(isPermanentNegative(r(code))).toBe(kind === 'permanent');
  });
});
