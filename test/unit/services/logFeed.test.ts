/** The window's log lines from the engine's events: numbered, named by their connection, a multi-line reply one line per reply line. */
import { describe, expect, it } from 'vitest';
import { LogFeed, serverLabel } from '../../../electron/services/LogFeed';
import type { LogEntry } from '../../../shared/domain';

function feed(): { log: LogFeed; lines: LogEntry[] } {
  const lines: LogEntry[] = [];
  const hub = { push: (_name: string, line: LogEntry) => lines.push(line) };
  return { log: new LogFeed(hub as never), lines };
}

describe('LogFeed', () => {
  it('shows a multi-line reply as one line per reply line, each with the code, the hint on the last', () => {
    const { log, lines } = feed();
    log.sink({ timeMs: 1, connectionId: 'browse-1', kind: 'reply', code: 211, text: '211-Features:\n EPSV\n UTF8\n211 End', hint: 'h' });
    expect(lines.map((l) => [l.seq, l.code, l.text, l.hint])).toEqual([
      [1, 211, '211-Features:', undefined],
      [2, 211, ' EPSV', undefined],
      [3, 211, ' UTF8', undefined],
      [4, 211, '211 End', 'h'],
    ]);
  });

  it('names a connection by its server and role once told, and keeps its id', () => {
    const { log, lines } = feed();
    log.name('transfer-3', serverLabel('ftp.example.com', 21), 'transfer 3');
    log.sink({ timeMs: 1, connectionId: 'transfer-3', kind: 'command', text: 'NOOP' });
    log.status('transfer-3', 'Disconnected');
    log.sink({ timeMs: 1, connectionId: 'browse-2', kind: 'command', text: 'PWD' });
    expect(lines.map((l) => [l.connectionId, l.connectionLabel])).toEqual([
      ['transfer-3', 'ftp.example.com · transfer 3'],
      ['transfer-3', 'ftp.example.com · transfer 3'],
      ['browse-2', undefined],
    ]);
    expect(serverLabel('127.0.0.1', 2121)).toBe('127.0.0.1:2121');
  });
});
