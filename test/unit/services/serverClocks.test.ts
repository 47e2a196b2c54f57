/**
 * The window's server clocks: an upload the queue finishes, then the listing of its folder the
 * window makes anyway, detect the offset once and keep it with the site (or by account for a
 * quick-connect server); detect again forgets it.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LogFeed } from '../../../electron/services/LogFeed';
import { ServerClocks } from '../../../electron/services/ServerClocks';
import { AskEachTimeSecretStore } from '../../../electron/sites/SecretStore';
import { SiteService } from '../../../electron/sites/SiteService';
import { SiteStore } from '../../../electron/sites/SiteStore';
import type { ConnectParams, FileEntry, LogEntry } from '../../../shared/domain';
import { rig } from '../queue/transferQueue/rig';

const HOUR = 3_600_000;
/** The local file's time, a week ago. */
const SOURCE_MS = Date.UTC(2026, 4, 25, 8, 30, 0);

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'ferry-clocks-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

async function setUp() {
  const sites = await SiteService.create(await SiteStore.open(dir), new AskEachTimeSecretStore());
  const lines: LogEntry[] = [];
  const log = new LogFeed({ push: (_name: string, line: LogEntry) => lines.push(line) } as never);
  const clocks = new ServerClocks({ sites, dataDir: dir, log });
  const r = rig();
  clocks.watch(r.queue);
  return { sites, clocks, r, lines };
}

/** Uploads /local/a.txt (modified SOURCE_MS) to /www/a.txt for `siteId`, through the queue. */
async function upload(r: ReturnType<typeof rig>, siteId: string): Promise<void> {
  r.fs.put('/local/a.txt', 'hello', SOURCE_MS);
  r.queue.addFiles([{ direction: 'upload', siteId, localPath: '/local/a.txt', remotePath: '/www/a.txt' }]);
  await r.queue.whenIdle();
}

const listing = (entries: FileEntry[]) => ({ sessionId: 'browse-1', path: '/www', parent: '/', entries });
const file = (name: string, modifiedMs: number, timePrecision?: 'minute'): FileEntry => ({ name, type: 'file', sizeBytes: 5, modifiedMs, timePrecision });

describe('ServerClocks', () => {
  it("detects a site's offset from an upload and the next listing of its folder, keeps it with the site, once", async () => {
    const { sites, clocks, r, lines } = await setUp();
    const site = await sites.create({ name: 'Web', host: 'ftp.example.com', user: 'deploy' });
    const params: ConnectParams = { host: 'ftp.example.com', user: 'deploy', tls: 'explicit', dataMode: 'auto', siteId: site.id };
    expect(await clocks.clockOffsetFor(params)).toEqual({ offsetMs: 0, source: 'none' });

    await upload(r, site.id);
    // A listing of another folder says nothing about it.
    await clocks.observeListing(params, { ...listing([file('a.txt', SOURCE_MS + 2 * HOUR)]), path: '/elsewhere' }, true);
    expect(sites.get(site.id).clockDetected).toBeUndefined();
    // The server kept the time it was sent (MFMT) and lists it two hours ahead, to the minute.
    await clocks.observeListing(params, listing([file('a.txt', SOURCE_MS + 2 * HOUR, 'minute'), file('b.txt', SOURCE_MS)]), true);
    expect(sites.get(site.id).clockDetected).toEqual({ offsetMs: 2 * HOUR, atMs: expect.any(Number) });
    expect(await clocks.clockOffsetFor(params)).toMatchObject({ offsetMs: 2 * HOUR, source: 'detected' });
    expect(lines.at(-1)?.text).toBe('Server clock: 2 h ahead of this computer (detected from 1 uploaded file(s)); comparisons allow for it');

    // Detected once: a later upload that says otherwise changes nothing.
    await upload(r, site.id);
    await clocks.observeListing(params, listing([file('a.txt', SOURCE_MS)]), true);
    expect(sites.get(site.id).clockDetected?.offsetMs).toBe(2 * HOUR);

    // The user's override wins; detect again forgets the detected one, and the next upload detects it anew.
    await sites.update(site.id, { clockOverrideMs: 0 });
    expect(await clocks.clockOffsetFor(params)).toMatchObject({ offsetMs: 0, source: 'override' });
    expect((await clocks.detectAgain(site.id)).clockDetected).toBeUndefined();
    await upload(r, site.id);
    await clocks.observeListing(params, listing([file('a.txt', SOURCE_MS - HOUR)]), true);
    expect(sites.get(site.id).clockDetected?.offsetMs).toBe(-HOUR);
    await r.queue.close();
  });

  it("keeps a quick-connect server's offset by account, from the end of the upload when the server cannot keep times", async () => {
    const { clocks, r } = await setUp();
    const params: ConnectParams = { host: 'ftp.example.com', port: 2121, user: 'me', tls: 'none', dataMode: 'auto' };
    await upload(r, 'quick:me@ftp.example.com:2121');
    const ended = r.queue.list()[0].finishedMs!;
    // No MFMT: the server stamped the file when it arrived, and lists it in UTC+5:30.
    await clocks.observeListing(params, listing([file('a.txt', ended + 5.5 * HOUR - 3_000)]), false);
    const kept = JSON.parse(await readFile(path.join(dir, 'server-clocks.json'), 'utf8'));
    expect(kept.servers['me@ftp.example.com:2121']).toMatchObject({ offsetMs: 5.5 * HOUR });
    expect(await clocks.clockOffsetFor(params)).toMatchObject({ offsetMs: 5.5 * HOUR, source: 'detected' });
    await r.queue.close();
  });
});
