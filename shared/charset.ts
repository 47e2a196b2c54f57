/**
 * The character sets Ferry can speak to a server with, and how a site's charset setting
 * maps to one. FTP names are bytes (RFC 959); UTF-8 is the default (RFC 2640), Latin-1
 * covers the older European servers FileZilla users meet most.
 * Must not import node:*, the DOM or React.
 */

/**
 * An encoding of commands, replies and listings. `auto` is UTF-8 when the server announces it or
 * while its names are UTF-8, else ISO-8859-1 (learnt per connection, like FileZilla's "Auto").
 */
export type WireEncoding = 'auto' | 'utf8' | 'latin1';

const LATIN1_NAMES = new Set(['iso-8859-1', 'iso8859-1', 'latin1', 'latin-1', 'l1', 'cp819', 'iso-8859-15', 'iso8859-15', 'windows-1252', 'cp1252']);

/** The wire encoding for a site's charset (`auto`, `utf8` or a name), or null when Ferry cannot speak it. */
export function wireEncodingOf(charset: string | undefined): WireEncoding | null {
  const name = (charset ?? 'auto').trim().toLowerCase();
  if (name === 'auto') return 'auto';
  if (name === 'utf8' || name === 'utf-8') return 'utf8';
  // Windows-1252 and Latin-9 differ from Latin-1 in a handful of symbols only; Latin-1 keeps names round-tripping.
  if (LATIN1_NAMES.has(name)) return 'latin1';
  return null;
}
