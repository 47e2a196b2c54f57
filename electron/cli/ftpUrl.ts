/**
 * Parsing of `ftp://[user[:password]@]host[:port]/path`, `ftps://` and `sftp://` URLs for the command line,
 * with percent-decoding of user, password and path (RFC 3986 §2.1). Written by hand rather than
 * with WHATWG `URL`, which would rewrite `..` segments and cut the path at `?` or `#`, both of
 * which are ordinary characters in FTP file names. No I/O.
 * Must not import electron or the engine.
 */
import { isUtf8 } from 'node:buffer';
import { redactLoosePasswords } from './redact';
import { UsageError } from './usageError';

/** What a URL names: where to connect, as whom, and which remote path. */
export interface FtpUrl {
  scheme: 'ftp' | 'ftps' | 'sftp';
  host: string;
  /** Undefined means the default (21, 990 for ftps, 22 for sftp). */
  port?: number;
  /** Undefined means anonymous (FTP), or the local user's name (SFTP, as ssh does). */
  user?: string;
  password?: string;
  /**
   * The remote path as sent to the server: absolute as written (`/pub/a.txt`), or relative to the
   * login folder when the URL path starts with `/~/`; undefined when the URL names the login folder
   * itself (no path, or `/~`).
   */
  path?: string;
  /** The URL ended with `/`: it names a folder. */
  isFolder: boolean;
  /**
   * The path's %XX escapes give octets that are not UTF-8: they are the server's own octets, and
   * `path` holds them one character each (ISO-8859-1), for a session that sends them as they are.
   */
  hasRawOctets?: boolean;
}

/** Percent-decodes a URL path into its octets (`%E9` is the octet E9; other characters are UTF-8). */
function pathOctets(raw: string): Buffer {
  const bytes: number[] = [];
  for (let i = 0; i < raw.length; i++) {
    if (raw[i] === '%') {
      const hex = raw.slice(i + 1, i + 3);
      if (!/^[0-9a-fA-F]{2}$/.test(hex)) throw new UsageError("bad percent-encoding in the URL's path");
      bytes.push(parseInt(hex, 16));
      i += 2;
      continue;
    }
    const code = raw.codePointAt(i)!;
    if (code > 0xffff) i++;
    bytes.push(...Buffer.from(String.fromCodePoint(code), 'utf8'));
  }
  return Buffer.from(bytes);
}

/** Percent-decodes one URL part; refuses malformed escapes and control characters (they would end an FTP command line). */
function decodePart(raw: string, what: string): string {
  let decoded: string;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    throw new UsageError(`bad percent-encoding in the URL's ${what}`);
  }
  // RFC 959 commands end at CRLF: a CR, LF or NUL inside a name would inject a command.
  if (/[\r\n\0]/.test(decoded)) throw new UsageError(`the URL's ${what} contains a line break or NUL`);
  return decoded;
}

/** Parses an ftp://, ftps:// or sftp:// URL; throws UsageError with a one-line reason. */
export function parseFtpUrl(text: string): FtpUrl {
  const schemeMatch = /^([a-z][a-z0-9+.-]*):\/\//i.exec(text);
  if (!schemeMatch) throw new UsageError(`not a URL: "${redactLoosePasswords(text)}" (expected ftp://host/path or sftp://host/path)`);
  const scheme = schemeMatch[1].toLowerCase();
  if (scheme !== 'ftp' && scheme !== 'ftps' && scheme !== 'sftp') throw new UsageError(`unsupported URL scheme "${scheme}:" (use ftp://, ftps:// or sftp://)`);
  const rest = text.slice(schemeMatch[0].length);
  const slash = rest.indexOf('/');
  const authority = slash === -1 ? rest : rest.slice(0, slash);
  const rawPath = slash === -1 ? '' : rest.slice(slash);

  // The last @ separates user info from the host: an unencoded @ in a user name (an e-mail address) still works.
  const at = authority.lastIndexOf('@');
  const userInfo = at === -1 ? undefined : authority.slice(0, at);
  const hostPort = at === -1 ? authority : authority.slice(at + 1);

  let user: string | undefined;
  let password: string | undefined;
  if (userInfo !== undefined) {
    const colon = userInfo.indexOf(':');
    user = decodePart(colon === -1 ? userInfo : userInfo.slice(0, colon), 'user name');
    if (colon !== -1) password = decodePart(userInfo.slice(colon + 1), 'password');
    if (user === '') throw new UsageError('the URL has an empty user name');
  }

  const hostMatch = /^(\[[0-9a-f:.]+\]|[^[\]:]+)(?::(\d*))?$/i.exec(hostPort);
  // Not echoed: with an unencoded `/` in a password, what looks like the host holds part of it.
  if (!hostMatch) throw new UsageError('bad host in URL (percent-encode / @ : in a user name or password: %2F %40 %3A)');
  const host = hostMatch[1].startsWith('[') ? hostMatch[1].slice(1, -1) : hostMatch[1];
  let port: number | undefined;
  if (hostMatch[2] !== undefined && hostMatch[2] !== '') {
    port = Number(hostMatch[2]);
    if (!Number.isInteger(port) || port < 1 || port > 65535) throw new UsageError(`bad port in URL: "${hostMatch[2]}"`);
  }

  const octets = pathOctets(rawPath);
  const hasRawOctets = !isUtf8(octets);
  let path: string | undefined = octets.toString(hasRawOctets ? 'latin1' : 'utf8');
  // RFC 959 commands end at CRLF: a CR, LF or NUL inside a name would inject a command.
  if (/[\r\n\0]/.test(path)) throw new UsageError("the URL's path contains a line break or NUL");
  const isFolder = path.endsWith('/');
  if (path === '' || path === '/~' || path === '/~/') {
    path = undefined;
  } else if (path.startsWith('/~/')) {
    path = path.slice(3);
  }
  return { scheme, host, port, user, password, path, isFolder, ...(hasRawOctets ? { hasRawOctets } : {}) };
}

/** The URL back as text for messages, with the password left out. */
export function describeFtpUrl(url: FtpUrl): string {
  const host = url.host.includes(':') ? `[${url.host}]` : url.host;
  const user = url.user !== undefined ? `${encodeURIComponent(url.user)}@` : '';
  const port = url.port !== undefined ? `:${url.port}` : '';
  const path = url.path === undefined ? '/~/' : url.path.startsWith('/') ? url.path : `/~/${url.path}`;
  return `${url.scheme}://${user}${host}${port}${path}`;
}

/** The last segment of a remote path (`/a/b.txt` → `b.txt`), or undefined for a folder path. */
export function remoteBaseName(path: string | undefined): string | undefined {
  if (path === undefined || path.endsWith('/')) return undefined;
  const name = path.slice(path.lastIndexOf('/') + 1);
  return name === '' || name === '.' || name === '..' ? undefined : name;
}

/** The folder part of a remote path, with its trailing slash (`/a/b.txt` → `/a/`, `b.txt` → ``). */
export function remoteDirName(path: string): string {
  return path.slice(0, path.lastIndexOf('/') + 1);
}

/** Joins a remote folder (undefined = login folder) and a name. */
export function joinRemote(folder: string | undefined, name: string): string {
  if (folder === undefined || folder === '') return name;
  return folder.endsWith('/') ? `${folder}${name}` : `${folder}/${name}`;
}
