/**
 * Files the command line uploaded (`ferry put`, `put -r`) to a server whose clock offset is not
 * known yet, kept in `recent-uploads.json` in the data folder by account until a later compare
 * or sync lists them: each `ferry` run is a process of its own, so what one uploads is seen by
 * the next. At most 200 files per account, none older than a day; a missing or damaged file reads
 * as none. Written atomically, one write at a time within a process.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { ensurePrivateDir, writeFileAtomic } from '../sites/atomicFile';
import type { UploadedFile } from './clockObservations';

/** The file's name in the data folder. */
export const LEDGER_FILE_NAME = 'recent-uploads.json';

const PER_ACCOUNT = 200;
const MAX_AGE_MS = 86_400_000;

const uploadSchema = z.object({
  remotePath: z.string(),
  sourceModifiedMs: z.number().optional(),
  finishedMs: z.number(),
  keepsSourceTime: z.boolean().optional(),
});
const ledgerFile = z.object({ version: z.literal(1), accounts: z.record(z.string(), z.array(uploadSchema)) });

/** Uploads waiting for a listing, by account. */
export class UploadLedger {
  private writing: Promise<unknown> = Promise.resolve();

  constructor(private readonly dataDir: string) {}

  private get filePath(): string {
    return path.join(this.dataDir, LEDGER_FILE_NAME);
  }

  private async readAll(): Promise<Record<string, UploadedFile[]>> {
    try {
      const parsed = ledgerFile.safeParse(JSON.parse(await readFile(this.filePath, 'utf8')));
      return parsed.success ? parsed.data.accounts : {};
    } catch {
      return {};
    }
  }

  private change(edit: (accounts: Record<string, UploadedFile[]>) => void): Promise<void> {
    const write = this.writing.then(async () => {
      const accounts = await this.readAll();
      edit(accounts);
      for (const [account, uploads] of Object.entries(accounts)) if (uploads.length === 0) delete accounts[account];
      await ensurePrivateDir(this.dataDir);
      await writeFileAtomic(this.filePath, `${JSON.stringify({ version: 1, accounts })}\n`);
    });
    this.writing = write.catch(() => undefined);
    return write;
  }

  /** The uploads to the account that may still say something. */
  async uploadsOf(account: string, nowMs = Date.now()): Promise<UploadedFile[]> {
    return ((await this.readAll())[account] ?? []).filter((u) => nowMs - u.finishedMs <= MAX_AGE_MS);
  }

  /** Keeps uploads to the account (a later upload of a path replaces the earlier). */
  add(account: string, uploads: readonly UploadedFile[], nowMs = Date.now()): Promise<void> {
    return this.change((accounts) => {
      const byPath = new Map((accounts[account] ?? []).filter((u) => nowMs - u.finishedMs <= MAX_AGE_MS).map((u) => [u.remotePath, u]));
      for (const u of uploads) {
        byPath.delete(u.remotePath);
        byPath.set(u.remotePath, u);
      }
      accounts[account] = [...byPath.values()].slice(-PER_ACCOUNT);
    });
  }

  /** Forgets the account's uploads (its offset is known now). */
  forget(account: string): Promise<void> {
    return this.change((accounts) => {
      delete accounts[account];
    });
  }
}
