/**
 * FEAT reply parsing (RFC 2389 §3.2) and the choice of a checksum command among those a server
 * offers (HASH per draft-bryan-ftpext-hash, or the older X-commands XSHA256/XSHA512/XSHA1/XSHA/XMD5/XCRC).
 * Pure. Must not import electron or React.
 */
import type { FtpReply } from './reply';

/** Maps each feature name (upper-case) to its parameters, e.g. `MLST` → `type*;size*;modify*;`. */
export function parseFeatReply(reply: FtpReply): Map<string, string> {
  const features = new Map<string, string>();
  if (reply.code !== 211) return features;
  // Feature lines are the inner lines, each starting with a space (RFC 2389 §3.2); tolerate servers that omit it.
  for (const raw of reply.lines.slice(1, -1)) {
    const line = raw.trim();
    if (line === '' || /^\d{3}[ -]/.test(line)) continue;
    const space = line.indexOf(' ');
    const name = (space === -1 ? line : line.slice(0, space)).toUpperCase();
    features.set(name, space === -1 ? '' : line.slice(space + 1).trim());
  }
  return features;
}

/** A way to ask the server for a checksum. */
export interface ChecksumMethod {
  /** HASH (with OPTS HASH to select) or a legacy X-command. */
  command: 'HASH' | 'XSHA256' | 'XSHA512' | 'XSHA1' | 'XSHA' | 'XMD5' | 'XCRC';
  /** The algorithm name as reported to callers (SHA-256, SHA-1, MD5, CRC32, ...). */
  algorithm: string;
  /** For HASH: whether OPTS HASH must select the algorithm first (it is not the server's current one). */
  needsSelect: boolean;
}

const HASH_PREFERENCE = ['SHA-256', 'SHA-512', 'SHA-1', 'MD5', 'CRC32'];
// Serv-U and others: XSHA256, XSHA512, XSHA1; older servers call SHA-1 plain XSHA.
const LEGACY: Array<[ChecksumMethod['command'], string]> = [
  ['XSHA256', 'SHA-256'],
  ['XSHA512', 'SHA-512'],
  ['XSHA1', 'SHA-1'],
  ['XSHA', 'SHA-1'],
  ['XMD5', 'MD5'],
  ['XCRC', 'CRC32'],
];

/** Picks the best checksum method offered in FEAT, SHA-256 first; undefined when the server offers none. */
export function chooseChecksumMethod(features: ReadonlyMap<string, string>): ChecksumMethod | undefined {
  const hash = features.get('HASH');
  if (hash !== undefined) {
    const offered = hash.split(';').map((s) => s.trim()).filter(Boolean);
    const names = offered.map((s) => s.replace(/\*$/, '').toUpperCase());
    const current = offered.find((s) => s.endsWith('*'))?.replace(/\*$/, '').toUpperCase();
    const best = HASH_PREFERENCE.find((a) => names.includes(a)) ?? names[0];
    if (best) return { command: 'HASH', algorithm: best, needsSelect: best !== current };
  }
  for (const [command, algorithm] of LEGACY) {
    if (features.has(command)) return { command, algorithm, needsSelect: false };
  }
  return undefined;
}

/** MLSD facts Ferry shows, in the order it asks for them. */
const WANTED_MLST_FACTS = ['type', 'size', 'modify', 'perm', 'unix.mode', 'unix.owner', 'unix.group', 'unix.ownername', 'unix.groupname', 'unix.uid', 'unix.gid'];

/**
 * The `OPTS MLST` argument that turns on every offered fact Ferry shows (RFC 3659 §7.9), or
 * undefined when those are already on. pyftpdlib and pure-ftpd offer unix.mode but leave it
 * off, which would leave the permissions column empty.
 */
export function mlstOptsToRequest(mlstFeature: string | undefined): string | undefined {
  if (mlstFeature === undefined) return undefined;
  const offered = mlstFeature.split(';').map((f) => f.trim()).filter(Boolean);
  const enabled = new Set(offered.filter((f) => f.endsWith('*')).map((f) => f.slice(0, -1).toLowerCase()));
  const available = new Set(offered.map((f) => f.replace(/\*$/, '').toLowerCase()));
  const wanted = WANTED_MLST_FACTS.filter((f) => available.has(f));
  if (wanted.every((f) => enabled.has(f))) return undefined;
  // Keep facts the server already sends (e.g. unique) so nothing a caller relies on disappears.
  const keep = [...enabled].filter((f) => !wanted.includes(f));
  return [...wanted, ...keep].join(';') + ';';
}
