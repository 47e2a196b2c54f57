/**
 * The two faces of the contract: the API the renderer calls (the same on both transports)
 * and the handler table the main process must implement.
 * Must not import node:*, the DOM or React.
 */
import type { EventName, EventPayloads, MethodInput, MethodName, MethodOutput } from './contract';
import type { Result } from './result';

/** Who is calling a handler: which transport, and a client id for per-window state. */
export interface CallContext {
  transport: 'electron' | 'browser';
  clientId: string;
}

/** The main-process side: one async function per method. A missing one fails typecheck. */
export type Handlers = {
  [K in MethodName]: (input: MethodInput<K>, ctx: CallContext) => Promise<MethodOutput<K>>;
};

/** Subscribes to an event; returns the unsubscribe function. */
export type Subscribe = <E extends EventName>(event: E, listener: (payload: EventPayloads[E]) => void) => () => void;

/** The renderer side: one function per method returning the result envelope, plus `on`. */
export type FerryApi = {
  [K in MethodName]: (input: MethodInput<K>) => Promise<Result<MethodOutput<K>>>;
} & {
  on: Subscribe;
  /** Electron only: the local path of a file dropped from the OS file manager (a DOM `File`). */
  pathForFile?: (file: never) => string;
};
