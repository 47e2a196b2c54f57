/**
 * Which character set a server's names are in, learnt the way FileZilla's "Auto" does: UTF-8
 * when the server announces it (FEAT UTF8, RFC 2640) or while every name it sends is valid
 * UTF-8; at the first name that is not (some servers announce UTF8 and still send their file
 * system's bytes), the session switches to ISO-8859-1 for good. ISO-8859-1
 * maps every byte to one character, so from then on a name's string carries exactly the
 * server's octets, and every command about that file sends them back unchanged. A name whose
 * octets are UTF-8 after all keeps a `displayName` in proper UTF-8 for people to read.
 * Must not import electron or React.
 */
import { isUtf8 } from 'node:buffer';

/** A session's charset: decided (`utf8`, `latin1`), or `auto`: UTF-8 until a name says otherwise. */
export type SessionCharset = 'utf8' | 'latin1' | 'auto';

/** What a LineDecoder reports to its session. */
export interface CharsetHost {
  readonly charset: SessionCharset;
  /** The user chose the charset: names are read in it whatever they hold. */
  readonly isFixed: boolean;
  /** A line that is not UTF-8 arrived while the charset was `auto`. */
  useLatin1(): void;
  /** A non-ASCII line that is valid UTF-8 arrived while the charset was `auto`. */
  confirmUtf8(): void;
}

/** One decoded line, and whether the session switched to ISO-8859-1 at it. */
export interface DecodedLine {
  text: string;
  isSwitch: boolean;
  /** The line was longer than allowed: `text` is its start only, and the rest was dropped. */
  isOverlong?: boolean;
}

/** How much of an over-long line is kept, for the log. */
const OVERLONG_PREVIEW_BYTES = 256;

const LF = 0x0a;

function isAscii(bytes: Buffer): boolean {
  for (const byte of bytes) if (byte >= 0x80) return false;
  return true;
}

/**
 * Splits a listing's bytes into lines and decodes each in the session's charset (a line break is
 * the same byte in both charsets, and never part of a UTF-8 sequence). A line longer than
 * `maxLineBytes` is reported once, by its start, and the rest of it dropped up to its line
 * break: memory stays bounded and no fragment of it passes for a line of its own.
 */
export class LineDecoder {
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  /** Dropping the rest of an over-long line. */
  private isDiscarding = false;

  constructor(
    private readonly host: CharsetHost,
    private readonly maxLineBytes = 256 * 1024,
  ) {}

  /** The complete lines `chunk` finished (without their LF). */
  push(chunk: Buffer): DecodedLine[] {
    const lines: DecodedLine[] = [];
    let start = 0;
    for (let i = chunk.indexOf(LF); i !== -1; i = chunk.indexOf(LF, start)) {
      if (this.isDiscarding) this.isDiscarding = false;
      else {
        this.take(chunk.subarray(start, i));
        lines.push(this.pendingBytes > this.maxLineBytes ? this.overlong() : this.decode(this.drain()));
      }
      start = i + 1;
    }
    if (start < chunk.length && !this.isDiscarding) {
      this.take(chunk.subarray(start));
      if (this.pendingBytes > this.maxLineBytes) {
        lines.push(this.overlong());
        this.isDiscarding = true;
      }
    }
    return lines;
  }

  /** The last line, if the data did not end with a line break. */
  end(): DecodedLine[] {
    const wasDiscarding = this.isDiscarding;
    this.isDiscarding = false;
    if (wasDiscarding || this.pendingBytes === 0) return [];
    return [this.pendingBytes > this.maxLineBytes ? this.overlong() : this.decode(this.drain())];
  }

  /** An over-long line's start, for the log, read byte for byte so it cannot switch the charset. */
  private overlong(): DecodedLine {
    const start = this.drain().subarray(0, OVERLONG_PREVIEW_BYTES);
    return { text: start.toString('latin1'), isSwitch: false, isOverlong: true };
  }

  private take(bytes: Buffer): void {
    if (bytes.length === 0) return;
    // Copied: the data connection reuses its buffers.
    this.pending.push(Buffer.from(bytes));
    this.pendingBytes += bytes.length;
  }

  private drain(): Buffer {
    const line = this.pending.length === 1 ? this.pending[0] : Buffer.concat(this.pending, this.pendingBytes);
    this.pending = [];
    this.pendingBytes = 0;
    return line;
  }

  private decode(bytes: Buffer): DecodedLine {
    if (this.host.charset === 'latin1') return { text: bytes.toString('latin1'), isSwitch: false };
    if (isAscii(bytes)) return { text: bytes.toString('utf8'), isSwitch: false };
    if (isUtf8(bytes)) {
      this.host.confirmUtf8();
      return { text: bytes.toString('utf8'), isSwitch: false };
    }
    // Even a server that announced UTF8 may hand out its file system's bytes as they are.
    if (this.host.isFixed) return { text: bytes.toString('utf8'), isSwitch: false };
    this.host.useLatin1();
    return { text: bytes.toString('latin1'), isSwitch: true };
  }
}

/** The readable form of a name received as ISO-8859-1 whose octets are UTF-8 (non-ASCII), else undefined. */
export function displayNameOf(latin1Name: string): string | undefined {
  let hasHigh = false;
  for (let i = 0; i < latin1Name.length; i++) {
    const code = latin1Name.charCodeAt(i);
    if (code > 0xff) return undefined;
    if (code >= 0x80) hasHigh = true;
  }
  if (!hasHigh) return undefined;
  const bytes = Buffer.from(latin1Name, 'latin1');
  return isUtf8(bytes) ? bytes.toString('utf8') : undefined;
}

/** The ISO-8859-1 form (one character per octet) of a name that was decoded as UTF-8. */
export function latin1FormOf(utf8Name: string): string {
  return Buffer.from(utf8Name, 'utf8').toString('latin1');
}

/** Whether a path has characters outside ASCII, whose octets depend on the charset. */
export function hasNonAscii(path: string): boolean {
  for (let i = 0; i < path.length; i++) if (path.charCodeAt(i) >= 0x80) return true;
  return false;
}
