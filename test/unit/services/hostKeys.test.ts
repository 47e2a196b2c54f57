import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HostKeys } from '../../../electron/services/HostKeys';
import { HostKeyChangedError, HostKeyUnknownError } from '../../../electron/sessions/hostKeyCheck';
import type { PresentedKey } from '../../../electron/sessions/knownHosts';

const A = { blob: 'AAAAC3NzaC1lZDI1NTE5AAAAIJ4wzt0AosVt4j7sXpZziw5fUEAUzbu7yduQi/HygdDG', fingerprint: 'SHA256:yPqlUc5Uv6b4UqI5bDGiTmaIL7PTivp8cyM+lQsAFGg' };
const B = { blob: 'AAAAC3NzaC1lZDI1NTE5AAAAIMmGtkNc7Ja1sLOnlpBQnTr6uV2gsk8dI+iLNz1BJc6F', fingerprint: 'SHA256:pMf/PGtBAyTTS3Yp2gJTNF2xKL3eQhjetumW5JOr8A4' };
const refused = { kind: 'host-key', message: 'refused' };

const key = (k: typeof A, host: string, port: number): PresentedKey => ({ host, port, type: 'ssh-ed25519', fingerprint: k.fingerprint, keyBase64: k.blob });

let root: string;
let dataDir: string;
let home: string;
beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'ferry-hostkeys-'));
  dataDir = path.join(root, 'data');
  home = path.join(root, 'home');
  await mkdir(path.join(home, '.ssh'), { recursive: true });
});
afterEach(() => rm(root, { recursive: true, force: true }));

describe('HostKeys', () => {
  it('refuses an unknown key; trusting it always writes Ferry’s known_hosts, which a later run reads', async () => {
    const keys = new HostKeys(dataDir, home);
    const first = keys.checkFor('sftp.example.org', 2222, {});
    expect(await first.verify(key(A, 'sftp.example.org', 2222))).toBe(false);
    expect(first.explain(refused)).toBeInstanceOf(HostKeyUnknownError);

    const trusted = keys.checkFor('sftp.example.org', 2222, { trustedHostKey: A.fingerprint, trustAlways: true });
    expect(await trusted.verify(key(A, 'sftp.example.org', 2222))).toBe(true);
    expect(await readFile(path.join(dataDir, 'known_hosts'), 'utf8')).toBe(`[sftp.example.org]:2222 ssh-ed25519 ${A.blob}\n`);
    expect((await stat(path.join(dataDir, 'known_hosts'))).mode & 0o777).toBe(0o600);

    const nextRun = new HostKeys(dataDir, home);
    expect(await nextRun.checkFor('sftp.example.org', 2222, {}).verify(key(A, 'sftp.example.org', 2222))).toBe(true);
    // Another port is another server.
    expect(await nextRun.checkFor('sftp.example.org', 22, {}).verify(key(A, 'sftp.example.org', 22))).toBe(false);
  });

  it('keeps a key trusted once for this run only', async () => {
    const keys = new HostKeys(dataDir, home);
    expect(await keys.checkFor('h', 22, { trustedHostKey: A.fingerprint }).verify(key(A, 'h', 22))).toBe(true);
    expect(await keys.checkFor('h', 22, {}).verify(key(A, 'h', 22))).toBe(true);
    expect(await new HostKeys(dataDir, home).checkFor('h', 22, {}).verify(key(A, 'h', 22))).toBe(false);
    await expect(stat(path.join(dataDir, 'known_hosts'))).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('trusts the user’s ~/.ssh/known_hosts and never writes it; a changed key is refused with ssh-keygen -R for that file', async () => {
    const userFile = path.join(home, '.ssh', 'known_hosts');
    const content = `h.example.org ssh-ed25519 ${A.blob}\n`;
    await writeFile(userFile, content);
    const keys = new HostKeys(dataDir, home);
    expect(await keys.checkFor('h.example.org', 22, {}).verify(key(A, 'h.example.org', 22))).toBe(true);
    const check = keys.checkFor('h.example.org', 22, { trustedHostKey: B.fingerprint, trustAlways: true });
    expect(await check.verify(key(B, 'h.example.org', 22))).toBe(false);
    const err = check.explain(refused) as HostKeyChangedError;
    expect(err).toBeInstanceOf(HostKeyChangedError);
    expect(err.message).toContain(`ssh-keygen -R h.example.org -f ${userFile}`);
    expect(err.hostKey.previous).toEqual({ type: 'ssh-ed25519', fingerprint: A.fingerprint, source: `${userFile}:1`, removeCommand: `ssh-keygen -R h.example.org -f ${userFile}` });
    expect(await readFile(userFile, 'utf8')).toBe(content);
  });

  it('adds to a known_hosts edited by hand without losing its lines', async () => {
    await mkdir(dataDir, { recursive: true });
    await writeFile(path.join(dataDir, 'known_hosts'), `# mine\nother ssh-ed25519 ${B.blob}`);
    const keys = new HostKeys(dataDir, home);
    await keys.trust(key(A, 'h', 22), true);
    expect(await readFile(path.join(dataDir, 'known_hosts'), 'utf8')).toBe(`# mine\nother ssh-ed25519 ${B.blob}\nh ssh-ed25519 ${A.blob}\n`);
  });
});
