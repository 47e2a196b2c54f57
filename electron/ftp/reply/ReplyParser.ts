/**
 * Incremental parser of FTP control replies (RFC 959 §4.2). Fed raw chunks as they arrive from
 * the socket, split anywhere (even byte by byte) or several replies coalesced, it returns each
 * reply once its last line is complete.
 * Owns: line splitting, multi-line grouping, the line-length cap. Pure: no I/O.
 * Must not import electron or React.
 */
import { StringDecoder } from 'node:string_decoder';
import { FtpProtocolError } from '../errors';
import type { FtpReply } from './FtpReply';

/** Options of a ReplyParser. */
export interface ReplyParserOptions {
  /** Longest accepted line in characters, without CRLF; a longer line is a protocol error (protects memory). */
  maxLineLength?: number;
  /** Most lines accepted in one multi-line reply (FEAT and STAT can be long, but not endless). */
  maxReplyLines?: number;
  /** Most characters accepted in one multi-line reply, all lines together. */
  maxReplyChars?: number;
  /** How reply bytes are decoded. */
  encoding?: 'utf8' | 'latin1';
}

const CODE_LINE = /^([1-5]\d\d)([ -]?)(.*)$/s;

/** Incremental RFC 959 reply parser: push() chunks, get back the replies they complete. */
export class ReplyParser {
  private readonly maxLineLength: number;
  private readonly maxReplyLines: number;
  private readonly maxReplyChars: number;
  private decoder: StringDecoder;
  private partial = '';
  /** Lines of a multi-line reply still waiting for its `xyz ` last line. */
  private pending?: { code: number; lines: string[]; chars: number };

  constructor(options: ReplyParserOptions = {}) {
    this.maxLineLength = options.maxLineLength ?? 8192;
    this.maxReplyLines = options.maxReplyLines ?? 10_000;
    // A greeting, FEAT or checksum reply is a few KB; this leaves room for long ones but keeps a
    // hostile server from filling memory (and every log and event built from the reply) with one.
    this.maxReplyChars = options.maxReplyChars ?? 1 << 20;
    // StringDecoder keeps a multi-byte UTF-8 character split across chunks intact.
    this.decoder = new StringDecoder(options.encoding ?? 'utf8');
  }

  /** Feeds a chunk; returns the replies it completed, in order. Throws FtpProtocolError on malformed input. */
  push(chunk: Buffer | string): FtpReply[] {
    const text = typeof chunk === 'string' ? chunk : this.decoder.write(chunk);
    const replies: FtpReply[] = [];
    let data = this.partial + text;
    let newline = data.indexOf('\n');
    while (newline !== -1) {
      // RFC 959 says CRLF; some servers send bare LF, so CR is optional.
      const line = data.slice(0, newline).replace(/\r$/, '');
      data = data.slice(newline + 1);
      if (line.length > this.maxLineLength) this.tooLong();
      const reply = this.takeLine(line);
      if (reply) replies.push(reply);
      newline = data.indexOf('\n');
    }
    if (data.length > this.maxLineLength) this.tooLong();
    this.partial = data;
    return replies;
  }

  /** Decodes what arrives from now on with `encoding` (a session that learnt its server's charset). */
  setEncoding(encoding: 'utf8' | 'latin1'): void {
    this.decoder = new StringDecoder(encoding);
  }

  /** Whether a reply has started but is not complete yet (useful to tell a clean close from a cut one). */
  get hasPartialReply(): boolean {
    return this.partial.length > 0 || this.pending !== undefined;
  }

  private tooLong(): never {
    throw new FtpProtocolError(`Reply line longer than ${this.maxLineLength} characters`);
  }

  private takeLine(line: string): FtpReply | undefined {
    if (this.pending) {
      const { code, lines } = this.pending;
      lines.push(line);
      this.pending.chars += line.length;
      // Only `xyz ` with the SAME code ends the reply; `xyz-...` or other codes are inner text (§4.2).
      // A bare `xyz` is accepted as an end too: some servers omit the space when the text is empty.
      const match = CODE_LINE.exec(line);
      if (match && Number(match[1]) === code && match[2] !== '-' && (match[2] === ' ' || match[3] === '')) {
        this.pending = undefined;
        return { code, lines, text: multiLineText(lines) };
      }
      if (lines.length > this.maxReplyLines) {
        throw new FtpProtocolError(`Multi-line ${code} reply longer than ${this.maxReplyLines} lines`);
      }
      if (this.pending.chars > this.maxReplyChars) {
        throw new FtpProtocolError(`Multi-line ${code} reply longer than ${this.maxReplyChars} characters`);
      }
      return undefined;
    }
    // Empty lines between replies carry nothing; tolerate them.
    if (line.trim() === '') return undefined;
    const match = CODE_LINE.exec(line);
    if (!match || (match[2] === '' && match[3] !== '')) {
      throw new FtpProtocolError(`Malformed reply line: ${JSON.stringify(line.slice(0, 80))}`);
    }
    const code = Number(match[1]);
    if (match[2] === '-') {
      this.pending = { code, lines: [line], chars: line.length };
      return undefined;
    }
    return { code, lines: [line], text: match[3] };
  }
}

function multiLineText(lines: string[]): string {
  const first = lines[0].slice(4);
  const last = lines[lines.length - 1].slice(4);
  const inner = lines.slice(1, -1);
  return [first, ...inner, last].filter((l, i, all) => !(i === all.length - 1 && l === '')).join('\n');
}
