/**
 * The contract for where site passwords live, plus the "ask each time" store that keeps
 * none. Implementations never write a password in plain text. Must not import electron.
 */
import { SecretsUnavailableError } from './errors';

/** How passwords are kept: the OS keychain (Electron), a master password (browser mode), or not at all. */
export type SecretMode = 'keychain' | 'master-password' | 'ask-each-time';

/** Password storage keyed by site id. */
export interface SecretStore {
  /** Which kind of store this is, so the UI can explain the choice. */
  readonly mode: SecretMode;
  /** Whether `set` can succeed right now (keychain available, master password unlocked…). */
  canStore(): boolean;
  /** Whether a password is stored for the site (works while locked). */
  has(siteId: string): Promise<boolean>;
  /** The stored password, or undefined when there is none. */
  get(siteId: string): Promise<string | undefined>;
  /** Stores (or replaces) the password for a site. */
  set(siteId: string, password: string): Promise<void>;
  /** Stores several passwords in one write (used by import). */
  setMany(entries: ReadonlyArray<readonly [siteId: string, password: string]>): Promise<void>;
  /** Forgets the password of a site; no error when there was none. */
  delete(siteId: string): Promise<void>;
}

/** "Ask each time": nothing is stored, so nothing can leak; sites use logon type `ask`. */
export class AskEachTimeSecretStore implements SecretStore {
  readonly mode = 'ask-each-time' as const;

  /** Always false: this mode never stores passwords. */
  canStore(): boolean {
    return false;
  }

  /** Always false. */
  async has(): Promise<boolean> {
    return false;
  }

  /** Always undefined. */
  async get(): Promise<string | undefined> {
    return undefined;
  }

  /** Refuses, so a caller cannot believe a password was saved. */
  async set(): Promise<void> {
    throw new SecretsUnavailableError('Passwords are not saved in "ask each time" mode');
  }

  /** Refuses unless there is nothing to store. */
  async setMany(entries: ReadonlyArray<readonly [string, string]>): Promise<void> {
    if (entries.length > 0) await this.set();
  }

  /** Nothing to forget. */
  async delete(): Promise<void> {}
}
