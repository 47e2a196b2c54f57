/**
 * Unix permission bits in both spellings: octal modes (MLSD `UNIX.mode`, EPLF `up`) and the nine
 * symbolic characters of `ls -l` (`rwsr-xr-t`). Pure; imports nothing.
 */

/** The nine symbolic permission characters of a mode, with setuid/setgid/sticky shown as `ls -l` does (s/S, s/S, t/T). */
export function modeToSymbolic(mode: number): string {
  const bits = mode & 0o7777;
  const triad = (shift: number, special: number, setChar: string): string => {
    const r = bits & (0o4 << shift) ? 'r' : '-';
    const w = bits & (0o2 << shift) ? 'w' : '-';
    const x = (bits & (0o1 << shift)) !== 0;
    const s = (bits & special) !== 0;
    const last = s ? (x ? setChar : setChar.toUpperCase()) : x ? 'x' : '-';
    return r + w + last;
  };
  return triad(6, 0o4000, 's') + triad(3, 0o2000, 's') + triad(0, 0o1000, 't');
}

/** The mode (0..0o7777) of nine symbolic permission characters, or undefined when they are not a valid `rwx` triple set. */
export function symbolicToMode(symbolic: string): number | undefined {
  if (!/^[r-][w-][xsS-][r-][w-][xsS-][r-][w-][xtT-]$/.test(symbolic)) return undefined;
  let mode = 0;
  const specials = [0o4000, 0o2000, 0o1000];
  for (let triad = 0; triad < 3; triad++) {
    const shift = 6 - triad * 3;
    const [r, w, x] = [symbolic[triad * 3], symbolic[triad * 3 + 1], symbolic[triad * 3 + 2]];
    if (r === 'r') mode |= 0o4 << shift;
    if (w === 'w') mode |= 0o2 << shift;
    if (x === 'x' || x === 's' || x === 't') mode |= 0o1 << shift;
    if (x === 's' || x === 'S' || x === 't' || x === 'T') mode |= specials[triad];
  }
  return mode;
}

/**
 * The mode of an octal string as servers send it: `0644` (pure-ftpd, ProFTPD), `0o644` (pyftpdlib),
 * `644`, or a full `st_mode` such as `100644`; undefined when it is not octal.
 */
export function parseOctalMode(text: string): number | undefined {
  const digits = text.startsWith('0o') || text.startsWith('0O') ? text.slice(2) : text;
  if (!/^[0-7]{1,7}$/.test(digits)) return undefined;
  // Keep only permission and special bits; a full st_mode also carries the file type.
  return parseInt(digits, 8) & 0o7777;
}
