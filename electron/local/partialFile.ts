/**
 * The temporary file a download is written to (`NAME.part`), opened so that nobody else's file
 * can be written through it. The download folder may be shared (/tmp, a group folder), and
 * another local user may plant a link at the temporary name pointing at a file of ours, or leave
 * a file of theirs there. So:
 * - a fresh partial file is created exclusively and without following a link (O_EXCL |
 *   O_NOFOLLOW); whatever already has that name (a link, a stale file) is removed first, never
 *   opened;
 * - an existing partial file is continued only when it is a regular file, not a link, with no
 *   other name (a hard link), owned by this user; otherwise the download starts over in a fresh one.
 * One set of rules, in a synchronous form (the command line) and an asynchronous one (the app).
 * Must not import electron.
 */
import fs, { constants, type Stats } from 'node:fs';
import { promisify } from 'node:util';

/** 0 where the system has no O_NOFOLLOW (Windows, where links need privileges to create). */
const NOFOLLOW = constants.O_NOFOLLOW ?? 0;
/** A new file, never an existing name and never through a link. */
const CREATE_NEW = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | NOFOLLOW;
/** An existing file, never through a link; written at its end, which is cut to the offset first. */
const CONTINUE = constants.O_WRONLY | constants.O_APPEND | NOFOLLOW;
const MODE = 0o666;

/** What is at a partial file's name. */
export interface PartialFile {
  sizeBytes: number;
  /** Whether a download may continue it: a regular file of this user's, not a link. */
  isResumable: boolean;
  /** Why it may not, in words for the log: "a symbolic link", "owned by another user". */
  reason?: string;
}

/** The rule: what of an lstat result may be continued. */
export function partialVerdict(st: Stats): PartialFile {
  if (st.isSymbolicLink()) return { sizeBytes: 0, isResumable: false, reason: 'a symbolic link' };
  if (!st.isFile()) return { sizeBytes: 0, isResumable: false, reason: 'not a regular file' };
  // A second name for someone's file (a hard link planted where links to others' files are allowed).
  if (st.nlink > 1) return { sizeBytes: st.size, isResumable: false, reason: 'a file with more than one name (a hard link)' };
  const uid = process.getuid?.();
  if (uid !== undefined && st.uid !== uid) return { sizeBytes: st.size, isResumable: false, reason: 'owned by another user' };
  return { sizeBytes: st.size, isResumable: true };
}

/** Error for a partial file that may not be continued (it changed between the check and the open). */
export class UnsafePartialError extends Error {
  readonly code = 'EUNSAFEPARTIAL';
  constructor(path: string, reason: string) {
    super(`${path} is ${reason}; it is not continued`);
    this.name = 'UnsafePartialError';
  }
}

function isMissing(err: unknown): boolean {
  const code = (err as NodeJS.ErrnoException | null)?.code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}

function isTaken(err: unknown): boolean {
  const code = (err as NodeJS.ErrnoException | null)?.code;
  // ELOOP: a link at the name, with O_NOFOLLOW (some systems say EEXIST for it with O_EXCL).
  return code === 'EEXIST' || code === 'ELOOP';
}

/** O_NOFOLLOW's ELOOP, said as what it means here. */
function linkRefusal(path: string, err: unknown): unknown {
  return (err as NodeJS.ErrnoException | null)?.code === 'ELOOP' ? new UnsafePartialError(path, 'a symbolic link') : err;
}

/** What is at `path` (not following a link), or undefined when nothing is. */
export function inspectPartialSync(path: string): PartialFile | undefined {
  try {
    return partialVerdict(fs.lstatSync(path));
  } catch (err) {
    if (isMissing(err)) return undefined;
    throw err;
  }
}

/** What is at `path` (not following a link), or undefined when nothing is. */
export async function inspectPartial(path: string): Promise<PartialFile | undefined> {
  try {
    return partialVerdict(await fs.promises.lstat(path));
  } catch (err) {
    if (isMissing(err)) return undefined;
    throw err;
  }
}

/**
 * Opens the partial file for writing from `offset`: a fresh one (offset 0) replacing whatever has
 * the name, or the existing one, checked and cut to `offset`. Returns the file descriptor. A
 * missing folder is ENOENT, for the caller to create.
 */
export function openPartialSync(path: string, offset: number): number {
  if (offset === 0) {
    try {
      return fs.openSync(path, CREATE_NEW, MODE);
    } catch (err) {
      if (!isTaken(err)) throw err;
    }
    // unlink removes a link itself, never its target; a folder at the name makes it fail.
    fs.unlinkSync(path);
    return fs.openSync(path, CREATE_NEW, MODE);
  }
  let fd: number;
  try {
    fd = fs.openSync(path, CONTINUE);
  } catch (err) {
    throw linkRefusal(path, err);
  }
  try {
    const verdict = partialVerdict(fs.fstatSync(fd));
    if (!verdict.isResumable) throw new UnsafePartialError(path, verdict.reason ?? 'not ours');
    // Bytes after the offset (an abandoned longer attempt) must not survive.
    fs.ftruncateSync(fd, offset);
    return fd;
  } catch (err) {
    fs.closeSync(fd);
    throw err;
  }
}

const open = promisify(fs.open);
const unlink = promisify(fs.unlink);
const fstat = promisify(fs.fstat);
const ftruncate = promisify(fs.ftruncate);
const close = promisify(fs.close);

/** openPartialSync on the thread pool, for the app's queue. */
export async function openPartial(path: string, offset: number): Promise<number> {
  if (offset === 0) {
    try {
      return await open(path, CREATE_NEW, MODE);
    } catch (err) {
      if (!isTaken(err)) throw err;
    }
    await unlink(path);
    return open(path, CREATE_NEW, MODE);
  }
  let fd: number;
  try {
    fd = await open(path, CONTINUE);
  } catch (err) {
    throw linkRefusal(path, err);
  }
  try {
    const verdict = partialVerdict(await fstat(fd));
    if (!verdict.isResumable) throw new UnsafePartialError(path, verdict.reason ?? 'not ours');
    await ftruncate(fd, offset);
    return fd;
  } catch (err) {
    await close(fd);
    throw err;
  }
}
