/**
 * FileZilla's "safe path" form of remote folders, as stored in RemoteDir: the server type,
 * the prefix length and prefix, then each segment as `<length> <text>` — `1 0 6 public 4 html`
 * is `/public/html` on a Unix server. Lengths count UTF-16 units on Windows builds and code
 * points elsewhere (wchar_t differs). Pure; must not import electron.
 */

/** How segment lengths are counted: UTF-16 units (Windows FileZilla) or code points (Linux, macOS). */
export type LengthUnit = 'utf16' | 'codepoint';

/** A decoded remote path: FileZilla's server type number and the path as a user types it. */
export interface DecodedServerPath {
  serverType: number;
  path: string;
}

interface Traits {
  separator: string;
  hasRoot: boolean;
  left?: string;
  right?: string;
  /** MVS puts the prefix after the segments. */
  prefixIsSuffix?: boolean;
  /** VMS escapes a separator inside a segment with `^`. */
  escape?: string;
  /** Cygwin's `//server` prefix is followed by a separator. */
  separatorAfterPrefix?: boolean;
}

// Index = FileZilla's ServerType: DEFAULT, UNIX, VMS, DOS, MVS, VXWORKS, ZVM, HPNONSTOP, DOS_VIRTUAL, CYGWIN, DOS_FWD_SLASHES.
const TRAITS: Traits[] = [
  { separator: '/', hasRoot: true },
  { separator: '/', hasRoot: true },
  { separator: '.', hasRoot: false, left: '[', right: ']', escape: '^' },
  { separator: '\\', hasRoot: false },
  { separator: '.', hasRoot: false, left: "'", right: "'", prefixIsSuffix: true },
  { separator: '/', hasRoot: true },
  { separator: '/', hasRoot: true },
  { separator: '.', hasRoot: false },
  { separator: '\\', hasRoot: true },
  { separator: '/', hasRoot: true, separatorAfterPrefix: true },
  { separator: '/', hasRoot: false },
];
const DOS = 3;
const DOS_FWD_SLASHES = 10;

/** Decodes a safe path; returns undefined for an empty one and throws `Error` with the reason when malformed. */
export function decodeServerPath(safePath: string, unit: LengthUnit): DecodedServerPath | undefined {
  if (safePath.trim() === '') return undefined;
  const chars = unit === 'utf16' ? safePath.split('') : Array.from(safePath);
  let pos = 0;
  const number = (what: string, allowEnd: boolean): number => {
    const start = pos;
    while (pos < chars.length && chars[pos] >= '0' && chars[pos] <= '9') pos++;
    if (pos === start || pos - start > 5) throw new Error(`malformed ${what}`);
    const value = Number(chars.slice(start, pos).join(''));
    if (pos < chars.length) {
      if (chars[pos] !== ' ') throw new Error(`malformed ${what}`);
      pos++;
    } else if (!allowEnd) throw new Error(`truncated after ${what}`);
    return value;
  };
  const take = (length: number, what: string): string => {
    if (pos + length > chars.length) throw new Error(`${what} is shorter than its length says`);
    const value = chars.slice(pos, pos + length).join('');
    pos += length;
    // One space separates fields; the last field has none.
    if (pos < chars.length) {
      if (chars[pos] !== ' ') throw new Error(`${what} is longer than its length says`);
      pos++;
    }
    return value;
  };
  const onlySpacesLeft = () => chars.slice(pos).every((c) => c === ' ');

  const serverType = number('server type', false);
  if (serverType >= TRAITS.length) throw new Error(`unknown server type ${serverType}`);
  const prefixLength = number('prefix length', true);
  const prefix = prefixLength > 0 ? take(prefixLength, 'prefix') : undefined;
  const segments: string[] = [];
  // Old FileZilla versions left a trailing space after the last field.
  while (pos < chars.length && !onlySpacesLeft()) {
    const length = number('segment length', false);
    if (length === 0) throw new Error('empty segment');
    segments.push(take(length, 'segment'));
  }
  const traits = TRAITS[serverType];
  if (!traits.hasRoot && segments.length === 0) throw new Error('path has no segments');
  return { serverType, path: formatPath(traits, serverType, prefix, segments) };
}

/** Builds the path a user sees from its parts, per the server type's conventions. */
function formatPath(traits: Traits, serverType: number, prefix: string | undefined, segments: string[]): string {
  const { separator } = traits;
  let path = !traits.prefixIsSuffix && prefix ? prefix : '';
  if (traits.left) path += traits.left;
  if (segments.length === 0 && (!traits.hasRoot || !prefix || traits.separatorAfterPrefix)) path += separator;
  segments.forEach((segment, i) => {
    if (i > 0) path += separator;
    else if (traits.hasRoot && (!prefix || traits.separatorAfterPrefix)) path += separator;
    path += traits.escape ? segment.split(separator).join(traits.escape + separator) : segment;
  });
  if (traits.prefixIsSuffix && prefix) path += prefix;
  if (traits.right) path += traits.right;
  // "C:" alone means the current folder on drive C; the root is "C:\".
  if ((serverType === DOS || serverType === DOS_FWD_SLASHES) && segments.length === 1) path += separator;
  return path;
}

/** Encodes a Unix (`/a/b`) or DOS (`C:\a`, `C:/a`, `\a`) path; returns undefined for other forms. */
export function encodeServerPath(path: string, unit: LengthUnit): string | undefined {
  let serverType: number;
  let parts: string[];
  if (path.startsWith('/')) {
    serverType = 1;
    parts = path.split('/');
  } else if (/^[A-Za-z]:(?:[\\/]|$)/.test(path)) {
    serverType = path[2] === '/' ? DOS_FWD_SLASHES : DOS;
    parts = path.split(/[\\/]/);
  } else if (path.startsWith('\\')) {
    serverType = 8;
    parts = path.split('\\');
  } else {
    return undefined;
  }
  const segments: string[] = [];
  for (const part of parts) {
    if (part === '' || part === '.') continue;
    if (part === '..') segments.pop();
    else segments.push(part);
  }
  const length = (s: string) => (unit === 'utf16' ? s.length : Array.from(s).length);
  return [`${serverType} 0`, ...segments.map((s) => `${length(s)} ${s}`)].join(' ');
}
