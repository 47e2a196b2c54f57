/** Certificates trusted for a server without a saved site: this run only, or kept in tls-memory.json. */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { TlsMemory, serverKey } from '../../../electron/services/TlsMemory';

let dir: string | undefined;
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('TlsMemory trusted certificates', () => {
  it('keeps a certificate trusted once for this run, and one trusted always across a restart', async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'ferry-tls-'));
    const memory = await TlsMemory.open(dir);
    const once = serverKey('Once.example.com', 21);
    const always = serverKey('always.example.com', 990);
    await memory.trust(once, 'AA:BB', false);
    await memory.trust(always, 'CC:DD', true);
    expect(memory.trustedFingerprintOf(once)).toBe('AA:BB');
    expect(memory.trustedFingerprintOf(always)).toBe('CC:DD');
    expect(JSON.parse(await readFile(path.join(dir, 'tls-memory.json'), 'utf8')).trusted).toEqual({ 'always.example.com:990': 'CC:DD' });

    const restarted = await TlsMemory.open(dir);
    expect(restarted.trustedFingerprintOf(once)).toBeUndefined();
    expect(restarted.trustedFingerprintOf(always)).toBe('CC:DD');
  });
});
