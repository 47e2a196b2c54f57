/**
 * The ways an edit refuses or fails, each with the `kind` the window tells them apart by and a
 * message a user can act on. Must not import electron.
 */

/** The edit was closed (or never existed). */
export class EditGoneError extends Error {
  readonly kind = 'edit-gone';
  constructor() {
    super('That file is no longer being edited');
  }
}

/** No browsing connection to the edit's server is open: the changes wait in the copy. */
export class EditOfflineError extends Error {
  readonly kind = 'edit-offline';
  constructor(name: string, server: string) {
    super(`Reconnect to ${server} to upload ${name}; your changes are kept until then`);
  }
}

/** The built-in editor does not open files this large. */
export class EditTooLargeError extends Error {
  readonly kind = 'edit-too-large';
  constructor(name: string, sizeBytes: number, maxBytes: number) {
    super(`${name} is ${sizeBytes} bytes; the built-in editor opens files up to ${maxBytes} bytes`);
  }
}

/** The copy is not text (sniffed from its content). */
export class EditNotTextError extends Error {
  readonly kind = 'edit-binary';
  constructor(name: string, reason: string) {
    super(`${name} is not a text file (${reason})`);
  }
}

/** Closing would throw away changes the server does not have. */
export class EditUnsavedError extends Error {
  readonly kind = 'edit-unsaved';
  constructor(name: string) {
    super(`${name} has changes that were not uploaded; upload them first, or close it discarding them`);
  }
}

/** "Save mine as" was given a name the folder already holds. */
export class EditNameTakenError extends Error {
  readonly kind = 'edit-name-taken';
  constructor(name: string) {
    super(`${name} already exists on the server; choose another name`);
  }
}

/** An answer that does not fit the edit's state (a conflict answer when there is none). */
export class EditStateError extends Error {
  readonly kind = 'edit-state';
}
