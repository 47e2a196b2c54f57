/**
 * Small faults of the panes a FileZilla user meets, against a real FTP server (pyftpdlib) in
 * browser mode: a path that fails, a download of a file that vanished, the window title, a
 * small window, and leaving the page while connected.
 */
import { test, expect, type Locator } from '@playwright/test';
import { mkdir, mkdtemp, rm, unlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startFerry, type FerryApp } from './ferryApp';
import { startServer, type RunningServer } from '../servers';
import { paneOf, quickConnect, rowOf } from './browseHelpers';

let home: string;
let ferry: FerryApp;
let server: RunningServer;

test.beforeAll(async () => {
  home = await mkdtemp(path.join(os.tmpdir(), 'ferry-home-'));
  ferry = await startFerry(home);
});
test.beforeEach(async () => {
  server = await startServer('pyftpdlib');
  await mkdir(path.join(server.homeDir, 'docs'));
  await writeFile(path.join(server.homeDir, 'kept.txt'), 'kept');
});
test.afterEach(async () => {
  await server?.stop();
});
test.afterAll(async () => {
  await ferry?.stop();
  await rm(home, { recursive: true, force: true });
});

test('a path that fails shows the error, and the path box returns to the folder shown', async ({ page }) => {
  await page.goto(ferry.url);
  const remote = await quickConnect(page, server, 'docs');
  const pathBox = remote.getByLabel('Remote site path');
  await pathBox.fill('/no/such/folder');
  await pathBox.press('Enter');
  await expect(remote.getByRole('alert')).toContainText('/no/such/folder');
  await expect(remote.getByRole('alert')).toContainText('No such directory');
  await expect(pathBox).toHaveValue('/');
  await expect(rowOf(remote, 'kept.txt')).toBeVisible();
});

test('a download refused with 550 because the file vanished takes it off the remote list', async ({ page }) => {
  await writeFile(path.join(server.homeDir, 'vanishing.txt'), 'soon gone');
  await page.goto(ferry.url);
  const remote = await quickConnect(page, server, 'vanishing.txt');
  await unlink(path.join(server.homeDir, 'vanishing.txt'));
  await rowOf(remote, 'vanishing.txt').click();
  await remote.getByRole('button', { name: 'Download' }).click();
  await expect(page.getByRole('tab', { name: /Failed transfers \(1\)/ })).toBeVisible();
  await expect(rowOf(remote, 'vanishing.txt')).toHaveCount(0);
  await expect(rowOf(remote, 'kept.txt')).toBeVisible();
});

test('the window title names the server while connected', async ({ page }) => {
  await page.goto(ferry.url);
  await expect(page).toHaveTitle('Ferry');
  await quickConnect(page, server, 'docs');
  await expect(page).toHaveTitle(`${server.user}@${server.host} — Ferry`);
  await page.getByRole('button', { name: 'Disconnect' }).click();
  await expect(page).toHaveTitle('Ferry');
});

/** Whether two boxes share any area. */
function overlaps(a: { x: number; y: number; width: number; height: number }, b: typeof a): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** The boxes of every visible control of a pane's path bar and toolbar row, by name. */
async function controlBoxes(pane: Locator) {
  const controls = pane.locator('.path-bar button, .path-bar input, .pane-actions button, .pane-actions input, .pane-actions label');
  const boxes: { name: string; box: { x: number; y: number; width: number; height: number } }[] = [];
  for (const control of await controls.all()) {
    const box = await control.boundingBox();
    const name = (await control.getAttribute('aria-label')) ?? (await control.textContent()) ?? '?';
    if (box && box.width > 0) boxes.push({ name: name.trim(), box });
  }
  return boxes;
}

test('at 1024×640 no control of a pane toolbar is drawn over another', async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 640 });
  await page.goto(ferry.url);
  await quickConnect(page, server, 'docs');
  await page.screenshot({ path: 'test-results/screenshots/panes-1024.png' });
  for (const title of ['Local site', 'Remote site'] as const) {
    const boxes = await controlBoxes(paneOf(page, title));
    expect(boxes.length).toBeGreaterThan(8);
    const clashes: string[] = [];
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        // A checkbox sits inside its own label.
        const isOwnLabel = boxes[i].name.includes('Hidden files') || boxes[j].name.includes('Hidden files');
        if (!isOwnLabel && overlaps(boxes[i].box, boxes[j].box)) clashes.push(`${boxes[i].name} / ${boxes[j].name}`);
      }
    }
    expect(clashes, title).toEqual([]);
  }
});

test('leaving the page asks first while connected, and not when idle', async ({ page, context }) => {
  await page.goto(ferry.url);
  // Browsers ask only on pages the user has interacted with.
  await page.getByRole('form', { name: 'Quick connect' }).getByLabel('Host').click();
  const idleClosed = page.waitForEvent('close');
  let idleAsked = false;
  page.on('dialog', () => (idleAsked = true));
  await page.close({ runBeforeUnload: true });
  await idleClosed;
  expect(idleAsked).toBe(false);

  const connected = await context.newPage();
  await connected.goto(ferry.url);
  await quickConnect(connected, server, 'docs');
  const asked = connected.waitForEvent('dialog');
  await connected.close({ runBeforeUnload: true });
  const dialog = await asked;
  expect(dialog.type()).toBe('beforeunload');
  await dialog.dismiss();
  await expect(paneOf(connected, 'Remote site').getByRole('grid', { name: 'Remote site files' })).toBeVisible();
  expect(connected.isClosed()).toBe(false);
});
