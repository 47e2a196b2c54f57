/**
 * The sandboxed preload: exposes `window.ferry` with exactly one function per contract
 * method, `on(event, listener)`, and `pathForFile` for files dropped from the OS file
 * manager; nothing generic (no raw ipcRenderer).
 */
import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import { EVENT_NAMES, METHOD_NAMES, type EventName } from '../shared/contractNames';
import type { FerryApi } from '../shared/api';

// Kept literal here: the sandboxed preload cannot import main-process modules.
const INVOKE_PREFIX = 'ferry:';
const EVENT_CHANNEL = 'ferry:event';

/** Builds the object exposed as `window.ferry`. */
export function buildBridge(invoke: (channel: string, input: unknown) => Promise<unknown>): FerryApi {
  const api: Record<string, unknown> = {};
  for (const name of METHOD_NAMES) {
    api[name] = (input: unknown) => invoke(INVOKE_PREFIX + name, input);
  }
  const events = new Set<string>(EVENT_NAMES);
  api.on = (event: EventName, listener: (payload: unknown) => void) => {
    if (!events.has(event)) throw new Error(`unknown event ${event}`);
    const handler = (_e: IpcRendererEvent, name: string, payload: unknown) => {
      if (name === event) listener(payload);
    };
    ipcRenderer.on(EVENT_CHANNEL, handler);
    return () => {
      ipcRenderer.removeListener(EVENT_CHANNEL, handler);
    };
  };
  // Since Electron 32 a dropped File has no `path`; only the preload may ask for it.
  api.pathForFile = (file: Parameters<typeof webUtils.getPathForFile>[0]) => webUtils.getPathForFile(file);
  return api as FerryApi;
}

contextBridge.exposeInMainWorld(
  'ferry',
  buildBridge((channel, input) => ipcRenderer.invoke(channel, input)),
);
