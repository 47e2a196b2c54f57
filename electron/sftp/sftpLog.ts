/**
 * The engine's log lines for one connection: requests as commands ("OPEN /a.txt (read)"),
 * answers as replies, notes as status, failures as errors. Transfers log one summary per file,
 * never one line per READ or WRITE. Imports this folder only.
 */
import type { SftpLogEvent } from './sessionTypes';

/** Longest logged text: names come from the server and are bounded here, once. */
const MAX_TEXT = 1000;

/** Writes log events for one connection to the caller's sink (or nowhere). */
export class SftpLog {
  constructor(
    readonly connectionId: string,
    private readonly sink?: (event: SftpLogEvent) => void,
  ) {}

  /** Whether anyone listens (so callers can skip building text). */
  get isOn(): boolean {
    return this.sink !== undefined;
  }

  command(text: string): void {
    this.emit('command', text);
  }

  reply(text: string): void {
    this.emit('reply', text);
  }

  status(text: string): void {
    this.emit('status', text);
  }

  error(text: string): void {
    this.emit('error', text);
  }

  private emit(kind: SftpLogEvent['kind'], text: string): void {
    if (!this.sink) return;
    // Control characters from a server's names must not reach a terminal or the log view raw.
    // eslint-disable-next-line no-control-regex
    const clean = text.replace(/[\x00-\x08\x0b-\x1f\x7f]/g, '?');
    this.sink({ timeMs: Date.now(), connectionId: this.connectionId, kind, text: clean.length > MAX_TEXT ? `${clean.slice(0, MAX_TEXT)}…` : clean });
  }
}
