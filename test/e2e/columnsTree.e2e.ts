/**
 * Columns and the folder tree of the panes, against a real FTP server (pyftpdlib) in browser
 * mode: default widths that show permissions and owners whole, resizing by pointer and keys,
 * remembered per pane across reloads; the folder tree on request, built from listings and by
 * expanding, opening folders by click and keys, with a splitter that keeps its size.
 */
import { test, expect, type Locator, type Page } from '@playwright/test';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
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
  await mkdir(path.join(home, 'projects', 'ferry'), { recursive: true });
  await writeFile(path.join(home, 'notes.txt'), 'notes');
  ferry = await startFerry(home);
  server = await startServer('pyftpdlib');
  await mkdir(path.join(server.homeDir, 'pub', 'linux', 'iso'), { recursive: true });
  await mkdir(path.join(server.homeDir, 'pub', 'bsd'));
  await mkdir(path.join(server.homeDir, 'incoming'));
  await writeFile(path.join(server.homeDir, 'pub', 'linux', 'readme.txt'), 'linux');
  await writeFile(path.join(server.homeDir, 'welcome.txt'), 'hello');
});
test.afterAll(async () => {
  await server?.stop();
  await ferry?.stop();
  await rm(home, { recursive: true, force: true });
});

/** Whether an element's text is cut off. */
const isTruncated = (cell: Locator) => cell.evaluate((el) => el.scrollWidth > el.clientWidth);
const headerOf = (pane: Locator, name: string) => pane.getByRole('columnheader', { name, exact: true });
const widthOf = async (cell: Locator) => (await cell.boundingBox())!.width;

for (const width of [1280, 1920]) {
  test(`at ${width} px permissions and owner are shown whole`, async ({ page }) => {
    await page.setViewportSize({ width, height: 860 });
    await page.goto(ferry.url);
    const remote = await quickConnect(page, server, 'pub');
    for (const column of ['Permissions', 'Owner', 'Modified', 'Size', 'Type']) {
      expect(await isTruncated(headerOf(remote, column).locator('button')), column).toBe(false);
    }
    for (const cell of ['.col-perms', '.col-owner', '.col-modified']) {
      expect(await isTruncated(rowOf(remote, 'pub').locator(cell)), cell).toBe(false);
      expect(await isTruncated(rowOf(remote, 'welcome.txt').locator(cell)), cell).toBe(false);
    }
    await expect(rowOf(remote, 'pub').locator('.col-perms')).toHaveText(/^[d-]?rwx/);
    const local = paneOf(page, 'Local site');
    for (const cell of ['.col-name', '.col-size', '.col-type', '.col-modified']) expect(await isTruncated(rowOf(local, 'notes.txt').locator(cell)), cell).toBe(false);
  });
}

test('columns resize by pointer and keys, and each pane remembers its widths', async ({ page }) => {
  await page.goto(ferry.url);
  const remote = await quickConnect(page, server, 'pub');
  const local = paneOf(page, 'Local site');

  // Keys: a focused handle moves by 8 px, 40 px with Shift.
  const sizeHandle = remote.getByRole('separator', { name: 'Resize Size column' });
  const before = Number(await sizeHandle.getAttribute('aria-valuenow'));
  await sizeHandle.focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Shift+ArrowRight');
  await expect(sizeHandle).toHaveAttribute('aria-valuenow', String(before + 48));
  await expect.poll(() => widthOf(headerOf(remote, 'Size'))).toBeCloseTo(before + 48, 0);
  // The arrows resized the column and did not move the list's cursor.
  await expect(remote.locator('.file-scroll [aria-selected=true]')).toHaveCount(0);

  // Pointer: drag the Name handle of the local pane 60 px to the left.
  const nameHandle = local.getByRole('separator', { name: 'Resize Name column' });
  const nameBefore = await widthOf(headerOf(local, 'Name'));
  const box = (await nameHandle.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 - 30, box.y + box.height / 2);
  await page.mouse.move(box.x + box.width / 2 - 60, box.y + box.height / 2);
  await page.mouse.up();
  await expect.poll(() => widthOf(headerOf(local, 'Name'))).toBeCloseTo(nameBefore - 60, 0);
  const nameAfter = await widthOf(headerOf(local, 'Name'));
  // The rows follow the header.
  expect(await widthOf(rowOf(local, 'notes.txt').locator('.col-name'))).toBeCloseTo(nameAfter, 0);
  // The remote Name column did not change with the local one.
  const remoteName = await widthOf(headerOf(remote, 'Name'));

  await page.reload();
  await quickConnect(page, server, 'pub');
  await expect.poll(() => widthOf(headerOf(paneOf(page, 'Local site'), 'Name'))).toBeCloseTo(nameAfter, 0);
  await expect(paneOf(page, 'Remote site').getByRole('separator', { name: 'Resize Size column' })).toHaveAttribute('aria-valuenow', String(before + 48));
  expect(await widthOf(headerOf(paneOf(page, 'Remote site'), 'Name'))).toBeCloseTo(remoteName, 0);

  // A double-click fits the column to its text.
  const remoteAgain = paneOf(page, 'Remote site');
  await remoteAgain.getByRole('separator', { name: 'Resize Size column' }).dblclick();
  await expect.poll(() => widthOf(headerOf(remoteAgain, 'Size'))).toBeLessThan(before + 48);
  expect(await isTruncated(headerOf(remoteAgain, 'Size').locator('button'))).toBe(false);
});

const treeOf = (pane: Locator) => pane.getByRole('tree');
const treeItem = (pane: Locator, name: string) => treeOf(pane).getByRole('treeitem', { name, exact: true });

async function showTree(page: Page, title: 'Local site' | 'Remote site') {
  const toggle = paneOf(page, title).getByRole('button', { name: 'Folder tree' });
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
}

test('the folder tree: off by default, built from listings, opens folders by click and keys, remembered', async ({ page }) => {
  await page.goto(ferry.url);
  const remote = await quickConnect(page, server, 'pub');
  await expect(treeOf(remote)).toHaveCount(0);
  await showTree(page, 'Remote site');

  // From `/`, with the folders of the listing the pane already has; the folder shown is selected.
  await expect(treeItem(remote, '/')).toHaveAttribute('aria-selected', 'true');
  await expect(treeItem(remote, '/')).toHaveAttribute('aria-expanded', 'true');
  await expect(treeOf(remote).getByRole('treeitem')).toHaveText(['/', 'incoming', 'pub']);
  await expect(treeItem(remote, 'pub')).toHaveAttribute('aria-expanded', 'false');

  // Click opens a folder in the list, and the tree follows.
  await treeItem(remote, 'pub').click();
  await expect(remote.getByLabel('Remote site path')).toHaveValue('/pub');
  await expect(treeItem(remote, 'pub')).toHaveAttribute('aria-selected', 'true');
  await expect(treeOf(remote).getByRole('treeitem')).toHaveText(['/', 'incoming', 'pub', 'bsd', 'linux']);

  // Keys: Down moves, Right expands by listing the folder, Right again goes in, Enter opens, Left collapses.
  await treeItem(remote, 'pub').focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(treeItem(remote, 'linux')).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(treeItem(remote, 'iso')).toBeVisible();
  await expect(treeItem(remote, 'linux')).toHaveAttribute('aria-expanded', 'true');
  await expect(remote.getByLabel('Remote site path')).toHaveValue('/pub');
  await page.keyboard.press('ArrowRight');
  await expect(treeItem(remote, 'iso')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(remote.getByLabel('Remote site path')).toHaveValue('/pub/linux/iso');
  await expect(treeItem(remote, 'iso')).toHaveAttribute('aria-selected', 'true');
  await treeItem(remote, 'pub').focus();
  await page.keyboard.press('ArrowLeft');
  await expect(treeItem(remote, 'pub')).toHaveAttribute('aria-expanded', 'false');
  await expect(treeItem(remote, 'linux')).toHaveCount(0);

  // The local tree starts from the root of the home folder.
  await showTree(page, 'Local site');
  const local = paneOf(page, 'Local site');
  await expect(treeItem(local, path.basename(home))).toHaveAttribute('aria-selected', 'true');
  await expect(treeItem(local, 'projects')).toBeVisible();
  await expect(treeItem(local, '/')).toBeVisible();
  await page.screenshot({ path: 'test-results/screenshots/folder-trees.png' });

  // The splitter between tree and list moves by keys and keeps its place; the tree stays on.
  const splitter = remote.getByRole('separator', { name: 'Remote site tree and list' });
  const treeHeight = (await treeOf(remote).boundingBox())!.height;
  await splitter.focus();
  for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowDown');
  await expect.poll(async () => (await treeOf(remote).boundingBox())!.height).toBeGreaterThan(treeHeight + 20);
  const moved = (await treeOf(remote).boundingBox())!.height;

  await page.reload();
  const again = await quickConnect(page, server, 'pub');
  await expect(again.getByRole('button', { name: 'Folder tree' })).toHaveAttribute('aria-pressed', 'true');
  await expect(treeItem(again, 'pub')).toBeVisible();
  await expect.poll(async () => (await treeOf(again).boundingBox())!.height).toBeCloseTo(moved, -1);
  await expect(paneOf(page, 'Local site').getByRole('tree')).toBeVisible();
});
