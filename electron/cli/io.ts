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

/**
 * Writes text and waits until the stream has taken it when its buffer is full, so a slow reader
 * (a pager, a pipe) holds the producer back instead of the output piling up in memory.
 */
export async function writeWithBackpressure(stream: NodeJS.WritableStream, text: string): Promise<void> {
  if (stream.write(text)) return;
  await new Promise<void>((resolve) => {
    const done = () => {
      stream.off('drain', done);
      stream.off('close', done);
      stream.off('error', done);
      resolve();
    };
    stream.on('drain', done);
    stream.on('close', done);
    stream.on('error', done);
  });
}
