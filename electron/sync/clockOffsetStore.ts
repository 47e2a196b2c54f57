/**
 * The clock offsets detected for servers that have no saved site, by account (`user@host:port`),
 * in `server-clocks.json` in Ferry's data folder. The window (quick connect) and the command line
 * both write it, so each look-up reads the file anew; writes are atomic and, within a process,
 * one at a time. A missing or damaged file reads as "nothing detected yet", which at worst means
 * detecting again.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { DetectedClock } from '../../shared/serverClock';
import { ensurePrivateDir, writeFileAtomic } from '../sites/atomicFile';

/** The file's name in the data folder. */
export const CLOCKS_FILE_NAME = 'server-clocks.json';

const detectedSchema = z.object({ offsetMs: z.number().int(), atMs: z.number() });
const clocksFile = z.object({ version: z.literal(1), servers: z.record(z.string(), detectedSchema) });

/** Detected offsets by account, kept in the data folder. */
export class ClockOffsetStore {
  private writing: Promise<unknown> = Promise.resolve();

  constructor(private readonly dataDir: string) {}

  private get filePath(): string {
    return path.join(this.dataDir, CLOCKS_FILE_NAME);
  }

  private async readAll(): Promise<Record<string, DetectedClock>> {
    let text: string;
    try {
      text = await readFile(this.filePath, 'utf8');
    } catch {
      return {};
    }
    try {
      const parsed = clocksFile.safeParse(JSON.parse(text));
      return parsed.success ? parsed.data.servers : {};
    } catch {
      return {};
    }
  }

  /** What was detected for the account, if anything. */
  async get(account: string): Promise<DetectedClock | undefined> {
    return (await this.readAll())[account];
  }

  /** Keeps a detected offset for the account; undefined forgets it (detect again). */
  set(account: string, detected: DetectedClock | undefined): Promise<void> {
    const write = this.writing.then(async () => {
      const servers = await this.readAll();
      if (detected) servers[account] = detected;
      else delete servers[account];
      await ensurePrivateDir(this.dataDir);
      await writeFileAtomic(this.filePath, `${JSON.stringify({ version: 1, servers }, null, 2)}\n`);
    });
    this.writing = write.catch(() => undefined);
    return write;
  }
}
