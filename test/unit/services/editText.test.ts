/** The built-in editor's bytes: binary files refused by their content, and text saved back byte for byte in its own encoding and line breaks. */
import { describe, expect, it } from 'vitest';
import { decodeText, encodeText, lineSeparatorOf } from '../../../electron/services/editText';
import type { EditText } from '../../../shared/edit';

const roundTrip = (bytes: Buffer) => {
  const decoded = decodeText(bytes) as EditText;
  return encodeText(decoded.text, decoded.encoding);
};

describe('decodeText', () => {
  it('refuses a file with a NUL byte near its start (images, archives, UTF-16)', () => {
    expect(decodeText(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]))).toEqual({ kind: 'binary', reason: 'it contains NUL bytes' });
    expect(decodeText(Buffer.from('\ufeffhi', 'utf16le'))).toMatchObject({ kind: 'binary' });
  });

  it('refuses bytes that are mostly control characters, and takes tabs, form feeds and escapes as text', () => {
    expect(decodeText(Buffer.from([1, 2, 3, 4, 5, 0x41, 0x42]))).toEqual({ kind: 'binary', reason: 'it is mostly control characters' });
    expect(decodeText(Buffer.from('a\tb\f\x1b[1mc\r\n'))).toMatchObject({ text: 'a\tb\f\x1b[1mc\r\n', encoding: 'utf-8' });
  });

  it('reads UTF-8 with or without a byte-order mark, and other bytes as ISO-8859-1', () => {
    expect(decodeText(Buffer.from('héllo ✓\n'))).toEqual({ text: 'héllo ✓\n', encoding: 'utf-8', lineSeparator: '\n' });
    expect(decodeText(Buffer.from('\ufeffx\r\ny', 'utf8'))).toEqual({ text: 'x\r\ny', encoding: 'utf-8-bom', lineSeparator: '\r\n' });
    expect(decodeText(Buffer.from([0x63, 0x61, 0x66, 0xe9]))).toEqual({ text: 'café', encoding: 'latin1', lineSeparator: '\n' });
    expect(decodeText(Buffer.alloc(0))).toEqual({ text: '', encoding: 'utf-8', lineSeparator: '\n' });
  });

  it('gives back the same bytes it read, whatever the encoding and line breaks', () => {
    for (const bytes of [
      Buffer.from('a\r\nb\nc\rd'),
      Buffer.from('\ufeff<?php echo "é"; ?>\r\n', 'utf8'),
      Buffer.from([0x41, 0xa9, 0x0d, 0x0a, 0x80, 0x9f, 0xff]),
    ]) {
      expect(roundTrip(bytes).equals(bytes)).toBe(true);
    }
  });
});

describe('lineSeparatorOf', () => {
  it('is the first line break of the text', () => {
    expect(['x', 'a\nb\r\n', 'a\r\nb\n', 'a\rb'].map(lineSeparatorOf)).toEqual(['\n', '\n', '\r\n', '\r']);
  });
});

describe('encodeText', () => {
  it('refuses a character an ISO-8859-1 file cannot hold, saying where it is', () => {
    expect(() => encodeText('ok\nstill ok\n€ here', 'latin1')).toThrow(/cannot hold "€" \(line 3\)/);
    expect(() => encodeText('😀', 'latin1')).toThrow(/"😀"/);
  });
});
