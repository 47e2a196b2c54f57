/**
 * Reads FileZilla's sitemanager.xml into Ferry site inputs without touching any store:
 * folders (nested `<Folder>` with a text name), `<Server>` entries and their passwords.
 * Every entry that cannot be used is listed in `skipped` with the reason, and every setting
 * that could not be carried over is listed in `warnings`; nothing is dropped silently.
 * Pure; must not import electron.
 */
import { SiteManagerFormatError, SiteValidationError } from '../errors';
import { joinFolder, normalizeFolderName } from '../folderPath';
import { validateSiteInput, type SiteInput } from '../siteInput';
import { DATA_MODE_BY_PASV, FZ_LOGON, FZ_SFTP, SERVER_TYPE_BY_FZ, TLS_BY_PROTOCOL, UNSUPPORTED_PROTOCOLS } from './codes';
import { decodeServerPath, type LengthUnit } from './serverPath';
import { childElements, childText, firstChild, firstText, ownText, parseXml, type XmlElement } from './xml';

/** An entry that was not imported, with where it was and why. */
export interface ImportIssue {
  /** Folder path and name in FileZilla's tree, e.g. `Work/Clients/Shop`. */
  path: string;
  reason: string;
}

/** A setting of an imported entry that was changed or left out. */
export interface ImportWarning {
  path: string;
  message: string;
}

/** One usable FileZilla site: where it was, the validated input, and its password when one was saved. */
export interface ParsedSite {
  path: string;
  input: SiteInput;
  password?: string;
}

/** Everything read from the file. */
export interface ParsedSiteManager {
  /** Every folder, including empty ones, parents before children. */
  folders: string[];
  sites: ParsedSite[];
  skipped: ImportIssue[];
  warnings: ImportWarning[];
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
const USABLE_LOGONS = new Set<number>([FZ_LOGON.normal, FZ_LOGON.ask, FZ_LOGON.interactive, FZ_LOGON.account, FZ_LOGON.key]);

/** Parses the XML text of a FileZilla 3 sitemanager.xml. */
export function parseSiteManager(xmlText: string): ParsedSiteManager {
  const root = parseXml(xmlText);
  if (root.name !== 'FileZilla3') throw new SiteManagerFormatError(`Not a FileZilla site manager file: root element is <${root.name}>`);
  const result: ParsedSiteManager = { folders: [], sites: [], skipped: [], warnings: [] };
  const servers = firstChild(root, 'Servers');
  if (!servers) return result;
  // wchar_t is UTF-16 on Windows and UTF-32 elsewhere, which changes RemoteDir's lengths.
  const unit: LengthUnit = root.attributes.platform === 'windows' ? 'utf16' : 'codepoint';
  walk(servers, '', unit, result);
  return result;
}

function walk(element: XmlElement, folder: string, unit: LengthUnit, result: ParsedSiteManager): void {
  for (const child of childElements(element)) {
    if (child.name === 'Folder') {
      const path = joinFolder(folder, folderNameOf(child, folder, result));
      if (!result.folders.includes(path)) result.folders.push(path);
      walk(child, path, unit, result);
    } else if (child.name === 'Server') {
      readServer(child, folder, unit, result);
    } else {
      result.warnings.push({ path: folder || '/', message: `Unknown element <${child.name}> ignored` });
    }
  }
}

function folderNameOf(element: XmlElement, parent: string, result: ParsedSiteManager): string {
  const raw = firstText(element);
  const cleaned = raw.replace(/\//g, '-');
  try {
    const name = normalizeFolderName(cleaned);
    if (name !== raw) result.warnings.push({ path: joinFolder(parent, name), message: `Folder "${raw}" renamed to "${name}" ("/" separates folders in Ferry)` });
    return name;
  } catch {
    const name = 'Unnamed folder';
    result.warnings.push({ path: joinFolder(parent, name), message: raw ? `Folder name "${raw.slice(0, 40)}" is not usable; renamed` : 'Folder without a name; named "Unnamed folder"' });
    return name;
  }
}

function readServer(server: XmlElement, folder: string, unit: LengthUnit, result: ParsedSiteManager): void {
  const text = (name: string) => childText(server, name)?.trim() ?? '';
  const host = text('Host');
  const name = text('Name') || firstText(server) || host || `Site ${result.sites.length + result.skipped.length + 1}`;
  const path = joinFolder(folder, name);
  const skip = (reason: string) => void result.skipped.push({ path, reason });
  const warn = (message: string) => void result.warnings.push({ path, message });

  if (!host) return skip('Host is missing');
  const protocol = text('Protocol') === '' ? 0 : Number(text('Protocol'));
  const isSftp = protocol === FZ_SFTP;
  const tls = isSftp ? 'explicit-if-available' : TLS_BY_PROTOCOL[protocol];
  if (!tls) {
    const known = UNSUPPORTED_PROTOCOLS[protocol];
    return skip(known ? `${known} is not supported: Ferry connects with FTP, FTPS and SFTP only` : `Unknown protocol "${text('Protocol')}"`);
  }
  let port: number | undefined;
  if (text('Port') !== '') {
    port = /^\d{1,5}$/.test(text('Port')) ? Number(text('Port')) : NaN;
    if (!(port >= 1 && port <= 65535)) return skip(`Port "${text('Port')}" is not a number from 1 to 65535`);
  }

  const input: SiteInput = { name, folder, host, port, tls, dataMode: 'auto', charset: 'auto' };
  if (isSftp) input.protocol = 'sftp';
  const logon = isSftp ? readSshLogon(server, input, warn) : readLogon(server, input, warn);
  if (typeof logon === 'string') return skip(logon);

  // Transfer mode, character set and server type are FTP's; FileZilla keeps its defaults for SFTP sites.
  if (!isSftp) {
    const pasv = text('PasvMode');
    input.dataMode = DATA_MODE_BY_PASV[pasv || 'MODE_DEFAULT'] ?? 'auto';
    if (pasv && !DATA_MODE_BY_PASV[pasv]) warn(`Unknown transfer mode "${pasv}"; using the default`);
    readCharset(text('EncodingType'), text('CustomEncoding'), input, warn);
    const serverType = text('Type') === '' ? 'auto' : SERVER_TYPE_BY_FZ[Number(text('Type'))];
    if (serverType === undefined) warn(`Unknown server type "${text('Type')}"; detecting it from the listings`);
    else if (serverType !== 'auto') input.serverType = serverType;
  }
  readOptional(server, input, unit, warn);

  try {
    validateSiteInput(input);
  } catch (err) {
    if (err instanceof SiteValidationError) return skip(err.message);
    throw err;
  }
  result.sites.push({ path, input, ...(logon.password !== undefined ? { password: logon.password } : {}) });
}

/** Sets logon type and user; returns the password, or a skip reason as a string. */
function readLogon(server: XmlElement, input: SiteInput, warn: (m: string) => void): { password?: string } | string {
  const raw = childText(server, 'Logontype')?.trim() || '0';
  const code = Number(raw);
  const user = childText(server, 'User') ?? '';
  if (code === FZ_LOGON.anonymous) {
    input.logonType = 'anonymous';
    return {};
  }
  if (code === FZ_LOGON.profile) return 'Logon type "profile" (cloud storage) is not supported';
  if (!USABLE_LOGONS.has(code)) {
    return `Unknown logon type "${raw}"`;
  }
  if (user) input.user = user;
  if (code === FZ_LOGON.ask) {
    input.logonType = 'ask';
    return {};
  }
  if (code === FZ_LOGON.interactive) {
    input.logonType = 'ask';
    warn('Interactive logon imported as "ask for password"');
    return {};
  }
  if (code === FZ_LOGON.key) {
    input.logonType = 'ask';
    warn(`Key file logon is for SFTP${childText(server, 'Keyfile') ? ` (key ${childText(server, 'Keyfile')})` : ''}; imported as "ask for password"`);
    return {};
  }
  if (code === FZ_LOGON.account) warn(`The FTP account "${childText(server, 'Account') ?? ''}" (ACCT) is not supported; imported as normal logon`);
  input.logonType = 'normal';
  const password = readPassword(firstChild(server, 'Pass'), warn);
  if (password === undefined) input.logonType = 'ask';
  return password === undefined ? {} : { password };
}

/**
 * An SFTP site's logon: a password (normal, ask), the server's own questions (interactive) or a
 * key file; returns the password, or a skip reason as a string.
 */
function readSshLogon(server: XmlElement, input: SiteInput, warn: (m: string) => void): { password?: string } | string {
  const raw = childText(server, 'Logontype')?.trim() || '0';
  const code = Number(raw);
  const user = childText(server, 'User') ?? '';
  if (code === FZ_LOGON.profile) return 'Logon type "profile" (cloud storage) is not supported';
  if (!USABLE_LOGONS.has(code) && code !== FZ_LOGON.anonymous) return `Unknown logon type "${raw}"`;
  input.user = user || 'anonymous';
  if (code === FZ_LOGON.anonymous || !user) {
    input.logonType = 'interactive';
    warn(`SFTP has no anonymous logon; imported as interactive logon as "${input.user}"`);
    return {};
  }
  if (code === FZ_LOGON.ask) {
    input.logonType = 'ask';
    return {};
  }
  if (code === FZ_LOGON.interactive) {
    input.logonType = 'interactive';
    return {};
  }
  if (code === FZ_LOGON.key) {
    const keyFile = childText(server, 'Keyfile')?.trim() ?? '';
    if (keyFile) {
      input.logonType = 'key';
      input.keyFile = keyFile;
    } else {
      input.logonType = 'ask';
      warn('Key file logon without a key file; imported as "ask for password"');
    }
    return {};
  }
  if (code === FZ_LOGON.account) warn(`An account ("${childText(server, 'Account') ?? ''}") means nothing to SFTP; imported as normal logon`);
  input.logonType = 'normal';
  const password = readPassword(firstChild(server, 'Pass'), warn);
  if (password === undefined) input.logonType = 'ask';
  return password === undefined ? {} : { password };
}

function readPassword(pass: XmlElement | undefined, warn: (m: string) => void): string | undefined {
  const value = pass ? ownText(pass) : '';
  const encoding = pass?.attributes.encoding ?? '';
  if (encoding === 'crypt') {
    warn('Password is encrypted with a FileZilla master password and cannot be read; imported as "ask for password"');
    return undefined;
  }
  if (encoding !== '' && encoding !== 'base64') {
    warn(`Password encoding "${encoding}" is unknown; imported as "ask for password"`);
    return undefined;
  }
  if (value === '') {
    warn('No password saved; imported as "ask for password"');
    return undefined;
  }
  if (encoding === '') return value; // FileZilla before 3.26 saved passwords in plain text.
  const compact = value.replace(/\s+/g, '');
  try {
    if (!BASE64.test(compact) || compact.length % 4 !== 0) throw new Error('not base64');
    const decoded = new TextDecoder('utf-8', { fatal: true }).decode(Buffer.from(compact, 'base64'));
    if (decoded === '') throw new Error('empty');
    return decoded;
  } catch {
    warn('Saved password is not valid base64 text; imported as "ask for password"');
    return undefined;
  }
}

function readCharset(type: string, custom: string, input: SiteInput, warn: (m: string) => void): void {
  if (type === '' || type === 'Auto') input.charset = 'auto';
  else if (type === 'UTF-8') input.charset = 'utf8';
  else if (type === 'Custom' && /^[A-Za-z0-9][A-Za-z0-9._:+-]{0,39}$/.test(custom)) input.charset = custom;
  else warn(type === 'Custom' ? `Custom character set "${custom}" is not usable; using auto` : `Unknown character set setting "${type}"; using auto`);
}

function readOptional(server: XmlElement, input: SiteInput, unit: LengthUnit, warn: (m: string) => void): void {
  const localDir = childText(server, 'LocalDir') ?? '';
  if (localDir.trim()) input.localDir = localDir;
  const remoteDir = childText(server, 'RemoteDir') ?? '';
  if (remoteDir.trim()) {
    try {
      input.remoteDir = decodeRemote(remoteDir, unit);
    } catch (err) {
      warn(`Remote folder "${remoteDir}" could not be read (${(err as Error).message}); left empty`);
    }
  }
  const max = childText(server, 'MaximumMultipleConnections')?.trim() ?? '';
  if (max !== '' && max !== '0') {
    const n = Number(max);
    if (!Number.isInteger(n) || n < 0) warn(`Maximum connections "${max}" is not a number; left unset`);
    else if (n > 10) {
      input.maxConnections = 10;
      warn(`Maximum connections ${n} lowered to 10`);
    } else input.maxConnections = n;
  }
  const comments = childText(server, 'Comments') ?? '';
  if (comments.trim()) input.comments = comments;
  if (childText(server, 'SyncBrowsing')?.trim() === '1') input.syncBrowsing = true;
  const tz = Number(childText(server, 'TimezoneOffset') ?? 0);
  if (tz) warn(`Server time zone offset (${tz} minutes) is not supported; times are shown as the server sends them`);
  const commands = childElements(firstChild(server, 'PostLoginCommands') ?? { name: '', attributes: {}, children: [] }, 'Command');
  if (commands.length) warn(`${commands.length} post-login command(s) not imported`);
  const bookmarks = childElements(server, 'Bookmark');
  if (bookmarks.length) warn(`${bookmarks.length} bookmark(s) not imported`);
}

/** Decodes with the platform's length unit, falling back to the other for files moved between systems. */
function decodeRemote(remoteDir: string, unit: LengthUnit): string | undefined {
  try {
    return decodeServerPath(remoteDir, unit)?.path;
  } catch (err) {
    try {
      return decodeServerPath(remoteDir, unit === 'utf16' ? 'codepoint' : 'utf16')?.path;
    } catch {
      throw err;
    }
  }
}
