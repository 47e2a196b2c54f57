/**
 * Formatting and parsing of the address arguments of the four data-connection strategies:
 * PASV's 227 reply and PORT (RFC 959 §4.1.2: h1,h2,h3,h4,p1,p2 with port = p1·256+p2),
 * EPSV's 229 reply and EPRT (RFC 2428: |||port| and |af|address|port|).
 * Pure. Must not import electron or React.
 */
import net from 'node:net';
import { FtpProtocolError } from '../errors';

/** A host and port named by the server or by us. */
export interface HostPort {
  host: string;
  port: number;
}

function checkPort(port: number, what: string): number {
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new FtpProtocolError(`Invalid port ${port} in ${what}`);
  return port;
}

/** Formats `h1,h2,h3,h4,p1,p2` for PORT and for 227 replies; IPv4 only. */
export function formatPortArgument({ host, port }: HostPort): string {
  if (!net.isIPv4(host)) throw new FtpProtocolError(`PORT needs an IPv4 address, not ${host}`);
  checkPort(port, 'PORT');
  return `${host.split('.').join(',')},${Math.floor(port / 256)},${port % 256}`;
}

/** Finds `h1,h2,h3,h4,p1,p2` in a 227 reply (with or without parentheses, as servers vary) and decodes it. */
export function parsePasvReply(text: string): HostPort {
  const match = /(\d{1,3}),(\d{1,3}),(\d{1,3}),(\d{1,3}),(\d{1,3}),(\d{1,3})/.exec(text);
  if (!match) throw new FtpProtocolError(`Cannot parse the PASV reply: ${text}`);
  const numbers = match.slice(1).map(Number);
  if (numbers.some((n) => n > 255)) throw new FtpProtocolError(`Invalid number in the PASV reply: ${text}`);
  const host = numbers.slice(0, 4).join('.');
  return { host, port: checkPort(numbers[4] * 256 + numbers[5], 'the PASV reply') };
}

/** Formats the argument of EPRT: `|1|a.b.c.d|port|` or `|2|ipv6|port|` (RFC 2428 §2). */
export function formatEprtArgument({ host, port }: HostPort): string {
  const family = net.isIPv4(host) ? 1 : net.isIPv6(host) ? 2 : 0;
  if (!family) throw new FtpProtocolError(`EPRT needs an IP address, not ${host}`);
  checkPort(port, 'EPRT');
  return `|${family}|${host}|${port}|`;
}

/** Parses an EPRT argument (any delimiter in ASCII 33–126, RFC 2428 §2). */
export function parseEprtArgument(argument: string): HostPort & { family: 1 | 2 } {
  const d = argument[0];
  const parts = argument.split(d);
  if (!d || d.charCodeAt(0) < 33 || d.charCodeAt(0) > 126 || parts.length !== 5 || parts[4] !== '') {
    throw new FtpProtocolError(`Cannot parse the EPRT argument: ${argument}`);
  }
  const family = Number(parts[1]);
  const host = parts[2];
  if (!((family === 1 && net.isIPv4(host)) || (family === 2 && net.isIPv6(host)))) {
    throw new FtpProtocolError(`Invalid EPRT address: ${argument}`);
  }
  return { family: family as 1 | 2, host, port: checkPort(Number(parts[3]), 'EPRT') };
}

/** Parses the argument of PORT (`h1,h2,h3,h4,p1,p2`). */
export function parsePortArgument(argument: string): HostPort {
  if (!/^\s*\d{1,3}(,\d{1,3}){5}\s*$/.test(argument)) throw new FtpProtocolError(`Cannot parse the PORT argument: ${argument}`);
  return parsePasvReply(argument);
}

/** Formats the text of a 229 reply's address part: `(|||port|)`. */
export function formatEpsvReply(port: number): string {
  return `Entering Extended Passive Mode (|||${checkPort(port, 'EPSV')}|)`;
}

/** Extracts the port of a 229 reply: `(<d><d><d>port<d>)`, where the delimiter may be any printable character (RFC 2428 §3). */
export function parseEpsvReply(text: string): number {
  const match = /\(([!-~])\1\1(\d+)\1\)/.exec(text);
  if (!match) throw new FtpProtocolError(`Cannot parse the EPSV reply: ${text}`);
  return checkPort(Number(match[2]), 'the EPSV reply');
}
