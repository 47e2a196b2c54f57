/**
 * Values carried in reply texts: the path of a 257 (PWD/MKD), the size of 213 SIZE, the time of
 * 213 MDTM (RFC 3659 §2.3 time-val, UTC), the digest of HASH/XSHA replies, and the size some
 * servers announce in a 150.
 * Pure. Must not import electron or React.
 */
import { FtpProtocolError } from './errors';

/** The quoted path of a 257 reply, with doubled quotes undone (RFC 959 Appendix II). */
export function parsePathReply(text: string): string {
  const start = text.indexOf('"');
  if (start === -1) throw new FtpProtocolError(`No quoted path in reply: ${text}`);
  let path = '';
  for (let i = start + 1; i < text.length; i++) {
    if (text[i] === '"') {
      if (text[i + 1] === '"') {
        path += '"';
        i++;
        continue;
      }
      return path;
    }
    path += text[i];
  }
  throw new FtpProtocolError(`Unterminated quoted path in reply: ${text}`);
}

/** The byte count of a 213 SIZE reply. */
export function parseSizeReply(text: string): number {
  const match = /^\s*(\d+)\s*$/.exec(text);
  if (!match) throw new FtpProtocolError(`Cannot parse the SIZE reply: ${text}`);
  return Number(match[1]);
}

/** Milliseconds since the epoch of an RFC 3659 time-val (YYYYMMDDHHMMSS[.sss], UTC). */
export function parseTimeValReply(text: string): number {
  const match = /(\d{4})(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)(?:\.(\d{1,3}))?/.exec(text);
  if (!match) throw new FtpProtocolError(`Cannot parse the time in reply: ${text}`);
  const [y, mo, d, h, mi, s] = match.slice(1, 7).map(Number);
  const ms = match[7] ? Number(match[7].padEnd(3, '0')) : 0;
  return Date.UTC(y, mo - 1, d, h, mi, s, ms);
}

/** Formats milliseconds since the epoch as an RFC 3659 time-val (YYYYMMDDHHMMSS, UTC) for MFMT. */
export function formatTimeVal(ms: number): string {
  const date = new Date(ms);
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  return `${pad(date.getUTCFullYear(), 4)}${pad(date.getUTCMonth() + 1)}${pad(date.getUTCDate())}` +
    `${pad(date.getUTCHours())}${pad(date.getUTCMinutes())}${pad(date.getUTCSeconds())}`;
}

/**
 * The hex digest of a HASH reply (`SHA-256 0-49 <hex> name`) or of an X-command reply (`<hex>` or
 * `<hex> name`); multi-line replies are searched line by line (proftpd sends `213-Computing ...` first).
 */
export function parseDigestReply(text: string, isHashCommand: boolean): string {
  for (const line of text.split('\n').reverse()) {
    const tokens = line.trim().split(/\s+/);
    const candidate = isHashCommand
      ? (/^\d+-\d+$/.test(tokens[1] ?? '') ? tokens[2] : undefined)
      : tokens.find((t) => /^[0-9a-f]{8,}$/i.test(t));
    if (candidate && /^[0-9a-f]+$/i.test(candidate)) return candidate.toLowerCase();
  }
  throw new FtpProtocolError(`Cannot parse the checksum reply: ${text}`);
}

/** The size a 150 reply announces, e.g. vsftpd's `150 Opening BINARY mode data connection for f (1234 bytes).` */
export function parseAnnouncedSize(text: string): number | undefined {
  const match = /\((\d+) bytes?\)/i.exec(text);
  return match ? Number(match[1]) : undefined;
}
