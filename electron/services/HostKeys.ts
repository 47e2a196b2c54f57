/**
 * The SSH host keys the window's connections go by, per host and port: keys trusted "always" are
 * written to `known_hosts` in Ferry's data folder (OpenSSH's format; atomic writes), keys trusted
 * "once" are kept for this run, and the user's own ~/.ssh/known_hosts is read as trusted too but
 * never written. Each connection gets a HostKeyCheck that decides before any credential is sent.
 * Must not import electron.
 */
import os from 'node:os';
import { readFile } from 'node:fs/promises';
import { ensurePrivateDir, writeFileAtomic } from '../sites/atomicFile';
import { SerialQueue } from '../sites/SerialQueue';
import { checkAgainstFiles, knownHostsFiles, type HostKeyCheck } from '../sessions/hostKeyCheck';
import { knownHostLine, type PresentedKey } from '../sessions/knownHosts';
import { serverKey } from './TlsMemory';

/** What a connection's parameters say about trusting a host key. */
export interface HostKeyTrust {
  /** The fingerprint the user chose to trust in the panel. */
  trustedHostKey?: string;
  /** Keep it in Ferry's known_hosts (else for this run). */
  trustAlways?: boolean;
}

/** Known host keys and the user's decisions about new ones. */
export class HostKeys {
  private readonly writes = new SerialQueue();
  /** Fingerprints trusted once, by `host:port`: later connections of this run go on without asking. */
  private readonly trustedThisRun = new Map<string, string>();
  private readonly files: string[];

  constructor(
    private readonly dataDir: string,
    homeDir = os.homedir(),
    private readonly onError: (message: string) => void = () => undefined,
  ) {
    this.files = knownHostsFiles(dataDir, homeDir);
  }

  /** Ferry's own known_hosts file (the one a changed key's message tells how to clean). */
  get filePath(): string {
    return this.files[0];
  }

  /** The check for one connection with `trust` from its parameters. */
  checkFor(host: string, port: number, trust: HostKeyTrust): HostKeyCheck {
    const trustedFingerprint = trust.trustedHostKey ?? this.trustedThisRun.get(serverKey(host, port));
    return checkAgainstFiles(this.files, {
      trustedFingerprint,
      onTrusted: (key) => this.trust(key, trust.trustAlways === true && trust.trustedHostKey === key.fingerprint),
    });
  }

  /** Trusts a key for its server: for this run, or `always` (written to Ferry's known_hosts). */
  async trust(key: PresentedKey, always: boolean): Promise<void> {
    this.trustedThisRun.set(serverKey(key.host, key.port), key.fingerprint);
    if (!always) return;
    await this.writes
      .run(async () => {
        await ensurePrivateDir(this.dataDir);
        const current = await readFile(this.filePath, 'utf8').catch(() => '');
        const separator = current === '' || current.endsWith('\n') ? '' : '\n';
        await writeFileAtomic(this.filePath, `${current}${separator}${knownHostLine(key)}\n`);
      })
      .catch((err: unknown) => {
        // The connection is fine; not remembering only means being asked again next run.
        this.onError(`Could not save the host key of ${key.host}:${key.port} in ${this.filePath}: ${(err as Error).message}`);
      });
  }
}
