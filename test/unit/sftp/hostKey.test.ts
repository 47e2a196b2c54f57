/** Host key fingerprints exactly as ssh-keygen prints them, and the type name from the key blob. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fingerprintOf, hostKeyInfo, keyTypeOf } from '../../../electron/sftp/hostKey';

const dir = mkdtempSync(path.join(tmpdir(), 'ferry-hostkey-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('host key fingerprints', () => {
  it.each([['ed25519', 'ssh-ed25519'], ['ecdsa', 'ecdsa-sha2-nistp256'], ['rsa', 'ssh-rsa']])('matches ssh-keygen -lf for %s', (kind, typeName) => {
    const file = path.join(dir, kind);
    execFileSync('ssh-keygen', ['-q', '-t', kind, ...(kind === 'rsa' ? ['-b', '2048'] : []), '-N', '', '-f', file]);
    const [type, base64] = readFileSync(`${file}.pub`, 'utf8').split(' ');
    const blob = Buffer.from(base64, 'base64');
    const printed = execFileSync('ssh-keygen', ['-l', '-E', 'sha256', '-f', `${file}.pub`], { encoding: 'utf8' }).split(' ')[1];
    expect(fingerprintOf(blob)).toBe(printed);
    expect(keyTypeOf(blob)).toBe(type);
    expect(hostKeyInfo('example.org', 2222, blob)).toEqual({ host: 'example.org', port: 2222, type: typeName, fingerprint: printed, keyBase64: base64 });
  });

  it('names a blob it cannot read unknown', () => {
    expect(keyTypeOf(Buffer.from([0, 0]))).toBe('unknown');
    expect(keyTypeOf(Buffer.from([0, 0, 1, 0, 65]))).toBe('unknown');
  });
});
