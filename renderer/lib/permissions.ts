/**
 * Unix permission modes for the remote pane: symbolic (`rwxr-xr-x`) as listings give them,
 * octal (`755`) as SITE CHMOD takes them, and the nine read/write/execute bits the chmod
 * dialog shows as checkboxes.
 */

/** Who a permission triad belongs to. */
export const PERMISSION_CLASSES = ['owner', 'group', 'others'] as const;
/** The three rights of a triad. */
export const PERMISSION_RIGHTS = ['read', 'write', 'execute'] as const;

const SYMBOLIC = /^[r-][w-][xsStT-][r-][w-][xsStT-][r-][w-][xsStT-]$/;

/** The mode (0..0o7777) of a symbolic permission string (a leading type letter is allowed), or undefined. */
export function symbolicToMode(text: string | undefined): number | undefined {
  if (!text) return undefined;
  const symbolic = text.length === 10 ? text.slice(1) : text;
  if (!SYMBOLIC.test(symbolic)) return undefined;
  let mode = 0;
  const specials = [0o4000, 0o2000, 0o1000];
  for (let triad = 0; triad < 3; triad++) {
    const shift = 6 - triad * 3;
    const [r, w, x] = symbolic.slice(triad * 3, triad * 3 + 3);
    if (r === 'r') mode |= 0o4 << shift;
    if (w === 'w') mode |= 0o2 << shift;
    if (x === 'x' || x === 's' || x === 't') mode |= 0o1 << shift;
    // s/t keep execute, S/T mean the special bit without execute (ls(1)).
    if (x === 's' || x === 'S' || x === 't' || x === 'T') mode |= specials[triad];
  }
  return mode;
}

/** The nine-character symbolic form of a mode, with set-id and sticky bits as ls(1) shows them. */
export function modeToSymbolic(mode: number): string {
  const triad = (shift: number, special: number, mark: string): string => {
    const x = (mode & (0o1 << shift)) !== 0;
    const s = (mode & special) !== 0;
    return (mode & (0o4 << shift) ? 'r' : '-') + (mode & (0o2 << shift) ? 'w' : '-') + (s ? (x ? mark : mark.toUpperCase()) : x ? 'x' : '-');
  };
  return triad(6, 0o4000, 's') + triad(3, 0o2000, 's') + triad(0, 0o1000, 't');
}

/** The octal text of a mode: three digits, or four when a special bit is set. */
export function modeToOctal(mode: number): string {
  const text = (mode & 0o7777).toString(8);
  return mode & 0o7000 ? text.padStart(4, '0') : text.padStart(3, '0');
}

/** The mode of octal text such as `644` or `2755`, or undefined when it is not 3–4 octal digits. */
export function octalToMode(text: string): number | undefined {
  return /^[0-7]{3,4}$/.test(text.trim()) ? parseInt(text.trim(), 8) : undefined;
}

/** The bit of one class and right, e.g. group write is 0o020. */
export function permissionBit(cls: (typeof PERMISSION_CLASSES)[number], right: (typeof PERMISSION_RIGHTS)[number]): number {
  const shift = 6 - PERMISSION_CLASSES.indexOf(cls) * 3;
  return (4 >> PERMISSION_RIGHTS.indexOf(right)) << shift;
}
