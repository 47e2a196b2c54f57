/**
 * Logging in to a real OpenSSH server with the SFTP engine: password, private keys (OpenSSH and
 * PEM, plain and encrypted, the passphrase given or asked for), the agent, keyboard-interactive;
 * refusals as SftpAuthError naming what was tried; and a host key the hook does not trust ending
 * the connection with SftpHostKeyError before any credential reaches the server.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { SftpAuthError, SftpHostKeyError, SftpSession, type SftpLogEvent } from '../../../electron/sftp';
import { connect, keyFile, passwordLogin, sshSuite, trustingHooks } from './harness';

const open: SftpSession[] = [];
afterEach(async () => {
  for (const s of open.splice(0)) await s.close();
});
const kept = (s: SftpSession) => (open.push(s), s);

describe('SFTP login (password, keys, agent)', () => {
  const suite = sshSuite({ agent: true });

  it('logs in with the password and tells the server, its key, its extensions and the home folder', async () => {
    const log: SftpLogEvent[] = [];
    const session = kept(await connect(suite.server, {}, log));
    expect(session.serverVersion).toMatch(/^SSH-2\.0-OpenSSH_/);
    expect(session.homeDirectory).toBe(suite.server.homeDir);
    expect(session.hostKey.type).toBe('ssh-ed25519');
    expect(session.hostKey.fingerprint).toBe(suite.server.hostKeys.find((k) => k.type === 'ssh-ed25519')!.fingerprint);
    expect(session.hostKey.keyBase64).toBe(suite.server.hostKeys[0].publicKeyLine.split(' ')[1]);
    expect(session.extensions.has('posix-rename@openssh.com')).toBe(true);
    expect(session.isClosed).toBe(false);
    expect(log.map((e) => e.text)).toContain('Logged in as ferrytest');
    expect(suite.server.log()).toMatch(/Accepted (password|keyboard-interactive\/pam) for ferrytest/);
  });

  it.each([
    ['an OpenSSH key', () => keyFile(suite.server.clientKeys.plainPath)],
    ['a PEM key', () => keyFile(suite.server.clientKeys.pemPath)],
    ['an encrypted OpenSSH key with its passphrase', () => keyFile(suite.server.clientKeys.encryptedPath, suite.server.clientKeys.passphrase)],
    ['an encrypted PEM key with its passphrase', () => keyFile(suite.server.clientKeys.encryptedPemPath, suite.server.clientKeys.passphrase)],
  ])('logs in with %s and no password', async (_name, key) => {
    const before = (suite.server.log().match(/Accepted publickey/g) ?? []).length;
    kept(await connect(suite.server, { password: undefined, privateKey: key() }));
    expect((suite.server.log().match(/Accepted publickey/g) ?? []).length).toBe(before + 1);
  });

  it('asks for the passphrase of an encrypted key, again while it is wrong', async () => {
    const asked: string[] = [];
    const answers = ['wrong', suite.server.clientKeys.passphrase];
    const session = kept(await connect(suite.server, { password: undefined, privateKey: keyFile(suite.server.clientKeys.encryptedPath) }, [], {
      onPassphrase: async (keyPath) => {
        asked.push(keyPath);
        return answers.shift()!;
      },
    }));
    expect(asked).toEqual([suite.server.clientKeys.encryptedPath, suite.server.clientKeys.encryptedPath]);
    expect(session.isClosed).toBe(false);
  });

  it('refuses a wrong passphrase with SftpAuthError before connecting', async () => {
    const err = await connect(suite.server, { password: undefined, privateKey: keyFile(suite.server.clientKeys.encryptedPath, 'not it') }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SftpAuthError);
    expect((err as SftpAuthError).message).toMatch(/passphrase is wrong/);
  });

  it('logs in with the key the agent holds', async () => {
    const log: SftpLogEvent[] = [];
    kept(await connect(suite.server, { password: undefined, useAgent: suite.server.agentSocket }, log));
    expect(log.some((e) => e.kind === 'command' && /keys of the SSH agent/.test(e.text))).toBe(true);
  });

  it('says which methods it tried when the password is wrong', async () => {
    const err = await connect(suite.server, { password: 'wrong-password' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SftpAuthError);
    const auth = err as SftpAuthError;
    expect(auth.kind).toBe('auth');
    expect(auth.methodsTried).toEqual(['keyboard-interactive', 'password']);
    expect(auth.methodsOffered).toEqual(expect.arrayContaining(['publickey', 'password', 'keyboard-interactive']));
    expect(auth.message).toMatch(/Login refused for ferrytest: tried keyboard-interactive, password/);
  });

  it('tries the agent, the key, then the password, in that order', async () => {
    const log: SftpLogEvent[] = [];
    const session = kept(await connect(suite.server, {
      password: suite.server.password, privateKey: keyFile(suite.server.clientKeys.plainPath), useAgent: suite.server.agentSocket,
    }, log));
    expect(session.isClosed).toBe(false);
    // The agent's key is authorized, so it is the one that logs in.
    expect(log.filter((e) => /^USERAUTH/.test(e.text)).map((e) => e.text)).toEqual(['USERAUTH ferrytest (keys of the SSH agent)']);
  });
});

describe('SFTP host key checks', () => {
  const suite = sshSuite({ logLevel: 'DEBUG1' });

  it('ends the connection with SftpHostKeyError before any credential is sent', async () => {
    const seen: string[] = [];
    const err = await SftpSession.connect(passwordLogin(suite.server), {
      verifyHostKey: async (key) => {
        seen.push(key.fingerprint);
        return false;
      },
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SftpHostKeyError);
    const key = (err as SftpHostKeyError).key;
    expect(key).toMatchObject({ host: '127.0.0.1', port: suite.server.port, type: 'ssh-ed25519' });
    expect(seen).toEqual([key.fingerprint]);
    expect(suite.server.hostKeys.map((k) => k.fingerprint)).toContain(key.fingerprint);
    // sshd logs every userauth request at DEBUG1: none arrived.
    const log = suite.server.log();
    expect(log).toMatch(/Connection from 127\.0\.0\.1/);
    expect(log).not.toMatch(/userauth-request|Failed password|Accepted/);
  });

  it('goes on when the hook trusts the key', async () => {
    const session = await SftpSession.connect(passwordLogin(suite.server), trustingHooks(suite.server));
    expect(session.hostKey.fingerprint).toMatch(/^SHA256:/);
    await session.close();
    expect(session.isClosed).toBe(true);
  });
});

describe('SFTP keyboard-interactive login', () => {
  const suite = sshSuite({ authenticationMethods: 'keyboard-interactive' });

  it('answers the hidden password prompt with the password', async () => {
    kept(await connect(suite.server));
    expect(suite.server.log()).toMatch(/Accepted keyboard-interactive\/pam for ferrytest/);
  });

  it('hands prompts the password cannot answer to onPrompts', async () => {
    const prompts: string[] = [];
    kept(await connect(suite.server, { password: undefined }, [], {
      onPrompts: async (request) => {
        prompts.push(...request.prompts.map((p) => `${p.text.trim()} echo=${p.isEcho}`));
        return [suite.server.password];
      },
    }));
    expect(prompts).toEqual(['Password: echo=false']);
  });

  it('fails with SftpAuthError when onPrompts gives up', async () => {
    const err = await connect(suite.server, { password: undefined }, [], { onPrompts: () => Promise.reject(new Error('cancelled')) }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SftpAuthError);
    expect((err as SftpAuthError).methodsTried).toEqual(['keyboard-interactive']);
  });
});
