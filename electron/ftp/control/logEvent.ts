/**
 * The engine's log event (every command, reply, status and error line) and the plain-language
 * hints attached to replies that users need explained.
 * Must not import electron or React.
 */

/** One line for the message log: a command sent, a reply received, a status note or an error. */
export interface FtpLogEvent {
  timeMs: number;
  connectionId: string;
  kind: 'command' | 'reply' | 'status' | 'error';
  text: string;
  code?: number;
  hint?: string;
  /** A refusal that was expected and harmless (a probe, an optional setting): information, not an error. */
  isExpected?: boolean;
}

/** A sink for log events. */
export type FtpLogSink = (event: FtpLogEvent) => void;

const HINTS: Record<number, string> = {
  120: 'The server is busy and asks to wait before it accepts commands',
  332: 'The server needs an account (ACCT) to log in',
  421: 'The server is closing the connection (too many connections, idle timeout or shutdown)',
  425: 'The server could not open the data connection (firewall or data mode problem)',
  426: 'The data connection was closed before the transfer finished',
  450: 'The file is busy or temporarily unavailable',
  451: 'The server hit a local error; retrying may help',
  452: 'The server is out of storage space',
  500: 'The server does not understand this command',
  501: 'The server rejected the command arguments',
  502: 'The server does not implement this command',
  504: 'The server does not support this parameter',
  521: 'The server requires data protection settings it did not accept',
  522: 'The server does not support this network protocol for data connections',
  530: 'Login refused: wrong user name or password, or this user may not log in',
  532: 'An account is needed to store files',
  534: 'The server refuses the requested security level',
  550: 'File or folder unavailable (not found, or no permission)',
  551: 'Page type unknown',
  552: 'The file exceeds the storage allocation',
  553: 'File name not allowed',
};

/** A short explanation for replies that matter to a user, if there is one. */
export function replyHint(code: number): string | undefined {
  return HINTS[code];
}

/** Lines of one reply shown in the log; FEAT and greetings fit, a flood of lines does not. */
export const MAX_LOGGED_LINES = 40;
/** Characters of one logged line. */
export const MAX_LOGGED_LINE_LENGTH = 1000;

/**
 * A reply's lines as the log shows them: the first MAX_LOGGED_LINES, each cut to
 * MAX_LOGGED_LINE_LENGTH, and a last line saying how many more there were. What a server sends
 * reaches every log view, event and file, so it is bounded here, once.
 */
export function loggedReplyText(lines: readonly string[]): string {
  const shown = lines.slice(0, MAX_LOGGED_LINES).map((line) => (line.length > MAX_LOGGED_LINE_LENGTH ? `${line.slice(0, MAX_LOGGED_LINE_LENGTH)}…` : line));
  const more = lines.length - shown.length;
  if (more > 0) shown.push(`… ${more} more line${more === 1 ? '' : 's'}`);
  return shown.join('\n');
}
