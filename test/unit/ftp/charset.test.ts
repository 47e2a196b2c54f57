import { describe, expect, it } from 'vitest';
import { displayNameOf, hasNonAscii, latin1FormOf, LineDecoder, type CharsetHost, type SessionCharset } from '../../../electron/ftp/charset';

/** A session's side of the charset, recording what the decoder told it. */
function host(start: SessionCharset, isFixed = false): CharsetHost & { events: string[] } {
  let charset = start;
  const events: string[] = [];
  return {
    events,
    isFixed,
    get charset() {
      return charset;
    },
    useLatin1: () => {
      events.push('latin1');
      charset = 'latin1';
    },
    confirmUtf8: () => {
      events.push('utf8');
      if (charset === 'auto') charset = 'utf8';
    },
  };
}

const latin1 = (text: string) => Buffer.from(text, 'latin1');
const utf8 = (text: string) => Buffer.from(text, 'utf8');

describe('LineDecoder', () => {
  it('reads UTF-8 names while they are UTF-8, then switches an Auto session to ISO-8859-1 at the first that is not', () => {
    const h = host('auto');
    const decoder = new LineDecoder(h);
    const lines = decoder.push(Buffer.concat([utf8('plain.txt\r\nnaïve.txt\r\n'), latin1('café.txt\r\n'), utf8('über.txt\r\n')]));
    expect(lines.map((l) => l.text)).toEqual(['plain.txt\r', 'naïve.txt\r', 'café.txt\r', Buffer.from('über.txt\r', 'utf8').toString('latin1')]);
    expect(lines.map((l) => l.isSwitch)).toEqual([false, false, true, false]);
    expect(h.events).toEqual(['utf8', 'latin1']);
  });

  it('finds lines across chunks, even a UTF-8 character split between them, and keeps the last line without a break', () => {
    const h = host('auto');
    const decoder = new LineDecoder(h);
    const bytes = utf8('a-ü.txt\nb.txt');
    const split = bytes.indexOf(0xbc);
    expect([...decoder.push(bytes.subarray(0, split)), ...decoder.push(bytes.subarray(split))].map((l) => l.text)).toEqual(['a-ü.txt']);
    expect(decoder.end().map((l) => l.text)).toEqual(['b.txt']);
    expect(h.charset).toBe('utf8');
  });

  it('keeps a charset the user chose, whatever the names hold', () => {
    const fixed = host('utf8', true);
    expect(new LineDecoder(fixed).push(latin1('café\n'))[0].text).toBe('caf\ufffd');
    expect(fixed.events).toEqual([]);
    expect(new LineDecoder(host('latin1', true)).push(utf8('ü\n'))[0].text).toBe('Ã¼');
  });

  it('reports an over-long line once, by its start, drops the rest up to its break, and never switches the charset for it', () => {
    const h = host('auto');
    const decoder = new LineDecoder(h, 16);
    const first = decoder.push(Buffer.concat([utf8('x'.repeat(30)), latin1('é'), utf8('y'.repeat(30))]));
    expect(first).toEqual([{ text: `${'x'.repeat(30)}é${'y'.repeat(30)}`, isSwitch: false, isOverlong: true }]);
    expect(decoder.push(utf8(`${'z'.repeat(100)}\nnext\n`)).map((l) => l.text)).toEqual(['next']);
    expect(h.events).toEqual([]);
    expect(decoder.push(utf8('w'.repeat(20)))).toHaveLength(1);
    expect(decoder.end()).toEqual([]);
  });
});

describe('names in two forms', () => {
  it('gives a name read as ISO-8859-1 its readable form when its octets are UTF-8', () => {
    expect(displayNameOf(latin1FormOf('naïve.txt'))).toBe('naïve.txt');
    expect(displayNameOf('café.txt')).toBeUndefined();
    expect(displayNameOf('plain.txt')).toBeUndefined();
    expect(latin1FormOf('ü')).toBe('Ã¼');
    expect(hasNonAscii('/a/b')).toBe(false);
    expect(hasNonAscii('/a/é')).toBe(true);
  });
});
