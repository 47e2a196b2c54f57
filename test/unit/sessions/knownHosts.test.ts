import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  HostKeyChangedError,
  HostKeyCheck,
  HostKeyRevokedError,
  HostKeyUnknownError,
  sshKeygenRemove,
} from '../../../electron/sessions/hostKeyCheck';
import {
  blobType,
  fingerprintOf,
  judgeHostKey,
  knownHostLine,
  matchesHost,
  parseKnownHosts,
  type PresentedKey,
} from '../../../electron/sessions/knownHosts';

// Public keys made with ssh-keygen 9.2, and the fingerprints `ssh-keygen -lf` printed for them.
const KEYS = {
  a: { blob: 'AAAAC3NzaC1lZDI1NTE5AAAAIJ4wzt0AosVt4j7sXpZziw5fUEAUzbu7yduQi/HygdDG', fingerprint: 'SHA256:yPqlUc5Uv6b4UqI5bDGiTmaIL7PTivp8cyM+lQsAFGg', type: 'ssh-ed25519' },
  b: { blob: 'AAAAC3NzaC1lZDI1NTE5AAAAIMmGtkNc7Ja1sLOnlpBQnTr6uV2gsk8dI+iLNz1BJc6F', fingerprint: 'SHA256:pMf/PGtBAyTTS3Yp2gJTNF2xKL3eQhjetumW5JOr8A4', type: 'ssh-ed25519' },
  c: {
    blob: 'AAAAE2VjZHNhLXNoYTItbmlzdHAyNTYAAAAIbmlzdHAyNTYAAABBBHvzV1NAM5IoHzw6eVxQ3AvI/JqzV4O7CiZ4Dh4LhkzEd54Ml/kUUbOB/k+0grEpuJwuqcWkd7m+8Le4DtCvJK0=',
    fingerprint: 'SHA256:F2ZANmcy/t+c3VdRD4951a1M7Rx6Ks8t974QF1g5LRk',
    type: 'ecdsa-sha2-nistp256',
  },
  r: {
    blob: 'AAAAB3NzaC1yc2EAAAADAQABAAABAQCxbrbliCk7ExltZY4L3n+a7prJEgVs0S3H8X/mDvNjGmBCfgqXwvwCoOsUfPXnEKkQ3h0ZZtKWDR57IF9Vc2LJN95FtyYm7OSXV6q9EhtEQFoxu9pxGicPA2AMpR5DBifUQSjlfhtPqvjF75yQs12oOJ/ZLhIe6KAOjXLD/qSlz9l+VX4Xsrv1nwiESAc5iGDRklFhxOvA5iAUK+tMvpzjH4B6R3MJoUMFVAcLWRGXxg8SxSwFSC1CBLt4GClWdMlo9tvCrwiBiiQnlh1TLoS9gAoXeM8gKX7hkPAHrVMepHOv5Wl3OfEn2RhIUVXjzzVJ8M4FbvcJrWichbVEgY3b',
    fingerprint: 'SHA256:kGxoYX4frAaRjfi7Ss6y9QcAcqNa//xgjJXhQqK4jt4',
    type: 'ssh-rsa',
  },
  d: { blob: 'AAAAC3NzaC1lZDI1NTE5AAAAIHkwqT4agOgZkrLMIGGVjCS/CFTP0wXb41fB5ws5o/RR', fingerprint: 'SHA256:4hgvrBQ+ZBpV8gQzXRRIHSRErLzFA5CZHVBDvnfkTxM', type: 'ssh-ed25519' },
};

const FILE = readFileSync(new URL('../../fixtures/ssh/known_hosts', import.meta.url), 'utf8');
const ENTRIES = parseKnownHosts(FILE, 'known_hosts');

/** A key as the engine reports it, for `host:port`. */
function presented(key: keyof typeof KEYS, host: string, port = 22, type = KEYS[key].type): PresentedKey {
  return { host, port, type, fingerprint: KEYS[key].fingerprint, keyBase64: KEYS[key].blob };
}

describe('known_hosts', () => {
  it('reads key lines with their markers and line numbers, leaving out comments, unknown markers and garbage', () => {
    expect(ENTRIES.map((e) => [e.source, e.marker ?? '', e.type])).toEqual([
      ['known_hosts:2', '', 'ssh-ed25519'],
      ['known_hosts:3', '', 'ssh-ed25519'],
      ['known_hosts:4', '', 'ecdsa-sha2-nistp256'],
      ['known_hosts:5', '', 'ssh-rsa'],
      ['known_hosts:6', '', 'ssh-ed25519'],
      ['known_hosts:7', '', 'ecdsa-sha2-nistp256'],
      ['known_hosts:8', 'revoked', 'ssh-ed25519'],
      ['known_hosts:9', 'cert-authority', 'ssh-ed25519'],
    ]);
  });

  it('computes fingerprints and key types as ssh-keygen does', () => {
    for (const key of Object.values(KEYS)) {
      expect(fingerprintOf(key.blob)).toBe(key.fingerprint);
      expect(blobType(key.blob)).toBe(key.type);
    }
    expect(blobType('AAAA')).toBeUndefined();
  });

  it('matches names, [host]:port, wildcards and negation', () => {
    expect(matchesHost('plain.example.org,192.0.2.10', 'plain.example.org')).toBe(true);
    expect(matchesHost('plain.example.org,192.0.2.10', '192.0.2.10')).toBe(true);
    expect(matchesHost('plain.example.org', '[plain.example.org]:2222')).toBe(false);
    expect(matchesHost('[plain.example.org]:2222', '[plain.example.org]:2222')).toBe(true);
    expect(matchesHost('*.wild.example.org,!secret.wild.example.org', 'a.wild.example.org')).toBe(true);
    expect(matchesHost('*.wild.example.org,!secret.wild.example.org', 'secret.wild.example.org')).toBe(false);
    expect(matchesHost('host?.example.org', 'host1.example.org')).toBe(true);
    expect(matchesHost('host?.example.org', 'host12.example.org')).toBe(false);
    expect(matchesHost('PLAIN.Example.org', 'plain.example.org')).toBe(true);
    expect(matchesHost('a.b', 'aXb')).toBe(false);
  });

  it('knows keys by plain, hashed and port lines', () => {
    expect(judgeHostKey(ENTRIES, presented('a', 'plain.example.org'))).toMatchObject({ kind: 'known', entry: { source: 'known_hosts:2' } });
    expect(judgeHostKey(ENTRIES, presented('a', 'Plain.Example.org'))).toMatchObject({ kind: 'known' });
    expect(judgeHostKey(ENTRIES, presented('b', 'plain.example.org', 2222))).toMatchObject({ kind: 'known', entry: { source: 'known_hosts:3' } });
    expect(judgeHostKey(ENTRIES, presented('a', 'hashed.example.org'))).toMatchObject({ kind: 'known', entry: { source: 'known_hosts:6' } });
    expect(judgeHostKey(ENTRIES, presented('c', 'hashed.example.org', 2222))).toMatchObject({ kind: 'known', entry: { source: 'known_hosts:7' } });
    expect(judgeHostKey(ENTRIES, presented('c', 'x.wild.example.org'))).toMatchObject({ kind: 'known' });
    // An RSA key keeps its blob's type whichever signature algorithm the server named.
    expect(judgeHostKey(ENTRIES, presented('r', 'rsa.example.org', 22, 'rsa-sha2-512'))).toMatchObject({ kind: 'known' });
  });

  it('says unknown for other servers and ports, naming the kinds of key it knows for the server', () => {
    expect(judgeHostKey(ENTRIES, presented('a', 'other.example.org'))).toEqual({ kind: 'unknown', otherTypes: [] });
    expect(judgeHostKey(ENTRIES, presented('a', 'hashed.example.org', 2222))).toEqual({ kind: 'unknown', otherTypes: ['ecdsa-sha2-nistp256'] });
    expect(judgeHostKey(ENTRIES, presented('c', 'secret.wild.example.org'))).toEqual({ kind: 'unknown', otherTypes: [] });
    // A certificate authority line vouches for certificates, which a plain key is not.
    expect(judgeHostKey(ENTRIES, presented('a', 'ca.example.org'))).toEqual({ kind: 'unknown', otherTypes: [] });
  });

  it('says changed when another key of the same kind is known, and revoked for a revoked key anywhere', () => {
    expect(judgeHostKey(ENTRIES, presented('b', 'plain.example.org'))).toMatchObject({
      kind: 'changed',
      entry: { source: 'known_hosts:2' },
      previousFingerprint: KEYS.a.fingerprint,
    });
    expect(judgeHostKey(ENTRIES, presented('b', 'hashed.example.org'))).toMatchObject({ kind: 'changed', previousFingerprint: KEYS.a.fingerprint });
    expect(judgeHostKey(ENTRIES, presented('d', 'anything.example.net'))).toMatchObject({ kind: 'revoked', entry: { source: 'known_hosts:8' } });
  });

  it('writes a line that it then knows, for port 22 and others', () => {
    for (const port of [22, 2222]) {
      const key = presented('a', 'New.example.org', port);
      const line = knownHostLine(key);
      expect(line).toBe(`${port === 22 ? 'new.example.org' : '[new.example.org]:2222'} ssh-ed25519 ${KEYS.a.blob}`);
      expect(judgeHostKey(parseKnownHosts(line, 'f'), key)).toMatchObject({ kind: 'known' });
    }
  });
});

describe('the host key decision', () => {
  const entries = async () => ENTRIES;
  const removeHint = (_e: unknown, key: PresentedKey) => sshKeygenRemove(key, '/home/ana/.ssh/known_hosts');
  const hostKeyError = { kind: 'host-key', message: 'host key refused' };

  it('goes on with a known key and explains nothing', async () => {
    const check = new HostKeyCheck({ entries, removeHint });
    expect(await check.verify(presented('a', 'plain.example.org'))).toBe(true);
    expect(check.explain(hostKeyError)).toBe(hostKeyError);
  });

  it('stops an unknown key and names it; the trusted fingerprint lets it in and is heard', async () => {
    const check = new HostKeyCheck({ entries, removeHint });
    expect(await check.verify(presented('a', 'new.example.org', 2222))).toBe(false);
    const err = check.explain(hostKeyError) as HostKeyUnknownError;
    expect(err).toBeInstanceOf(HostKeyUnknownError);
    expect(err.hostKey).toEqual({ host: 'new.example.org', port: 2222, type: 'ssh-ed25519', fingerprint: KEYS.a.fingerprint });
    expect(err.message).toContain(`new.example.org:2222 presented a host key Ferry does not know: ssh-ed25519 ${KEYS.a.fingerprint}`);
    // Other errors of the same connect stay what they are.
    const refused = new Error('connection refused');
    expect(check.explain(refused)).toBe(refused);

    const heard: PresentedKey[] = [];
    const trusting = new HostKeyCheck({ entries, removeHint, trustedFingerprint: KEYS.a.fingerprint, onTrusted: async (k) => void heard.push(k) });
    expect(await trusting.verify(presented('a', 'new.example.org', 2222))).toBe(true);
    expect(heard.map((k) => k.fingerprint)).toEqual([KEYS.a.fingerprint]);
    expect(await trusting.verify(presented('b', 'new.example.org', 2222))).toBe(false);
  });

  it('refuses a changed key even with its fingerprint trusted, naming both keys and how to remove the old one', async () => {
    const check = new HostKeyCheck({ entries, removeHint, trustedFingerprint: KEYS.b.fingerprint });
    expect(await check.verify(presented('b', 'plain.example.org'))).toBe(false);
    const err = check.explain(hostKeyError) as HostKeyChangedError;
    expect(err).toBeInstanceOf(HostKeyChangedError);
    expect(err.hostKey.previous).toEqual({ type: 'ssh-ed25519', fingerprint: KEYS.a.fingerprint, source: 'known_hosts:2', removeCommand: 'ssh-keygen -R plain.example.org -f /home/ana/.ssh/known_hosts' });
    expect(err.message).toContain(`Known: ssh-ed25519 ${KEYS.a.fingerprint} (known_hosts:2); presented now: ssh-ed25519 ${KEYS.b.fingerprint}`);
    expect(err.message).toContain('ssh-keygen -R plain.example.org -f /home/ana/.ssh/known_hosts');
  });

  it('refuses a revoked key', async () => {
    const check = new HostKeyCheck({ entries, removeHint, trustedFingerprint: KEYS.d.fingerprint });
    expect(await check.verify(presented('d', 'plain.example.org'))).toBe(false);
    expect(check.explain(hostKeyError)).toBeInstanceOf(HostKeyRevokedError);
  });

  it('quotes what the shell would read otherwise in the removal command', () => {
    expect(sshKeygenRemove({ host: 'h.example.org', port: 2222 }, "/home/o'neil/Ferry data/known_hosts")).toBe(
      `ssh-keygen -R [h.example.org]:2222 -f '/home/o'\\''neil/Ferry data/known_hosts'`,
    );
  });
});
