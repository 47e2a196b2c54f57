/**
 * The remote file operations of the command line: `rm`, `mkdir`, `rmdir`, `mv` and `hash`.
 * Each is one engine call on one path; output only with --json (and the digest for `hash`).
 * Must not import electron.
 */
import type { CliOptions } from '../args';
import type { CommandName } from '../commandNames';
import { UsageError } from '../usageError';
import { withSession } from '../connect';
import { CliError, jsonLine, terminalSafe } from '../format';
import { parseFtpUrl, remoteBaseName, remoteDirName, type FtpUrl } from '../ftpUrl';
import { writeLine, type CliIo } from '../io';

/** The URL's path without trailing slashes (the root stays `/`); a usage error when the URL names the login folder. */
function pathOf(url: FtpUrl, command: CommandName): string {
  if (url.path === undefined) throw new UsageError(`${command}: the URL needs a path`, command);
  const trimmed = url.path.replace(/\/+$/, '');
  return trimmed === '' ? '/' : trimmed;
}

function done(io: CliIo, options: CliOptions, record: Record<string, unknown>): void {
  if (options.isJson) writeLine(io.stdout, jsonLine(record));
}

/** Runs `rm URL`: deletes a file (FTP's DELE, SFTP's REMOVE). */
export async function runRm(operands: readonly string[], options: CliOptions, io: CliIo): Promise<void> {
  const url = parseFtpUrl(operands[0]);
  const path = pathOf(url, 'rm');
  await withSession(url, options, io, (session) => session.delete(path));
  done(io, options, { command: 'rm', remote: path });
}

/** Runs `mkdir URL`: creates a folder (MKD, MKDIR). */
export async function runMkdir(operands: readonly string[], options: CliOptions, io: CliIo): Promise<void> {
  const url = parseFtpUrl(operands[0]);
  const path = pathOf(url, 'mkdir');
  await withSession(url, options, io, (session) => session.mkdir(path));
  done(io, options, { command: 'mkdir', remote: path });
}

/** Runs `rmdir URL`: removes an empty folder (RMD, RMDIR). */
export async function runRmdir(operands: readonly string[], options: CliOptions, io: CliIo): Promise<void> {
  const url = parseFtpUrl(operands[0]);
  const path = pathOf(url, 'rmdir');
  await withSession(url, options, io, (session) => session.rmdir(path));
  done(io, options, { command: 'rmdir', remote: path });
}

/**
 * Where `mv` moves to: an absolute path as is; a URL of the same server by its path;
 * anything else relative to the source's folder (so `mv ftp://h/a/x.txt y.txt` renames within /a).
 */
export function renameTarget(source: string, newName: string, sourceUrl: FtpUrl): string {
  if (/^s?ftps?:\/\//i.test(newName)) {
    const target = parseFtpUrl(newName);
    if (target.host.toLowerCase() !== sourceUrl.host.toLowerCase() || (target.port ?? 0) !== (sourceUrl.port ?? 0)) {
      throw new UsageError('mv: NEWNAME must be on the same server as URL', 'mv');
    }
    if (target.path === undefined) throw new UsageError('mv: NEWNAME needs a path', 'mv');
    return target.path;
  }
  if (newName === '') throw new UsageError('mv: NEWNAME is empty', 'mv');
  if (/[\r\n\0]/.test(newName)) throw new UsageError('mv: NEWNAME contains a line break or NUL', 'mv');
  if (newName.startsWith('/')) return newName;
  return `${remoteDirName(source)}${newName}`;
}

/** Runs `mv URL NEWNAME`: renames or moves (RNFR/RNTO, RENAME). */
export async function runMv(operands: readonly string[], options: CliOptions, io: CliIo): Promise<void> {
  const url = parseFtpUrl(operands[0]);
  const from = pathOf(url, 'mv');
  const to = renameTarget(from, operands[1], url);
  await withSession(url, options, io, (session) => session.rename(from, to));
  done(io, options, { command: 'mv', remote: from, to });
}

/** Runs `hash URL`: the server computes a checksum (HASH, else XSHA256/XSHA512/XSHA1/XSHA/XMD5/XCRC); prints `SHA-256 (path) = hex`. */
export async function runHash(operands: readonly string[], options: CliOptions, io: CliIo): Promise<void> {
  const url = parseFtpUrl(operands[0]);
  const path = pathOf(url, 'hash');
  if (remoteBaseName(path) === undefined) throw new UsageError('hash: the URL must name a file', 'hash');
  const result = await withSession(url, options, io, (session) => session.checksum(path));
  if (!result) {
    throw new CliError(url.scheme === 'sftp' ? 'the server offers no checksum extension' : 'the server offers no checksum command (HASH, XSHA256, XSHA512, XSHA1, XSHA, XMD5 or XCRC)');
  }
  if (options.isJson) writeLine(io.stdout, jsonLine({ command: 'hash', remote: path, algorithm: result.algorithm, hex: result.hex }));
  else writeLine(io.stdout, terminalSafe(`${result.algorithm} (${path}) = ${result.hex}`));
}
