import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { clockOffsetFor, detectClockOnce, type ClockBook, type SiteClock } from '../../../electron/sync/clockOffsetFor';
import { ClockOffsetStore } from '../../../electron/sync/clockOffsetStore';
import { savedSiteClock } from '../../../electron/sync/savedSiteClock';

const HOUR = 3_600_000;
const T = Date.UTC(2026, 5, 1, 10, 15, 42);
/** Two files uploaded with MFMT, listed by MLSD three hours ahead. */
const threeHoursAhead = [T, T + 4_000].map((t) => ({ expectedMs: t, reportedMs: t + 3 * HOUR }));
const server = { host: 'ftp.example.com', user: 'deploy', tls: 'explicit' as const };

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'ferry-clock-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

/** A book whose sites live in a map, as the window's site store keeps them. */
function bookWith(sites: Record<string, SiteClock>): ClockBook {
  return {
    siteOf: (s) => (s.siteId ? sites[s.siteId] : undefined),
    saveSiteDetected: async (siteId, detected) => {
      sites[siteId] = { ...sites[siteId], clockDetected: detected };
    },
    accounts: new ClockOffsetStore(dir),
  };
}

describe('detectClockOnce and clockOffsetFor', () => {
  it('keeps a server without a site by its account, once, and applies it', async () => {
    const book = bookWith({});
    expect(await clockOffsetFor(server, book)).toEqual({ offsetMs: 0, source: 'none' });
    expect(await detectClockOnce(server, threeHoursAhead, book, T)).toEqual({ offsetMs: 3 * HOUR, atMs: T });
    expect(JSON.parse(await readFile(path.join(dir, 'server-clocks.json'), 'utf8')).servers).toEqual({ 'deploy@ftp.example.com:21': { offsetMs: 3 * HOUR, atMs: T } });
    // Later observations do not change it.
    expect(await detectClockOnce(server, [{ expectedMs: T, reportedMs: T }], book, T + HOUR)).toBeUndefined();
    expect(await clockOffsetFor(server, book)).toEqual({ offsetMs: 3 * HOUR, source: 'detected', detected: { offsetMs: 3 * HOUR, atMs: T } });
    // Another account on the same host is another server.
    expect((await clockOffsetFor({ ...server, user: 'other' }, book)).source).toBe('none');
  });

  it("keeps a site's offset with the site; its override wins; forgetting it detects again", async () => {
    const sites: Record<string, SiteClock> = { s1: { siteId: 's1' } };
    const book = bookWith(sites);
    const site = { ...server, siteId: 's1' };
    await detectClockOnce(site, threeHoursAhead, book, T);
    expect(sites.s1.clockDetected).toEqual({ offsetMs: 3 * HOUR, atMs: T });
    expect(await new ClockOffsetStore(dir).get('deploy@ftp.example.com:21')).toBeUndefined();

    sites.s1.clockOverrideMs = 0;
    expect(await clockOffsetFor(site, book)).toEqual({ offsetMs: 0, source: 'override', detected: { offsetMs: 3 * HOUR, atMs: T } });
    sites.s1.clockOverrideMs = -90 * 60_000;
    expect((await clockOffsetFor(site, book)).offsetMs).toBe(-90 * 60_000);

    sites.s1 = { siteId: 's1' };
    expect(await detectClockOnce(site, [{ expectedMs: T, reportedMs: T + HOUR }], book, T + 1)).toEqual({ offsetMs: HOUR, atMs: T + 1 });
  });

  it('keeps nothing from times known only to the day, or an offset beyond a day', async () => {
    const book = bookWith({});
    expect(await detectClockOnce(server, [{ expectedMs: T, reportedMs: T, precision: 'day' }], book)).toBeUndefined();
    expect(await detectClockOnce(server, [{ expectedMs: T, reportedMs: T + 30 * HOUR }], book)).toBeUndefined();
    expect(await detectClockOnce(server, [], book)).toBeUndefined();
    expect(await new ClockOffsetStore(dir).get('deploy@ftp.example.com:21')).toBeUndefined();
  });

  it('reads a damaged store as nothing detected, and writes it anew', async () => {
    await writeFile(path.join(dir, 'server-clocks.json'), '{ not json');
    const store = new ClockOffsetStore(dir);
    expect(await store.get('a@b:21')).toBeUndefined();
    await store.set('a@b:21', { offsetMs: HOUR, atMs: T });
    expect(await store.get('a@b:21')).toEqual({ offsetMs: HOUR, atMs: T });
    await store.set('a@b:21', undefined);
    expect(await store.get('a@b:21')).toBeUndefined();
  });
});

describe('savedSiteClock (the command line reads the saved sites, never writes them)', () => {
  const sitesFile = (sites: object[]) =>
    writeFile(path.join(dir, 'sites.json'), JSON.stringify({ version: 1, folders: [], sites: sites.map((s, i) => ({ id: `id${i}`, name: `n${i}`, folder: '', tls: 'explicit', logonType: 'normal', dataMode: 'auto', charset: 'auto', ...s })) }));

  it("finds the site of the URL's account, with its override or detected offset", async () => {
    await sitesFile([
      { host: 'ftp.example.com', user: 'deploy', clockDetected: { offsetMs: HOUR, atMs: T } },
      { host: 'FTP.example.com', user: 'deploy', port: 21, remoteDir: '/b', clockOverrideMs: 2 * HOUR },
      { host: 'ftp.example.com', user: 'other', clockOverrideMs: 5 * HOUR },
    ]);
    expect(await savedSiteClock(dir, server)).toEqual({ siteId: 'id1', clockOverrideMs: 2 * HOUR, clockDetected: undefined });
    expect(await savedSiteClock(dir, { ...server, port: 2121 })).toBeUndefined();
    const book: ClockBook = { siteOf: (s) => savedSiteClock(dir, s), accounts: new ClockOffsetStore(dir) };
    expect(await clockOffsetFor(server, book)).toEqual({ offsetMs: 2 * HOUR, source: 'override' });
  });

  it('stores what it detects by account when the matching site has nothing yet', async () => {
    await sitesFile([{ host: 'ftp.example.com', user: 'deploy' }]);
    const before = await readFile(path.join(dir, 'sites.json'), 'utf8');
    const book: ClockBook = { siteOf: (s) => savedSiteClock(dir, s), accounts: new ClockOffsetStore(dir) };
    expect(await detectClockOnce(server, threeHoursAhead, book, T)).toEqual({ offsetMs: 3 * HOUR, atMs: T });
    expect(await readFile(path.join(dir, 'sites.json'), 'utf8')).toBe(before);
    expect((await clockOffsetFor(server, book)).source).toBe('detected');
  });

  it('matches nothing without a readable sites file', async () => {
    expect(await savedSiteClock(dir, server)).toBeUndefined();
    await writeFile(path.join(dir, 'sites.json'), '[');
    expect(await savedSiteClock(dir, server)).toBeUndefined();
  });
});
