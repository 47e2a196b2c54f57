/**
 * The IPC contract: every method and event between the renderer and the main process,
 * declared once with runtime input schemas (zod) and output types. Both transports
 * (Electron IPC and the browser-mode WebSocket) and both sides use it.
 * Must not import node:*, the DOM or React.
 */
import { z } from 'zod';
import type { LocalListing, LogEntry } from './domain';
import type { MethodName, EventName } from './contractNames';

/** A method's declaration: its input schema, and its output type carried as a phantom. */
export interface MethodDef<I extends z.ZodType, O> {
  input: I;
  /** Never set: carries the output type for inference. */
  readonly output?: O;
}

function method<O>() {
  return <I extends z.ZodType>(input: I): MethodDef<I, O> => ({ input });
}

const path = z.string().min(1).max(4096).refine((p) => !p.includes('\0'), 'path contains a NUL byte');

/** What the main process says about itself. */
export interface AppInfo {
  version: string;
  transport: 'electron' | 'browser';
  platform: string;
  homeDir: string;
}

/** All methods. Names are flat so the preload can expose one function per method. */
export const methods = {
  appInfo: method<AppInfo>()(z.object({}).strict()),
  localList: method<LocalListing>()(z.object({ path: path.optional() }).strict()),
  localMkdir: method<void>()(z.object({ path }).strict()),
  localRename: method<void>()(z.object({ from: path, to: path }).strict()),
  localDelete: method<void>()(z.object({ paths: z.array(path).min(1) }).strict()),
} satisfies Record<MethodName, MethodDef<z.ZodType, unknown>>;

/** Payload of each event the main process pushes (already batched). */
export interface EventPayloads {
  log: LogEntry[];
}

/** The methods' table type. */
export type Methods = typeof methods;
/** The validated input of method K. */
export type MethodInput<K extends MethodName> = z.infer<Methods[K]['input']>;
/** The output of method K. */
export type MethodOutput<K extends MethodName> = Exclude<Methods[K]['output'], undefined>;

// Compile-time check that every event has a payload type and no stray ones exist.
type _EventsMatch = [EventName] extends [keyof EventPayloads]
  ? [keyof EventPayloads] extends [EventName]
    ? true
    : never
  : never;
export const eventsMatch: _EventsMatch = true;

export type { MethodName, EventName };
