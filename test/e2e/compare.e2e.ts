/**
 * Compare in the window, as FileZilla users know it: the switch colours both panes' rows by how
 * they compare (only on this side, newer, older, size differs), with a legend; "Hide identical
 * files" leaves the identical ones out of both panes (folders stay); the marks follow a pane
 * into another folder, and turning Compare off clears them. Synchronized browsing moves the
 * other pane along, and offers to create a folder the server lacks.
 */
import { test, expect, type Locator, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { mkdir, mkdtemp, rm, stat, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startFerry, type FerryApp } from './ferryApp';
import { startServer, type RunningServer } from '../servers';
import { paneOf, quickConnect, rowOf } from './browseHelpers';

const BASE = new Date(Math.floor((Date.now() - 86_400_000) / 1000) * 1000);
const LATER = new Date(BASE.getTime() + 3_600_000);

let home: string;
let ferry: FerryApp;
let server: RunningServer;

async function put(root: string, name: string, content: string, when = BASE) {
  await writeFile(path.join(root, name), content);
  await utimes(path.join(root, name), when, when);
}

test.beforeAll(async () => {
  home = await mkdtemp(path.join(os.tmpdir(), 'ferry-home-'));
  server = await startServer('pyftpdlib');
  for (const root of [home, server.homeDir]) {
    await put(root, 'same.txt', 'same');
    await mkdir(path.join(root, 'docs'));
  }
  await put(home, 'mine.txt', 'only here');
  await put(server.homeDir, 'theirs.txt', 'only there');
  await put(home, 'edited.txt', 'v2', LATER);
  await put(server.homeDir, 'edited.txt', 'v1');
  await put(home, 'grown.txt', 'longer here');
  await put(server.homeDir, 'grown.txt', 'short');
  await put(path.join(server.homeDir, 'docs'), 'inner.txt', 'inside');
  await mkdir(path.join(home, 'drafts'));
  await server.chownToServer(server.homeDir);
  ferry = await startFerry(home);
});

test.afterAll(async () => {
  await ferry?.stop();
  await server?.stop();
  await rm(home, { recursive: true, force: true });
});

const markOf = (pane: Locator, name: string) => rowOf(pane, name).getAttribute('data-compare');

async function connect(page: Page): Promise<{ local: Locator; remote: Locator }> {
  await page.goto(ferry.url);
  const remote = await quickConnect(page, server, 'theirs.txt');
  const local = paneOf(page, 'Local site');
  await expect(rowOf(local, 'mine.txt')).toBeVisible();
  return { local, remote };
}

test('Compare colours both panes by how their files compare, with a legend, and turns off again', async ({ page }) => {
  const { local, remote } = await connect(page);
  await expect(rowOf(local, 'mine.txt')).not.toHaveAttribute('data-compare');
  const compare = page.getByRole('group', { name: 'Directory comparison' });
  await compare.getByRole('button', { name: 'Compare' }).click();
  await expect(compare.getByRole('button', { name: 'Compare' })).toHaveAttribute('aria-pressed', 'true');
  await expect(compare.getByRole('list', { name: 'Compare colours' })).toContainText('Only on this side');

  await expect(rowOf(local, 'mine.txt')).toHaveAttribute('data-compare', 'lone');
  expect(await markOf(remote, 'theirs.txt')).toBe('lone');
  expect(await markOf(local, 'edited.txt')).toBe('newer');
  expect(await markOf(remote, 'edited.txt')).toBe('older');
  expect(await markOf(local, 'grown.txt')).toBe('differs');
  expect(await markOf(remote, 'grown.txt')).toBe('differs');
  expect(await markOf(local, 'same.txt')).toBe('same');
  expect(await markOf(local, 'docs')).toBe('same');
  // The colour is what a user sees: a lone row is not drawn like a plain one.
  const lone = await rowOf(local, 'mine.txt').evaluate((el) => (globalThis as unknown as { getComputedStyle(e: unknown): { backgroundColor: string } }).getComputedStyle(el).backgroundColor);
  expect(lone).not.toBe('rgba(0, 0, 0, 0)');
  await page.screenshot({ path: 'test-results/compare.png' });

  await compare.getByRole('button', { name: 'Compare' }).click();
  await expect(rowOf(local, 'mine.txt')).not.toHaveAttribute('data-compare');
  await expect(rowOf(remote, 'theirs.txt')).not.toHaveAttribute('data-compare');
});

test('"Hide identical files" leaves them out of both panes, and the marks follow a pane into another folder', async ({ page }) => {
  const { local, remote } = await connect(page);
  const compare = page.getByRole('group', { name: 'Directory comparison' });
  // Compare stays on across a reload: it was left off by the previous test, so turn it on here.
  await compare.getByRole('button', { name: 'Compare' }).click();
  await compare.getByLabel('Hide identical files').check();
  await expect(rowOf(local, 'same.txt')).toHaveCount(0);
  await expect(rowOf(remote, 'same.txt')).toHaveCount(0);
  await expect(rowOf(local, 'docs')).toBeVisible();
  await expect(rowOf(local, 'mine.txt')).toBeVisible();

  await page.reload();
  await expect(rowOf(paneOf(page, 'Local site'), 'mine.txt')).toBeVisible();
  await expect(page.getByRole('group', { name: 'Directory comparison' }).getByLabel('Hide identical files')).toBeChecked();

  const again = await connect(page);
  await expect(rowOf(again.local, 'same.txt')).toHaveCount(0);
  await rowOf(again.remote, 'docs').dblclick();
  await expect(rowOf(again.remote, 'inner.txt')).toHaveAttribute('data-compare', 'lone');
  // The local folder is now compared with /docs: what matched before is alone now, and shown.
  await expect(rowOf(again.local, 'same.txt')).toHaveAttribute('data-compare', 'lone');
  await compare.getByLabel('Hide identical files').uncheck();
  await compare.getByRole('button', { name: 'Compare' }).click();
});

test('synchronized browsing enters the same folder on the other side, goes back up with it, and offers to create a missing one', async ({ page }) => {
  const { local, remote } = await connect(page);
  const sync = page.getByRole('group', { name: 'Directory comparison' }).getByRole('button', { name: 'Synchronized browsing' });
  await sync.click();
  await expect(sync).toHaveAttribute('aria-pressed', 'true');

  await rowOf(local, 'docs').dblclick();
  await expect(rowOf(remote, 'inner.txt')).toBeVisible();
  await expect(remote.getByLabel('Remote site path')).toHaveValue('/docs');
  await remote.getByRole('button', { name: 'Parent folder' }).click();
  await expect(rowOf(local, 'mine.txt')).toBeVisible();

  // drafts/ exists only here: entering it asks to create it on the server, and then follows.
  await rowOf(local, 'drafts').dblclick();
  const ask = page.getByRole('dialog', { name: 'Folder missing' });
  await expect(ask).toContainText('"drafts" does not exist on the server');
  await ask.getByRole('button', { name: 'Create' }).click();
  await expect(remote.getByLabel('Remote site path')).toHaveValue('/drafts');
  await expect.poll(() => stat(path.join(server.homeDir, 'drafts')).then((s) => s.isDirectory(), () => false)).toBe(true);

  await sync.click();
  await expect(sync).toHaveAttribute('aria-pressed', 'false');
  await local.getByRole('button', { name: 'Parent folder' }).click();
  await expect(rowOf(local, 'mine.txt')).toBeVisible();
  await expect(remote.getByLabel('Remote site path')).toHaveValue('/drafts');
});

test.describe('with a server whose clock is two hours ahead', () => {
  let zoneHome: string;
  let zoneData: string;
  let zoneFerry: FerryApp;
  let zoneServer: RunningServer;

  test.beforeAll(async () => {
    // POSIX zones count west of UTC: UTC-2 lists times two hours ahead of UTC.
    zoneServer = await startServer('pyftpdlib', { listTimeZone: 'UTC-2' });
    zoneHome = await mkdtemp(path.join(os.tmpdir(), 'ferry-home-'));
    await mkdir(path.join(zoneHome, 'site'));
    await put(path.join(zoneHome, 'site'), 'page.html', '<p>hi</p>');
    zoneData = await mkdtemp(path.join(os.tmpdir(), 'ferry-data-'));
    const site = {
      id: 'zone', name: 'Zone server', folder: '', host: '127.0.0.1', port: zoneServer.port, tls: 'none', logonType: 'ask', user: zoneServer.user,
      dataMode: 'auto', charset: 'auto', localDir: path.join(zoneHome, 'site'), remoteDir: '/',
    };
    await writeFile(path.join(zoneData, 'sites.json'), JSON.stringify({ version: 1, folders: [], sites: [site] }));
    zoneFerry = await startFerry(zoneHome, {}, { dataDir: zoneData });
  });

  test.afterAll(async () => {
    await zoneFerry?.stop();
    await zoneServer?.stop();
    await rm(zoneHome, { recursive: true, force: true });
    await rm(zoneData, { recursive: true, force: true });
  });

  test('an upload detects the offset, the Site Manager shows it, and an override changes the Compare marks', async ({ page }) => {
    await page.goto(zoneFerry.url);
    const manager = page.getByRole('dialog', { name: 'Site Manager' });
    const zoneSite = manager.getByRole('treeitem', { name: /Zone server/ });
    await page.getByRole('button', { name: 'Site Manager' }).click();
    await zoneSite.click();
    await expect(manager.locator('#site-clockDetected')).toHaveText(/^not detected yet/);
    await manager.getByRole('toolbar', { name: 'Site actions' }).getByRole('button', { name: 'Connect' }).click();
    const prompt = page.getByRole('form', { name: 'Password for Zone server' });
    await prompt.getByLabel('Password').fill(zoneServer.password);
    await prompt.getByRole('button', { name: 'Connect' }).click();
    const local = paneOf(page, 'Local site');
    const remote = paneOf(page, 'Remote site');
    await expect(remote.getByLabel('Remote site path')).toHaveValue('/');

    // Upload page.html; the window lists the folder again, and the listing tells the server's clock.
    await rowOf(local, 'page.html').click();
    await local.getByRole('button', { name: 'Upload' }).click();
    await expect(rowOf(remote, 'page.html')).toBeVisible();
    const log = page.getByRole('region', { name: 'Message log' });
    await log.getByLabel('Filter log').fill('Server clock');
    await expect(log.locator('.log-line', { hasText: 'Server clock: 2 h ahead of this computer (detected from 1 uploaded file(s))' })).toBeVisible();

    const compare = page.getByRole('group', { name: 'Directory comparison' });
    await compare.getByRole('button', { name: 'Compare' }).click();
    await expect(compare.locator('.compare-clock')).toHaveText('Server clock 2 h ahead (detected)');
    await expect(compare.locator('.compare-clock')).toHaveAttribute('title', /^The server's clock is 2 h ahead of this computer \(detected\)/);
    await expect(rowOf(local, 'page.html')).toHaveAttribute('data-compare', 'same');
    await expect(rowOf(remote, 'page.html')).toHaveAttribute('data-compare', 'same');
    await page.screenshot({ path: 'test-results/compare-clock.png' });

    await page.getByRole('button', { name: 'Site Manager' }).click();
    await zoneSite.click();
    await expect(manager.locator('#site-clockDetected')).toHaveText(/^2 h ahead of this computer \(detected on .+\)$/);
    await page.screenshot({ path: 'test-results/server-clock.png' });
    // "None": the server's times as they are; its copy now looks two hours newer.
    await manager.getByLabel('Clock offset', { exact: true }).selectOption('none');
    await manager.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(manager.getByText('Saved Zone server')).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(manager).toBeHidden();
    await expect(rowOf(remote, 'page.html')).toHaveAttribute('data-compare', 'newer');
    await expect(rowOf(local, 'page.html')).toHaveAttribute('data-compare', 'older');
    await expect(compare.locator('.compare-clock')).toHaveCount(0);

    // Set by hand: two hours ahead agrees again; and "Detect again" forgets what was detected.
    await page.getByRole('button', { name: 'Site Manager' }).click();
    await zoneSite.click();
    await manager.getByLabel('Clock offset', { exact: true }).selectOption('custom');
    await manager.getByLabel('Hours').fill('2');
    // The site's form with the clock fields, custom offset open: nothing serious for assistive technology.
    const { violations } = await new AxeBuilder({ page }).include('.sm-form').analyze();
    expect(violations.filter((v) => v.impact === 'critical' || v.impact === 'serious').map((v) => [v.id, v.nodes.map((n) => n.target.join(' '))])).toEqual([]);
    await manager.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(manager.getByText('Saved Zone server')).toBeVisible();
    await manager.getByRole('button', { name: 'Detect again' }).click();
    await expect(manager.locator('#site-clockDetected')).toHaveText(/^not detected yet/);
    await page.keyboard.press('Escape');
    await expect(rowOf(local, 'page.html')).toHaveAttribute('data-compare', 'same');
    await expect(compare.locator('.compare-clock')).toHaveText('Server clock 2 h ahead (set for this site)');
    await compare.getByRole('button', { name: 'Compare' }).click();
  });
});
