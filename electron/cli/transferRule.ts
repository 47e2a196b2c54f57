/**
 * Which transfer type the command line uses: --type (or -a) when given, else the transfer type of
 * the app's saved settings (`settings.json` in the data folder, read and never changed here), else
 * binary as before the settings existed. Auto decides by the file's name with the saved list of
 * ASCII extensions, or FileZilla's when there is none. Must not import electron.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { DEFAULT_SETTINGS, SETTINGS_FILE_NAME, settingsFromJson, type AppSettings, type TransferTypeRule } from '../../shared/settings';
import { defaultDataDir } from '../local/dataDir';
import type { CliOptions } from './args';
import { writeLine, type CliIo } from './io';

/** The rule of a run: what --type says, completed from the saved settings. */
export async function transferRuleFor(options: Pick<CliOptions, 'transferType'>, io: CliIo): Promise<TransferTypeRule> {
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
