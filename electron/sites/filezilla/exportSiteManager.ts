/**
 * Writes Ferry's sites as a FileZilla 3 sitemanager.xml, in the element order FileZilla
 * itself writes, so FileZilla (and Ferry's own importer) can read it back. Passwords are
 * included only when asked, base64-encoded as FileZilla does; a site whose password is not
 * exported becomes "ask for password" rather than an empty password. Must not import electron.
 */
import type { Site } from '../../../shared/domain';
import { folderName, parentFolder } from '../folderPath';
import { defaultPort, FZ_BY_SERVER_TYPE, FZ_SFTP, LOGON_CODE, PASV_BY_DATA_MODE, PROTOCOL_BY_TLS } from './codes';
import { encodeServerPath, type LengthUnit } from './serverPath';
import { escapeXmlAttribute, escapeXmlText } from './xml';

/** FileZilla's platform names, which also decide how RemoteDir lengths are counted. */
export type FileZillaPlatform = 'windows' | 'mac' | '*nix';

/** What to export and how. */
export interface ExportOptions {
  /** Include saved passwords (base64, i.e. readable by anyone holding the file); default false. */
  includePasswords?: boolean;
  /** Reads a site's password; required when `includePasswords` is set. */
  getPassword?: (siteId: string) => Promise<string | undefined>;
  /** Platform attribute to write; default this machine's. */
  platform?: FileZillaPlatform;
  /** Version attribute to write. */
  version?: string;
}

/** A site whose remote folder could not be written in FileZilla's form. */
export interface ExportWarning {
  path: string;
  message: string;
}

/** The XML text and what could not be carried over. */
export interface ExportResult {
  xml: string;
  warnings: ExportWarning[];
}

/** This machine's platform name as FileZilla writes it. */
export function currentPlatform(): FileZillaPlatform {
  if (process.platform === 'win32') return 'windows';
  return process.platform === 'darwin' ? 'mac' : '*nix';
}

/** Serialises folders and sites (as from `SiteStore.list()`) to sitemanager.xml. */
export async function exportSiteManager(tree: { folders: string[]; sites: Site[] }, options: ExportOptions = {}): Promise<ExportResult> {
  const platform = options.platform ?? currentPlatform();
  const unit: LengthUnit = platform === 'windows' ? 'utf16' : 'codepoint';
  const warnings: ExportWarning[] = [];
  const lines: string[] = [];
  const emit = (depth: number, text: string) => lines.push(`${'\t'.repeat(depth)}${text}`);

  const writeFolder = async (folder: string, depth: number): Promise<void> => {
    const subfolders = tree.folders.filter((f) => f !== '' && parentFolder(f) === folder);
    for (const sub of subfolders) {
      emit(depth, `<Folder expanded="1">${escapeXmlText(folderName(sub))}`);
      await writeFolder(sub, depth + 1);
      emit(depth, '</Folder>');
    }
    for (const site of tree.sites.filter((s) => s.folder === folder)) {
      const password = options.includePasswords && site.logonType === 'normal' ? await options.getPassword?.(site.id) : undefined;
      writeServer(site, password, depth, unit, emit, warnings);
      const path = site.folder ? `${site.folder}/${site.name}` : site.name;
      // FileZilla keeps no passphrase of a key file: it asks for it when it connects.
      if (options.includePasswords && site.logonType === 'key' && site.hasPassword) warnings.push({ path, message: "The key's saved passphrase is not exported: FileZilla asks for it when it connects" });
      if (site.logonType === 'agent') warnings.push({ path, message: 'FileZilla has no SSH agent logon type: exported as Interactive (FileZilla offers a running agent\'s keys by itself)' });
    }
  };

  emit(0, '<?xml version="1.0" encoding="UTF-8" standalone="yes" ?>');
  emit(0, `<FileZilla3 version="${escapeXmlAttribute(options.version ?? '3.66.0')}" platform="${escapeXmlAttribute(platform)}">`);
  emit(1, '<Servers>');
  await writeFolder('', 2);
  emit(1, '</Servers>');
  emit(0, '</FileZilla3>');
  return { xml: `${lines.join('\n')}\n`, warnings };
}

function writeServer(
  site: Site,
  password: string | undefined,
  depth: number,
  unit: LengthUnit,
  emit: (depth: number, text: string) => void,
  warnings: ExportWarning[],
): void {
  const path = site.folder ? `${site.folder}/${site.name}` : site.name;
  const element = (name: string, value: string | number) => emit(depth + 1, `<${name}>${escapeXmlText(String(value))}</${name}>`);
  const optional = (name: string, value: string | undefined) => emit(depth + 1, value ? `<${name}>${escapeXmlText(value)}</${name}>` : `<${name} />`);
  // Without its password a "normal" site would log in with an empty one; FileZilla should ask instead.
  const logonType = site.logonType === 'normal' && password === undefined ? 'ask' : site.logonType;

  const isSftp = site.protocol === 'sftp';
  emit(depth, '<Server>');
  element('Host', site.host);
  element('Port', site.port ?? defaultPort(site.protocol, site.tls));
  element('Protocol', isSftp ? FZ_SFTP : PROTOCOL_BY_TLS[site.tls]);
  // As FileZilla, a server type only for the protocols that read listings (FTP).
  if (!isSftp) element('Type', FZ_BY_SERVER_TYPE[site.serverType ?? 'auto']);
  if (logonType !== 'anonymous' && site.user) element('User', site.user);
  if (logonType === 'normal' && password !== undefined) {
    emit(depth + 1, `<Pass encoding="base64">${Buffer.from(password, 'utf8').toString('base64')}</Pass>`);
  } else if (logonType === 'key' && site.keyFile) {
    element('Keyfile', site.keyFile);
  }
  element('Logontype', LOGON_CODE[logonType]);
  element('TimezoneOffset', 0);
  // FileZilla writes a transfer mode only for the protocols that have one (FTP's passive or active).
  if (!isSftp) element('PasvMode', PASV_BY_DATA_MODE[site.dataMode]);
  element('MaximumMultipleConnections', site.maxConnections ?? 0);
  if (site.charset === 'auto') element('EncodingType', 'Auto');
  else if (site.charset === 'utf8') element('EncodingType', 'UTF-8');
  else {
    element('EncodingType', 'Custom');
    element('CustomEncoding', site.charset);
  }
  element('BypassProxy', 0);
  element('Name', site.name);
  optional('Comments', site.comments);
  element('Colour', 0);
  optional('LocalDir', site.localDir);
  let remote: string | undefined;
  if (site.remoteDir) {
    remote = encodeServerPath(site.remoteDir, unit);
    if (remote === undefined) warnings.push({ path, message: `Remote folder "${site.remoteDir}" is not an absolute Unix or Windows path; left out` });
  }
  optional('RemoteDir', remote);
  element('SyncBrowsing', site.syncBrowsing ? 1 : 0);
  element('DirectoryComparison', 0);
  // FileZilla also writes the name as the element's own text, which older versions read.
  emit(depth + 1, escapeXmlText(site.name));
  emit(depth, '</Server>');
}
