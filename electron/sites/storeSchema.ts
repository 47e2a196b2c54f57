/**
 * The on-disk shape of `sites.json`, checked with zod when loading so a hand-edited or
 * truncated file is caught instead of crashing the UI later. Must not import electron.
 */
import { z } from 'zod';
import { SERVER_TYPES } from '../../shared/serverType';
import { DATA_MODES, LOGON_TYPES, PROTOCOLS, TLS_MODES } from './siteInput';

/** Current format version of `sites.json`; a newer file is refused rather than rewritten. */
export const SITES_FILE_VERSION = 1;

const siteSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  folder: z.string(),
  protocol: z.enum(PROTOCOLS as [string, ...string[]]).optional(),
  host: z.string().min(1),
  port: z.number().int().min(1).max(65535).optional(),
  tls: z.enum(TLS_MODES as [string, ...string[]]),
  logonType: z.enum(LOGON_TYPES as [string, ...string[]]),
  user: z.string().optional(),
  keyFile: z.string().optional(),
  dataMode: z.enum(DATA_MODES as [string, ...string[]]),
  charset: z.string().min(1),
  serverType: z.enum(SERVER_TYPES).optional(),
  localDir: z.string().optional(),
  remoteDir: z.string().optional(),
  syncBrowsing: z.boolean().optional(),
  maxConnections: z.number().int().min(1).optional(),
  comments: z.string().optional(),
  trustedFingerprint: z.string().optional(),
  clockOverrideMs: z.number().int().optional(),
  clockDetected: z.object({ offsetMs: z.number().int(), atMs: z.number() }).optional(),
  hasPassword: z.boolean().optional(),
});

/** Schema of the whole file: explicit folders (kept even when empty) and the sites. */
export const sitesFileSchema = z.object({
  version: z.literal(SITES_FILE_VERSION),
  folders: z.array(z.string()),
  sites: z.array(siteSchema),
});

/** The parsed content of `sites.json`. */
export type SitesFile = z.infer<typeof sitesFileSchema>;
