/**
 * FileZilla's numeric and textual codes in sitemanager.xml and their Ferry equivalents,
 * from FileZilla's ServerProtocol, ServerType, LogonType, PasvMode and CharsetEncoding enums (their
 * values are fixed by FileZilla: "never change any existing values"). Pure; must not import electron.
 */
import type { DataMode, LogonType, Protocol, TlsMode } from '../../../shared/domain';
import type { ServerType } from '../../../shared/serverType';
import { defaultPortOf } from '../../../shared/serverAccount';

/** FileZilla's Protocol numbers Ferry can connect with, and their TLS mode. */
export const TLS_BY_PROTOCOL: Readonly<Record<number, TlsMode>> = {
  0: 'explicit-if-available', // FTP: AUTH TLS when the server offers it
  3: 'implicit', // FTPS: TLS from the first byte, usually port 990
  4: 'explicit', // FTPES: AUTH TLS required
  6: 'none', // INSECURE_FTP: plain FTP
};

/** The Protocol number FileZilla uses for each Ferry TLS mode. */
export const PROTOCOL_BY_TLS: Readonly<Record<TlsMode, number>> = {
  'explicit-if-available': 0,
  implicit: 3,
  explicit: 4,
  none: 6,
};

/** FileZilla's Protocol number of SFTP (SSH File Transfer Protocol). */
export const FZ_SFTP = 1;

/** Names of FileZilla protocols Ferry does not speak, for the import report. */
export const UNSUPPORTED_PROTOCOLS: Readonly<Record<number, string>> = {
  2: 'HTTP',
  5: 'HTTPS',
  7: 'S3',
  8: 'Storj',
  9: 'WebDAV',
  10: 'Azure File',
  11: 'Azure Blob',
  12: 'OpenStack Swift',
  13: 'Google Cloud Storage',
  14: 'Google Drive',
  15: 'Dropbox',
  16: 'OneDrive',
  17: 'Backblaze B2',
  18: 'Box',
  19: 'WebDAV (insecure)',
  20: 'Rackspace',
  21: 'Storj (grant)',
};

/** FileZilla's Logontype numbers. */
export const FZ_LOGON = { anonymous: 0, normal: 1, ask: 2, interactive: 3, account: 4, key: 5, profile: 6 } as const;

/**
 * The Logontype number FileZilla uses for each Ferry logon type. FileZilla has no logon type for
 * the SSH agent (it offers a running agent's keys whatever the type): Interactive comes closest,
 * logging in without anything saved and asking only what the server asks.
 */
export const LOGON_CODE: Readonly<Record<LogonType, number>> = { anonymous: 0, normal: 1, ask: 2, interactive: 3, key: 5, agent: 3 };

/** PasvMode values (FileZilla writes the enum names). */
export const DATA_MODE_BY_PASV: Readonly<Record<string, DataMode>> = {
  MODE_DEFAULT: 'auto',
  MODE_ACTIVE: 'active',
  MODE_PASSIVE: 'passive',
};

/** The PasvMode value for each Ferry data mode. */
export const PASV_BY_DATA_MODE: Readonly<Record<DataMode, string>> = {
  auto: 'MODE_DEFAULT',
  active: 'MODE_ACTIVE',
  passive: 'MODE_PASSIVE',
};

/** The port FileZilla assumes when none is saved. */
export function defaultPort(protocol: Protocol | undefined, tls: TlsMode): number {
  return defaultPortOf({ protocol, tls });
}

/**
 * FileZilla's ServerType numbers (`<Type>`) and the Ferry server type each stands for. Its three
 * DOS variants differ only in the path separator it prefers, Cygwin lists as Unix.
 */
export const SERVER_TYPE_BY_FZ: Readonly<Record<number, ServerType>> = {
  0: 'auto',
  1: 'unix',
  2: 'vms',
  3: 'dos',
  4: 'mvs',
  5: 'vxworks',
  6: 'zvm',
  7: 'tandem',
  8: 'dos',
  9: 'unix',
  10: 'dos',
};

/** The `<Type>` number for each Ferry server type; FileZilla has no type of its own for the rest, which it detects. */
export const FZ_BY_SERVER_TYPE: Readonly<Record<ServerType, number>> = {
  auto: 0,
  unix: 1,
  vms: 2,
  dos: 3,
  mvs: 4,
  vxworks: 5,
  zvm: 6,
  tandem: 7,
  os2: 0,
  os400: 0,
  netware: 0,
  'connect-enterprise': 0,
  os9: 0,
};
