/**
 * One small settings file in the data folder (`settings.json`, `queue-settings.json`): written
 * atomically, and a damaged file set aside (`<name>.corrupt-<time>`, reported) so the defaults
 * apply without destroying what the user had. Temp files of a write cut short are removed on load.
 * Must not import electron.
 */
import path from 'node:path';
import { z } from 'zod';
import { loadJsonFile, removeStaleTemps, writeFileAtomic } from '../sites/atomicFile';

/** What a settings file is: its name, its format version and the schema of its content. */
export interface SettingsFileSpec<S extends z.core.$ZodType> {
  fileName: string;
  version: number;
  /** The content without the `version` field. */
  schema: S;
  /** What the file holds, as a user reads it ("the settings"). */
  what: string;
}

/** Reads the saved content; undefined when there is none, or when it was damaged (`onDamaged` says so). */
export async function loadSettingsFile<S extends z.core.$ZodType>(
  dataDir: string,
  spec: SettingsFileSpec<S>,
  onDamaged: (message: string) => void,
): Promise<z.infer<S> | undefined> {
  await removeStaleTemps(dataDir, spec.fileName);
  const fileSchema = z
    .looseObject({ version: z.literal(spec.version) })
    .transform(({ version: _version, ...content }) => content)
    // The content schema reads what is left of the file's object once its version is checked.
    .pipe(spec.schema as unknown as z.ZodType<z.infer<S>, Record<string, unknown>>);
  const loaded = await loadJsonFile(path.join(dataDir, spec.fileName), fileSchema, { maxVersion: spec.version });
  if (loaded.status === 'corrupt') onDamaged(`${capitalised(spec.what)} could not be read (${loaded.reason}); using the defaults. The file was kept as ${loaded.backupPath}`);
  return loaded.status === 'ok' ? (loaded.value as z.infer<S>) : undefined;
}

/** Saves the content so a restart keeps it. */
export function saveSettingsFile<S extends z.core.$ZodType>(dataDir: string, spec: SettingsFileSpec<S>, content: z.infer<S>): Promise<void> {
  return writeFileAtomic(path.join(dataDir, spec.fileName), `${JSON.stringify({ version: spec.version, ...(content as object) }, null, 2)}\n`);
}

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
