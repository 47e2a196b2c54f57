/**
 * What the command line needs from its process: output streams, input, environment, working
 * folder and a cancel signal. main.ts passes the real process; tests pass their own.
 * Must not import electron.
 */

/** A stream that may be a terminal. */
export type MaybeTty = NodeJS.WritableStream & { isTTY?: boolean; columns?: number };

/** The process surroundings a command runs in. */
export interface CliIo {
  stdout: MaybeTty;
  stderr: MaybeTty;
  stdin: NodeJS.ReadableStream;
  env: Readonly<Record<string, string | undefined>>;
  /** Folder that relative local paths are resolved against. */
  cwd: string;
  /** Aborted when the user interrupts (Ctrl-C). */
  signal?: AbortSignal;
}

/** Writes one line (a newline is added). */
export function writeLine(stream: NodeJS.WritableStream, line: string): void {
  stream.write(`${line}\n`);
}
