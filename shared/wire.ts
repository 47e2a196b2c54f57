/**
 * The messages of browser mode's WebSocket: requests carry an id, a method name and an
 * input; the server answers with the same id and a result envelope, and pushes events.
 * Must not import node:*, the DOM or React.
 */
import type { Result } from './result';

/** A request from the page. */
export interface ClientRequest {
  id: number;
  method: string;
  input: unknown;
}

/** What the server sends. */
export type ServerMessage =
  | { type: 'result'; id: number; result: Result<unknown> }
  | { type: 'event'; event: string; payload: unknown }
  | { type: 'error'; message: string };

/** Parses a request, or returns null when it is not one. Input is validated later, by the dispatcher. */
export function parseClientMessage(text: string): ClientRequest | null {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return null;
  }
  if (!data || typeof data !== 'object') return null;
  const { id, method, input } = data as Record<string, unknown>;
  if (typeof id !== 'number' || !Number.isSafeInteger(id) || typeof method !== 'string') return null;
  return { id, method, input };
}
