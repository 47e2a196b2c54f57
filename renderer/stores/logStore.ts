/**
 * The message log: a ring buffer of the newest lines (older ones drop off), fed by the
 * main process's batched `log` events; with follow mode, a filter and a selection to copy.
 */
import { create } from 'zustand';
import type { LogEntry } from '../../shared/domain';

/** How many lines the log keeps. */
export const LOG_CAPACITY = 10_000;

/** State and actions of the log. */
export interface LogState {
  lines: LogEntry[];
  follow: boolean;
  filter: string;
  /** Selected lines by sequence number. */
  selected: ReadonlySet<number>;
  append(batch: LogEntry[]): void;
  clear(): void;
  setFollow(follow: boolean): void;
  setFilter(filter: string): void;
  select(seq: number, mode: 'only' | 'toggle' | 'range', visible: LogEntry[]): void;
}

/** Appends a batch to a ring buffer of `capacity` lines; pure, for tests. */
export function appendToRing(lines: LogEntry[], batch: LogEntry[], capacity: number): LogEntry[] {
  const next = lines.concat(batch);
  return next.length > capacity ? next.slice(next.length - capacity) : next;
}

/** The lines matching a filter: text, hint, connection or reply code, case-insensitive. */
export function filterLog(lines: LogEntry[], filter: string): LogEntry[] {
  const needle = filter.trim().toLowerCase();
  if (!needle) return lines;
  return lines.filter(
    (l) =>
      l.text.toLowerCase().includes(needle) ||
      l.hint?.toLowerCase().includes(needle) === true ||
      l.connectionId.toLowerCase().includes(needle) ||
      l.connectionLabel?.toLowerCase().includes(needle) === true ||
      (l.code !== undefined && String(l.code).startsWith(needle)),
  );
}

/** The lines the log's detail setting shows: without raw commands and replies, only the plain-words lines. */
export function byDetail(lines: LogEntry[], showRawReplies: boolean): LogEntry[] {
  return showRawReplies ? lines : lines.filter((l) => l.kind !== 'command' && l.kind !== 'reply');
}

/** Formats lines as plain text for the clipboard, one per line. */
export function logToText(lines: LogEntry[]): string {
  return lines
    .map((l) => `${new Date(l.timeMs).toISOString()} ${l.connectionLabel ?? l.connectionId} ${l.kind === 'command' ? 'Command' : l.kind === 'reply' ? 'Reply' : l.kind === 'error' ? 'Error' : 'Status'}: ${l.text}`)
    .join('\n');
}

let anchor: number | null = null;

/** The log store. */
export const useLogStore = create<LogState>()((set, get) => ({
  lines: [],
  follow: true,
  filter: '',
  selected: new Set(),
  append: (batch) => set((s) => ({ lines: appendToRing(s.lines, batch, LOG_CAPACITY) })),
  clear: () => set({ lines: [], selected: new Set() }),
  setFollow: (follow) => set({ follow }),
  setFilter: (filter) => set({ filter }),
  select(seq, mode, visible) {
    const selected = new Set(mode === 'only' ? [] : get().selected);
    if (mode === 'range' && anchor !== null) {
      const a = visible.findIndex((l) => l.seq === anchor);
      const b = visible.findIndex((l) => l.seq === seq);
      if (a >= 0 && b >= 0) for (let i = Math.min(a, b); i <= Math.max(a, b); i++) selected.add(visible[i].seq);
    } else if (mode === 'toggle' && selected.has(seq)) {
      selected.delete(seq);
    } else {
      selected.add(seq);
    }
    if (mode !== 'range') anchor = seq;
    set({ selected });
  },
}));
