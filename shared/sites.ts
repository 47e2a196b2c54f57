/**
 * Plain data of the Site Manager as it crosses the contract: the tree, password storage
 * status, and the reports of FileZilla import and export.
 * Must not import node:*, the DOM or React.
 */
import type { LogonType, Site } from './domain';

/** Whether a site of this logon type keeps a secret: its password (normal), or its key's passphrase (key). */
export function hasSecret(logonType: LogonType): boolean {
  return logonType === 'normal' || logonType === 'key';
}

/** All folders (including empty ones) and all sites, without passwords. */
export interface SiteTree {
  folders: string[];
  sites: Site[];
}

/** How passwords are kept: OS keychain (Electron), a master password (browser mode), or not at all. */
export type SecretMode = 'keychain' | 'master-password' | 'ask-each-time';

/** What the Site Manager shows about password storage and files set aside at start. */
export interface SitesStatus {
  secretMode: SecretMode;
  canStorePasswords: boolean;
  isLocked: boolean;
  loadIssues: { file: string; reason: string; backupPath: string }[];
}

/** One FileZilla entry that was not imported, and why. */
export interface ImportSkip {
  path: string;
  reason: string;
}

/** One setting that was changed or left out on import or export. */
export interface ImportNote {
  path: string;
  message: string;
}

/** What an import did. */
export interface ImportReport {
  imported: Site[];
  skipped: ImportSkip[];
  warnings: ImportNote[];
  folders: string[];
}

/** An export: the XML text and what could not be expressed in it. */
export interface ExportReport {
  xml: string;
  warnings: ImportNote[];
}
