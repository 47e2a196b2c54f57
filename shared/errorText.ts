/**
 * One way to put an error into words for a user: the server's reply code first, once.
 * Engine reply errors already start with their code; others get it prefixed.
 * Must not import node:*, the DOM or React.
 */
import type { ErrorInfo } from './domain';

/** The error as one line, e.g. `550 No such file (after RETR /x)`. */
export function describeError(e: Pick<ErrorInfo, 'ftpCode' | 'message'>): string {
  if (e.ftpCode === undefined || e.message.startsWith(String(e.ftpCode))) return e.message;
  return `${e.ftpCode} ${e.message}`;
}
