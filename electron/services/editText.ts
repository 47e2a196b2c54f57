/**
 * The built-in editor's side of a copy's bytes: whether they are text at all (sniffed from the
 * content, as git does, never from the name), how they decode, and how edited text encodes back
 * to the same kind of bytes (encoding, byte-order mark and line breaks kept). Pure; must not
 * import electron.
 */
import type { EditText, LineSeparator, TextEncoding } from '../../shared/edit';

/** How much of the start of a file the sniffing reads, as git reads 8000 bytes. */
const SNIFF_BYTES = 8000;
/** Past this share of control characters in that start, a file is not text. */
const MAX_CONTROL_SHARE = 0.1;
const UTF8_BOM = [0xef, 0xbb, 0xbf];

/** Bytes the built-in editor cannot show as text, and why. */
export interface NotText {
  kind: 'binary';
  reason: string;
}

/** Whether a byte is a control character text files do not hold (tab, line breaks, form feed and escape they do). */
function isStrayControl(byte: number): boolean {
  return (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0c && byte !== 0x0d && byte !== 0x1b) || byte === 0x7f;
}

/** The line break a text uses: its first one, or `\n` when it has none. */
export function lineSeparatorOf(text: string): LineSeparator {
  const at = text.search(/[\r\n]/);
  if (at === -1 || text[at] === '\n') return '\n';
  return text[at + 1] === '\n' ? '\r\n' : '\r';
}

/** Decodes a copy for the editor, or says why it is not text: a NUL byte or many control characters near the start. */
export function decodeText(bytes: Buffer): EditText | NotText {
  const start = bytes.subarray(0, SNIFF_BYTES);
  if (start.includes(0)) return { kind: 'binary', reason: 'it contains NUL bytes' };
  let controls = 0;
  for (const byte of start) if (isStrayControl(byte)) controls++;
  if (start.length > 0 && controls / start.length > MAX_CONTROL_SHARE) return { kind: 'binary', reason: 'it is mostly control characters' };
  const hasBom = UTF8_BOM.every((b, i) => bytes[i] === b);
  const body = hasBom ? bytes.subarray(UTF8_BOM.length) : bytes;
  let text: string;
  let encoding: TextEncoding;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body);
    encoding = hasBom ? 'utf-8-bom' : 'utf-8';
  } catch {
    // Not UTF-8: ISO-8859-1 maps every byte to one character and back, so nothing is lost on save.
    text = body.toString('latin1');
    encoding = 'latin1';
  }
  return { text, encoding, lineSeparator: lineSeparatorOf(text) };
}

/** Error for text that cannot be saved in its file's encoding. */
export class TextEncodingError extends Error {
  readonly kind = 'edit-encoding';
}

/** Where the first character ISO-8859-1 cannot hold is, or -1. */
function firstBeyondLatin1(text: string): number {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0xff) return i;
  return -1;
}

/** The bytes of edited text in the encoding its file had (a BOM kept); throws TextEncodingError when a character does not fit. */
export function encodeText(text: string, encoding: TextEncoding): Buffer {
  if (encoding === 'latin1') {
    const at = firstBeyondLatin1(text);
    if (at !== -1) {
      const line = text.slice(0, at).split(/\r\n|\r|\n/).length;
      const char = String.fromCodePoint(text.codePointAt(at) ?? 0);
      throw new TextEncodingError(`The file is ISO-8859-1 (Latin-1) text, which cannot hold "${char}" (line ${line}); remove it to save`);
    }
    return Buffer.from(text, 'latin1');
  }
  const body = Buffer.from(text, 'utf8');
  return encoding === 'utf-8-bom' ? Buffer.concat([Buffer.from(UTF8_BOM), body]) : body;
}
