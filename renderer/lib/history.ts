/** Back/forward history of a pane's folders, as pure functions over two stacks. */

/** Folders behind and ahead of the current one. */
export interface History {
  back: readonly string[];
  forward: readonly string[];
}

/** No history yet. */
export const EMPTY_HISTORY: History = { back: [], forward: [] };

/** How a navigation moves through history. */
export type HistoryMove = 'push' | 'back' | 'forward';

/** A cap so a long session does not keep every folder ever opened. */
const MAX_ENTRIES = 100;

/** History after arriving at `to` from `from` (both shown folders; `from` empty before the first listing). */
export function recordVisit(h: History, from: string, to: string, move: HistoryMove): History {
  if (!from || from === to) return h;
  if (move === 'back') return { back: h.back.slice(0, -1), forward: [...h.forward, from].slice(-MAX_ENTRIES) };
  if (move === 'forward') return { back: [...h.back, from].slice(-MAX_ENTRIES), forward: h.forward.slice(0, -1) };
  return { back: [...h.back, from].slice(-MAX_ENTRIES), forward: [] };
}

/** The folder Back opens, if any. */
export function backTarget(h: History): string | undefined {
  return h.back[h.back.length - 1];
}

/** The folder Forward opens, if any. */
export function forwardTarget(h: History): string | undefined {
  return h.forward[h.forward.length - 1];
}
