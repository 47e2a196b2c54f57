/** The message log: every command and reply, reply code in its own column, coloured by class. */
import { useEffect, useRef } from 'react';
import { useLogStore } from '../../stores/logStore';
import type { LogEntry } from '../../../shared/domain';

function lineClass(line: LogEntry): string {
  if (line.kind === 'error') return 'log-error';
  if (line.kind === 'command') return 'log-command';
  if (line.kind === 'reply' && line.code) return `log-reply log-${Math.floor(line.code / 100)}xx`;
  return 'log-status';
}

/** The reply text without its leading code, which has its own column. */
function textOf(line: LogEntry): string {
  if (line.code === undefined) return line.text;
  const prefix = String(line.code);
  return line.text.startsWith(prefix) ? line.text.slice(prefix.length + 1) : line.text;
}

const time = (ms: number) => new Date(ms).toLocaleTimeString([], { hour12: false });

/** Shows the log; follows new lines unless the user scrolled up. */
export function LogPanel() {
  const lines = useLogStore((s) => s.lines);
  const follow = useLogStore((s) => s.follow);
  const endRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (follow) endRef.current?.scrollIntoView({ block: 'end' });
  }, [lines, follow]);
  return (
    <section className="log-panel" aria-label="Message log">
      {lines.length === 0 ? (
        <p className="empty">No messages yet. Commands and server replies appear here when you connect.</p>
      ) : (
        <div className="log-lines" role="log">
          {lines.map((l) => (
            <div key={l.seq} className={`log-line ${lineClass(l)}`}>
              <span className="log-time">{time(l.timeMs)}</span>
              <span className="log-conn">{l.connectionId}</span>
              <span className="log-code">{l.code ?? ''}</span>
              <span className="log-text">{textOf(l)}</span>
              {l.hint ? <span className="log-hint">{l.hint}</span> : null}
            </div>
          ))}
          <div ref={endRef} />
        </div>
      )}
    </section>
  );
}
