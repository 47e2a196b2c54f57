/**
 * The built `ferry` command, run as a user runs it (`ferry ...`: bin/ferry.js as a program), against each real
 * server: ls, get and put byte-identical in every data mode, --resume both ways, mkdir/mv/rm/rmdir,
 * hash, errors with their reply code, and explicit FTPS with a trusted fingerprint. One server
 * start per kind; small files. Needs the build (see harness.ts: `npm test` builds first).
 */
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SERVER_KINDS, startServer } from '../../servers';
import { ensureCliBuilt, ferry, ferryBytes, sha256, sha256File } from './harness';

type Running = Awaited<ReturnType<typeof startServer>>;

const STRATEGIES = ['EPSV', 'PASV', 'EPRT', 'PORT'] as const;
const DATA = randomBytes(256 * 1024 + 123);
const TEXT = 'line one\nline two\n\nlast line\n';

/** CRC-32 (IEEE 802.3), for servers whose only checksum is XCRC. */
function crc32(data: Buffer): string {
  let crc = 0xffffffff;
  for (const byte of data) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ((crc ^ 0xffffffff) >>> 0).toString(16).padStart(8, '0');
}

function digest(algorithm: string, data: Buffer): string {
  if (algorithm === 'CRC32') return crc32(data);
  return createHash(algorithm.replace('-', '').toLowerCase()).update(data).digest('hex');
}

/** The one line a failure prints: exactly one line, starting `ferry: `. */
function errorLine(stderr: string): string {
  const lines = stderr.trimEnd().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^ferry: /);
  return lines[0];
}

beforeAll(async () => {
  await ensureCliBuilt();
}, 180_000);

describe.each(SERVER_KINDS)('ferry against %s', (kind) => {
  let srv: Running;
  let local: string;
  let base: string;
  let anonymousBase: string;
  let features = '';
  const remote = (name: string) => `${base}/~/${name}`;
  const onServer = (name: string) => join(srv.homeDir, name);

  beforeAll(async () => {
    srv = await startServer(kind, { tls: true });
    local = mkdtempSync(join(tmpdir(), `ferry-cli-${kind}-`));
    base = `ftp://${encodeURIComponent(srv.user)}:${encodeURIComponent(srv.password)}@${srv.host}:${srv.port}`;
    anonymousBase = `ftp://${srv.host}:${srv.port}`;
    writeFileSync(onServer('data.bin'), DATA);
    writeFileSync(onServer('notes.txt'), TEXT);
    writeFileSync(join(srv.anonDir, 'public.txt'), 'for everyone\n');
    writeFileSync(join(local, 'data.bin'), DATA);
    // The FEAT reply, to know which checksum command the server offers.
    const probe = await ferry(['ls', '--verbose', remote('')]);
    features = probe.stderr;
  });

  afterAll(async () => {
    await srv?.stop();
    if (local) rmSync(local, { recursive: true, force: true });
  });

  it('lists the home folder as a table and as JSON', async () => {
    const table = await ferry(['ls', remote('')]);
    expect(table.stderr).toBe('');
    expect(table.status).toBe(0);
    const row = table.stdout.split('\n').find((line) => line.endsWith(' data.bin'));
    expect(row).toMatch(new RegExp(`^-\\S*\\s.*\\b${DATA.length}\\s+\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d data\\.bin$`));

    const json = await ferry(['ls', '--json', remote('')]);
    expect(json.status).toBe(0);
    const entries = JSON.parse(json.stdout) as Array<{ name: string; type: string; sizeBytes?: number }>;
    expect(entries).toContainEqual(expect.objectContaining({ name: 'data.bin', type: 'file', sizeBytes: DATA.length }));
    expect(entries).toContainEqual(expect.objectContaining({ name: 'notes.txt', type: 'file' }));
  });

  it('lists anonymously when the URL has no user, and takes the password from FERRY_PASSWORD', async () => {
    const anonymous = await ferry(['ls', `${anonymousBase}/`]);
    expect(anonymous.status).toBe(0);
    expect(anonymous.stdout).toMatch(/ public\.txt$/m);

    const userOnly = `ftp://${encodeURIComponent(srv.user)}@${srv.host}:${srv.port}/~/`;
    const withEnv = await ferry(['ls', userOnly], { env: { FERRY_PASSWORD: srv.password } });
    expect(withEnv.status).toBe(0);
    expect(withEnv.stdout).toMatch(/ data\.bin$/m);
  });

  it.each(STRATEGIES)('gets and puts byte-identical files with --data %s', async (strategy) => {
    const target = join(local, `got-${strategy}.bin`);
    const got = await ferry(['get', '--data', strategy, remote('data.bin'), target]);
    expect(got.stderr).toBe('');
    expect(got.status).toBe(0);
    expect(sha256File(target)).toBe(sha256(DATA));
    expect(existsSync(`${target}.part`)).toBe(false);

    const put = await ferry(['put', '--data', strategy, '--verbose', join(local, 'data.bin'), remote(`put-${strategy}.bin`)]);
    expect(put.status).toBe(0);
    expect(put.stderr).toMatch(new RegExp(`^> ${strategy}\\b`, 'm'));
    expect(sha256File(onServer(`put-${strategy}.bin`))).toBe(sha256(DATA));
  });

  it('gets into an existing folder under the remote name, and to stdout with -', async () => {
    const folder = join(local, 'into');
    mkdirSync(folder);
    const got = await ferry(['get', remote('data.bin'), folder]);
    expect(got.status).toBe(0);
    expect(sha256File(join(folder, 'data.bin'))).toBe(sha256(DATA));

    const piped = await ferryBytes(['get', remote('data.bin'), '-']);
    expect(piped.status).toBe(0);
    expect(sha256(piped.stdout)).toBe(sha256(DATA));
  });

  it('converts line endings with --ascii', async () => {
    const target = join(local, 'notes.txt');
    const got = await ferry(['get', '--ascii', '--verbose', remote('notes.txt'), target]);
    expect(got.status).toBe(0);
    expect(got.stderr).toMatch(/^> TYPE A$/m);
    expect(readFileSync(target, 'utf8')).toBe(TEXT);
  });

  it('resumes a download from the local .part file (REST)', async () => {
    const target = join(local, 'resumed.bin');
    const kept = 100_000;
    writeFileSync(`${target}.part`, DATA.subarray(0, kept));
    const got = await ferry(['get', '--resume', '--verbose', remote('data.bin'), target]);
    expect(got.status).toBe(0);
    expect(got.stderr).toMatch(new RegExp(`^> REST ${kept}$`, 'm'));
    expect(sha256File(target)).toBe(sha256(DATA));
    expect(existsSync(`${target}.part`)).toBe(false);
  });

  it('resumes an upload from the remote size (SIZE, then APPE or REST + STOR)', async () => {
    const kept = 90_000;
    writeFileSync(join(local, 'head.bin'), DATA.subarray(0, kept));
    const first = await ferry(['put', join(local, 'head.bin'), remote('resumed-up.bin')]);
    expect(first.status).toBe(0);
    expect(readFileSync(onServer('resumed-up.bin'))).toHaveLength(kept);

    const rest = await ferry(['put', '--resume', '--verbose', join(local, 'data.bin'), remote('resumed-up.bin')]);
    expect(rest.status).toBe(0);
    expect(rest.stderr).toMatch(/^> SIZE \S*resumed-up\.bin$/m);
    expect(rest.stderr).toMatch(new RegExp(`^> (APPE \\S*resumed-up\\.bin|REST ${kept})$`, 'm'));
    if (kind === 'proftpd') {
      // proftpd refuses APPE and REST before STOR unless its config says AllowStoreRestart on (a server
      // setting, as the engine suite notes): the file is sent from the start, and the user is told why.
      expect(rest.stderr.split('\n')).toContainEqual(
        expect.stringMatching(/^ferry: the server refuses to resume uploads \(451 .*Append\/Restart not permitted.*\); sending \S*resumed-up\.bin from the start$/),
      );
    }
    expect(sha256File(onServer('resumed-up.bin'))).toBe(sha256(DATA));
  });

  it('makes, renames, deletes and removes', async () => {
    expect((await ferry(['mkdir', remote('made')])).status).toBe(0);
    expect(existsSync(onServer('made'))).toBe(true);
    expect((await ferry(['put', join(local, 'data.bin'), remote('made/')])).status).toBe(0);
    expect(sha256File(onServer('made/data.bin'))).toBe(sha256(DATA));

    const moved = await ferry(['mv', '--json', remote('made/data.bin'), 'renamed.bin']);
    expect(moved.status).toBe(0);
    expect(JSON.parse(moved.stdout)).toMatchObject({ command: 'mv', to: 'made/renamed.bin' });
    expect(existsSync(onServer('made/renamed.bin'))).toBe(true);
    expect(existsSync(onServer('made/data.bin'))).toBe(false);

    const notEmpty = await ferry(['rmdir', remote('made')]);
    expect(notEmpty.status).toBe(1);
    expect(errorLine(notEmpty.stderr)).toMatch(/^ferry: 5\d\d .*\(after RMD made\)/);

    expect((await ferry(['rm', remote('made/renamed.bin')])).status).toBe(0);
    expect(existsSync(onServer('made/renamed.bin'))).toBe(false);
    expect((await ferry(['rmdir', remote('made')])).status).toBe(0);
    expect(existsSync(onServer('made'))).toBe(false);
  });

  it('prints the server checksum when it offers one, else says it has none', async () => {
    const offered = /^<\s+(HASH|XSHA256|XSHA512|XSHA1|XSHA|XMD5|XCRC)\b/im.test(features);
    const result = await ferry(['hash', remote('data.bin')]);
    if (!offered) {
      expect(result.status).toBe(1);
      expect(errorLine(result.stderr)).toBe('ferry: the server offers no checksum command (HASH, XSHA256, XSHA512, XSHA1, XSHA, XMD5 or XCRC)');
      return;
    }
    expect(result.status).toBe(0);
    const match = /^(\S+) \(data\.bin\) = ([0-9a-f]+)$/.exec(result.stdout.trim());
    expect(match).not.toBeNull();
    expect(match![2]).toBe(digest(match![1], DATA));
  });

  it('fails with one line naming the reply code: missing file, wrong password', async () => {
    const target = join(local, 'missing.bin');
    const missing = await ferry(['get', remote('no-such-file.bin'), target]);
    expect(missing.status).toBe(1);
    expect(errorLine(missing.stderr)).toMatch(/^ferry: 55\d .*\(after RETR no-such-file\.bin\)$/);
    expect(existsSync(target)).toBe(false);
    expect(existsSync(`${target}.part`)).toBe(false);

    const wrong = await ferry(['ls', `ftp://${encodeURIComponent(srv.user)}:wrong-${Date.now()}@${srv.host}:${srv.port}/`]);
    expect(wrong.status).toBe(1);
    expect(errorLine(wrong.stderr)).toMatch(/^ferry: 530 /);

    const json = await ferry(['get', '--json', remote('no-such-file.bin'), target]);
    expect(JSON.parse(json.stdout)).toMatchObject({ error: { kind: 'reply', ftpCode: expect.any(Number), command: 'RETR no-such-file.bin' } });
  });

  it('works over explicit FTPS with the server fingerprint, and refuses an unknown certificate', async () => {
    const tls = ['--tls', 'explicit', '--fingerprint', srv.certFingerprint256];
    const listed = await ferry(['ls', '--verbose', ...tls, remote('')]);
    expect(listed.status).toBe(0);
    expect(listed.stderr).toMatch(/^> AUTH TLS$/m);
    expect(listed.stderr).toMatch(/^> PROT P$/m);
    expect(listed.stdout).toMatch(/ data\.bin$/m);

    const target = join(local, 'tls.bin');
    expect((await ferry(['get', ...tls, remote('data.bin'), target])).status).toBe(0);
    expect(sha256File(target)).toBe(sha256(DATA));
    expect((await ferry(['put', ...tls, target, remote('tls-up.bin')])).status).toBe(0);
    expect(sha256File(onServer('tls-up.bin'))).toBe(sha256(DATA));

    const untrusted = await ferry(['ls', '--tls', 'explicit', remote('')]);
    expect(untrusted.status).toBe(1);
    expect(errorLine(untrusted.stderr)).toContain(`--fingerprint ${srv.certFingerprint256}`);
  });
});
