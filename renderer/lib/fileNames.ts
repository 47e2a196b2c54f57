/** Checks a name typed for a new folder or a rename before it reaches the filesystem or server. */

/** A reason the name cannot be used, or null when it is fine. */
export function nameProblem(name: string, taken: (name: string) => boolean, current?: string): string | null {
  if (!name.trim()) return 'Enter a name';
  if (name === '.' || name === '..') return 'That name is reserved';
  if (/[/\\]/.test(name)) return 'A name cannot contain / or \\';
  // A CR or LF would end the FTP command early (RFC 959 commands are lines); NUL ends C strings.
  if (/[\r\n\0]/.test(name)) return 'A name cannot contain line breaks';
  if (name !== current && taken(name)) return `"${name}" already exists here`;
  return null;
}

/** Where the base name ends, so a rename field selects `report` of `report.pdf`. */
export function baseNameEnd(name: string): number {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? dot : name.length;
}
