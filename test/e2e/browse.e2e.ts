/**
 * Browsing both panes as a user does, against a real FTP server (pyftpdlib) in browser mode:
 * breadcrumbs, back/forward, selection with mouse and keys, file operations with their
 * dialogs, chmod, filter and hidden files, the context menu.
 */
import { test, expect } from '@playwright/test';
import { mkdir, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startFerry, type FerryApp } from './ferryApp';
import { startServer, type RunningServer } from '../servers';
import { paneOf, quickConnect, renderedNames, rowOf, selectedNames } from './browseHelpers';

let home: string;
let ferry: FerryApp;
let server: RunningServer;

/** The server's tree; every test gets a fresh copy, so tests do not depend on each other's changes. */
async function fillServer(dir: string): Promise<void> {
  await mkdir(path.join(dir, 'docs', 'guide'), { recursive: true });
  await writeFile(path.join(dir, 'docs', 'readme.txt'), 'read me\n');
  await writeFile(path.join(dir, 'docs', 'guide', 'deep.txt'), 'deep\n');
  await mkdir(path.join(dir, 'photos'));
  for (const name of ['a.txt', 'b.txt', 'c.txt', 'd.txt']) await writeFile(path.join(dir, name), name.repeat(10));
  await writeFile(path.join(dir, 'big.bin'), Buffer.alloc(1_234_567));
  await writeFile(path.join(dir, '.secret'), 'hidden\n');
  await writeFile(path.join(dir, 'script.sh'), '#!/bin/sh\n', { mode: 0o644 });
}

test.beforeAll(async () => {
  home = await mkdtemp(path.join(os.tmpdir(), 'ferry-home-'));
  await mkdir(path.join(home, 'projects'));
  await writeFile(path.join(home, 'notes.txt'), 'local notes\n');
  await writeFile(path.join(home, 'upload-me.txt'), 'to the server\n');
  ferry = await startFerry(home);
});

test.beforeEach(async () => {
  server = await startServer('pyftpdlib');
  await fillServer(server.homeDir);
});

test.afterEach(async () => {
  await server?.stop();
});

test.afterAll(async () => {
  await ferry?.stop();
  await rm(home, { recursive: true, force: true });
});

test('browses into remote folders and back with breadcrumbs, back/forward and keys', async ({ page }) => {
  await page.goto(ferry.url);
  const remote = await quickConnect(page, server, 'docs');
  const pathBox = remote.getByLabel('Remote site path');
  await expect(pathBox).toHaveValue('/');
  expect(await renderedNames(remote)).toEqual(['docs', 'photos', '.secret', 'a.txt', 'b.txt', 'big.bin', 'c.txt', 'd.txt', 'script.sh']);

  // Remote columns: permissions (symbolic, octal on hover), owner, exact bytes on hover.
  await expect(rowOf(remote, 'script.sh').locator('.col-perms')).toHaveText('rw-r--r--');
  await expect(rowOf(remote, 'script.sh').locator('.col-perms')).toHaveAttribute('title', 'rw-r--r-- (644)');
  await expect(rowOf(remote, 'big.bin').locator('.col-size')).toHaveText('1.2 MB');
  await expect(rowOf(remote, 'big.bin').locator('.col-size')).toHaveAttribute('title', '1,234,567 bytes');
  await expect(remote.getByRole('columnheader', { name: 'Owner' })).toBeVisible();
  await page.screenshot({ path: 'test-results/screenshots/browse-remote.png' });

  await rowOf(remote, 'docs').dblclick();
  await expect(pathBox).toHaveValue('/docs');
  await rowOf(remote, 'guide').dblclick();
  await expect(pathBox).toHaveValue('/docs/guide');
  await expect(rowOf(remote, 'deep.txt')).toBeVisible();

  // Breadcrumbs: every segment but the last opens its folder.
  const crumbs = remote.getByRole('navigation', { name: 'Remote site breadcrumbs' });
  await expect(crumbs.locator('[aria-current=location]')).toHaveText('guide');
  await crumbs.getByRole('button', { name: 'docs' }).click();
  await expect(pathBox).toHaveValue('/docs');
  await expect(rowOf(remote, 'readme.txt')).toBeVisible();

  // Back and Forward buttons, then the keys.
  await remote.getByRole('button', { name: 'Back' }).click();
  await expect(pathBox).toHaveValue('/docs/guide');
  await remote.getByRole('button', { name: 'Back' }).click();
  await expect(pathBox).toHaveValue('/docs');
  await remote.getByRole('button', { name: 'Forward' }).click();
  await expect(pathBox).toHaveValue('/docs/guide');
  const grid = remote.getByRole('grid', { name: 'Remote site files' });
  await grid.focus();
  await page.keyboard.press('Alt+ArrowLeft');
  await expect(pathBox).toHaveValue('/docs');
  await page.keyboard.press('Alt+ArrowRight');
  await expect(pathBox).toHaveValue('/docs/guide');

  // Backspace goes up and puts the cursor on the folder we came from; Enter opens it again.
  await page.keyboard.press('Backspace');
  await expect(pathBox).toHaveValue('/docs');
  await expect(rowOf(remote, 'guide')).toHaveClass(/is-focused/);
  await page.keyboard.press('Enter');
  await expect(pathBox).toHaveValue('/docs/guide');
  await crumbs.getByRole('button', { name: '/' }).click();
  await expect(pathBox).toHaveValue('/');
});

test('selects with click, shift-click, ctrl-click and the keyboard', async ({ page }) => {
  await page.goto(ferry.url);
  const remote = await quickConnect(page, server, 'a.txt');
  await rowOf(remote, 'a.txt').click();
  await rowOf(remote, 'c.txt').click({ modifiers: ['Shift'] });
  await expect.poll(() => selectedNames(remote)).toEqual(['a.txt', 'b.txt', 'big.bin', 'c.txt']);
  await rowOf(remote, 'b.txt').click({ modifiers: ['Control'] });
  await expect.poll(() => selectedNames(remote)).toEqual(['a.txt', 'big.bin', 'c.txt']);
  await rowOf(remote, 'photos').click({ modifiers: ['Control'] });
  await expect.poll(() => selectedNames(remote)).toEqual(['photos', 'a.txt', 'big.bin', 'c.txt']);
  await expect(remote.locator('.pane-footer')).toContainText('4 selected');

  // Arrows move the cursor and select; Shift extends from the anchor.
  await rowOf(remote, 'a.txt').click();
  await page.keyboard.press('ArrowDown');
  await expect.poll(() => selectedNames(remote)).toEqual(['b.txt']);
  await page.keyboard.press('Shift+ArrowDown');
  await page.keyboard.press('Shift+ArrowDown');
  await expect.poll(() => selectedNames(remote)).toEqual(['b.txt', 'big.bin', 'c.txt']);
  await page.keyboard.press('Shift+ArrowUp');
  await expect.poll(() => selectedNames(remote)).toEqual(['b.txt', 'big.bin']);
  await page.keyboard.press('End');
  await expect.poll(() => selectedNames(remote)).toEqual(['script.sh']);
  await page.keyboard.press('Home');
  await expect.poll(() => selectedNames(remote)).toEqual(['docs']);
  await page.keyboard.press('Control+a');
  await expect.poll(() => selectedNames(remote)).toHaveLength(9);
  await page.keyboard.press('Home');
  await page.keyboard.press('Enter');
  await expect(remote.getByLabel('Remote site path')).toHaveValue('/docs');
  // In a sub-folder `..` leads and can be focused but is never part of the selection.
  await page.keyboard.press('Home');
  await expect(rowOf(remote, '..')).toHaveClass(/is-focused/);
  await page.keyboard.press('Control+a');
  await expect.poll(() => selectedNames(remote)).toEqual(['guide', 'readme.txt']);
});

test('filters files by name and hides hidden files; `..` and folders always stay', async ({ page }) => {
  await page.goto(ferry.url);
  const remote = await quickConnect(page, server, 'docs');
  await remote.getByLabel('Remote site path').fill('/docs');
  await remote.getByLabel('Remote site path').press('Enter');
  await expect(rowOf(remote, 'readme.txt')).toBeVisible();
  await remote.getByLabel('Remote site filter').fill('READ');
  await expect.poll(() => renderedNames(remote)).toEqual(['..', 'guide', 'readme.txt']);
  await remote.getByLabel('Remote site filter').fill('zzz');
  await expect.poll(() => renderedNames(remote)).toEqual(['..', 'guide']);
  await expect(remote.locator('.pane-footer')).toContainText('(1 not shown)');
  await remote.getByLabel('Remote site filter').fill('');
  await remote.getByRole('navigation', { name: 'Remote site breadcrumbs' }).getByRole('button', { name: '/' }).click();
  await expect(rowOf(remote, '.secret')).toBeVisible();
  await remote.getByLabel('Hidden files').uncheck();
  await expect(rowOf(remote, '.secret')).toHaveCount(0);
  await expect(rowOf(remote, 'a.txt')).toBeVisible();
  await remote.getByLabel('Hidden files').check();
  await expect(rowOf(remote, '.secret')).toBeVisible();
  // Ctrl+F from the list goes to the filter box; Enter goes back to the list.
  await rowOf(remote, 'a.txt').click();
  await page.keyboard.press('Control+f');
  await expect(remote.getByLabel('Remote site filter')).toBeFocused();
  await page.keyboard.type('b');
  await page.keyboard.press('Enter');
  await expect(remote.getByRole('grid', { name: 'Remote site files' })).toBeFocused();
  await expect.poll(() => renderedNames(remote)).toEqual(['docs', 'photos', 'b.txt', 'big.bin']);
});

test('creates, renames and deletes on the remote pane with dialogs, and shows server errors inline', async ({ page }) => {
  await page.goto(ferry.url);
  const remote = await quickConnect(page, server, 'docs');
  await rowOf(remote, 'a.txt').click();

  await page.keyboard.press('F7');
  const create = page.getByRole('dialog', { name: 'Create folder' });
  await create.getByLabel('New folder in /').fill('fresh');
  await create.getByLabel('New folder in /').press('Enter');
  await expect(create).toHaveCount(0);
  await expect(rowOf(remote, 'fresh')).toHaveAttribute('aria-selected', 'true');
  expect((await stat(path.join(server.homeDir, 'fresh'))).isDirectory()).toBe(true);

  // The dialog refuses a name that exists, then renames.
  await page.keyboard.press('F2');
  const rename = page.getByRole('dialog', { name: 'Rename' });
  const field = rename.getByLabel('New name for "fresh"');
  await expect(field).toHaveValue('fresh');
  await field.fill('photos');
  await field.press('Enter');
  await expect(rename.getByRole('alert')).toHaveText('"photos" already exists here');
  await field.fill('renamed');
  await field.press('Enter');
  await expect(rowOf(remote, 'renamed')).toHaveAttribute('aria-selected', 'true');
  await expect(rowOf(remote, 'fresh')).toHaveCount(0);

  // Delete a folder with content: the confirmation names it; Escape cancels, the button deletes.
  await rowOf(remote, 'docs').click();
  await page.keyboard.press('Delete');
  const confirm = page.getByRole('dialog', { name: 'Delete item' });
  await expect(confirm.getByRole('list', { name: 'Items' })).toHaveText('docs/ (folder and everything in it)');
  await page.keyboard.press('Escape');
  await expect(confirm).toHaveCount(0);
  await expect(rowOf(remote, 'docs')).toBeVisible();
  await rowOf(remote, 'renamed').click({ modifiers: ['Control'] });
  await page.keyboard.press('Delete');
  const confirmTwo = page.getByRole('dialog', { name: 'Delete 2 items' });
  await expect(confirmTwo.getByRole('listitem')).toHaveText(['docs/ (folder and everything in it)', 'renamed/ (folder and everything in it)']);
  await confirmTwo.getByRole('button', { name: 'Delete' }).click();
  await expect(rowOf(remote, 'docs')).toHaveCount(0);
  await expect(rowOf(remote, 'renamed')).toHaveCount(0);
  await expect(stat(path.join(server.homeDir, 'docs'))).rejects.toThrow();

  // A file removed behind our back: the server's 550 shows in the pane, dismissible.
  await rm(path.join(server.homeDir, 'd.txt'));
  await rowOf(remote, 'd.txt').click();
  await page.keyboard.press('Delete');
  await page.getByRole('dialog', { name: 'Delete item' }).getByRole('button', { name: 'Delete' }).click();
  const alert = remote.getByRole('alert');
  await expect(alert).toContainText('Delete "d.txt" failed: 550');
  await expect(rowOf(remote, 'd.txt')).toHaveCount(0);
  await alert.getByRole('button', { name: 'Dismiss error' }).click();
  await expect(alert).toHaveCount(0);
});

test('creates, renames and deletes on the local pane from the context menu and toolbar', async ({ page }) => {
  await page.goto(ferry.url);
  const local = paneOf(page, 'Local site');
  await expect(rowOf(local, 'notes.txt')).toBeVisible();

  // Right-click on empty space: pane commands only.
  await local.locator('.file-scroll').click({ button: 'right', position: { x: 200, y: 150 } });
  const menu = page.getByRole('menu', { name: 'Local site menu' });
  await expect(menu.getByRole('menuitem')).toHaveText(['New folderF7', 'RefreshF5', 'Select allCtrl+A', 'Hide hidden files', 'Keep remote folder up to date…Ctrl+U']);
  await menu.getByRole('menuitem', { name: 'New folder' }).click();
  const create = page.getByRole('dialog', { name: 'Create folder' });
  await create.getByRole('textbox').fill('made here');
  await create.getByRole('button', { name: 'Create' }).click();
  await expect(rowOf(local, 'made here')).toBeVisible();
  expect((await stat(path.join(home, 'made here'))).isDirectory()).toBe(true);

  // Right-click on a row: row commands, with the row selected.
  await rowOf(local, 'notes.txt').click({ button: 'right' });
  await expect(rowOf(local, 'notes.txt')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('menu', { name: 'Local site menu' })).toBeVisible();
  await page.screenshot({ path: 'test-results/screenshots/browse-context-menu.png' });
  await page.getByRole('menuitem', { name: 'Rename' }).click();
  const rename = page.getByRole('dialog', { name: 'Rename' });
  await rename.getByRole('textbox').fill('notes-renamed.txt');
  await rename.getByRole('textbox').press('Enter');
  await expect(rowOf(local, 'notes-renamed.txt')).toBeVisible();
  expect((await stat(path.join(home, 'notes-renamed.txt'))).isFile()).toBe(true);

  await rowOf(local, 'made here').click({ modifiers: ['Control'] });
  await local.getByRole('toolbar', { name: 'Local site actions' }).getByRole('button', { name: 'Delete' }).click();
  const confirm = page.getByRole('dialog', { name: 'Delete 2 items' });
  await expect(confirm.getByRole('listitem')).toHaveText(['made here/ (folder and everything in it)', 'notes-renamed.txt']);
  await page.keyboard.press('Enter');
  await expect(rowOf(local, 'made here')).toHaveCount(0);
  await expect(rowOf(local, 'notes-renamed.txt')).toHaveCount(0);
  await expect(stat(path.join(home, 'made here'))).rejects.toThrow();
});

test('changes permissions on the remote pane with the chmod dialog', async ({ page }) => {
  await page.goto(ferry.url);
  const remote = await quickConnect(page, server, 'script.sh');
  await rowOf(remote, 'script.sh').click({ button: 'right' });
  await page.getByRole('menuitem', { name: 'Permissions…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Permissions of "script.sh"' });
  const numeric = dialog.getByLabel('Numeric value');
  await expect(numeric).toHaveValue('644');
  await expect(dialog.getByLabel('owner write')).toBeChecked();
  await expect(dialog.getByLabel('group write')).not.toBeChecked();
  await dialog.getByLabel('owner execute').check();
  await expect(numeric).toHaveValue('744');
  await dialog.getByLabel('others read').uncheck();
  await expect(numeric).toHaveValue('740');
  await expect(dialog.getByLabel('Symbolic permissions')).toHaveText('rwxr-----');
  await dialog.getByRole('button', { name: 'Change' }).click();
  await expect(rowOf(remote, 'script.sh').locator('.col-perms')).toHaveText('rwxr-----');
  expect((await stat(path.join(server.homeDir, 'script.sh'))).mode & 0o777).toBe(0o740);

  // Typing the octal value sets the boxes; Enter applies.
  await rowOf(remote, 'script.sh').click();
  await remote.getByRole('toolbar', { name: 'Remote site actions' }).getByRole('button', { name: 'Permissions…' }).click();
  await dialog.getByLabel('Numeric value').fill('755');
  await expect(dialog.getByLabel('others execute')).toBeChecked();
  await dialog.getByLabel('Numeric value').press('Enter');
  await expect(rowOf(remote, 'script.sh').locator('.col-perms')).toHaveText('rwxr-xr-x');
});

test('opens the context menu from the keyboard and runs its commands', async ({ page }) => {
  await page.goto(ferry.url);
  const remote = await quickConnect(page, server, 'photos');
  await rowOf(remote, 'photos').click();
  await page.keyboard.press('Shift+F10');
  const menu = page.getByRole('menu', { name: 'Remote site menu' });
  await expect(menu.getByRole('menuitem').first()).toBeFocused();
  await expect(menu.getByRole('menuitem', { name: 'Download' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(menu).toHaveCount(0);
  await expect(remote.getByRole('grid', { name: 'Remote site files' })).toBeFocused();
  await page.keyboard.press('ContextMenu');
  await expect(menu).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(remote.getByLabel('Remote site path')).toHaveValue('/photos');
});

test('drags files between the panes: uploads to the remote folder, downloads onto a local folder row', async ({ page }) => {
  await page.goto(ferry.url);
  const remote = await quickConnect(page, server, 'photos');
  const local = paneOf(page, 'Local site');
  await expect(rowOf(local, 'upload-me.txt')).toBeVisible();

  // Local → remote, onto the pane's empty space: into the folder the remote pane shows.
  const remoteList = remote.locator('.file-scroll');
  const box = (await remoteList.boundingBox())!;
  await rowOf(local, 'upload-me.txt').dragTo(remoteList, { targetPosition: { x: 100, y: box.height - 8 } });
  await expect(rowOf(remote, 'upload-me.txt')).toBeVisible();
  await expect(page.getByRole('tab', { name: /Successful transfers \(1\)/ })).toBeVisible();

  // Remote → local, onto a folder row: into that folder.
  await writeFile(path.join(server.homeDir, 'photos', 'cat.jpg'), 'meow');
  await rowOf(remote, 'photos').dragTo(rowOf(local, 'projects'));
  await expect(page.getByRole('tab', { name: /Successful transfers \(2\)/ })).toBeVisible();
  await rowOf(local, 'projects').dblclick();
  await rowOf(local, 'photos').dblclick();
  await expect(rowOf(local, 'cat.jpg')).toBeVisible();

  // Enter on a file transfers it too (Download from the remote pane into the local folder shown).
  await rowOf(remote, 'a.txt').click();
  await page.keyboard.press('Enter');
  await expect(rowOf(local, 'a.txt')).toBeVisible();
});
