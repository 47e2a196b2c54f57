/**
 * Turns the engine's log events from every connection into numbered log lines for the
 * window's message log (batched by the event hub). Must not import electron.
 */
import type { FtpLogEvent } from '../ftp';
import type { LogEntry } from '../../shared/domain';
import type { EventHub } from './EventHub';

/** Numbers log lines and pushes them to the hub. */
export class LogFeed {
  private seq = 0;
  constructor(private readonly hub: EventHub) {}

  /** A sink to hand to the engine. */
  readonly sink = (e: FtpLogEvent): void => {
    const line: LogEntry = { seq: ++this.seq, timeMs: e.timeMs, connectionId: e.connectionId, kind: e.kind, text: e.text };
    if (e.code !== undefined) line.code = e.code;
    if (e.hint !== undefined) line.hint = e.hint;
    if (e.isExpected) line.isExpected = true;
    this.hub.push('log', line);
  };

  /** Adds a status line of Ferry's own (not from a connection), optionally about a queue item. */
  status(connectionId: string, text: string, kind: LogEntry['kind'] = 'status', itemId?: string): void {
    const line: LogEntry = { seq: ++this.seq, timeMs: Date.now(), connectionId, kind, text };
    if (itemId) line.itemId = itemId;
    this.hub.push('log', line);
  }
}
