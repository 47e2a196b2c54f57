/**
 * The transfer progress line on stderr: shown only when stderr is a terminal, redrawn at most
 * a few times a second, and erased when the transfer ends so the terminal is left clean.
 * Must not import electron.
 */
import { formatProgress } from './format';
import type { MaybeTty } from './io';

/** How often the line is redrawn. */
const REDRAW_MS = 200;

/** A progress line for one transfer. */
export class ProgressLine {
  private readonly stream: MaybeTty;
  private readonly isEnabled: boolean;
  private totalBytes?: number;
  private readonly startedMs = Date.now();
  private startBytes?: number;
  private lastDrawMs = 0;
  private isDrawn = false;

  /** `startBytes` is where a resumed transfer begins, so the rate counts only this run's bytes. */
  constructor(stream: MaybeTty, opts: { isEnabled: boolean; totalBytes?: number; startBytes?: number }) {
    this.stream = stream;
    this.isEnabled = opts.isEnabled && stream.isTTY === true;
    this.totalBytes = opts.totalBytes;
    this.startBytes = opts.startBytes;
  }

  /**
   * Reports the bytes done so far (counting from the start of the file), and the file's size
   * once it is known. Without `startBytes` the first report is where this run started.
   */
  update(bytes: number, totalBytes?: number): void {
    if (!this.isEnabled) return;
    if (totalBytes !== undefined) this.totalBytes = totalBytes;
    this.startBytes ??= bytes;
    const now = Date.now();
    if (now - this.lastDrawMs < REDRAW_MS) return;
    this.lastDrawMs = now;
    const seconds = Math.max((now - this.startedMs) / 1000, 0.001);
    const rate = (bytes - this.startBytes) / seconds;
    this.stream.write(`\r\x1b[K${formatProgress(bytes, this.totalBytes, rate)}`);
    this.isDrawn = true;
  }

  /** Erases the line. */
  finish(): void {
    if (this.isDrawn) this.stream.write('\r\x1b[K');
    this.isDrawn = false;
  }
}
