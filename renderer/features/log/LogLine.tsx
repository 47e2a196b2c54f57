/** One line of the message log, coloured by its kind and reply class. */
import type { LogEntry } from '../../../shared/domain';

/** The CSS class of a line: command, status, error, or the reply's class (1xx–5xx). */
export function lineClass(line: LogEntry): string {
  if (line.kind === 'error') return 'log-error';
  if (line.kind === 'command') return 'log-command';
  // An expected refusal (a probe for a file not there yet) is information, not a failure.
  if (line.kind === 'reply' && line.isExpected) return 'log-reply log-expected';
  if (line.kind === 'reply' && line.code) return `log-reply log-${Math.floor(line.code / 100)}xx`;
  return 'log-status';
}

/** The reply text without its leading code, which has its own column. */
export function textOf(line: LogEntry): string {
  if (line.code === undefined) return line.text;
  const prefix = String(line.code);
  return line.text.startsWith(prefix) ? line.text.slice(prefix.length + 1) : line.text;
}

const time = (ms: number) => new Date(ms).toLocaleTimeString([], { hour12: false });

/** Props of a log line. */
export interface LogLineProps {
  line: LogEntry;
  top: number;
  height: number;
  isSelected: boolean;
  onSelect(mode: 'only' | 'toggle' | 'range'): void;
  /** Shows the queue row a line is about. */
  onReveal(itemId: string): void;
  /** Whether the line's hint is shown (Settings: show hints). */
  showHint?: boolean;
}

/** Renders one absolutely positioned log line. */
export function LogLine({ line, top, height, isSelected, onSelect, onReveal, showHint = true }: LogLineProps) {
  const hint = showHint ? line.hint : undefined;
  const full = hint ? `${line.text}\n${hint}` : line.text;
  return (
    <div
      className={`log-line ${lineClass(line)}${isSelected ? ' is-selected' : ''}`}
      data-code={line.code}
      style={{ transform: `translateY(${top}px)`, height }}
      title={full}
      onClick={(e) => onSelect(e.shiftKey ? 'range' : e.ctrlKey || e.metaKey ? 'toggle' : 'only')}
    >
      <span className="log-time">{time(line.timeMs)}</span>
      <span className="log-conn" title={line.connectionLabel ?? line.connectionId}>
        {line.connectionLabel ?? line.connectionId}
      </span>
      <span className="log-code">{line.code ?? ''}</span>
      <span className="log-text">
        {textOf(line)}
        {hint ? <span className="log-hint"> — {hint}</span> : null}
        {line.itemId ? (
          <button
            type="button"
            className="log-link"
            onClick={(e) => {
              e.stopPropagation();
              onReveal(line.itemId!);
            }}
          >
            show in queue
          </button>
        ) : null}
      </span>
    </div>
  );
}
