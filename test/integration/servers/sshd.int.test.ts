/**
 * The SSH test server (test/servers/sshd.ts) checked with OpenSSH's own clients and lftp: it
 * presents the host keys it reports, authorizes each client key (plain and encrypted, OpenSSH and
 * PEM), holds the plain key in its agent, takes the password through PAM, starts SFTP in its home
 * folder, round-trips a file byte for byte with sftp, scp and lftp, and offers only what
 * AuthenticationMethods allows.
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSshServer, type RunningSshServer } from '../../servers/sshd';

const local = mkdtempSync(join(tmpdir(), 'ferry-sshd-test-'));
afterAll(() => rmSync(local, { recursive: true, force: true }));

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<Run> {
  return new Promise((resolve) => {
    execFile(command, args, { timeout: 30_000, env: { ...process.env, ...env } }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === 'number' ? err.code : -1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

const SSH_OPTS = ['-o', 'StrictHostKeyChecking=no', '-o', 'UserKnownHostsFile=/dev/null', '-o', 'LogLevel=ERROR'];

/**
 * OpenSSH sftp running `commands` from a batch file with one key (or the agent when `key` is
 * undefined); `askPass` answers a passphrase prompt instead of failing it as batch mode does.
 */
function sftpBatch(srv: RunningSshServer, commands: string[], key?: string, env: NodeJS.ProcessEnv = {}, askPass?: string): Promise<Run> {
  const batch = join(local, `batch-${randomBytes(4).toString('hex')}`);
  writeFileSync(batch, `${commands.join('\n')}\n`);
  const auth = key ? ['-i', key, '-o', 'IdentitiesOnly=yes', '-o', 'IdentityAgent=none'] : [];
  const prompts = askPass
    ? { options: ['-o', 'BatchMode=no', '-o', 'PreferredAuthentications=publickey'], env: { SSH_ASKPASS: askPass, SSH_ASKPASS_REQUIRE: 'force', DISPLAY: ':0' } }
    : { options: ['-o', 'BatchMode=yes'], env: {} };
  return run('sftp', [...SSH_OPTS, ...prompts.options, ...auth, '-b', batch, '-P', String(srv.port), `${srv.user}@${srv.host}`], { ...env, ...prompts.env });
}

const expectOk = (r: Run, srv: RunningSshServer) => {
  if (r.code !== 0) throw new Error(`client failed (${r.code}): ${r.stderr}\n--- server log\n${srv.log().slice(-4000)}`);
};

describe('startSshServer', () => {
  let srv: RunningSshServer;
  beforeAll(async () => {
    srv = await startSshServer({ agent: true });
  });
  afterAll(() => srv?.stop());

  it('presents the host keys it reports, with ssh-keygen fingerprints', async () => {
    expect(srv.hostKeys.map((k) => k.type)).toEqual(['ssh-ed25519', 'ecdsa-sha2-nistp256', 'ssh-rsa']);
    const scan = await run('ssh-keyscan', ['-p', String(srv.port), '-t', 'ed25519,ecdsa,rsa', '127.0.0.1']);
    expect(scan.code).toBe(0);
    for (const key of srv.hostKeys) {
      expect(key.fingerprint).toMatch(/^SHA256:[A-Za-z0-9+/]{43}$/);
      expect(scan.stdout).toContain(key.publicKeyLine.split(' ').slice(0, 2).join(' '));
    }
  });

  it('starts SFTP in its home folder and round-trips a file with sftp, scp and lftp', async () => {
    const data = randomBytes(300_000);
    const src = join(local, 'src.bin');
    writeFileSync(src, data);
    expectOk(await sftpBatch(srv, ['pwd', `put ${src} a.bin`, `get a.bin ${join(local, 'a.bin')}`], srv.clientKeys.plainPath), srv);
    expect(readFileSync(join(srv.homeDir, 'a.bin')).equals(data)).toBe(true);
    expect(readFileSync(join(local, 'a.bin')).equals(data)).toBe(true);

    const scp = await run('scp', [...SSH_OPTS, '-i', srv.clientKeys.pemPath, '-o', 'IdentitiesOnly=yes', '-P', String(srv.port), src, `${srv.user}@${srv.host}:b.bin`]);
    expectOk(scp, srv);
    expect(readFileSync(join(srv.homeDir, 'b.bin')).equals(data)).toBe(true);

    const lftp = await run('lftp', ['-c', [
      'set net:max-retries 1', 'set net:timeout 10', 'set sftp:auto-confirm yes',
      `open -u ${srv.user},${srv.password} -p ${srv.port} sftp://127.0.0.1`,
      `get a.bin -o ${join(local, 'c.bin')}`, 'bye',
    ].join('; ')], { SSH_AUTH_SOCK: '' });
    expectOk(lftp, srv);
    expect(readFileSync(join(local, 'c.bin')).equals(data)).toBe(true);
  });

  it('authorizes every client key and holds the plain one in its agent', async () => {
    const askpass = join(local, 'askpass.sh');
    writeFileSync(askpass, `#!/bin/sh\necho '${srv.clientKeys.passphrase}'\n`, { mode: 0o700 });
    for (const key of [srv.clientKeys.encryptedPath, srv.clientKeys.encryptedPemPath]) {
      expectOk(await sftpBatch(srv, ['pwd'], key, {}, askpass), srv);
    }
    expect(readFileSync(srv.clientKeys.encryptedPath, 'utf8')).toContain('BEGIN OPENSSH PRIVATE KEY');
    expect(readFileSync(srv.clientKeys.encryptedPemPath, 'utf8')).toContain('ENCRYPTED');
    const listed = await run('ssh-add', ['-L'], { SSH_AUTH_SOCK: srv.agentSocket });
    expect(listed.stdout).toContain(readFileSync(`${srv.clientKeys.plainPath}.pub`, 'utf8').split(' ')[1]);
    expectOk(await sftpBatch(srv, ['pwd'], undefined, { SSH_AUTH_SOCK: srv.agentSocket }), srv);
    expect(srv.log()).toMatch(/Accepted publickey for ferrytest/);
  });
});

describe('startSshServer with AuthenticationMethods keyboard-interactive', () => {
  let srv: RunningSshServer;
  beforeAll(async () => {
    srv = await startSshServer({ authenticationMethods: 'keyboard-interactive' });
  });
  afterAll(() => srv?.stop());

  it('refuses keys and offers only keyboard-interactive', async () => {
    const r = await sftpBatch(srv, ['pwd'], srv.clientKeys.plainPath);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/Permission denied \(keyboard-interactive\)/);
  });
});
