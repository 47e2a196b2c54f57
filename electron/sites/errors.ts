/**
 * Typed errors of the sites module. Each carries a `kind` string, which the IPC layer's
 * `toErrorInfo` copies into the result envelope (Electron drops other fields of thrown errors).
 * Must not import electron.
 */

/** One problem with one field of a site or folder input. */
export interface FieldIssue {
  field: string;
  message: string;
}

/** Base class: every error of this module has a stable `kind` for the UI. */
export class SitesError extends Error {
  readonly kind: string;

  constructor(kind: string, message: string) {
    super(message);
    this.name = new.target.name;
    this.kind = kind;
  }
}

/** Input for a site or folder was rejected; `issues` lists every bad field, not just the first. */
export class SiteValidationError extends SitesError {
  readonly issues: FieldIssue[];

  constructor(issues: FieldIssue[]) {
    super('site-invalid', issues.map((i) => i.message).join('; '));
    this.issues = issues;
  }
}

/** No site has this id. */
export class SiteNotFoundError extends SitesError {
  constructor(readonly siteId: string) {
    super('site-not-found', `No site with id ${siteId}`);
  }
}

/** No folder has this path. */
export class FolderNotFoundError extends SitesError {
  constructor(readonly folder: string) {
    super('folder-not-found', `No folder "${folder}"`);
  }
}

/** A folder still holds sites or folders and the caller did not ask for a recursive delete. */
export class FolderNotEmptyError extends SitesError {
  constructor(readonly folder: string) {
    super('folder-not-empty', `Folder "${folder}" is not empty`);
  }
}

/** The secret store cannot keep passwords right now (no keychain, or "ask each time" mode). */
export class SecretsUnavailableError extends SitesError {
  constructor(message: string) {
    super('secrets-unavailable', message);
  }
}

/** The master-password store is locked: `unlock()` it first. */
export class SecretStoreLockedError extends SitesError {
  constructor() {
    super('secrets-locked', 'The password store is locked: enter the master password first');
  }
}

/** The master password given does not open the password store. */
export class WrongMasterPasswordError extends SitesError {
  constructor() {
    super('wrong-master-password', 'Wrong master password');
  }
}

/** A stored secret could not be decrypted (file damaged, or keychain changed). */
export class SecretDecryptError extends SitesError {
  constructor(siteId: string, cause?: unknown) {
    super('secret-unreadable', `The saved password for site ${siteId} cannot be decrypted; enter it again`);
    if (cause !== undefined) (this as { cause?: unknown }).cause = cause;
  }
}

/** A FileZilla file is not well-formed XML or not a FileZilla site manager file. */
export class SiteManagerFormatError extends SitesError {
  constructor(message: string) {
    super('sitemanager-invalid', message);
  }
}
