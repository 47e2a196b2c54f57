/**
 * SSH host keys as OpenSSH keeps them (sshd(8), "SSH_KNOWN_HOSTS FILE FORMAT"): reading
 * known_hosts text (plain and hashed `|1|salt|hash` host names, `[host]:port` for other ports than
 * 22, wildcards and negation, the `@revoked` and `@cert-authority` markers), and judging a key a
 * server presents against what is known: known, unknown, changed or revoked. The app and the
 * command line both judge with it; only the app writes (services/HostKeys.ts), and never to the
 * user's own ~/.ssh/known_hosts. Must not import electron.
 */
import { createHash, createHmac } from 'node:crypto';
import { readFile } from 'node:fs/promises';

/** One key line of a known_hosts file. */
export interface KnownHostEntry {
  /** `revoked`: never accept this key; `cert-authority`: a CA for host certificates (not used to trust a key). */
  marker?: 'revoked' | 'cert-authority';
  /** The host patterns as written: names, `[host]:port`, wildcards, `!negated`, or one hashed name. */
  hosts: string;
  /** The key's type as written (`ssh-ed25519`). */
  type: string;
  /** The key blob, base64. */
  keyBase64: string;
  /** Where it was written, for messages: `~/.ssh/known_hosts:3`. */
  source: string;
}

/** A key a server presented, as the SFTP engine reports it. */
export interface PresentedKey {
  host: string;
  port: number;
  type: string;
  fingerprint: string;
  keyBase64: string;
}

/** What is known about a presented key. */
export type HostKeyVerdict =
  /** A line for this server holds exactly this key. */
  | { kind: 'known'; entry: KnownHostEntry }
  /** Nothing known of this kind of key for this server (perhaps of another kind: `otherTypes`). */
  | { kind: 'unknown'; otherTypes: string[] }
  /** A line for this server holds another key of the same kind: someone may be in between. */
  | { kind: 'changed'; entry: KnownHostEntry; previousFingerprint: string }
  /** The key is marked `@revoked`. */
  | { kind: 'revoked'; entry: KnownHostEntry };

const MAX_LINE = 16_384;

/** The host name a known_hosts line uses for a server: the name alone on port 22, else `[name]:port`. */
export function knownHostName(host: string, port: number): string {
  const name = host.toLowerCase();
  return port === 22 ? name : `[${name}]:${port}`;
}

/** Reads known_hosts text; lines that are not key lines (comments, garbage, over-long lines) are left out. */
export function parseKnownHosts(text: string, sourceName: string): KnownHostEntry[] {
  const entries: KnownHostEntry[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || line.length > MAX_LINE) return;
    const fields = line.split(/\s+/);
    let marker: KnownHostEntry['marker'];
    if (fields[0].startsWith('@')) {
      const name = fields.shift()!;
      if (name === '@revoked') marker = 'revoked';
      else if (name === '@cert-authority') marker = 'cert-authority';
      else return;
    }
    const [hosts, type, keyBase64] = fields;
    if (!hosts || !type || !keyBase64 || !/^[A-Za-z0-9+/]+={0,2}$/.test(keyBase64) || blobType(keyBase64) === undefined) return;
    entries.push({ ...(marker ? { marker } : {}), hosts, type, keyBase64, source: `${sourceName}:${index + 1}` });
  });
  return entries;
}

/** Whether a line's host patterns name the server (`name` as knownHostName gives it). */
export function matchesHost(hosts: string, name: string): boolean {
  if (hosts.startsWith('|1|')) return matchesHashed(hosts, name);
  let isMatch = false;
  for (const pattern of hosts.split(',')) {
    const isNegated = pattern.startsWith('!');
    if (!globMatch((isNegated ? pattern.slice(1) : pattern).toLowerCase(), name)) continue;
    // A negated pattern that matches rules the line out, whatever else matches.
    if (isNegated) return false;
    isMatch = true;
  }
  return isMatch;
}

/** `|1|salt|hash`: HMAC-SHA1 of the name under the salt (OpenSSH's HashKnownHosts). */
function matchesHashed(hosts: string, name: string): boolean {
  const [, , salt, hash] = hosts.split('|');
  if (!salt || !hash) return false;
  const computed = createHmac('sha1', Buffer.from(salt, 'base64')).update(name).digest('base64');
  return computed === hash;
}

/** `*` any run of characters, `?` one character; everything else literally. */
function globMatch(pattern: string, text: string): boolean {
  const source = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${source}$`, 's').test(text);
}

/** The key's own algorithm, read from its blob (an RSA key is `ssh-rsa` whichever signature it uses). */
export function blobType(keyBase64: string): string | undefined {
  const blob = Buffer.from(keyBase64, 'base64');
  if (blob.length < 4) return undefined;
  const length = blob.readUInt32BE(0);
  if (length === 0 || length > 64 || blob.length < 4 + length) return undefined;
  const name = blob.subarray(4, 4 + length).toString('latin1');
  return /^[a-z0-9@.+-]+$/i.test(name) ? name : undefined;
}

/** `SHA256:` and the unpadded base64 of the blob's SHA-256, as `ssh-keygen -lf` prints it. */
export function fingerprintOf(keyBase64: string): string {
  return `SHA256:${createHash('sha256').update(Buffer.from(keyBase64, 'base64')).digest('base64').replace(/=+$/, '')}`;
}

/** Judges a presented key against known_hosts entries (the first one known, changed or revoked decides). */
export function judgeHostKey(entries: readonly KnownHostEntry[], key: PresentedKey): HostKeyVerdict {
  const name = knownHostName(key.host, key.port);
  const revoked = entries.find((e) => e.marker === 'revoked' && e.keyBase64 === key.keyBase64);
  if (revoked) return { kind: 'revoked', entry: revoked };
  const forHost = entries.filter((e) => e.marker === undefined && matchesHost(e.hosts, name));
  const same = forHost.find((e) => e.keyBase64 === key.keyBase64);
  if (same) return { kind: 'known', entry: same };
  const kind = blobType(key.keyBase64) ?? key.type;
  const changed = forHost.find((e) => (blobType(e.keyBase64) ?? e.type) === kind);
  if (changed) return { kind: 'changed', entry: changed, previousFingerprint: fingerprintOf(changed.keyBase64) };
  return { kind: 'unknown', otherTypes: [...new Set(forHost.map((e) => e.type))] };
}

/** The line that trusts `key` for its server in a known_hosts file. */
export function knownHostLine(key: PresentedKey): string {
  return `${knownHostName(key.host, key.port)} ${blobType(key.keyBase64) ?? key.type} ${key.keyBase64}`;
}

/** Reads and parses a known_hosts file; a missing or unreadable file knows nothing. */
export async function readKnownHostsFile(filePath: string, sourceName = filePath): Promise<KnownHostEntry[]> {
  try {
    return parseKnownHosts(await readFile(filePath, 'utf8'), sourceName);
  } catch {
    return [];
  }
}
