/**
 * What a caller may send to create or change a site, and its validation into the stored
 * `Site` fields. Checks every field and reports all problems at once, in words a user reads.
 * Runtime types are checked too, because input arrives over IPC. Must not import electron.
 */
import { isIPv6 } from 'node:net';
import type { DataMode, LogonType, Protocol, Site, TlsMode } from '../../shared/domain';
import { SERVER_TYPES, type ServerType } from '../../shared/serverType';
import { MAX_CLOCK_OFFSET_MS } from '../../shared/serverClock';
import { SiteValidationError, type FieldIssue } from './errors';
import { nameProblem, normalizeFolderPath } from './folderPath';

/** Fields of a new site; optional ones get FileZilla-like defaults. */
export interface SiteInput {
  name: string;
  /** Folder path such as `Work/Clients`; missing or `''` for the top level. */
  folder?: string;
  /** Missing: FTP. */
  protocol?: Protocol;
  host: string;
  /** `null` or missing: the protocol's default port. */
  port?: number | null;
  tls?: TlsMode;
  /** Defaults to `normal` when a user is given, else `anonymous`. */
  logonType?: LogonType;
  user?: string;
  /** SFTP with logon type `key`: the private key file. */
  keyFile?: string;
  dataMode?: DataMode;
  /** `auto`, `utf8` or a named encoding such as `ISO-8859-1`. */
  charset?: string;
  /** Missing or `auto`: detected from the listing's lines. */
  serverType?: ServerType;
  localDir?: string;
  remoteDir?: string;
  /** Browse the two default folders in step from the start. */
  syncBrowsing?: boolean;
  /** `null`, `0` or missing: no per-site limit. */
  maxConnections?: number | null;
  comments?: string;
  trustedFingerprint?: string | null;
  /** The server's clock minus this computer's in ms, whole minutes (0: none); `null` or missing: the detected one. */
  clockOverrideMs?: number | null;
}

/** A partial change: missing keys keep their value; `''` or `null` clears an optional field. */
export type SitePatch = Partial<SiteInput>;

/** A site without the fields the store owns (id, password flag, detected clock offset). */
export type SiteFields = Omit<Site, 'id' | 'hasPassword' | 'clockDetected'>;

/** Every TLS mode, for validation and the on-disk schema. */
export const TLS_MODES: readonly TlsMode[] = ['explicit-if-available', 'explicit', 'implicit', 'none'];
/** Every data-connection mode. */
export const DATA_MODES: readonly DataMode[] = ['auto', 'passive', 'active'];
/** Every logon type Ferry supports. */
export const LOGON_TYPES: readonly LogonType[] = ['anonymous', 'normal', 'ask', 'key', 'agent', 'interactive'];
/** Logon types of SFTP alone: they prove who the user is to an SSH server. */
export const SSH_LOGON_TYPES: ReadonlySet<LogonType> = new Set(['key', 'agent', 'interactive']);
/** Every protocol. */
export const PROTOCOLS: readonly Protocol[] = ['ftp', 'sftp'];

/** FileZilla's limit; more parallel connections mostly get users banned by servers. */
export const MAX_CONNECTIONS = 10;

// CR, LF and NUL would let a user name or path inject FTP commands (RFC 959 lines end in CRLF).
// eslint-disable-next-line no-control-regex
const LINE_BREAKS = /[\r\n\u0000]/;
const SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i;
const CHARSET_NAME = /^[A-Za-z0-9][A-Za-z0-9._:+-]{0,39}$/;
const FINGERPRINT = /^[0-9A-Za-z:+/=_-]{16,200}$/;

/** Converts the site part of a stored `Site` back into input, e.g. to apply a patch. */
export function siteToInput(site: SiteFields): SiteInput {
  const { name, folder, protocol, host, port, tls, logonType, user, keyFile, dataMode, charset, serverType } = site;
  const { localDir, remoteDir, syncBrowsing, maxConnections, comments, trustedFingerprint, clockOverrideMs } = site;
  return { name, folder, protocol, host, port, tls, logonType, user, keyFile, dataMode, charset, serverType, localDir, remoteDir, syncBrowsing, maxConnections, comments, trustedFingerprint, clockOverrideMs };
}

/** Validates `input` and returns the normalised fields, or throws `SiteValidationError` listing every problem. */
export function validateSiteInput(input: SiteInput): SiteFields {
  const issues: FieldIssue[] = [];
  const fail = (field: string, message: string) => {
    issues.push({ field, message });
    return undefined;
  };
  const raw = (input ?? {}) as unknown as Record<string, unknown>;

  const name = typeof raw.name === 'string' ? raw.name.trim() : '';
  const nameIssue = nameProblem(name, 'Name');
  if (nameIssue) fail('name', nameIssue);

  let folder = '';
  if (raw.folder !== undefined && raw.folder !== null) {
    if (typeof raw.folder !== 'string') fail('folder', 'Folder must be text');
    else {
      try {
        folder = normalizeFolderPath(raw.folder);
      } catch (err) {
        issues.push(...(err as SiteValidationError).issues);
      }
    }
  }

  const protocol = oneOf(raw.protocol, PROTOCOLS, 'ftp', 'protocol', 'Unknown protocol', fail);
  const isSftp = protocol === 'sftp';
  const host = checkHost(raw.host, fail);
  const port = optionalInteger(raw.port, 1, 65535, 'port', 'Port must be a whole number from 1 to 65535', fail);
  const tls = oneOf(raw.tls, TLS_MODES, 'explicit-if-available', 'tls', 'Unknown protocol security setting', fail);
  const user = optionalText(raw.user, 'user', 'User name', 256, fail, false);
  const logonDefault: LogonType = user || isSftp ? 'normal' : 'anonymous';
  const logonType = oneOf(raw.logonType, LOGON_TYPES, logonDefault, 'logonType', 'Unknown logon type', fail);
  if (isSftp && logonType === 'anonymous') fail('logonType', 'SFTP has no anonymous logon: choose how to log in');
  else if (!isSftp && logonType && SSH_LOGON_TYPES.has(logonType)) fail('logonType', 'Key file, SSH agent and interactive logon are for SFTP sites');
  if (logonType === 'normal' && !user) fail('user', 'User name is required for normal logon');
  else if (isSftp && !user) fail('user', 'User name is required for SFTP');
  if (user !== undefined && user.trim() === '') fail('user', 'User name cannot be only spaces');
  const keyFile = logonType === 'key' ? optionalText(raw.keyFile, 'keyFile', 'Key file', 4096, fail, true) : undefined;
  if (logonType === 'key' && keyFile === undefined && !issues.some((i) => i.field === 'keyFile')) fail('keyFile', 'Choose the private key file to log in with');
  const dataMode = oneOf(raw.dataMode, DATA_MODES, 'auto', 'dataMode', 'Unknown transfer mode', fail);
  const charset = checkCharset(raw.charset, fail);
  const serverType = oneOf(raw.serverType, SERVER_TYPES, 'auto', 'serverType', 'Unknown server type', fail);
  const localDir = optionalText(raw.localDir, 'localDir', 'Local folder', 4096, fail, true);
  const remoteDir = optionalText(raw.remoteDir, 'remoteDir', 'Remote folder', 4096, fail, true);
  if (raw.syncBrowsing !== undefined && typeof raw.syncBrowsing !== 'boolean') fail('syncBrowsing', 'Synchronized browsing is on or off');
  const syncBrowsing = raw.syncBrowsing === true ? true : undefined;
  const maxConnections =
    raw.maxConnections === 0
      ? undefined
      : optionalInteger(raw.maxConnections, 1, MAX_CONNECTIONS, 'maxConnections', `Maximum connections must be from 1 to ${MAX_CONNECTIONS}`, fail);
  const comments = optionalComments(raw.comments, fail);
  let trustedFingerprint: string | undefined;
  if (raw.trustedFingerprint !== undefined && raw.trustedFingerprint !== null && raw.trustedFingerprint !== '') {
    if (typeof raw.trustedFingerprint === 'string' && FINGERPRINT.test(raw.trustedFingerprint)) trustedFingerprint = raw.trustedFingerprint;
    else fail('trustedFingerprint', 'Certificate fingerprint is malformed');
  }

  const clockOverrideMs = checkClockOverride(raw.clockOverrideMs, fail);

  if (issues.length > 0) throw new SiteValidationError(issues);
  const site: SiteFields = { name, folder, host: host!, tls: tls!, logonType: logonType!, dataMode: dataMode!, charset: charset! };
  // Optional fields are left out rather than set to undefined, so stored JSON stays minimal: an FTP
  // site has no protocol field, and an SFTP site no TLS certificate or server type (FTP's alone).
  const optional = {
    protocol: isSftp ? protocol : undefined,
    port,
    user,
    keyFile,
    serverType: serverType === 'auto' || isSftp ? undefined : serverType,
    localDir,
    remoteDir,
    syncBrowsing,
    maxConnections,
    comments,
    trustedFingerprint: isSftp ? undefined : trustedFingerprint,
    clockOverrideMs,
  };
  for (const [key, value] of Object.entries(optional)) {
    if (value !== undefined) (site as unknown as Record<string, unknown>)[key] = value;
  }
  return site;
}

type Fail = (field: string, message: string) => undefined;

function checkHost(value: unknown, fail: Fail): string | undefined {
  if (typeof value !== 'string' || value.trim() === '') return fail('host', 'Host is required');
  let host = value.trim();
  if (SCHEME.test(host)) return fail('host', 'Host must be a name or address, without a prefix such as ftp://');
  const bracketed = /^\[(.*)\]$/.exec(host);
  if (bracketed) {
    if (!isIPv6(bracketed[1])) return fail('host', 'Host in brackets must be an IPv6 address');
    host = bracketed[1];
  } else if (host.includes(':') && !isIPv6(host)) {
    return fail('host', 'Host cannot contain a port: use the Port field');
  }
  // eslint-disable-next-line no-control-regex
  if (/[\s/@\\\u0000-\u001f\u007f]/.test(host)) return fail('host', 'Host cannot contain spaces, "/", "\\" or "@"');
  if (host.length > 253) return fail('host', 'Host is longer than 253 characters');
  return host;
}

function checkClockOverride(value: unknown, fail: Fail): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value % 60_000 !== 0) return fail('clockOverrideMs', 'Server clock offset must be whole hours and minutes');
  if (Math.abs(value) > MAX_CLOCK_OFFSET_MS) return fail('clockOverrideMs', 'Server clock offset must be within 24 hours either way');
  return value;
}

function checkCharset(value: unknown, fail: Fail): string | undefined {
  if (value === undefined || value === null || value === '') return 'auto';
  if (typeof value !== 'string') return fail('charset', 'Character set must be text');
  const trimmed = value.trim();
  if (/^auto$/i.test(trimmed)) return 'auto';
  if (/^utf-?8$/i.test(trimmed)) return 'utf8';
  if (!CHARSET_NAME.test(trimmed)) return fail('charset', 'Character set must be auto, UTF-8 or an encoding name such as ISO-8859-1');
  return trimmed;
}

function oneOf<T extends string>(value: unknown, allowed: readonly T[], fallback: T, field: string, message: string, fail: Fail): T | undefined {
  if (value === undefined || value === null) return fallback;
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  return fail(field, `${message}: ${String(value)}`);
}

function optionalInteger(value: unknown, min: number, max: number, field: string, message: string, fail: Fail): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) return fail(field, message);
  return value;
}

function optionalText(value: unknown, field: string, label: string, maxLength: number, fail: Fail, trim: boolean): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') return fail(field, `${label} must be text`);
  const text = trim ? value.trim() : value;
  if (text === '') return undefined;
  if (LINE_BREAKS.test(text)) return fail(field, `${label} cannot contain line breaks`);
  if (text.length > maxLength) return fail(field, `${label} is longer than ${maxLength} characters`);
  return text;
}

function optionalComments(value: unknown, fail: Fail): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string') return fail('comments', 'Comments must be text');
  if (value.includes('\u0000')) return fail('comments', 'Comments cannot contain NUL characters');
  if (value.length > 10_000) return fail('comments', 'Comments are longer than 10000 characters');
  return value;
}
