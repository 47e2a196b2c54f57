/**
 * FileZilla's numeric and textual codes in sitemanager.xml and their Ferry equivalents,
 * from FileZilla's ServerProtocol, LogonType, PasvMode and CharsetEncoding enums (their
 * values are fixed by FileZilla: "never change any existing values"). Pure; must not import electron.
 */
import type { DataMode, LogonType, TlsMode } from '../../../shared/domain';

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

/** Names of FileZilla protocols Ferry does not speak, for the import report. */
export const UNSUPPORTED_PROTOCOLS: Readonly<Record<number, string>> = {
  1: 'SFTP',
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

/** The Logontype number FileZilla uses for each Ferry logon type. */
export const LOGON_CODE: Readonly<Record<LogonType, number>> = { anonymous: 0, normal: 1, ask: 2 };

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
export function defaultPort(tls: TlsMode): number {
  return tls === 'implicit' ? 990 : 21;
}
