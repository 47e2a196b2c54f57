/**
 * The decision about an SSH server's host key, taken before any credential is sent: a key that
 * known_hosts holds for the server goes on; one the user trusts for this connection (the trust
 * panel, `--fingerprint`) goes on and may be remembered; an unknown key, a changed one and a
 * revoked one stop the connection, and the engine's refusal becomes an error that says which
 * (with the key's details, so the window can ask and the command line can name it).
 * Must not import electron.
 */
import path from 'node:path';
import type { HostKeyDetails } from '../../shared/domain';
import { judgeHostKey, knownHostName, readKnownHostsFile, type HostKeyVerdict, type KnownHostEntry, type PresentedKey } from './knownHosts';

/** The name of Ferry's own known_hosts file in its data folder (OpenSSH's format, so ssh-keygen -R works on it). */
export const KNOWN_HOSTS_FILE = 'known_hosts';

/**
 * The known_hosts files a host key is judged by: Ferry's own, in its data folder (the keys trusted
 * "always" in the window), then the user's OpenSSH file, which Ferry reads and never writes.
 */
export function knownHostsFiles(dataDir: string, homeDir: string): string[] {
  return [path.join(dataDir, KNOWN_HOSTS_FILE), path.join(homeDir, '.ssh', 'known_hosts')];
}

/** The server presented a key nothing vouches for: the user decides. */
export class HostKeyUnknownError extends Error {
  readonly kind = 'host-key-unknown';
  constructor(readonly hostKey: HostKeyDetails, otherTypes: string[]) {
    const other = otherTypes.length > 0 ? ` (Ferry knows a ${otherTypes.join(' and a ')} key for it, not this kind)` : '';
    super(
      `${serverOf(hostKey)} presented a host key Ferry does not know${other}: ${hostKey.type} ${hostKey.fingerprint}. ` +
        'Nothing was sent yet. Compare the fingerprint with the one the server administrator gave you before trusting it.',
    );
  }
}

/** The server presented another key than the one known for it: refused, naming both and how to remove the old one. */
export class HostKeyChangedError extends Error {
  readonly kind = 'host-key-changed';
  constructor(readonly hostKey: HostKeyDetails & { previous: NonNullable<HostKeyDetails['previous']> }) {
    const { previous } = hostKey;
    super(
      `WARNING: the host key of ${serverOf(hostKey)} has changed. Known: ${previous.type} ${previous.fingerprint} (${previous.source}); ` +
        `presented now: ${hostKey.type} ${hostKey.fingerprint}. Someone may be intercepting the connection, or the server's key was replaced. ` +
        `Ferry refused it and sent nothing. Only if the administrator confirms the new key, remove the old one (${previous.removeCommand}) and connect again.`,
    );
  }
}

/** The server presented a key known_hosts marks as revoked. */
export class HostKeyRevokedError extends Error {
  readonly kind = 'host-key-revoked';
  constructor(readonly hostKey: HostKeyDetails, source: string) {
    super(`${serverOf(hostKey)} presented a revoked host key (${hostKey.type} ${hostKey.fingerprint}, marked @revoked in ${source}); Ferry refused it and sent nothing.`);
  }
}

function serverOf(key: Pick<HostKeyDetails, 'host' | 'port'>): string {
  return `${key.host}:${key.port}`;
}

/** What one connection's check goes by. */
export interface HostKeyCheckOptions {
  /** The known_hosts entries to judge by. */
  entries(): Promise<readonly KnownHostEntry[]>;
  /** A fingerprint (`SHA256:…`) the user chose to trust for this connection. */
  trustedFingerprint?: string;
  /** Hears an unknown key that the user's fingerprint let in (to remember it when asked to). */
  onTrusted?(key: PresentedKey): Promise<void>;
  /** How to remove the old line of a changed key, for its message (`ssh-keygen -R …`). */
  removeHint(entry: KnownHostEntry, key: PresentedKey): string;
}

/** One connection's host key decision, and the words for a refusal. */
export class HostKeyCheck {
  private refusal?: { verdict: Exclude<HostKeyVerdict, { kind: 'known' }>; key: PresentedKey };

  constructor(private readonly options: HostKeyCheckOptions) {}

  /** The engine's `verifyHostKey` hook: true to go on. */
  readonly verify = async (key: PresentedKey): Promise<boolean> => {
    const verdict = judgeHostKey(await this.options.entries(), key);
    if (verdict.kind === 'known') return true;
    // The user's fingerprint lets in only a key nothing contradicts: a changed or revoked key stays refused.
    if (verdict.kind === 'unknown' && this.options.trustedFingerprint === key.fingerprint) {
      await this.options.onTrusted?.(key);
      return true;
    }
    this.refusal = { verdict, key };
    return false;
  };

  /** The error to report for a failed connect: the refusal in words when this check refused the key, else `err` itself. */
  explain(err: unknown): unknown {
    if (!this.refusal || (err as { kind?: unknown } | null)?.kind !== 'host-key') return err;
    const { verdict, key } = this.refusal;
    const details: HostKeyDetails = { host: key.host, port: key.port, type: key.type, fingerprint: key.fingerprint };
    if (verdict.kind === 'revoked') return new HostKeyRevokedError(details, verdict.entry.source);
    if (verdict.kind === 'unknown') return new HostKeyUnknownError(details, verdict.otherTypes);
    const removeCommand = this.options.removeHint(verdict.entry, key);
    const previous = { type: verdict.entry.type, fingerprint: verdict.previousFingerprint, source: verdict.entry.source, removeCommand };
    return new HostKeyChangedError({ ...details, previous });
  }
}

/**
 * A check against known_hosts files (read anew for each connection: ssh-keygen may have changed
 * them), whose refusals of a changed key say how to remove the line from its own file.
 */
export function checkAgainstFiles(files: readonly string[], options: Pick<HostKeyCheckOptions, 'trustedFingerprint' | 'onTrusted'> = {}): HostKeyCheck {
  return new HostKeyCheck({
    ...options,
    entries: async () => (await Promise.all(files.map((file) => readKnownHostsFile(file)))).flat(),
    removeHint: (entry, key) => sshKeygenRemove(key, entry.source.slice(0, entry.source.lastIndexOf(':'))),
  });
}

/** `ssh-keygen -R` for the server in a known_hosts file: how OpenSSH removes a host's old keys. */
export function sshKeygenRemove(key: Pick<PresentedKey, 'host' | 'port'>, filePath: string): string {
  const quote = (text: string) => (/^[\w@%+=:,./[\]-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`);
  return `ssh-keygen -R ${quote(knownHostName(key.host, key.port))} -f ${quote(filePath)}`;
}
