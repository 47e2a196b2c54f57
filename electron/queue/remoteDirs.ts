/**
 * Creating missing remote folders for uploads, once per folder per run, parents first: MKDIR,
 * and if that is refused, the parent's listing proves the folder is already there (servers answer
 * 550 to MKDIR of an existing folder, and FTP has no portable "exists" command).
 */
import { remoteParent } from './safeName';
import type { TransferSession } from './types';

/** Remembers which remote folders are known to exist, per site. */
export class RemoteDirCache {
  private readonly known = new Map<string, Set<string>>();
  private readonly pending = new Map<string, Promise<void>>();
  /** Folders our own MKDIR created in this run: files in them cannot pre-exist. */
  private readonly created = new Set<string>();

  /** Whether `dir` was created by this run's MKDIR (so it held nothing before). */
  isCreatedThisRun(siteId: string, dir: string): boolean {
    return this.created.has(`${siteId}\0${dir}`);
  }

  /** Makes sure `dir` exists on the site, creating it and its parents as needed. */
  async ensure(siteId: string, session: TransferSession, dir: string): Promise<void> {
    const set = this.known.get(siteId) ?? new Set<string>(['/', '', '.']);
    this.known.set(siteId, set);
    if (set.has(dir)) return;
    // Parallel uploads into one new folder share a single MKDIR.
    const key = `${siteId}\0${dir}`;
    const inFlight = this.pending.get(key);
    if (inFlight) return inFlight;
    const work = this.create(siteId, session, dir, set).finally(() => this.pending.delete(key));
    this.pending.set(key, work);
    return work;
  }

  /** Records that `dir` exists on the site (seen in a listing): ensure() then has nothing to do for it. */
  note(siteId: string, dir: string): void {
    const set = this.known.get(siteId) ?? new Set<string>(['/', '', '.']);
    this.known.set(siteId, set);
    set.add(dir);
  }

  /** Forgets what is known (the user may have deleted folders between runs). */
  clear(): void {
    this.known.clear();
    this.created.clear();
  }

  private async create(siteId: string, session: TransferSession, dir: string, set: Set<string>): Promise<void> {
    const parent = remoteParent(dir);
    if (parent !== dir) await this.ensure(siteId, session, parent);
    try {
      await session.mkdir(dir, { mayExist: true });
      this.created.add(`${siteId}\0${dir}`);
    } catch (mkdirErr) {
      // Some servers (vsftpd) list a missing path as empty, so look for the name in the parent.
      const base = dir.slice(dir.lastIndexOf('/') + 1);
      const entries = await session.list(parent);
      if (!entries.some((e) => e.name === base && (e.type === 'dir' || e.type === 'link'))) throw mkdirErr;
    }
    set.add(dir);
  }
}
