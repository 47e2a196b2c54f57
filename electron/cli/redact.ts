/**
 * Keeping a password given in a URL (`ftp://me:secret@host/`) out of sight: from the process
 * list, which every local user can read, and from error messages that echo what was typed.
 * The user information ends at the last `@` (user names may be e-mail addresses, and a password
 * may hold an unencoded `/` or `@`), so that is where the masking ends too: better a path masked
 * with it than a password shown.
 * Must not import electron.
 */

/** `scheme://` and what follows it up to white space. */
const URL_TEXT = /([a-z][a-z0-9+.-]*:\/\/)(\S*)/gi;

/** `user:password@rest`, up to white space: the password is what lies between the first `:` and the last `@`. */
function maskUserInfo(text: string): string {
  const at = text.lastIndexOf('@');
  const colon = text.indexOf(':');
  if (at < 0 || colon < 0 || colon > at) return text;
  return `${text.slice(0, colon)}:***${text.slice(at)}`;
}

/** The text with the password of every URL in it replaced by `***`. */
export function redactUrlPasswords(text: string): string {
  return text.replace(URL_TEXT, (_match, scheme: string, rest: string) => scheme + maskUserInfo(rest));
}

/** Like redactUrlPasswords, for text that is not a well-formed URL: in each word, anything between a `:` and the last `@` is masked. */
export function redactLoosePasswords(text: string): string {
  return text
    .split(/(\s+)/)
    .map((word) => (/^[a-z][a-z0-9+.-]*:\/\//i.test(word) ? redactUrlPasswords(word) : maskUserInfo(word)))
    .join('');
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
