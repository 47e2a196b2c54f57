/**
 * The message log: a ring buffer of the newest lines (older ones drop off), fed by the
 * main process's batched `log` events.
 */
import { create } from 'zustand';
import type { LogEntry } from '../../shared/domain';

/** How many lines the log keeps. */
export const LOG_CAPACITY = 5000;

/** State and actions of the log. */
export interface LogState {
  lines: LogEntry[];
  follow: boolean;
  append(batch: LogEntry[]): void;
  clear(): void;
  setFollow(follow: boolean): void;
}

/** Appends a batch to a ring buffer of `capacity` lines; pure, for tests. */
export function appendToRing(lines: LogEntry[], batch: LogEntry[], capacity: number): LogEntry[] {
  const next = lines.concat(batch);
  return next.length > capacity ? next.slice(next.length - capacity) : next;
}

/** The log store. */
export const useLogStore = create<LogState>()((set) => ({
  lines: [],
  follow: true,
  append: (batch) => set((s) => ({ lines: appendToRing(s.lines, batch, LOG_CAPACITY) })),
  clear: () => set({ lines: [] }),
  setFollow: (follow) => set({ follow }),
}));
