/**
 * Keeping a password given in a URL (`ftp://me:secret@host/`) out of sight: from the process
 * list, which every local user can read, and from error messages that echo what was typed.
 * Must not import electron.
 */

/** `user:password@` in a URL or URL-like text, up to the host. */
const USER_INFO = /([a-z][a-z0-9+.-]*:\/\/[^/@:\s]*):[^/\s]*@/gi;

/** `user:password@` without a scheme, as in a mistyped URL (`ftp:/me:secret@host`, `me:secret@host`). */
const BARE_USER_INFO = /([^\s/@:]*):[^/\s]*@/g;

/** The text with the password of every URL in it replaced by `***`. */
export function redactUrlPasswords(text: string): string {
  return text.replace(USER_INFO, '$1:***@');
}

/** Like redactUrlPasswords, for text that is not a well-formed URL: any `name:secret@` is masked. */
export function redactLoosePasswords(text: string): string {
  return redactUrlPasswords(text).replace(BARE_USER_INFO, (match, user: string) => (match.endsWith(':***@') ? match : `${user}:***@`));
}

/**
 * The command line as `ps` should show it once the passwords are read, or undefined when it
 * holds none. Setting process.title to it overwrites the arguments the kernel shows for this
 * process (Linux, macOS), so the password is visible only for the moment before that.
 */
export function redactedTitle(argv: readonly string[]): string | undefined {
  const redacted = argv.map(redactUrlPasswords);
  return redacted.some((arg, i) => arg !== argv[i]) ? ['ferry', ...redacted].join(' ') : undefined;
}
