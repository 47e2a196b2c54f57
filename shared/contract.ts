/**
 * The IPC contract: every method and event between the renderer and the main process,
 * declared once with runtime input schemas (zod) and output types. Both transports
 * (Electron IPC and the browser-mode WebSocket) and both sides use it.
 * Must not import node:*, the DOM or React.
 */
import { z } from 'zod';
import type { LocalListing, LogEntry, RemoteListing, RemoteSessionInfo } from './domain';
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
// CR and LF would end an FTP command early: refuse them at the boundary as well as in the engine.
const remotePath = path.refine((p) => !/[\r\n]/.test(p), 'path contains a line break');
const sessionId = z.string().min(1).max(64);
const tls = z.enum(['none', 'explicit-if-available', 'explicit', 'implicit']);
const dataMode = z.enum(['auto', 'passive', 'active']);
const host = z
  .string()
  .trim()
  .min(1, 'host is required')
  .max(255)
  .regex(/^[A-Za-z0-9.:%[\]_-]+$/, 'host may contain only letters, digits, dots, dashes, colons and brackets');

/** Connection parameters, as the quick-connect bar and the Site Manager send them. */
export const connectParamsSchema = z
  .object({
    host,
    port: z.number().int().min(1).max(65535).optional(),
    user: z.string().max(256).refine((u) => !/[\r\n\0]/.test(u), 'user contains a line break').optional(),
    password: z.string().max(1024).refine((p) => !/[\r\n\0]/.test(p), 'password contains a line break').optional(),
    tls,
    dataMode,
    trustedFingerprint: z.string().regex(/^[0-9A-Fa-f:]{64,95}$/).optional(),
    siteId: z.string().max(64).optional(),
  })
  .strict();

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
  remoteConnect: method<RemoteSessionInfo>()(connectParamsSchema),
  remoteDisconnect: method<void>()(z.object({ sessionId }).strict()),
  remoteList: method<RemoteListing>()(z.object({ sessionId, path: remotePath.optional() }).strict()),
  remoteMkdir: method<void>()(z.object({ sessionId, path: remotePath }).strict()),
  remoteRename: method<void>()(z.object({ sessionId, from: remotePath, to: remotePath }).strict()),
  remoteDelete: method<void>()(
    z.object({ sessionId, targets: z.array(z.object({ path: remotePath, isFolder: z.boolean() }).strict()).min(1) }).strict(),
  ),
  remoteChmod: method<void>()(
    z.object({ sessionId, path: remotePath, mode: z.string().regex(/^[0-7]{3,4}$/, 'mode must be octal, like 644') }).strict(),
  ),
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
