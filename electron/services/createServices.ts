/**
 * Builds the main-process services once and the handler table over them. Both Electron
 * and browser mode call this, so both serve the same behaviour. Must not import electron.
 */
import os from 'node:os';
import type { Handlers } from '../../shared/api';
import { EventHub } from './EventHub';
import { listLocal } from '../local/listLocal';
import { deleteLocal, makeLocalDir, renameLocal } from '../local/localOps';
import { APP_VERSION } from './appVersion';
import { LogFeed } from './LogFeed';
import { RemoteSessions } from './RemoteSessions';

/** Options for the services: where Ferry keeps its files. */
export interface ServiceOptions {
  /** Folder for sites, queue and secrets. */
  dataDir: string;
}

/** The running services: the handler table, the event hub, and a way to stop them. */
export interface Services {
  handlers: Handlers;
  hub: EventHub;
  close(): Promise<void>;
}

/** Creates the services and the handler table that serves the contract. */
export function createServices(_options: ServiceOptions): Services {
  const hub = new EventHub();
  const log = new LogFeed(hub);
  const remote = new RemoteSessions(log);
  const handlers = {
    appInfo: async (_input, ctx) => ({
      version: APP_VERSION,
      transport: ctx.transport,
      platform: process.platform,
      homeDir: os.homedir(),
    }),
    localList: async ({ path }) => listLocal(path),
    localMkdir: async ({ path }) => makeLocalDir(path),
    localRename: async ({ from, to }) => renameLocal(from, to),
    localDelete: async ({ paths }) => deleteLocal(paths),
    remoteConnect: async (params) => remote.connect(params),
    remoteDisconnect: async ({ sessionId }) => remote.disconnect(sessionId),
    remoteList: async ({ sessionId, path }) => remote.list(sessionId, path),
    remoteMkdir: async ({ sessionId, path }) => remote.mkdir(sessionId, path),
    remoteRename: async ({ sessionId, from, to }) => remote.rename(sessionId, from, to),
    remoteDelete: async ({ sessionId, targets }) => remote.delete(sessionId, targets),
    remoteChmod: async ({ sessionId, path, mode }) => remote.chmod(sessionId, path, mode),
  } satisfies Handlers;
  return {
    handlers,
    hub,
    close: async () => {
      await remote.closeAll();
      hub.flush();
      hub.close();
    },
  };
}
