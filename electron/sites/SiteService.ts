/**
 * The Site Manager as the IPC layer sees it: sites and folders from the SiteStore with
 * their passwords in a SecretStore, kept consistent (`hasPassword`, secrets removed with
 * their site, copied with a duplicate), plus FileZilla import and export. Passwords go in,
 * but only `getPassword` (for the main process's connect code) ever gives one out.
 * Must not import electron.
 */
import { randomUUID } from 'node:crypto';
import type { Site } from '../../shared/domain';
import type { DetectedClock } from '../../shared/serverClock';
import { SiteValidationError, SitesError } from './errors';
import { exportSiteManager, type ExportOptions, type ExportResult } from './filezilla/exportSiteManager';
import { importSiteManager, type ImportOptions, type ImportResult } from './filezilla/importSiteManager';
import { isWithinFolder, parentFolder } from './folderPath';
import { MasterPasswordSecretStore } from './MasterPasswordSecretStore';
import type { SecretMode, SecretStore } from './SecretStore';
import type { SiteInput, SitePatch } from './siteInput';
import { hasSecret } from '../../shared/sites';
import type { LoadIssue, SiteStore, SiteTree } from './SiteStore';

/** What the Site Manager dialog shows about password storage and start-up problems. */
export interface SitesStatus {
  /** `ask-each-time` also for a master-password store that has no master password yet. */
  secretMode: SecretMode;
  /** Whether a password typed now can be saved. */
  canStorePasswords: boolean;
  /** Master-password mode only: whether `unlockPasswords` is needed first. */
  isLocked: boolean;
  /** Files found damaged at start and set aside (with their backup path). */
  loadIssues: Array<LoadIssue & { file: string }>;
}

/** Options of `exportFileZilla`. */
export interface ExportRequest extends Pick<ExportOptions, 'includePasswords' | 'platform'> {
  /** Export only this folder (with its sub-folders); default everything. */
  folder?: string;
}

// CR, LF or NUL in a password would end the PASS command early (RFC 959 line framing).
// eslint-disable-next-line no-control-regex
const BAD_PASSWORD = /[\r\n\u0000]/;

/** Sites, folders and their passwords behind one consistent API. */
export class SiteService {
  constructor(
    readonly store: SiteStore,
    readonly secrets: SecretStore,
  ) {}

  /** Builds the service and repairs `hasPassword` flags that a crash may have left wrong. */
  static async create(store: SiteStore, secrets: SecretStore): Promise<SiteService> {
    const service = new SiteService(store, secrets);
    for (const site of store.list().sites) {
      const has = await secrets.has(site.id);
      if (has !== (site.hasPassword === true)) await store.setHasPassword(site.id, has);
    }
    return service;
  }

  /** Password storage mode, lock state and start-up problems. */
  status(): SitesStatus {
    const master = this.master();
    const loadIssues: SitesStatus['loadIssues'] = [];
    for (const [file, issue] of [['sites', this.store.loadIssue], ['secrets', (this.secrets as { loadIssue?: LoadIssue }).loadIssue]] as const) {
      if (issue) loadIssues.push({ file, ...issue });
    }
    return {
      secretMode: master && !master.isInitialized() ? 'ask-each-time' : this.secrets.mode,
      canStorePasswords: this.secrets.canStore(),
      isLocked: master ? master.isInitialized() && !master.isUnlocked() : false,
      loadIssues,
    };
  }

  /** The whole tree (folders and sites, no passwords). */
  list(): SiteTree {
    return this.store.list();
  }

  /** One site, or `SiteNotFoundError`. */
  get(id: string): Site {
    return this.store.require(id);
  }

  /** Saves a new site; `password` (a key's passphrase for logon type `key`) is stored only for the logon types that keep one. */
  async create(input: SiteInput, password?: string): Promise<Site> {
    const fields = this.store.check(input);
    const secret = hasSecret(fields.logonType) ? checkPassword(password) : undefined;
    if (secret === undefined) return this.store.create(input);
    const id = randomUUID();
    await this.secrets.set(id, secret);
    return this.undoSecretOnFailure(id, () => this.store.create(input, { id, hasPassword: true }));
  }

  /** Changes a site; `password`: undefined keeps the saved one, `null` or `''` forgets it, text replaces it. */
  async update(id: string, patch: SitePatch, password?: string | null): Promise<Site> {
    const fields = this.store.checkUpdate(id, patch);
    if (!hasSecret(fields.logonType) || password === null || password === '') {
      await this.secrets.delete(id);
      return this.store.update(id, patch, { hasPassword: false });
    }
    const secret = checkPassword(password);
    if (secret === undefined) return this.store.update(id, patch);
    await this.secrets.set(id, secret);
    return this.store.update(id, patch, { hasPassword: true });
  }

  /** Keeps the clock offset detected for a site's server; undefined forgets it (detect again). */
  setClockDetected(id: string, detected: DetectedClock | undefined): Promise<Site> {
    return this.store.setClockDetected(id, detected);
  }

  /** Renames a site within its folder. */
  rename(id: string, name: string): Promise<Site> {
    return this.store.rename(id, name);
  }

  /** Moves a site to another folder. */
  move(id: string, folder: string): Promise<Site> {
    return this.store.move(id, folder);
  }

  /** Copies a site (and its password, when the store can read and write it now). */
  async duplicate(id: string, options: { folder?: string; name?: string } = {}): Promise<Site> {
    const source = this.store.require(id);
    let password: string | undefined;
    if (source.hasPassword && this.secrets.canStore()) {
      // A password that cannot be read now is not copied; the copy then shows "no password saved".
      password = await this.secrets.get(id).catch(() => undefined);
    }
    if (password === undefined) return this.store.duplicate(id, options);
    const newId = randomUUID();
    await this.secrets.set(newId, password);
    return this.undoSecretOnFailure(newId, () => this.store.duplicate(id, { ...options, newId, hasPassword: true }));
  }

  /** Deletes a site and its saved password. */
  async delete(id: string): Promise<void> {
    await this.store.delete(id);
    await this.secrets.delete(id);
  }

  /** Creates a folder; returns its path. */
  createFolder(folder: string): Promise<string> {
    return this.store.createFolder(folder);
  }

  /** Renames a folder; returns its new path. */
  renameFolder(folder: string, newName: string): Promise<string> {
    return this.store.renameFolder(folder, newName);
  }

  /** Moves a folder below another (`''` = top level); returns its new path. */
  moveFolder(folder: string, newParent: string): Promise<string> {
    return this.store.moveFolder(folder, newParent);
  }

  /** Deletes a folder; `recursive` also deletes its sites and their passwords. */
  async deleteFolder(folder: string, options: { recursive?: boolean } = {}): Promise<Site[]> {
    const removed = await this.store.deleteFolder(folder, options);
    for (const site of removed) await this.secrets.delete(site.id);
    return removed;
  }

  /** The saved password (a key's passphrase for logon type `key`) for connecting; main process only, never send it to the renderer. */
  async getPassword(id: string): Promise<string | undefined> {
    const site = this.store.require(id);
    return hasSecret(site.logonType) ? this.secrets.get(id) : undefined;
  }

  /** Imports FileZilla's sitemanager.xml text. */
  importFileZilla(xmlText: string, options: ImportOptions = {}): Promise<ImportResult> {
    return importSiteManager(xmlText, this.store, this.secrets, options);
  }

  /** Exports all sites, or one folder, as FileZilla sitemanager.xml text. */
  async exportFileZilla(request: ExportRequest = {}): Promise<ExportResult> {
    let { folders, sites } = this.store.list();
    if (request.folder) {
      const root = request.folder;
      if (!folders.includes(root)) throw new SitesError('folder-not-found', `No folder "${root}"`);
      // The chosen folder becomes a top-level folder of the file.
      const base = parentFolder(root);
      const relative = (f: string) => (base ? f.slice(base.length + 1) : f);
      folders = folders.filter((f) => isWithinFolder(f, root)).map(relative);
      sites = sites.filter((s) => s.folder !== '' && isWithinFolder(s.folder, root)).map((s) => ({ ...s, folder: relative(s.folder) }));
    }
    return exportSiteManager({ folders, sites }, {
      includePasswords: request.includePasswords,
      platform: request.platform,
      getPassword: (id) => this.secrets.get(id),
    });
  }

  /** Master-password mode: sets the first master password, after which passwords can be saved. */
  setMasterPassword(masterPassword: string): Promise<void> {
    return this.requireMaster().initialize(masterPassword);
  }

  /** Master-password mode: unlocks saved passwords (`WrongMasterPasswordError` when wrong). */
  unlockPasswords(masterPassword: string): Promise<void> {
    return this.requireMaster().unlock(masterPassword);
  }

  /** Master-password mode: forgets the key until the next unlock. */
  lockPasswords(): void {
    this.requireMaster().lock();
  }

  /** Master-password mode: re-encrypts every saved password under a new master password. */
  changeMasterPassword(currentPassword: string, newPassword: string): Promise<void> {
    return this.requireMaster().changeMasterPassword(currentPassword, newPassword);
  }

  /** Master-password mode: deletes every saved password and the master password ("ask each time" from now on). */
  async forgetAllPasswords(): Promise<void> {
    await this.requireMaster().reset();
    for (const site of this.store.list().sites) {
      if (site.hasPassword) await this.store.setHasPassword(site.id, false);
    }
  }

  private master(): MasterPasswordSecretStore | undefined {
    return this.secrets instanceof MasterPasswordSecretStore ? this.secrets : undefined;
  }

  private requireMaster(): MasterPasswordSecretStore {
    const master = this.master();
    if (!master) throw new SitesError('not-master-password-mode', `Passwords are kept by ${this.secrets.mode}, not by a master password`);
    return master;
  }

  private async undoSecretOnFailure(id: string, write: () => Promise<Site>): Promise<Site> {
    try {
      return await write();
    } catch (err) {
      await this.secrets.delete(id).catch(() => undefined);
      throw err;
    }
  }
}

/** Returns the password to store, undefined when none was given, or throws when it cannot be sent safely. */
function checkPassword(password: string | null | undefined): string | undefined {
  if (password === undefined || password === null || password === '') return undefined;
  if (typeof password !== 'string') throw new SiteValidationError([{ field: 'password', message: 'Password must be text' }]);
  if (BAD_PASSWORD.test(password)) throw new SiteValidationError([{ field: 'password', message: 'Password cannot contain line breaks' }]);
  if (password.length > 1024) throw new SiteValidationError([{ field: 'password', message: 'Password is longer than 1024 characters' }]);
  return password;
}
