/**
 * Imports a parsed sitemanager.xml into a SiteStore and a SecretStore: names that clash
 * with existing sites get a free suffix, passwords go to the secret store (or the site
 * becomes "ask" when the store cannot keep them), and all sites land in one write.
 * Must not import electron.
 */
import { randomUUID } from 'node:crypto';
import type { Site } from '../../../shared/domain';
import { joinFolder, normalizeFolderPath } from '../folderPath';
import type { SecretStore } from '../SecretStore';
import { validateSiteInput } from '../siteInput';
import type { NewSite, SiteStore } from '../SiteStore';
import * as tree from '../siteTree';
import { parseSiteManager, type ImportIssue, type ImportWarning } from './parseSiteManager';

/** Where to put the imported tree. */
export interface ImportOptions {
  /** Folder to import into (created when missing); default the top level. */
  targetFolder?: string;
}

/** What the import did: the new sites, the entries left out and why, and settings that changed. */
export interface ImportResult {
  imported: Site[];
  skipped: ImportIssue[];
  warnings: ImportWarning[];
  /** Folders of the file as created in the store (including empty ones). */
  folders: string[];
}

/** Parses `xmlText` and adds its folders, sites and passwords; throws `SiteManagerFormatError` for a bad file. */
export async function importSiteManager(
  xmlText: string,
  store: SiteStore,
  secrets: SecretStore,
  options: ImportOptions = {},
): Promise<ImportResult> {
  const parsed = parseSiteManager(xmlText);
  const target = normalizeFolderPath(options.targetFolder ?? '', 'targetFolder');
  const warnings = [...parsed.warnings];

  // Resolve folder spellings and free names against the store as it is now plus this import.
  let state: tree.TreeState = store.list();
  const folders = parsed.folders.map((f) => tree.canonicalFolder(state, joinFolder(target, f)));
  if (target) folders.unshift(tree.canonicalFolder(state, target));
  state = tree.withFolders(state, folders);

  const cannotStore = secrets.canStore() ? undefined : secretsUnavailableReason(secrets);
  const items: NewSite[] = [];
  const passwords: Array<[string, string]> = [];
  for (const entry of parsed.sites) {
    const folder = tree.canonicalFolder(state, joinFolder(target, entry.input.folder ?? ''));
    const name = tree.freeSiteName(state, folder, entry.input.name);
    if (name !== entry.input.name) warnings.push({ path: entry.path, message: `Renamed to "${name}": the name was already taken` });
    const input = { ...entry.input, folder, name };
    const id = randomUUID();
    let hasPassword = false;
    if (entry.password !== undefined) {
      if (cannotStore) {
        input.logonType = 'ask';
        warnings.push({ path: entry.path, message: `Password not saved (${cannotStore}); imported as "ask for password"` });
      } else {
        passwords.push([id, entry.password]);
        hasPassword = true;
      }
    }
    items.push({ input, id, hasPassword });
    state = { ...state, sites: [...state.sites, { id, ...validateSiteInput(input), folder }] };
  }

  // Secrets first: if the site write then fails, the orphaned secrets are removed again.
  await secrets.setMany(passwords);
  let imported: Site[];
  try {
    imported = await store.createMany(items, folders);
  } catch (err) {
    await Promise.allSettled(passwords.map(([id]) => secrets.delete(id)));
    throw err;
  }
  return { imported, skipped: parsed.skipped, warnings, folders: [...new Set(folders)] };
}

function secretsUnavailableReason(secrets: SecretStore): string {
  if (secrets.mode === 'ask-each-time') return 'passwords are not stored in "ask each time" mode';
  if (secrets.mode === 'master-password') return 'the password store is locked';
  return 'the system keychain is not available';
}
