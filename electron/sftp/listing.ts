/**
 * Turns SFTP READDIR entries (a name, OpenSSH's `ls -l` style longname and the attributes) into
 * the app's FileEntry: type and symbolic permissions from the mode bits, owner and group names
 * from the longname where it has them (numbers otherwise), times to the second.
 * Pure; imports only shared/ types.
 */
import type { EntryType, FileEntry } from '../../shared/domain';

/** The attributes of a READDIR or STAT answer, as ssh2 hands them over (any may be missing). */
export interface SftpAttrs {
  mode?: number;
  uid?: number;
  gid?: number;
  size?: number;
  atime?: number;
  mtime?: number;
}

/** One READDIR name as the server sent it. */
export interface SftpDirEntry {
  filename: string;
  longname: string;
  attrs: SftpAttrs;
}

const S_IFMT = 0o170000;
const S_IFDIR = 0o040000;
const S_IFREG = 0o100000;
const S_IFLNK = 0o120000;

/** The entry type the mode's file-type bits say; `longname`'s first letter when the mode has none. */
export function entryTypeOf(mode: number | undefined, longname = ''): EntryType {
  if (mode !== undefined && (mode & S_IFMT) !== 0) {
    switch (mode & S_IFMT) {
      case S_IFDIR: return 'dir';
      case S_IFREG: return 'file';
      case S_IFLNK: return 'link';
      default: return 'other';
    }
  }
  switch (longname[0]) {
    case 'd': return 'dir';
    case '-': return 'file';
    case 'l': return 'link';
    default: return longname ? 'other' : 'file';
  }
}

/** `rwxr-xr-x` for a mode's permission bits, with setuid, setgid and sticky shown as `ls -l` does. */
export function symbolicPermissions(mode: number): string {
  const triple = (bits: number, special: boolean, letter: string) => {
    const exec = (bits & 1) !== 0;
    const x = special ? (exec ? letter : letter.toUpperCase()) : exec ? 'x' : '-';
    return `${bits & 4 ? 'r' : '-'}${bits & 2 ? 'w' : '-'}${x}`;
  };
  return (
    triple((mode >> 6) & 7, (mode & 0o4000) !== 0, 's') +
    triple((mode >> 3) & 7, (mode & 0o2000) !== 0, 's') +
    triple(mode & 7, (mode & 0o1000) !== 0, 't')
  );
}

/**
 * Owner and group names from a longname (`-rw-r--r--  1 alice staff  5 Dec  7 01:41 a.txt`, what
 * OpenSSH and most servers send), when its fields line up with the attributes' size; undefined
 * when the longname is of another form (the draft leaves it free).
 */
export function ownerGroupOf(longname: string, size: number | undefined): { owner: string; group: string } | undefined {
  const fields = longname.trim().split(/\s+/);
  if (fields.length < 9 || !/^[-dlcbps][-rwxsStTl]{9}/.test(fields[0])) return undefined;
  if (size !== undefined && fields[4] !== String(size)) return undefined;
  return { owner: fields[2], group: fields[3] };
}

/** A FileEntry for one READDIR entry; links get their target and its type later (see SftpSession.list). */
export function toFileEntry(entry: SftpDirEntry): FileEntry {
  const { attrs } = entry;
  const type = entryTypeOf(attrs.mode, entry.longname);
  const result: FileEntry = { name: entry.filename, type };
  if (type !== 'dir' && attrs.size !== undefined) result.sizeBytes = attrs.size;
  if (attrs.mtime !== undefined) {
    result.modifiedMs = attrs.mtime * 1000;
    result.timePrecision = 'second';
  }
  if (attrs.mode !== undefined) result.permissions = symbolicPermissions(attrs.mode);
  const names = ownerGroupOf(entry.longname, attrs.size);
  if (names) {
    result.owner = names.owner;
    result.group = names.group;
  } else {
    if (attrs.uid !== undefined) result.owner = String(attrs.uid);
    if (attrs.gid !== undefined) result.group = String(attrs.gid);
  }
  if (entry.filename.startsWith('.')) result.isHidden = true;
  return result;
}

/** Whether a READDIR name is the folder itself or its parent, which listings leave out. */
export function isDotEntry(name: string): boolean {
  return name === '.' || name === '..';
}
