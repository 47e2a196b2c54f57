/**
 * What Ferry remembers about servers and TLS, so "TLS if available" cannot be stripped
 * silently:
 * - servers where TLS once worked: a later refusal of AUTH TLS from one of them is treated as an
 *   attack (someone between us and the server removing TLS), and no password is sent;
 * - servers the user agreed to use without TLS, for this run ("continue once") or always;
 * - certificates the user chose to trust for a server reached without a saved site, for this run
 *   ("trust once") or always (a saved site keeps its own).
 * Kept in `tls-memory.json` (atomic writes; a damaged file is set aside and forgotten, which only
 * means being asked again). Servers are `host:port`, host in lower case.
 * Must not import electron.
 */
import path from 'node:path';
import { z } from 'zod';
import { loadJsonFile, removeStaleTemps, writeFileAtomic } from '../sites/atomicFile';

const FILE_NAME = 'tls-memory.json';
const VERSION = 1;
const MAX_SERVERS = 10_000;

const memoryFile = z.object({
  version: z.literal(VERSION),
  tlsSeen: z.array(z.string().max(300)).max(MAX_SERVERS),
  plainAllowed: z.array(z.string().max(300)).max(MAX_SERVERS),
  trusted: z.record(z.string().max(300), z.string().max(200)).optional(),
});

/** The key of a server. */
export function serverKey(host: string, port: number): string {
  return `${host.toLowerCase()}:${port}`;
}

/** TLS facts and permissions per server. */
export class TlsMemory {
  private readonly plainThisRun = new Set<string>();
  private readonly trustedThisRun = new Map<string, string>();

  private constructor(
    private readonly dataDir: string,
    private readonly tlsSeen: Set<string>,
    private readonly plainAllowed: Set<string>,
    private readonly trusted: Map<string, string>,
    private readonly onError: (message: string) => void,
  ) {}

  /** Loads what was remembered in `dataDir`; a damaged file is reported and starts empty. */
  static async open(dataDir: string, onError: (message: string) => void = () => undefined): Promise<TlsMemory> {
    await removeStaleTemps(dataDir, FILE_NAME);
    const loaded = await loadJsonFile(path.join(dataDir, FILE_NAME), memoryFile, { maxVersion: VERSION });
    if (loaded.status === 'corrupt') onError(`What Ferry remembered about TLS could not be read (${loaded.reason}); the file was kept as ${loaded.backupPath}`);
    const value = loaded.status === 'ok' ? loaded.value : { tlsSeen: [], plainAllowed: [], trusted: {} };
    return new TlsMemory(dataDir, new Set(value.tlsSeen), new Set(value.plainAllowed), new Map(Object.entries(value.trusted ?? {})), onError);
  }

  /** Whether TLS worked with this server before. */
  hasSeenTls(key: string): boolean {
    return this.tlsSeen.has(key);
  }

  /** Whether the user agreed to log in to this server without TLS, and it never offered TLS. */
  isPlainAllowed(key: string): boolean {
    return !this.tlsSeen.has(key) && (this.plainThisRun.has(key) || this.plainAllowed.has(key));
  }

  /** The user agreed to go on without TLS: for this run, or `always`. */
  async allowPlain(key: string, always: boolean): Promise<void> {
    this.plainThisRun.add(key);
    if (always && !this.plainAllowed.has(key)) {
      this.plainAllowed.add(key);
      await this.save();
    }
  }

  /** The certificate fingerprint the user trusts for this server, this run or always; undefined when none. */
  trustedFingerprintOf(key: string): string | undefined {
    return this.trustedThisRun.get(key) ?? this.trusted.get(key);
  }

  /** The user trusts this certificate for this server: for this run, or `always`. */
  async trust(key: string, fingerprint: string, always: boolean): Promise<void> {
    this.trustedThisRun.set(key, fingerprint);
    if (always && this.trusted.get(key) !== fingerprint) {
      this.trusted.set(key, fingerprint);
      await this.save();
    }
  }

  /** TLS worked with this server: from now on a server refusing it is suspect. */
  async noteTls(key: string): Promise<void> {
    if (this.tlsSeen.has(key) && !this.plainAllowed.has(key)) return;
    this.tlsSeen.add(key);
    this.plainAllowed.delete(key);
    this.plainThisRun.delete(key);
    await this.save();
  }

  private async save(): Promise<void> {
    const data = {
      version: VERSION,
      tlsSeen: [...this.tlsSeen].slice(-MAX_SERVERS),
      plainAllowed: [...this.plainAllowed].slice(-MAX_SERVERS),
      trusted: Object.fromEntries([...this.trusted].slice(-MAX_SERVERS)),
    };
    await writeFileAtomic(path.join(this.dataDir, FILE_NAME), `${JSON.stringify(data, null, 2)}\n`).catch((err: unknown) => {
      // Forgetting only means being asked again; the connection itself is fine.
      this.onError(`Could not save what Ferry remembers about TLS: ${(err as Error).message}`);
    });
  }
}
