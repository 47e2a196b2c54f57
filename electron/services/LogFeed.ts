/**
 * Turns the engine's log events from every connection into numbered log lines for the
 * window's message log (batched by the event hub). Must not import electron.
 */
import type { FtpLogEvent } from '../ftp';
import type { LogEntry } from '../../shared/domain';
import type { EventHub } from './EventHub';

/** The server as a log line names it: the host, with the port when it is not FTP's own. */
export function serverLabel(host: string, port: number): string {
  return port === 21 ? host : `${host}:${port}`;
}

/** Numbers log lines and pushes them to the hub. */
export class LogFeed {
  private seq = 0;
  /** Connection ids and how a user reads them (`ftp.example.com · transfer 3`). */
  private readonly labels = new Map<string, string>();
  constructor(private readonly hub: EventHub) {}

  /** Names a connection for the log from now on: its server and what it does. */
  name(connectionId: string, server: string, role: string): void {
    this.labels.set(connectionId, `${server} · ${role}`);
  }

  /** A sink to hand to the engine. */
  readonly sink = (e: FtpLogEvent): void => {
    // A multi-line reply (a greeting, FEAT, a 213- checksum) becomes one log line per reply line,
    // as FileZilla shows it: each readable in the list, each with the code; the hint on the last.
    const texts = e.kind === 'reply' ? e.text.split('\n') : [e.text];
    const label = this.labels.get(e.connectionId);
    texts.forEach((text, i) => {
      const line: LogEntry = { seq: ++this.seq, timeMs: e.timeMs, connectionId: e.connectionId, kind: e.kind, text };
      if (label) line.connectionLabel = label;
      if (e.code !== undefined) line.code = e.code;
      if (e.hint !== undefined && i === texts.length - 1) line.hint = e.hint;
      if (e.isExpected) line.isExpected = true;
      this.hub.push('log', line);
    });
  };

  /** Adds a status line of Ferry's own (not from a connection), optionally about a queue item. */
  status(connectionId: string, text: string, kind: LogEntry['kind'] = 'status', itemId?: string): void {
    const line: LogEntry = { seq: ++this.seq, timeMs: Date.now(), connectionId, kind, text };
    const label = this.labels.get(connectionId);
    if (label) line.connectionLabel = label;
    if (itemId) line.itemId = itemId;
    this.hub.push('log', line);
  }
}
