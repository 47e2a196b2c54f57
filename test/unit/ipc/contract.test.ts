/**
 * One contract, three lists that must agree: the contract's methods, the preload's
 * exposed functions, and the main process's handlers (Electron is mocked: it cannot run here).
 */
import { describe, expect, it, vi, beforeEach } from 'vitest';
import os from 'node:os';
import { mkdtempSync } from 'node:fs';
import path from 'node:path';
import { methods } from '../../../shared/contract';
import { METHOD_NAMES, EVENT_NAMES } from '../../../shared/contractNames';
import type { Handlers } from '../../../shared/api';
import { createServices } from '../../../electron/services/createServices';

const electron = vi.hoisted(() => ({
  exposed: new Map<string, unknown>(),
  handlers: new Map<string, (event: unknown, input: unknown) => Promise<unknown>>(),
  invoke: vi.fn(async (channel: string, input: unknown) => ({ channel, input })),
  on: vi.fn(),
  removeListener: vi.fn(),
}));

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => electron.exposed.set(key, api) },
  ipcRenderer: { invoke: electron.invoke, on: electron.on, removeListener: electron.removeListener },
  webUtils: { getPathForFile: (file: { name: string }) => `/dropped/${file.name}` },
  ipcMain: { handle: (channel: string, fn: (event: unknown, input: unknown) => Promise<unknown>) => electron.handlers.set(channel, fn) },
}));

const services = await createServices({ dataDir: mkdtempSync(path.join(os.tmpdir(), 'ferry-services-')) });

describe('the contract', () => {
  beforeEach(() => electron.invoke.mockClear());

  it('names the same methods in the schema table, the name list and the handler table', () => {
    expect(Object.keys(methods).sort()).toEqual([...METHOD_NAMES].sort());
    expect(Object.keys(services.handlers).sort()).toEqual([...METHOD_NAMES].sort());
  });

  it('the preload exposes exactly one function per method plus on() and pathForFile(), nothing generic', async () => {
    await import('../../../electron/preload');
    const api = electron.exposed.get('ferry') as Record<string, unknown>;
    expect(Object.keys(api).sort()).toEqual([...METHOD_NAMES, 'on', 'pathForFile'].sort());
    expect((api.pathForFile as (f: unknown) => string)({ name: 'x' })).toBe('/dropped/x');
    for (const name of METHOD_NAMES) expect(typeof api[name]).toBe('function');
    await (api.localList as (i: unknown) => Promise<unknown>)({ path: '/tmp' });
    expect(electron.invoke).toHaveBeenCalledWith('ferry:localList', { path: '/tmp' });
  });

  it('the preload refuses to subscribe to an event that is not in the contract', async () => {
    await import('../../../electron/preload');
    const api = electron.exposed.get('ferry') as { on: (e: string, l: () => void) => () => void };
    expect(() => api.on('not-an-event', () => {})).toThrow(/unknown event/);
    const off = api.on(EVENT_NAMES[0], () => {});
    expect(electron.on).toHaveBeenCalledWith('ferry:event', expect.any(Function));
    off();
    expect(electron.removeListener).toHaveBeenCalled();
  });

  it('main registers one IPC handler per method and refuses frames that are not ours', async () => {
    const { registerIpc } = await import('../../../electron/ipc/registerIpc');
    const { createDispatcher } = await import('../../../electron/ipc/dispatch');
    registerIpc(createDispatcher(services.handlers), (url) => url.startsWith('ferry://app/'));
    expect([...electron.handlers.keys()].sort()).toEqual(METHOD_NAMES.map((n) => `ferry:${n}`).sort());

    const call = electron.handlers.get('ferry:appInfo')!;
    const ours = { sender: { id: 1 }, senderFrame: { url: 'ferry://app/index.html', parent: null } };
    const foreign = { sender: { id: 1 }, senderFrame: { url: 'https://evil.example/', parent: null } };
    const subFrame = { sender: { id: 1 }, senderFrame: { url: 'ferry://app/index.html', parent: {} } };
    expect(await call(ours, {})).toMatchObject({ ok: true, value: { transport: 'electron' } });
    expect(await call(foreign, {})).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
    expect(await call(subFrame, {})).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
  });

  it('a handler table missing a method does not typecheck', () => {
    const { appInfo: _removed, ...rest } = services.handlers;
    // @ts-expect-error -- without appInfo the table no longer satisfies Handlers; `npm run typecheck` fails.
    const incomplete: Handlers = rest;
    expect(Object.keys(incomplete)).not.toContain('appInfo');
  });
});
