/**
 * The queue file: JSON written atomically (temporary file, fsync, rename, fsync of the folder) so
 * a crash mid-write leaves either the old or the new queue, never a torn one. Holds site ids
 * only; passwords are never part of it.
 */
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import type { PersistedQueue, QueueStore } from './types';

function isPersistedQueue(v: unknown): v is PersistedQueue {
  if (!v || typeof v !== 'object') return false;
  const q = v as { version?: unknown; items?: unknown };
  return q.version === 1 && Array.isArray(q.items) && q.items.every((e) => e && typeof e === 'object' && 'item' in e && 'meta' in e);
}

/** Saves and loads the queue at one file path. */
export class FileQueueStore implements QueueStore {
  private counter = 0;

  constructor(readonly filePath: string) {}

  /**
   * Loads the queue; an unreadable file is moved aside (`.corrupt`) rather than crashing the app.
   * Temporary files of writes that a crash cut short are removed first.
   */
  async load(): Promise<PersistedQueue | undefined> {
    await this.removeStaleTemps();
    let text: string;
    try {
      text = await fsp.readFile(this.filePath, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw err;
    }
    try {
      const data: unknown = JSON.parse(text);
      if (isPersistedQueue(data)) return data;
    } catch {
      // fall through: keep the bad file for inspection
    }
    await fsp.rename(this.filePath, `${this.filePath}.corrupt`).catch(() => undefined);
    return undefined;
  }

  /** Deletes `NAME.<pid>.<n>.tmp` files whose writing process is gone (a live one may still be renaming its own). */
  private async removeStaleTemps(): Promise<void> {
    const dir = path.dirname(this.filePath);
    const base = path.basename(this.filePath);
    const names = await fsp.readdir(dir).catch(() => [] as string[]);
    for (const name of names) {
      if (!name.startsWith(`${base}.`) || !name.endsWith('.tmp')) continue;
      const pid = Number(/^\.(\d+)\.\d+\.tmp$/.exec(name.slice(base.length))?.[1]);
      if (!Number.isInteger(pid) || isRunning(pid)) continue;
      await fsp.rm(path.join(dir, name), { force: true });
    }
  }

  /** Replaces the file atomically. */
  async save(data: PersistedQueue): Promise<void> {
    const dir = path.dirname(this.filePath);
    await fsp.mkdir(dir, { recursive: true });
    const tmp = `${this.filePath}.${process.pid}.${this.counter++}.tmp`;
    const handle = await fsp.open(tmp, 'w', 0o600);
    try {
      await handle.writeFile(JSON.stringify(data));
      await handle.sync();
    } finally {
      await handle.close();
    }
    try {
      await fsp.rename(tmp, this.filePath);
    } catch (err) {
      await fsp.rm(tmp, { force: true });
      throw err;
    }
    // The rename itself is durable only once the folder entry is flushed (POSIX); not possible on Windows.
    if (process.platform !== 'win32') {
      const dirHandle = await fsp.open(dir, 'r');
      try {
        await dirHandle.sync();
      } catch {
        // Some filesystems refuse fsync on folders; the data file itself is already synced.
      } finally {
        await dirHandle.close();
      }
    }
  }
}

/** Whether a process with this id exists (signal 0 only checks; EPERM means it exists but is not ours). */
function isRunning(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
