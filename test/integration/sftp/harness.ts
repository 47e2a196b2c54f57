/**
 * Shared set-up of the SFTP engine's integration tests: a real sshd per describe block
 * (test/servers/sshd.ts), connections that trust exactly the server's own host keys, a local work
 * folder, and the log lines each connection wrote. Test-only.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { SftpSession, type SftpConnectOptions, type SftpHooks, type SftpLogEvent } from '../../../electron/sftp';
import { startSshServer, type RunningSshServer, type SshServerOptions } from '../../servers/sshd';

/** A real sshd and a work folder for one describe block. */
export interface SshSuite {
  server: RunningSshServer;
  work: string;
}

/** Starts an sshd before the block's tests and stops it (and removes the work folder) after; call inside `describe`. */
export function sshSuite(options: SshServerOptions = {}): SshSuite {
  const suite = {} as SshSuite;
  beforeAll(async () => {
    suite.server = await startSshServer(options);
    suite.work = mkdtempSync(path.join(tmpdir(), 'ferry-sftp-test-'));
  });
  afterAll(async () => {
    await suite.server?.stop();
    if (suite.work) rmSync(suite.work, { recursive: true, force: true });
  });
  return suite;
}

/** Hooks that trust the server's own host keys (as a known_hosts entry would) and keep the log. */
export function trustingHooks(server: RunningSshServer, log: SftpLogEvent[] = [], extra: Partial<SftpHooks> = {}): SftpHooks {
  const known = new Set(server.hostKeys.map((k) => k.fingerprint));
  return { verifyHostKey: (key) => known.has(key.fingerprint), onLog: (e) => log.push(e), ...extra };
}

/** Connection options for the test user with the password, overridable. */
export function passwordLogin(server: RunningSshServer, overrides: Partial<SftpConnectOptions> = {}): SftpConnectOptions {
  return { host: server.host, port: server.port, user: server.user, password: server.password, connectionId: 'test', timeoutMs: 20_000, ...overrides };
}

/** Connects with the password (unless overridden) and trusting hooks. */
export function connect(server: RunningSshServer, overrides: Partial<SftpConnectOptions> = {}, log: SftpLogEvent[] = [], hooks: Partial<SftpHooks> = {}): Promise<SftpSession> {
  return SftpSession.connect(passwordLogin(server, overrides), trustingHooks(server, log, hooks));
}

/** A private key file as SftpConnectOptions.privateKey takes it. */
export function keyFile(keyPath: string, passphrase?: string): NonNullable<SftpConnectOptions['privateKey']> {
  return { path: keyPath, data: readFileSync(keyPath), passphrase };
}

/** SHA-256 of a file's bytes, hex. */
export function sha256Of(filePath: string): string {
  return createHash('sha256').update(readFileSync(filePath)).digest('hex');
}
