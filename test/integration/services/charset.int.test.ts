/**
 * The app against a server whose names are ISO-8859-1 (vsftpd, its file system's bytes, no
 * UTF8 announced): the remote pane lists them readably, and the queue's own connections download
 * and upload them by the server's octets, as the window asks.
 */
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createServices, type Services } from '../../../electron/services/createServices';
import { MasterPasswordSecretStore } from '../../../electron/sites';
import type { CallContext } from '../../../shared/api';
import type { TransferItem } from '../../../shared/domain';
import type { QueueChange } from '../../../shared/queue';
import { startServer, type RunningServer } from '../../servers';

const ctx: CallContext = { transport: 'browser', clientId: 'charset' };
let server: RunningServer;
let services: Services;
let dataDir: string;
let localDir: string;
const items = new Map<string, TransferItem>();

beforeAll(async () => {
  server = await startServer('vsftpd');
  writeFileSync(Buffer.concat([Buffer.from(`${server.homeDir}/`), Buffer.from('café.txt', 'latin1')]), 'latin-1 name');
  writeFileSync(path.join(server.homeDir, 'naïve.txt'), 'utf-8 name');
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'ferry-charset-data-'));
  localDir = await mkdtemp(path.join(os.tmpdir(), 'ferry-charset-local-'));
  services = await createServices({ dataDir, openSecrets: (dir) => MasterPasswordSecretStore.open(dir, { scryptCost: { N: 2 ** 12, r: 8, p: 1 } }) });
  services.hub.subscribe((event, payload) => {
    if (event === 'queue') for (const item of (payload as QueueChange).items) items.set(item.id, item);
  });
});
afterAll(async () => {
  await services?.close();
  await server?.stop();
  await rm(dataDir, { recursive: true, force: true });
  await rm(localDir, { recursive: true, force: true });
});

function settled(): Promise<TransferItem[]> {
  return vi.waitFor(() => {
    services.hub.flush();
    const all = [...items.values()];
    expect(all.length > 0 && all.every((i) => ['done', 'failed', 'cancelled'].includes(i.state)), JSON.stringify(all.map((i) => [i.remotePath, i.state, i.lastError?.message]))).toBe(true);
    return all;
  }, { timeout: 30_000, interval: 50 });
}

describe('a server whose names are ISO-8859-1, in the app', () => {
  it('lists them readably, and the queue moves them both ways by the server\'s octets', async () => {
    const info = await services.handlers.remoteConnect({ host: '127.0.0.1', port: server.port, user: server.user, password: server.password, tls: 'none', dataMode: 'auto' }, ctx);
    const listing = await services.handlers.remoteList({ sessionId: info.sessionId }, ctx);
    const shown = listing.entries.map((e) => e.displayName ?? e.name).sort();
    expect(shown).toEqual(['café.txt', 'naïve.txt']);

    // The window asks for what it shows, by the entries' server names.
    const download = listing.entries.map((e) => ({ name: e.name, ...(e.displayName ? { displayName: e.displayName } : {}), isFolder: false, sizeBytes: e.sizeBytes }));
    await services.handlers.queueAdd({ sessionId: info.sessionId, direction: 'download', items: download, localFolder: localDir, remoteFolder: '/' }, ctx);
    expect((await settled()).map((i) => i.state)).toEqual(['done', 'done']);
    expect((await readdir(localDir)).sort()).toEqual(['café.txt', 'naïve.txt']);
    expect(await readFile(path.join(localDir, 'café.txt'), 'utf8')).toBe('latin-1 name');

    // An upload of a local name goes out in the server's charset, as its other names are.
    await writeFile(path.join(localDir, 'über.txt'), 'up');
    items.clear();
    await services.handlers.queueAdd({ sessionId: info.sessionId, direction: 'upload', items: [{ name: 'über.txt', isFolder: false }], localFolder: localDir, remoteFolder: '/' }, ctx);
    expect((await settled()).map((i) => i.state)).toEqual(['done']);
    const onDisk = readdirSync(Buffer.from(server.homeDir), { encoding: 'buffer' }).map((b) => b.toString('hex'));
    expect(onDisk).toContain(Buffer.from('über.txt', 'latin1').toString('hex'));
  });

  it('on a server that announces UTF8 but hands out ISO-8859-1 names, the queue uses what the window learnt', async () => {
    const liar = await startServer('pure-ftpd');
    try {
      writeFileSync(Buffer.concat([Buffer.from(`${liar.homeDir}/`), Buffer.from('déjà.txt', 'latin1')]), 'announced utf8');
      const info = await services.handlers.remoteConnect({ host: '127.0.0.1', port: liar.port, user: liar.user, password: liar.password, tls: 'none', dataMode: 'auto' }, ctx);
      const listing = await services.handlers.remoteList({ sessionId: info.sessionId }, ctx);
      expect(listing.entries.map((e) => e.displayName ?? e.name)).toEqual(['déjà.txt']);
      const target = await mkdtemp(path.join(os.tmpdir(), 'ferry-charset-liar-'));
      items.clear();
      await services.handlers.queueAdd({ sessionId: info.sessionId, direction: 'download', items: [{ name: listing.entries[0].name, isFolder: false }], localFolder: target, remoteFolder: '/' }, ctx);
      expect((await settled()).map((i) => i.state)).toEqual(['done']);
      expect(await readFile(path.join(target, 'déjà.txt'), 'utf8')).toBe('announced utf8');
      await rm(target, { recursive: true, force: true });
    } finally {
      await liar.stop();
    }
  });
});

describe('downloads picked together in the window', () => {
  it('x and x.part arrive whole, each under its own name, two at a time', async () => {
    const x = Buffer.alloc(2_000_000, 7);
    writeFileSync(path.join(server.homeDir, 'x'), x);
    writeFileSync(path.join(server.homeDir, 'x.part'), 'the file named x.part');
    const target = await mkdtemp(path.join(os.tmpdir(), 'ferry-pair-'));
    const info = await services.handlers.remoteConnect({ host: '127.0.0.1', port: server.port, user: server.user, password: server.password, tls: 'none', dataMode: 'auto' }, ctx);
    await services.handlers.queueSetOptions({ defaultSiteLimit: 2 }, ctx);
    items.clear();
    await services.handlers.queueAdd(
      { sessionId: info.sessionId, direction: 'download', items: [{ name: 'x', isFolder: false, sizeBytes: x.length }, { name: 'x.part', isFolder: false, sizeBytes: 21 }], localFolder: target, remoteFolder: '/' },
      ctx,
    );
    expect((await settled()).map((i) => i.state)).toEqual(['done', 'done']);
    expect((await readFile(path.join(target, 'x'))).equals(x)).toBe(true);
    expect(await readFile(path.join(target, 'x.part'), 'utf8')).toBe('the file named x.part');
    expect((await readdir(target)).sort()).toEqual(['x', 'x.part']);
    await rm(target, { recursive: true, force: true });
  });
});
