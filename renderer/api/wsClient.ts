/**
 * The browser-mode transport: the contract over the loopback WebSocket, with the same
 * `FerryApi` shape as the Electron bridge. Requests wait for the socket to open; a lost
 * socket fails pending calls with a readable error.
 */
import { EVENT_NAMES, METHOD_NAMES, type EventName } from '../../shared/contractNames';
import type { FerryApi } from '../../shared/api';
import type { Result } from '../../shared/result';
import type { ServerMessage } from '../../shared/wire';

type Pending = (result: Result<unknown>) => void;

/** Opens the WebSocket at `url` and returns the API over it. */
export function createWsApi(url: string): FerryApi {
  const socket = new WebSocket(url);
  const opened = new Promise<void>((resolve, reject) => {
    socket.addEventListener('open', () => resolve(), { once: true });
    socket.addEventListener('error', () => reject(new Error('cannot reach the Ferry server')), { once: true });
  });
  const pending = new Map<number, Pending>();
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  let nextId = 1;

  socket.addEventListener('message', (e: MessageEvent<string>) => {
    const msg = JSON.parse(e.data) as ServerMessage;
    if (msg.type === 'result') {
      pending.get(msg.id)?.(msg.result);
      pending.delete(msg.id);
    } else if (msg.type === 'event') {
      listeners.get(msg.event)?.forEach((l) => l(msg.payload));
    }
  });
  socket.addEventListener('close', () => {
    for (const resolve of pending.values()) {
      resolve({ ok: false, error: { kind: 'disconnected', message: 'Lost the connection to the Ferry server; reload the page' } });
    }
    pending.clear();
  });

  const call = async (method: string, input: unknown): Promise<Result<unknown>> => {
    try {
      await opened;
    } catch (err) {
      return { ok: false, error: { kind: 'disconnected', message: (err as Error).message } };
    }
    if (socket.readyState !== WebSocket.OPEN) {
      return { ok: false, error: { kind: 'disconnected', message: 'Lost the connection to the Ferry server; reload the page' } };
    }
    const id = nextId++;
    return new Promise((resolve) => {
      pending.set(id, resolve);
      socket.send(JSON.stringify({ id, method, input }));
    });
  };

  const api: Record<string, unknown> = {};
  for (const name of METHOD_NAMES) api[name] = (input: unknown) => call(name, input);
  const eventNames = new Set<string>(EVENT_NAMES);
  api.on = (event: EventName, listener: (payload: unknown) => void) => {
    if (!eventNames.has(event)) throw new Error(`unknown event ${event}`);
    let set = listeners.get(event);
    if (!set) listeners.set(event, (set = new Set()));
    set.add(listener);
    return () => set.delete(listener);
  };
  return api as FerryApi;
}
