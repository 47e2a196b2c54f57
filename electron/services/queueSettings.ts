/**
 * The queue settings a user changes in the queue panel (file-exists policy, speed limits), kept in
 * `queue-settings.json` beside the queue file so they survive a restart (settingsFile.ts). Transfers
 * per server are one of the app settings (SettingsService); an older file's value is read once so
 * it carries over. Must not import electron.
 */
import { z } from 'zod';
import type { QueueSettings } from '../../shared/queue';
import type { QueueOptions } from '../queue';
import { MAX_SITE_LIMIT } from '../queue';
import { loadSettingsFile, saveSettingsFile, type SettingsFileSpec } from './settingsFile';

const QUEUE_SETTINGS_FILE = {
  fileName: 'queue-settings.json',
  version: 1,
  what: 'the queue settings',
  schema: z.object({
    onExists: z.enum(['ask', 'overwrite', 'newer', 'size-differs', 'resume', 'rename', 'skip']),
    downloadLimitBps: z.number().int().nonnegative(),
    uploadLimitBps: z.number().int().nonnegative(),
    /** Written by versions that kept transfers per server here. */
    defaultSiteLimit: z.number().int().min(1).max(MAX_SITE_LIMIT).optional(),
  }),
} satisfies SettingsFileSpec<z.ZodType>;

/** What the queue settings file holds. */
export type SavedQueueSettings = z.infer<typeof QUEUE_SETTINGS_FILE.schema>;

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
export function loadQueueSettings(dataDir: string, onDamaged: (message: string) => void): Promise<SavedQueueSettings | undefined> {
  return loadSettingsFile(dataDir, QUEUE_SETTINGS_FILE, onDamaged);
}

/** Saves the settings so a restart keeps them (transfers per server are the app settings'). */
export function saveQueueSettings(dataDir: string, settings: QueueSettings): Promise<void> {
  const { onExists, downloadLimitBps, uploadLimitBps } = settings;
  return saveSettingsFile(dataDir, QUEUE_SETTINGS_FILE, { onExists, downloadLimitBps, uploadLimitBps });
}
