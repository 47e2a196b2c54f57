/**
 * Guards what goes out on the control connection: refuses commands that could smuggle a second
 * command (CR, LF or NUL, i.e. command injection through a file name) and masks secrets for logs.
 * Pure. Must not import electron or React.
 */
import { FtpInvalidInputError } from '../errors';

/** Throws FtpInvalidInputError when the command contains CR, LF or NUL (RFC 959 commands end at CRLF; NUL ends C strings on servers). */
export function assertSafeCommand(command: string): void {
  const bad = /[\r\n\0]/.exec(command);
  if (bad) {
    const name = bad[0] === '\r' ? 'CR' : bad[0] === '\n' ? 'LF' : 'NUL';
    throw new FtpInvalidInputError(`Refusing to send a command containing ${name}: ${JSON.stringify(maskCommand(command).slice(0, 80))}`);
  }
}

/** The command as it may appear in logs and errors: the arguments of PASS and ACCT replaced by ****. */
export function maskCommand(command: string): string {
  return /^(PASS|ACCT)(\s|$)/i.test(command) ? `${command.slice(0, 4)} ****` : command;
}
