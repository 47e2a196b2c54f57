/**
 * Compare in the window, as FileZilla users know it: the switch colours both panes' rows by how
 * they compare (only on this side, newer, older, size differs), with a legend; "Hide identical
 * files" leaves the identical ones out of both panes (folders stay); the marks follow a pane
 * into another folder, and turning Compare off clears them. Synchronized browsing moves the
 * other pane along, and offers to create a folder the server lacks.
 */
import { test, expect, type Locator, type Page } from '@playwright/test';
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
