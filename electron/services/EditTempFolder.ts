/**
 * The private folder that edited copies live in: one per run, made with `mkdtemp` under the OS
 * temporary folder on the first edit (mode 0700, so no other local user can read a copy or plant
 * a link beside it), one subfolder per edit, and a marker file naming the running process, so a
 * later start can tell a crashed run's leftovers (removed) from the folder of a Ferry still
 * running (kept). Copies are written into it exclusively, never through a link. Must not import
 * electron.
 */
import { randomBytes } from 'node:crypto';
import fs, { constants, promises as fsp } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { openPartial } from '../local/partialFile';
import { unsafeNameReason } from '../queue/safeName';

/** The start of every run folder's name. */
export const EDIT_FOLDER_PREFIX = 'ferry-edit-';
/** The marker in a run folder: the process id of the run that made it. */
const OWNER_FILE = 'owner.pid';
const PRIVATE = 0o700;

const writeAll = promisify((fd: number, bytes: Buffer, done: (err: NodeJS.ErrnoException | null) => void) => fs.writeFile(fd, bytes, done));
const closeFd = promisify(fs.close);

/** Whether a process with this id is running (EPERM: running, as another user). */
function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The process id a run folder's marker names, or undefined when it has none (or not a plain file). */
async function ownerOf(runDir: string): Promise<number | undefined> {
  let handle: fsp.FileHandle | undefined;
  try {
    handle = await fsp.open(path.join(runDir, OWNER_FILE), constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0));
    const pid = Number((await handle.readFile('utf8')).trim());
    return Number.isSafeInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  } finally {
    await handle?.close();
  }
}

/** Where an edit's copy of `remoteName` goes in its folder: under that name, unless this system could not hold it as one. */
export function copyPath(editDir: string, remoteName: string): string {
  if (!unsafeNameReason(remoteName)) return path.join(editDir, remoteName);
  const cleaned = remoteName.replace(/[/\\\0]|^[a-zA-Z]:/g, '_');
  return path.join(editDir, cleaned === '' || cleaned === '.' || cleaned === '..' ? 'edited-file' : cleaned);
}

/** Owns this run's folder of edited copies. */
export class EditTempFolder {
  private runDir: Promise<string> | undefined;

  constructor(
    /** Where run folders are made: the OS temporary folder, or a test's own. */
    readonly baseDir = os.tmpdir(),
  ) {}

  /**
   * Removes the run folders a crashed Ferry left in `baseDir`: folders of this user whose marker
   * names a process that is gone, or that have no marker and are older than this process. A link,
   * another user's folder or a running Ferry's folder is left alone. Resolves with what it removed.
   */
  static async removeLeftovers(baseDir = os.tmpdir(), isAlive: (pid: number) => boolean = isProcessAlive): Promise<string[]> {
    const startedMs = Date.now() - process.uptime() * 1000;
    const uid = process.getuid?.();
    const removed: string[] = [];
    let names: string[];
    try {
      names = await fsp.readdir(baseDir);
    } catch {
      return removed;
    }
    for (const name of names.filter((n) => n.startsWith(EDIT_FOLDER_PREFIX))) {
      const dir = path.join(baseDir, name);
      const st = await fsp.lstat(dir).catch(() => undefined);
      if (!st?.isDirectory() || (uid !== undefined && st.uid !== uid)) continue;
      const pid = await ownerOf(dir);
      const isLeftover = pid === undefined ? st.mtimeMs < startedMs : pid !== process.pid && !isAlive(pid);
      if (!isLeftover) continue;
      await fsp.rm(dir, { recursive: true, force: true });
      removed.push(dir);
    }
    return removed;
  }

  /** This run's folder, made on first use. */
  private run(): Promise<string> {
    this.runDir ??= (async () => {
      const dir = await fsp.mkdtemp(path.join(this.baseDir, EDIT_FOLDER_PREFIX));
      // mkdtemp makes it 0700 on POSIX already; said again so a system that differs cannot widen it.
      await fsp.chmod(dir, PRIVATE);
      await this.writeExclusive(path.join(dir, OWNER_FILE), Buffer.from(`${process.pid}\n`));
      return dir;
    })();
    return this.runDir;
  }

  /** A new empty folder for one edit's copy, private like the run folder. */
  async newEditFolder(): Promise<string> {
    const dir = path.join(await this.run(), randomBytes(6).toString('hex'));
    await fsp.mkdir(dir, { mode: PRIVATE });
    return dir;
  }

  /**
   * Replaces `file` with `bytes`: written to a fresh file beside it (created exclusively, never
   * through a link) and renamed over it, so an editor never reads half a file.
   */
  async replaceFile(file: string, bytes: Buffer): Promise<void> {
    const next = `${file}.ferry-save`;
    await this.writeExclusive(next, bytes);
    await fsp.rename(next, file);
  }

  /** Removes one edit's folder and its copy. */
  async removeEditFolder(dir: string): Promise<void> {
    await fsp.rm(dir, { recursive: true, force: true });
  }

  /** Removes this run's folder and every copy in it (the app is quitting). */
  async removeAll(): Promise<void> {
    const pending = this.runDir;
    this.runDir = undefined;
    const dir = await pending?.catch(() => undefined);
    if (dir) await fsp.rm(dir, { recursive: true, force: true });
  }

  private async writeExclusive(file: string, bytes: Buffer): Promise<void> {
    const fd = await openPartial(file, 0);
    try {
      await writeAll(fd, bytes);
    } finally {
      await closeFd(fd);
    }
  }
}
