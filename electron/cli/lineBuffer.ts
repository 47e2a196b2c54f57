/**
 * Batched line output for the folder transfers (one line per file): lines are gathered and
 * written together at most every `flushMs` or once `maxBytes` have gathered, instead of one
 * write system call per file (process.stdout is synchronous on pipes and files). Anyone printing
 * to another stream (stderr) flushes this one first, so the two keep their order on a terminal.
 * Must not import electron.
 */

/** Lines to one stream, written in batches. */
export class LineBuffer {
  private text = '';
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly stream: NodeJS.WritableStream,
    private readonly opts: { flushMs?: number; maxBytes?: number } = {},
  ) {}

  /** Adds one line (a newline is appended). */
  write(line: string): void {
    this.text += `${line}\n`;
    if (this.text.length >= (this.opts.maxBytes ?? 64 * 1024)) return this.flush();
    if (this.timer) return;
    this.timer = setTimeout(() => this.flush(), this.opts.flushMs ?? 100);
    // Pending output must not keep a finished command alive; its end flushes explicitly.
    this.timer.unref?.();
  }

  /** Writes everything gathered now. */
  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    if (this.text === '') return;
    const text = this.text;
    this.text = '';
    this.stream.write(text);
  }
}
