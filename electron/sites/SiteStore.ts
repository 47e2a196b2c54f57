/**
 * The saved sites (bookmarks) and their folder tree, persisted as `sites.json` in a given
 * folder with atomic writes. Every change is validated, written, and only then becomes
 * visible, so a failed write leaves memory and disk agreeing. Knows nothing of passwords
 * beyond the `hasPassword` flag. Must not import electron.
 */
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { Site } from '../../shared/domain';
import type { DetectedClock } from '../../shared/serverClock';
import { ensurePrivateDir, loadJsonFile, removeStaleTemps, writeFileAtomic } from './atomicFile';
import { SiteNotFoundError } from './errors';
import { SerialQueue } from './SerialQueue';
import { siteToInput, validateSiteInput, type SiteFields, type SiteInput, type SitePatch } from './siteInput';
import * as tree from './siteTree';
import { SITES_FILE_VERSION, sitesFileSchema } from './storeSchema';

/** The whole tree as the Site Manager shows it: every folder (including empty ones) and every site. */
export interface SiteTree {
  folders: string[];
  sites: Site[];
}

/** Why the file on disk was set aside at start, and where the damaged copy now is. */
export interface LoadIssue {
  reason: string;
  backupPath: string;
}

/** Options for tests and special placements. */
export interface SiteStoreOptions {
  /** File name inside the folder; default `sites.json`. */
  fileName?: string;
  /** Clock for backup names. */
  now?: () => Date;
  /** Id factory; default random UUIDs. */
  newId?: () => string;
}

/** One site to add in a batch, with an optional id chosen beforehand (to attach a secret first). */
export interface NewSite {
  input: SiteInput;
  id?: string;
  hasPassword?: boolean;
}

/** CRUD over saved sites and folders, persisted to one JSON file. */
export class SiteStore {
  private readonly queue = new SerialQueue();

  private constructor(
    /** Absolute path of the JSON file. */
    readonly filePath: string,
    private state: tree.TreeState,
    /** Set when the file was damaged at start and moved aside; the UI should tell the user. */
    readonly loadIssue: LoadIssue | undefined,
    private readonly newId: () => string,
  ) {}

  /** Opens (or starts) the store in `dir`; a damaged file is kept as `<file>.corrupt-<time>` and reported in `loadIssue`. */
  static async open(dir: string, options: SiteStoreOptions = {}): Promise<SiteStore> {
    const fileName = options.fileName ?? 'sites.json';
    await ensurePrivateDir(dir);
    await removeStaleTemps(dir, fileName);
    const filePath = path.join(dir, fileName);
    const loaded = await loadJsonFile(filePath, sitesFileSchema, { maxVersion: SITES_FILE_VERSION, now: options.now });
    let state = tree.EMPTY_TREE;
    let issue: LoadIssue | undefined;
    if (loaded.status === 'ok') {
      const sites = loaded.value.sites as Site[];
      state = tree.withFolders({ folders: [], sites }, [...loaded.value.folders, ...sites.map((s) => s.folder)]);
    } else if (loaded.status === 'corrupt') {
      issue = { reason: loaded.reason, backupPath: loaded.backupPath };
    }
    return new SiteStore(filePath, state, issue, options.newId ?? randomUUID);
  }

  /** Every folder and site, sorted for display; the objects are copies. */
  list(): SiteTree {
    return { folders: [...this.state.folders], sites: tree.sortSites(this.state.sites).map(copy) };
  }

  /** The site with this id, or undefined. */
  get(id: string): Site | undefined {
    const site = this.state.sites.find((s) => s.id === id);
    return site && copy(site);
  }

  /** The site with this id, or a `SiteNotFoundError`. */
  require(id: string): Site {
    const site = this.get(id);
    if (!site) throw new SiteNotFoundError(id);
    return site;
  }

  /** Validates `input` as a new site (including the unique name) without saving anything. */
  check(input: SiteInput, excludeId?: string): SiteFields {
    return this.prepare(this.state, input, excludeId).fields;
  }

  /** Adds a site; its folder is created when missing. */
  async create(input: SiteInput, options: { id?: string; hasPassword?: boolean } = {}): Promise<Site> {
    const [site] = await this.createMany([{ input, ...options }]);
    return site;
  }

  /** Adds several sites and folders in one write (used by import); all or nothing. */
  async createMany(items: NewSite[], folders: string[] = []): Promise<Site[]> {
    return this.mutate((state) => {
      let next = tree.withFolders(state, folders.map((f) => tree.canonicalFolder(state, f)));
      const created: Site[] = [];
      for (const item of items) {
        const { fields, folder } = this.prepare(next, item.input);
        const site: Site = { id: item.id ?? this.newId(), ...fields, folder };
        if (item.hasPassword) site.hasPassword = true;
        if (next.sites.some((s) => s.id === site.id)) throw new Error(`Duplicate site id ${site.id}`);
        next = tree.withFolders({ ...next, sites: [...next.sites, site] }, [folder]);
        created.push(site);
      }
      return { state: next, result: created.map(copy) };
    });
  }

  /** Changes fields of a site; keys missing from `patch` keep their value, and so does `hasPassword` unless given. */
  async update(id: string, patch: SitePatch, options: { hasPassword?: boolean } = {}): Promise<Site> {
    return this.mutate((state) => {
      const current = findSite(state, id);
      const { fields, folder } = this.prepare(state, mergePatch(current, patch), id);
      const site: Site = { id, ...fields, folder };
      // Detected from the server, not edited: a change of other fields keeps it.
      if (current.clockDetected) site.clockDetected = current.clockDetected;
      if (options.hasPassword ?? current.hasPassword) site.hasPassword = true;
      return replaceSite(state, site);
    });
  }

  /** Keeps the clock offset detected for a site's server; undefined forgets it, so it is detected again. */
  async setClockDetected(id: string, detected: DetectedClock | undefined): Promise<Site> {
    return this.mutate((state) => {
      const site = { ...findSite(state, id) };
      if (detected) site.clockDetected = { ...detected };
      else delete site.clockDetected;
      return replaceSite(state, site);
    });
  }

  /** Validates the result of applying `patch` to a site, without saving. */
  checkUpdate(id: string, patch: SitePatch): SiteFields {
    return this.prepare(this.state, mergePatch(findSite(this.state, id), patch), id).fields;
  }

  /** Records whether the secret store holds a password for the site. */
  async setHasPassword(id: string, hasPassword: boolean): Promise<Site> {
    return this.mutate((state) => {
      const site = { ...findSite(state, id) };
      if (hasPassword) site.hasPassword = true;
      else delete site.hasPassword;
      return replaceSite(state, site);
    });
  }

  /** Renames a site within its folder. */
  async rename(id: string, name: string): Promise<Site> {
    return this.update(id, { name });
  }

  /** Moves a site to another folder (created when missing). */
  async move(id: string, folder: string): Promise<Site> {
    return this.update(id, { folder });
  }

  /** Copies a site under a free name (`Copy of X`, `Copy of X (2)`…) in the same or another folder; the copy has a password only if `hasPassword` says the caller copied it. */
  async duplicate(id: string, options: { folder?: string; name?: string; newId?: string; hasPassword?: boolean } = {}): Promise<Site> {
    const source = this.require(id);
    const folder = tree.canonicalFolder(this.state, options.folder ?? source.folder);
    const name = options.name ?? tree.freeSiteName(this.state, folder, `Copy of ${source.name}`);
    return this.create({ ...siteToInput(source), folder, name }, { id: options.newId, hasPassword: options.hasPassword });
  }

  /** Removes a site and returns what it was. */
  async delete(id: string): Promise<Site> {
    return this.mutate((state) => {
      const site = findSite(state, id);
      return { state: { ...state, sites: state.sites.filter((s) => s.id !== id) }, result: copy(site) };
    });
  }

  /** Creates a folder (and missing parents); returns its canonical path. */
  async createFolder(folder: string): Promise<string> {
    return this.mutate((state) => {
      const r = tree.addFolder(state, folder);
      return { state: r.state, result: r.path };
    });
  }

  /** Renames the last segment of a folder; returns the new path. */
  async renameFolder(folder: string, newName: string): Promise<string> {
    return this.mutate((state) => {
      const r = tree.renameFolder(state, folder, newName);
      return { state: r.state, result: r.path };
    });
  }

  /** Moves a folder with its content below `newParent` (`''` = top level); returns the new path. */
  async moveFolder(folder: string, newParent: string): Promise<string> {
    return this.mutate((state) => {
      const r = tree.moveFolder(state, folder, newParent);
      return { state: r.state, result: r.path };
    });
  }

  /** Deletes a folder; with `recursive` also its sub-folders and sites, which are returned. */
  async deleteFolder(folder: string, options: { recursive?: boolean } = {}): Promise<Site[]> {
    return this.mutate((state) => {
      const r = tree.removeFolder(state, folder, options.recursive === true);
      return { state: r.state, result: r.removed.map(copy) };
    });
  }

  /** Validates input against `state`, mapping the folder to its existing spelling. */
  private prepare(state: tree.TreeState, input: SiteInput, excludeId?: string): { fields: SiteFields; folder: string } {
    const fields = validateSiteInput(input);
    const folder = tree.canonicalFolder(state, fields.folder);
    tree.assertUniqueSiteName(state, folder, fields.name, excludeId);
    return { fields, folder };
  }

  /** Runs one change in order: compute the next state, write it durably, then publish it. */
  private mutate<T>(change: (state: tree.TreeState) => { state: tree.TreeState; result: T }): Promise<T> {
    return this.queue.run(async () => {
      const { state, result } = change(this.state);
      const file = { version: SITES_FILE_VERSION, folders: state.folders, sites: state.sites };
      await writeFileAtomic(this.filePath, `${JSON.stringify(file, null, 2)}\n`);
      this.state = state;
      return result;
    });
  }
}

function mergePatch(current: Site, patch: SitePatch): SiteInput {
  const defined = Object.fromEntries(Object.entries(patch ?? {}).filter(([, v]) => v !== undefined));
  return { ...siteToInput(current), ...defined };
}

function copy(site: Site): Site {
  return { ...site };
}

function findSite(state: tree.TreeState, id: string): Site {
  const site = state.sites.find((s) => s.id === id);
  if (!site) throw new SiteNotFoundError(id);
  return site;
}

function replaceSite(state: tree.TreeState, site: Site): { state: tree.TreeState; result: Site } {
  const sites = state.sites.map((s) => (s.id === site.id ? site : s));
  return { state: tree.withFolders({ ...state, sites }, [site.folder]), result: copy(site) };
}
