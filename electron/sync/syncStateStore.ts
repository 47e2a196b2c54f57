/**
 * Where the state of the last sync of each folder pair is kept: one JSON file per pair under
 * `sync-state/` in Ferry's data folder, named by a hash of the pair (server, local folder,
 * remote folder), written atomically. A missing or damaged file reads as "no earlier sync",
 * which makes a "both" sync ask rather than delete.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../sites/atomicFile';
import type { SyncedPair, SyncState } from './planSync';

/** A folder pair: on which server (user@host:port or a site id) and which two folders. */
export interface FolderPairKey {
  server: string;
  localDir: string;
  remoteDir: string;
}

const side = z.object({
  kind: z.enum(['file', 'folder']),
  sizeBytes: z.number().optional(),
  modifiedMs: z.number().optional(),
  timePrecision: z.enum(['second', 'minute', 'day']).optional(),
  checksum: z.string().optional(),
});
const stateFile = z.object({
  version: z.literal(1),
  key: z.object({ server: z.string(), localDir: z.string(), remoteDir: z.string() }),
  savedAtMs: z.number(),
  pairs: z.record(z.string(), z.object({ local: side, remote: side })),
});

/** Reads and writes the sync state of folder pairs. */
export class SyncStateStore {
  constructor(private readonly dataDir: string) {}

  private fileOf(key: FolderPairKey): string {
    const id = createHash('sha256').update(JSON.stringify([key.server, key.localDir, key.remoteDir])).digest('hex').slice(0, 32);
    return path.join(this.dataDir, 'sync-state', `${id}.json`);
  }

  /** The state after the last sync of this pair; empty when there was none (or its file is unreadable). */
  async load(key: FolderPairKey): Promise<SyncState> {
    let text: string;
    try {
      text = await readFile(this.fileOf(key), 'utf8');
    } catch {
      return new Map();
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return new Map();
    }
    const parsed = stateFile.safeParse(json);
    // Another pair with the same hash prefix, or a damaged file: no history rather than a wrong one.
    if (!parsed.success || JSON.stringify(parsed.data.key) !== JSON.stringify(key)) return new Map();
    return new Map(Object.entries(parsed.data.pairs) as Array<[string, SyncedPair]>);
  }

  /** Keeps `state` as the pair's state after a sync. */
  async save(key: FolderPairKey, state: SyncState, nowMs = Date.now()): Promise<void> {
    const file = this.fileOf(key);
    await mkdir(path.dirname(file), { recursive: true });
    const body = { version: 1, key, savedAtMs: nowMs, pairs: Object.fromEntries(state) };
    await writeFileAtomic(file, JSON.stringify(body));
  }
}
