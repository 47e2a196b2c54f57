/**
 * The app settings as the window uses them through the handler table: one value for transfers per
 * server whether the queue bar or the Settings dialog sets it, every change pushed as an event,
 * kept across a restart, a damaged file set aside, bad values refused with their field, the
 * timeout applied to new connections, and the local pane opening in the default local folder.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createServices, type Services } from '../../../electron/services/createServices';
import { MasterPasswordSecretStore } from '../../../electron/sites';
import { startFaultServer } from '../../servers/faultServer';
import type { CallContext } from '../../../shared/api';
import type { LogEntry } from '../../../shared/domain';
import { DEFAULT_SETTINGS, type AppSettings } from '../../../shared/settings';

const ctx: CallContext = { transport: 'browser', clientId: 'test' };
const cleanups: Array<() => Promise<unknown>> = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function tempDir(prefix: string): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), prefix));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

/** Services over `dataDir`, with the events and log lines a window would receive. */
async function open(dataDir: string): Promise<{ services: Services; settingsEvents: AppSettings[]; log: LogEntry[] }> {
  const services = await createServices({ dataDir, openSecrets: (dir) => MasterPasswordSecretStore.open(dir, { scryptCost: { N: 2 ** 12, r: 8, p: 1 } }) });
  const settingsEvents: AppSettings[] = [];
  const log: LogEntry[] = [];
  services.hub.subscribe((event, payload) => {
    if (event === 'settings') settingsEvents.push(payload as AppSettings);
    if (event === 'log') log.push(...(payload as LogEntry[]));
  });
  return { services, settingsEvents, log };
}

const withTransfers = (s: AppSettings, change: Partial<AppSettings['transfers']>): AppSettings => ({ ...s, transfers: { ...s.transfers, ...change } });

describe('app settings', () => {
  it('keeps one value for transfers per server, set from the queue bar or the dialog, pushed to windows and kept over a restart', async () => {
    const dataDir = await tempDir('ferry-settings-');
    const { services, settingsEvents } = await open(dataDir);
    expect(await services.handlers.settingsGet({}, ctx)).toEqual(DEFAULT_SETTINGS);

    await services.handlers.queueSetOptions({ defaultSiteLimit: 4 }, ctx);
    expect((await services.handlers.settingsGet({}, ctx)).transfers.perServer).toBe(4);
    expect(settingsEvents.at(-1)?.transfers.perServer).toBe(4);

    const current = await services.handlers.settingsGet({}, ctx);
    await services.handlers.settingsUpdate({ settings: { ...withTransfers(current, { perServer: 6, type: 'ascii' }), theme: 'dark' } }, ctx);
    expect((await services.handlers.queueList({}, ctx)).settings.defaultSiteLimit).toBe(6);
    expect(settingsEvents.at(-1)).toMatchObject({ theme: 'dark', transfers: { perServer: 6, type: 'ascii' } });
    await services.close();

    const again = await open(dataDir);
    cleanups.push(() => again.services.close());
    expect(await again.services.handlers.settingsGet({}, ctx)).toMatchObject({ theme: 'dark', transfers: { perServer: 6, type: 'ascii' } });
    expect((await again.services.handlers.queueList({}, ctx)).settings.defaultSiteLimit).toBe(6);
    expect(JSON.parse(await readFile(path.join(dataDir, 'queue-settings.json'), 'utf8'))).not.toHaveProperty('defaultSiteLimit');
  });

  it('carries over transfers per server from a queue settings file written before the settings existed', async () => {
    const dataDir = await tempDir('ferry-settings-');
    await writeFile(path.join(dataDir, 'queue-settings.json'), JSON.stringify({ version: 1, onExists: 'skip', downloadLimitBps: 0, uploadLimitBps: 0, defaultSiteLimit: 5 }));
    const { services } = await open(dataDir);
    cleanups.push(() => services.close());
    expect((await services.handlers.settingsGet({}, ctx)).transfers.perServer).toBe(5);
    expect((await services.handlers.queueList({}, ctx)).settings).toMatchObject({ onExists: 'skip', defaultSiteLimit: 5 });
  });

  it('sets a damaged settings file aside, says so in the log and starts with the defaults', async () => {
    const dataDir = await tempDir('ferry-settings-');
    await writeFile(path.join(dataDir, 'settings.json'), '{"version":1,"theme":');
    const { services, log } = await open(dataDir);
    cleanups.push(() => services.close());
    expect(await services.handlers.settingsGet({}, ctx)).toEqual(DEFAULT_SETTINGS);
    services.hub.flush();
    expect(log.some((l) => l.kind === 'error' && l.text.startsWith('The settings could not be read'))).toBe(true);
    expect((await readdir(dataDir)).some((n) => n.startsWith('settings.json.corrupt-'))).toBe(true);
  });

  it('refuses a default local folder that does not exist, naming the field, and saves nothing', async () => {
    const dataDir = await tempDir('ferry-settings-');
    const { services, settingsEvents } = await open(dataDir);
    cleanups.push(() => services.close());
    const missing = path.join(dataDir, 'no-such-folder');
    await expect(services.handlers.settingsUpdate({ settings: withTransfers(DEFAULT_SETTINGS, { defaultLocalFolder: missing }) }, ctx)).rejects.toMatchObject({
      kind: 'settings-invalid',
      issues: [{ field: 'transfers.defaultLocalFolder', message: `The folder ${missing} does not exist` }],
    });
    expect(settingsEvents).toEqual([]);
    expect((await readdir(dataDir)).includes('settings.json')).toBe(false);
  });

  it('opens the local pane in the default local folder, and at home with a message once it is gone', async () => {
    const dataDir = await tempDir('ferry-settings-');
    const folder = await tempDir('ferry-start-');
    const { services, log } = await open(dataDir);
    cleanups.push(() => services.close());
    await services.handlers.settingsUpdate({ settings: withTransfers(DEFAULT_SETTINGS, { defaultLocalFolder: folder }) }, ctx);
    expect((await services.handlers.localList({}, ctx)).path).toBe(folder);
    await rm(folder, { recursive: true });
    expect((await services.handlers.localList({}, ctx)).path).toBe(os.homedir());
    services.hub.flush();
    expect(log.some((l) => l.text.includes(`The default local folder ${folder} does not exist any more`))).toBe(true);
  });

  it('gives new connections the timeout of the settings', async () => {
    const silent = await startFaultServer({ greeting: () => undefined });
    cleanups.push(() => silent.stop());
    const dataDir = await tempDir('ferry-settings-');
    const { services } = await open(dataDir);
    cleanups.push(() => services.close());
    await services.handlers.settingsUpdate({ settings: { ...DEFAULT_SETTINGS, connection: { timeoutSeconds: 5, isKeepAlive: false, keepAliveSeconds: 60 } } }, ctx);
    await expect(services.handlers.remoteConnect({ host: silent.host, port: silent.port, user: 'u', password: 'secret', tls: 'none', dataMode: 'passive' }, ctx)).rejects.toThrow(/within 5000 ms/);
  });
});
