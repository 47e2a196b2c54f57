/**
 * The server's host key as users and known_hosts files see it: the key's type name, the SHA-256
 * fingerprint exactly as `ssh-keygen -lf` prints it, and the blob in base64.
 * Imports only node:crypto.
 */
import { createHash } from 'node:crypto';

/** A host key the server presented. */
export interface HostKeyInfo {
  host: string;
  port: number;
  /** The key's type name as OpenSSH prints it and a known_hosts line holds it: 'ssh-ed25519', 'ecdsa-sha2-nistp256', 'ssh-rsa'. */
  type: string;
  /** 'SHA256:' + unpadded base64 of SHA-256 of the key blob, exactly as `ssh-keygen -lf` prints it. */
  fingerprint: string;
  /** The raw key blob, base64, as a known_hosts line holds it. */
  keyBase64: string;
}

/** The fingerprint OpenSSH shows for a key blob ('SHA256:…', base64 without padding). */
export function fingerprintOf(blob: Buffer): string {
  return `SHA256:${createHash('sha256').update(blob).digest('base64').replace(/=+$/, '')}`;
}

/** The type name a key blob starts with (RFC 4253 §6.6: string type, then the key's fields). */
export function keyTypeOf(blob: Buffer): string {
  if (blob.length < 4) return 'unknown';
  const length = blob.readUInt32BE(0);
  if (length === 0 || length > 64 || 4 + length > blob.length) return 'unknown';
  return blob.toString('latin1', 4, 4 + length);
}

/** Everything about a presented host key that a trust decision and a known_hosts line need. */
export function hostKeyInfo(host: string, port: number, blob: Buffer): HostKeyInfo {
  return { host, port, type: keyTypeOf(blob), fingerprint: fingerprintOf(blob), keyBase64: blob.toString('base64') };
}
