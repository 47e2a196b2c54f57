/**
 * Keep remote folder up to date from the window, as WinSCP users know it: the local pane's
 * command opens a dialog for the two folders the panes show; while on, a line above the panes
 * says what is kept and how many files went up; a file made in the local folder (from outside
 * Ferry) is uploaded, shows in the queue and, after a refresh, in the remote pane; Stop ends it.
 * The local folder renamed away stops the watch, and the line says so until dismissed.
 */
import { test, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { mkdir, mkdtemp, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startFerry, type FerryApp } from './ferryApp';
import { startServer, type RunningServer } from '../servers';
import { paneOf, quickConnect, rowOf } from './browseHelpers';

let home: string;
let ferry: FerryApp;
let server: RunningServer;

const queue = (page: Page) => page.getByRole('region', { name: 'Transfer queue' });
const keepBar = (page: Page) => page.getByRole('list', { name: 'Folders kept up to date' });

test.beforeAll(async () => {
  home = await mkdtemp(path.join(os.tmpdir(), 'ferry-home-'));
  await mkdir(path.join(home, 'site'));
  await writeFile(path.join(home, 'site', 'index.html'), '<h1>home</h1>');
  server = await startServer('pyftpdlib');
  await writeFile(path.join(server.homeDir, 'readme.txt'), 'on the server');
  ferry = await startFerry(home);
});

test.afterAll(async () => {
  await ferry?.stop();
  await server?.stop();
  await rm(home, { recursive: true, force: true });
});

/** Connects and opens the local folder `site`. */
async function open(page: Page) {
  await page.goto(ferry.url);
  const remote = await quickConnect(page, server, 'readme.txt');
  const local = paneOf(page, 'Local site');
  await rowOf(local, 'site').dblclick();
  await expect(rowOf(local, 'index.html')).toBeVisible();
  return { local, remote };
}

/** Starts keeping the remote pane's folder up to date from the local pane's, through the toolbar and the dialog. */
async function startKeeping(page: Page) {
  const local = paneOf(page, 'Local site');
  await local.getByRole('toolbar', { name: 'Local site actions' }).getByRole('button', { name: 'Keep remote folder up to date…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Keep remote folder up to date' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText(`Every file created or changed in ${path.join(home, 'site')} is uploaded to / on ${server.host}`);
  await expect(dialog.getByRole('checkbox', { name: 'Delete on the server what is deleted here' })).not.toBeChecked();
  return dialog;
}

test('a file made in the local folder is uploaded while the remote folder is kept up to date, until Stop', async ({ page }) => {
  const { remote } = await open(page);
  const dialog = await startKeeping(page);
  await dialog.getByLabel('Leave out').fill('*.tmp');
  await page.screenshot({ path: 'test-results/screenshots/keep-up-to-date-dialog.png' });
  const violations = (await new AxeBuilder({ page }).include('dialog').analyze()).violations.filter((v) => v.impact === 'critical' || v.impact === 'serious');
  expect(violations.map((v) => v.id)).toEqual([]);
  await dialog.getByRole('button', { name: 'Start' }).click();
  await expect(dialog).toBeHidden();

  const line = keepBar(page).getByRole('listitem');
  await expect(line).toHaveCount(1);
  await expect(line.getByRole('status')).toHaveText(`Keeping / up to date from ${path.join(home, 'site')} — 0 uploaded`);

  await writeFile(path.join(home, 'site', 'news.html'), '<p>fresh news</p>');
  await writeFile(path.join(home, 'site', 'scratch.tmp'), 'left out');
  await expect(line.getByRole('status')).toHaveText(/— 1 uploaded$/);
  await page.getByRole('tab', { name: /Successful transfers/ }).click();
  const row = queue(page).locator('[role=row]').filter({ has: page.locator('.q-remote[title="/news.html"]') });
  await expect(row.locator('.q-status')).toHaveText('Done');
  expect(await readFile(path.join(server.homeDir, 'news.html'), 'utf8')).toBe('<p>fresh news</p>');
  await page.screenshot({ path: 'test-results/screenshots/keep-up-to-date.png' });

  await remote.getByRole('grid').focus();
  await page.keyboard.press('F5');
  await expect(rowOf(remote, 'news.html')).toBeVisible();
  await expect(rowOf(remote, 'scratch.tmp')).toHaveCount(0);
  expect((await new AxeBuilder({ page }).include('.keep-bar').analyze()).violations.map((v) => v.id)).toEqual([]);

  await line.getByRole('button', { name: 'Stop keeping / up to date' }).click();
  await expect(keepBar(page)).toHaveCount(0);
  // Stopped: a file made now stays here.
  await writeFile(path.join(home, 'site', 'after-stop.html'), 'not sent');
  await page.keyboard.press('F5');
  await expect(rowOf(remote, 'news.html')).toBeVisible();
  await expect(rowOf(remote, 'after-stop.html')).toHaveCount(0);
});

test('renaming the local folder away stops keeping it up to date, says why, and deletes nothing', async ({ page }) => {
  await open(page);
  const dialog = await startKeeping(page);
  await dialog.getByRole('checkbox', { name: 'Delete on the server what is deleted here' }).check();
  await dialog.getByRole('button', { name: 'Start' }).click();
  const line = keepBar(page).getByRole('listitem');
  await expect(line.getByRole('status')).toHaveText(/^Keeping \/ up to date/);

  const site = path.join(home, 'site');
  const before = await readdir(server.homeDir);
  await rename(site, `${site}-old`);
  await expect(line.getByRole('status')).toHaveText(`Stopped keeping / up to date from ${site}: the folder ${site} was removed or renamed — 0 uploaded`);
  expect(await readdir(server.homeDir)).toEqual(before);
  expect(await readFile(path.join(server.homeDir, 'readme.txt'), 'utf8')).toBe('on the server');
  await page.screenshot({ path: 'test-results/screenshots/keep-up-to-date-stopped.png' });
  await line.getByRole('button', { name: 'Dismiss: stopped keeping / up to date' }).click();
  await expect(keepBar(page)).toHaveCount(0);
  await rename(`${site}-old`, site);
});
