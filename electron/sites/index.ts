/**
 * The sites module's public surface: bookmarks, secrets and FileZilla interchange.
 * The lead's Electron adapter injects `safeStorage`; nothing here imports electron.
 */
export * from './errors';
export { SiteStore, type SiteTree, type LoadIssue, type NewSite, type SiteStoreOptions } from './SiteStore';
export { validateSiteInput, type SiteInput, type SitePatch, type SiteFields } from './siteInput';
export { AskEachTimeSecretStore, type SecretMode, type SecretStore } from './SecretStore';
export { KeychainSecretStore, type SafeStorageLike, type KeychainOptions } from './KeychainSecretStore';
export { MasterPasswordSecretStore, MIN_MASTER_PASSWORD_LENGTH, type MasterPasswordOptions } from './MasterPasswordSecretStore';
export { SiteService, type SitesStatus, type ExportRequest } from './SiteService';
export { parseSiteManager, type ParsedSiteManager, type ImportIssue, type ImportWarning } from './filezilla/parseSiteManager';
export { importSiteManager, type ImportOptions, type ImportResult } from './filezilla/importSiteManager';
export { exportSiteManager, type ExportOptions, type ExportResult } from './filezilla/exportSiteManager';
export { decodeServerPath, encodeServerPath } from './filezilla/serverPath';
