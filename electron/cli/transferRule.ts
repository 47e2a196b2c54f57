/**
 * Which transfer type the command line uses: --type (or -a) when given, else the transfer type of
 * the app's saved settings (`settings.json` in the data folder, read and never changed here), else
 * binary as before the settings existed. Auto decides by the file's name with the saved list of
 * ASCII extensions, or FileZilla's when there is none. SFTP has no text mode: binary always.
 * Must not import electron.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { DEFAULT_SETTINGS, SETTINGS_FILE_NAME, settingsFromJson, type AppSettings, type TransferTypeRule } from '../../shared/settings';
import { defaultDataDir } from '../local/dataDir';
import type { CliOptions } from './args';
import type { FtpUrl } from './ftpUrl';
import { UsageError } from './usageError';
import { writeLine, type CliIo } from './io';

/** Binary for every file: the rule of an sftp:// run, since SFTP (version 3) has no text mode. */
const BYTE_FOR_BYTE: TransferTypeRule = { type: 'binary', asciiExtensions: [], isNoExtensionAscii: false, isDotfileAscii: false };

/** The rule of a run: what --type says, completed from the saved settings; binary for an sftp:// URL. */
export async function transferRuleFor(options: Pick<CliOptions, 'transferType'>, io: CliIo, scheme?: FtpUrl['scheme']): Promise<TransferTypeRule> {
  if (scheme === 'sftp') {
    if (options.transferType === 'ascii') throw new UsageError('SFTP transfers files byte for byte: --type ascii (-a) is for FTP');
    return BYTE_FOR_BYTE;
  }
  const saved = await savedSettings(io);
  const transfers = saved?.transfers ?? DEFAULT_SETTINGS.transfers;
  const type = options.transferType ?? saved?.transfers.type ?? 'binary';
  return { type, asciiExtensions: transfers.asciiExtensions, isNoExtensionAscii: transfers.isNoExtensionAscii, isDotfileAscii: transfers.isDotfileAscii };
}

async function savedSettings(io: CliIo): Promise<AppSettings | undefined> {
  const file = path.join(defaultDataDir(io.env), SETTINGS_FILE_NAME);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return undefined;
  }
  const read = settingsFromJson(text);
  if ('settings' in read) return read.settings;
  writeLine(io.stderr, `ferry: ignoring ${file} (${read.reason}); transfers are binary unless --type says otherwise`);
  return undefined;
}
