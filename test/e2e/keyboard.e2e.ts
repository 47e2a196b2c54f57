/**
 * The file panes by keyboard alone, against a real FTP server (pyftpdlib) in browser mode:
 * the remote list takes the focus after connecting, Tab and Shift+Tab go between the two
 * lists, type-ahead finds names, and the name filter keeps folders and ends with the folder.
 */
import { test, expect } from '@playwright/test';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startFerry, type FerryApp } from './ferryApp';
import { startServer, type RunningServer } from '../servers';
import { paneOf, quickConnect, renderedNames, rowOf, selectedNames } from './browseHelpers';

let home: string;
let ferry: FerryApp;
let server: RunningServer;

test.beforeAll(async () => {
  home = await mkdtemp(path.join(os.tmpdir(), 'ferry-home-'));
  await mkdir(path.join(home, 'projects'));
  await writeFile(path.join(home, 'notes.txt'), 'local notes\n');
  ferry = await startFerry(home);
  server = await startServer('pyftpdlib');
  await mkdir(path.join(server.homeDir, 'docs'));
  await writeFile(path.join(server.homeDir, 'docs', 'readme.txt'), 'read me\n');
  await mkdir(path.join(server.homeDir, 'photos'));
  for (const name of ['a.txt', 'tango.txt', 'test.txt', 'Todo.md', 'my file.txt']) await writeFile(path.join(server.homeDir, name), name);
});

test.afterAll(async () => {
  await server?.stop();
  await ferry?.stop();
  await rm(home, { recursive: true, force: true });
});

test('after connecting the keys work in the remote list at once, and Tab goes between the lists', async ({ page }) => {
  await page.goto(ferry.url);
  const remote = await quickConnect(page, server, 'docs');
  const remoteGrid = remote.getByRole('grid', { name: 'Remote site files' });
  const localGrid = paneOf(page, 'Local site').getByRole('grid', { name: 'Local site files' });
  await expect(remoteGrid).toBeFocused();
  await expect(rowOf(remote, 'docs')).toHaveClass(/is-focused/);

  // Arrows, Enter and Backspace act without a click first.
  await page.keyboard.press('ArrowDown');
  await expect.poll(() => selectedNames(remote)).toEqual(['photos']);
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('Enter');
  await expect(remote.getByLabel('Remote site path')).toHaveValue('/docs');
  await expect(remoteGrid).toBeFocused();
  await expect(rowOf(remote, '..')).toHaveClass(/is-focused/);
  await page.keyboard.press('ArrowDown');
  await expect.poll(() => selectedNames(remote)).toEqual(['readme.txt']);
  await page.keyboard.press('Backspace');
  await expect(remote.getByLabel('Remote site path')).toHaveValue('/');
  await expect(rowOf(remote, 'docs')).toHaveClass(/is-focused/);

  // One key press from one list to the other, both ways.
  await page.keyboard.press('Shift+Tab');
  await expect(localGrid).toBeFocused();
  await expect(rowOf(paneOf(page, 'Local site'), '..')).toHaveClass(/is-focused/);
  await page.keyboard.press('Tab');
  await expect(remoteGrid).toBeFocused();

  // A typed path that opens takes the keys to the list as well.
  await remote.getByLabel('Remote site path').fill('/photos');
  await remote.getByLabel('Remote site path').press('Enter');
  await expect(remote.getByLabel('Remote site path')).toHaveValue('/photos');
  await expect(remoteGrid).toBeFocused();
});

test('typing a name selects the first entry starting with it; the same letter again cycles', async ({ page }) => {
  await page.goto(ferry.url);
  const remote = await quickConnect(page, server, 'docs');
  await expect(remote.getByRole('grid', { name: 'Remote site files' })).toBeFocused();

  await page.keyboard.type('t');
  await expect.poll(() => selectedNames(remote)).toEqual(['tango.txt']);
  await page.keyboard.type('t');
  await expect.poll(() => selectedNames(remote)).toEqual(['test.txt']);
  await page.keyboard.type('t');
  await expect.poll(() => selectedNames(remote)).toEqual(['Todo.md']);
  await page.keyboard.type('t');
  await expect.poll(() => selectedNames(remote)).toEqual(['tango.txt']);

  // Any other key ends the typed name; a longer prefix picks among the t's, in any case.
  await page.keyboard.press('Home');
  await page.keyboard.type('TE');
  await expect.poll(() => selectedNames(remote)).toEqual(['test.txt']);
  await page.keyboard.press('Home');
  await page.keyboard.type('to');
  await expect.poll(() => selectedNames(remote)).toEqual(['Todo.md']);

  // A space within a name, and Backspace while typing, are part of the name, not shortcuts.
  await page.keyboard.press('Home');
  await page.keyboard.type('my f');
  await expect.poll(() => selectedNames(remote)).toEqual(['my file.txt']);
  await page.keyboard.type('x');
  await page.keyboard.press('Backspace');
  await expect(remote.getByLabel('Remote site path')).toHaveValue('/');
  await expect.poll(() => selectedNames(remote)).toEqual(['my file.txt']);
  await expect(remote.locator('.pane-footer')).toContainText('1 selected');
});

test('the name filter keeps folders, and entering a folder clears it', async ({ page }) => {
  await page.goto(ferry.url);
  const remote = await quickConnect(page, server, 'docs');
  const filter = remote.getByLabel('Remote site filter');
  await filter.fill('tango');
  await expect.poll(() => renderedNames(remote)).toEqual(['docs', 'photos', 'tango.txt']);
  await rowOf(remote, 'docs').dblclick();
  await expect(remote.getByLabel('Remote site path')).toHaveValue('/docs');
  await expect(filter).toHaveValue('');
  await expect.poll(() => renderedNames(remote)).toEqual(['..', 'readme.txt']);
  await page.keyboard.press('Backspace');
  await expect(rowOf(remote, 'test.txt')).toBeVisible();
});
