/**
 * The "target exists" question with two windows open on one Ferry: the window that queued the
 * transfer asks with its dialog; the other keeps working and shows the question in the queue row,
 * whose buttons answer it for both. Once the asking window is closed, the question is a dialog in
 * the windows left.
 */
import { test, expect, type Page } from '@playwright/test';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startFerry, type FerryApp } from './ferryApp';
import { paneOf, quickConnect, rowOf } from './browseHelpers';
import { startServer, type RunningServer } from '../servers';

let home: string;
let ferry: FerryApp;
let server: RunningServer;

const queue = (page: Page) => page.getByRole('region', { name: 'Transfer queue' });
const existsDialog = (page: Page) => page.getByRole('dialog', { name: 'Target file already exists' });
const waitingRow = (page: Page, remotePath: string) =>
  queue(page).locator('[role=row][data-waiting=target-exists]').filter({ has: page.locator(`.q-remote[title="${remotePath}"]`) });

/** Drops dragged rows onto the empty space at the bottom of a pane's list (the folder it shows). */
async function dragToPane(page: Page, from: ReturnType<typeof rowOf>, pane: 'Local site' | 'Remote site') {
  const list = paneOf(page, pane).locator('.file-scroll');
  const box = (await list.boundingBox())!;
  await from.dragTo(list, { targetPosition: { x: 60, y: box.height - 6 } });
}

/** Opens Ferry in a new window showing `folder` in its local pane. */
async function openWindow(page: Page, folder: string): Promise<void> {
  await page.goto(ferry.url);
  const local = paneOf(page, 'Local site');
  await expect(local.getByLabel('Local site path')).toHaveValue(home);
  await local.getByLabel('Local site path').fill(folder);
  await local.getByLabel('Local site path').press('Enter');
}

test.beforeAll(async () => {
  home = await mkdtemp(path.join(os.tmpdir(), 'ferry-home-'));
  ferry = await startFerry(home);
  server = await startServer('pyftpdlib');
});
test.afterAll(async () => {
  await server?.stop();
  await ferry?.stop();
  await rm(home, { recursive: true, force: true });
});

test('the question is a dialog only in the window that queued the transfer; another answers it from its queue row', async ({ browser }) => {
  const folder = await mkdtemp(path.join(home, 'two-windows-'));
  await writeFile(path.join(folder, 'clash.txt'), 'local copy');
  await writeFile(path.join(folder, 'elsewhere.txt'), 'unrelated');
  await writeFile(path.join(folder, 'second.txt'), 'local second');
  await writeFile(path.join(server.homeDir, 'clash.txt'), 'server copy');
  await writeFile(path.join(server.homeDir, 'second.txt'), 'server second');
  const a = await browser.newPage();
  const b = await browser.newPage();
  await openWindow(a, folder);
  await openWindow(b, folder);
  const remoteA = await quickConnect(a, server, 'clash.txt');

  await dragToPane(a, rowOf(remoteA, 'clash.txt'), 'Local site');
  await expect(existsDialog(a)).toBeVisible();
  await expect(waitingRow(b, '/clash.txt')).toContainText('Waiting: target exists');
  await expect(existsDialog(b)).toHaveCount(0);
  // Nothing covers window B: its file list takes clicks while A's question waits.
  const localB = paneOf(b, 'Local site');
  await rowOf(localB, 'elsewhere.txt').click();
  await expect(rowOf(localB, 'elsewhere.txt')).toHaveAttribute('aria-selected', 'true');
  await b.screenshot({ path: 'test-results/screenshots/question-in-queue-row.png' });
  await expect(b.getByRole('contentinfo', { name: 'Status' })).toContainText('estimating time left');

  await waitingRow(b, '/clash.txt').getByRole('button', { name: 'Overwrite' }).click();
  await expect(existsDialog(a)).toHaveCount(0);
  await expect(waitingRow(a, '/clash.txt')).toHaveCount(0);
  await expect(waitingRow(b, '/clash.txt')).toHaveCount(0);
  await expect.poll(() => readFile(path.join(folder, 'clash.txt'), 'utf8')).toBe('server copy');

  // The window that asked is closed before anyone answered: the question becomes B's dialog.
  await dragToPane(a, rowOf(remoteA, 'second.txt'), 'Local site');
  await expect(existsDialog(a)).toBeVisible();
  await expect(waitingRow(b, '/second.txt')).toBeVisible();
  await a.close();
  await expect(existsDialog(b)).toBeVisible();
  await expect(existsDialog(b)).toContainText('Local file:');
  await b.keyboard.press('Escape');
  await expect(existsDialog(b)).toHaveCount(0);
  await b.getByRole('tab', { name: /Successful transfers/ }).click();
  await expect(queue(b).locator('[role=row]').filter({ has: b.locator('.q-remote[title="/second.txt"]') }).locator('.q-status')).toHaveText('Skipped (target exists)');
  expect(await readFile(path.join(folder, 'second.txt'), 'utf8')).toBe('local second');
  await b.close();
});

test('"More…" in the queue row opens the full question in that window', async ({ browser }) => {
  const folder = await mkdtemp(path.join(home, 'more-'));
  await writeFile(path.join(folder, 'keep.txt'), 'local keep');
  await writeFile(path.join(server.homeDir, 'keep.txt'), 'server keep');
  const a = await browser.newPage();
  const b = await browser.newPage();
  await openWindow(a, folder);
  await openWindow(b, folder);
  const remoteA = await quickConnect(a, server, 'keep.txt');
  await dragToPane(a, rowOf(remoteA, 'keep.txt'), 'Local site');
  await expect(existsDialog(a)).toBeVisible();

  await waitingRow(b, '/keep.txt').getByRole('button', { name: 'More…' }).click();
  await expect(existsDialog(b)).toBeVisible();
  await existsDialog(b).getByLabel('Rename (keep both)').check();
  await existsDialog(b).getByRole('button', { name: 'OK' }).click();
  await expect(existsDialog(b)).toHaveCount(0);
  await expect(existsDialog(a)).toHaveCount(0);
  await expect.poll(() => readFile(path.join(folder, 'keep (1).txt'), 'utf8').catch(() => '')).toBe('server keep');
  expect(await readFile(path.join(folder, 'keep.txt'), 'utf8')).toBe('local keep');
  await a.close();
  await b.close();
});
