/**
 * The queue settings a user changes in the window (file-exists policy, speed limits, transfers per
 * server), kept in `queue-settings.json` beside the queue file so they survive a restart: written
 * atomically, and a damaged file is set aside and the defaults used. Must not import electron.
 */
import path from 'node:path';
import { z } from 'zod';
import type { QueueSettings } from '../../shared/queue';
import type { QueueOptions } from '../queue';
import { MAX_SITE_LIMIT } from '../queue';
import { loadJsonFile, removeStaleTemps, writeFileAtomic } from '../sites/atomicFile';

const FILE_NAME = 'queue-settings.json';
const VERSION = 1;

const settingsFile = z.object({
  version: z.literal(VERSION),
  onExists: z.enum(['ask', 'overwrite', 'newer', 'size-differs', 'resume', 'rename', 'skip']),
  downloadLimitBps: z.number().int().nonnegative(),
  uploadLimitBps: z.number().int().nonnegative(),
  defaultSiteLimit: z.number().int().min(1).max(MAX_SITE_LIMIT),
});

/** The settings a queue runs with, as the window sees them. */
export function settingsOf(options: Readonly<QueueOptions>): QueueSettings {
  return {
    onExists: options.onExists,
    downloadLimitBps: options.speedLimits.downloadBps ?? 0,
    uploadLimitBps: options.speedLimits.uploadBps ?? 0,
    defaultSiteLimit: options.defaultSiteLimit,
  };
}

/** The queue options that carry `settings`. */
export function optionsOf(settings: Partial<QueueSettings>): Partial<QueueOptions> {
  const { onExists, downloadLimitBps, uploadLimitBps, defaultSiteLimit } = settings;
  return {
    ...(onExists !== undefined ? { onExists } : {}),
    ...(defaultSiteLimit !== undefined ? { defaultSiteLimit } : {}),
    ...(downloadLimitBps !== undefined || uploadLimitBps !== undefined ? { speedLimits: { downloadBps: downloadLimitBps, uploadBps: uploadLimitBps } } : {}),
  };
}

/** Reads the saved settings; undefined when there are none, or when the file was damaged (`onDamaged` says so). */
export async function loadQueueSettings(dataDir: string, onDamaged: (message: string) => void): Promise<QueueSettings | undefined> {
  await removeStaleTemps(dataDir, FILE_NAME);
  const loaded = await loadJsonFile(path.join(dataDir, FILE_NAME), settingsFile, { maxVersion: VERSION });
  if (loaded.status === 'corrupt') onDamaged(`The queue settings could not be read (${loaded.reason}); using the defaults. The file was kept as ${loaded.backupPath}`);
  if (loaded.status !== 'ok') return undefined;
  const { onExists, downloadLimitBps, uploadLimitBps, defaultSiteLimit } = loaded.value;
  return { onExists, downloadLimitBps, uploadLimitBps, defaultSiteLimit };
}

/** Saves the settings so a restart keeps them. */
export function saveQueueSettings(dataDir: string, settings: QueueSettings): Promise<void> {
  return writeFileAtomic(path.join(dataDir, FILE_NAME), `${JSON.stringify({ version: VERSION, ...settings }, null, 2)}\n`);
}
