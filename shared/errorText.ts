/**
 * Errors in words for a user, in one place for the window (through the IPC layer and the
 * queue's items) and the command line: `errorInfoOf` turns anything thrown into the ErrorInfo
 * that a result envelope and `--json` carry (engine and queue errors keep their reply code and
 * command; Node's system errors are worded plainly), and `describeError` makes one line of an
 * ErrorInfo, the server's reply code first, once. Errors are read by their fields, so nothing
 * of either side is imported. Must not import node:*, the DOM or React.
 */
import type { ErrorInfo } from './domain';

/** The kind of an SFTP server's refusal (a status such as NO_SUCH_FILE), whose `code` is not an FTP reply. */
const SFTP_STATUS = 'sftp-status';

/** Node's system error codes in words: its own messages ("EACCES: permission denied, scandir '/x'") are cryptic. */
const SYSTEM_ERROR_WORDS = new Map([
  ['ENOENT', 'no such file or folder'],
  ['EACCES', 'permission denied'],
  ['EPERM', 'operation not permitted'],
  ['EEXIST', 'already exists'],
  ['ENOTDIR', 'not a folder'],
  ['EISDIR', 'is a folder'],
  ['ENOTEMPTY', 'folder is not empty'],
  ['ENOSPC', 'no space left on the device'],
  ['EROFS', 'read-only file system'],
  ['EXDEV', 'cannot move across devices'],
  ['ECONNREFUSED', 'connection refused'],
  ['ETIMEDOUT', 'timed out'],
  ['ENOTFOUND', 'host not found'],
]);

/** A system error code in words, lower case (`permission denied` for EACCES); undefined for a code without. */
export function systemErrorWords(code: string): string | undefined {
  return SYSTEM_ERROR_WORDS.get(code);
}

/**
 * Anything thrown as the ErrorInfo a user reads: its `kind`, its message, a numeric `code` as the
 * reply code with its `command`, a certificate to decide about, a form's rejected fields. A
 * system error without a kind of its own (an errno `code`) is said in plain words, with its path.
 */
export function errorInfoOf(err: unknown): ErrorInfo {
  if (!err || typeof err !== 'object') return { kind: 'error', message: String(err) };
  const e = err as { kind?: unknown; code?: unknown; message?: unknown; command?: unknown; path?: unknown; certificate?: unknown; issues?: unknown; hostKey?: unknown };
  const info: ErrorInfo = { kind: typeof e.kind === 'string' ? e.kind : 'error', message: typeof e.message === 'string' ? e.message : String(err) };
  // An SFTP status is not an FTP reply code; its words are in the message already.
  if (typeof e.code === 'number' && e.kind !== SFTP_STATUS) info.ftpCode = e.code;
  if (typeof e.command === 'string') info.command = e.command;
  if (e.certificate && typeof e.certificate === 'object') info.certificate = { ...(e.certificate as NonNullable<ErrorInfo['certificate']>) };
  if (e.hostKey && typeof e.hostKey === 'object') info.hostKey = { ...(e.hostKey as NonNullable<ErrorInfo['hostKey']>) };
  if (Array.isArray(e.issues)) info.issues = (e.issues as { field: string; message: string }[]).map(({ field, message }) => ({ field, message }));
  if (typeof e.code === 'string' && typeof e.kind !== 'string') {
    info.kind = 'system';
    const words = systemErrorWords(e.code);
    if (words) {
      const said = words[0].toUpperCase() + words.slice(1);
      info.message = typeof e.path === 'string' ? `${said}: ${e.path}` : said;
    }
  }
  return info;
}

/**
 * The error as one line, e.g. `550 No such file (after RETR /x)`. Engine reply errors already start
 * with their code; others get it prefixed, but for an SFTP status, whose number says nothing a user
 * reads (its words are the message).
 */
export function describeError(e: Pick<ErrorInfo, 'ftpCode' | 'message'> & { kind?: string }): string {
  if (e.ftpCode === undefined || e.kind === SFTP_STATUS || e.message.startsWith(String(e.ftpCode))) return e.message;
  return `${e.ftpCode} ${e.message}`;
}
