/**
 * The Settings dialog as a user works it in browser mode: Ctrl+, opens it; bad values get a
 * message at their field and nothing is saved; Dark turns the page dark at once; ASCII makes a
 * download from a real server arrive with LF; hiding raw replies takes the command and reply lines
 * out of the log; and everything is still set after Ferry restarts with the same data folder
 * (the local pane then opens in the default local folder).
 */
import { test, expect, type Page } from '@playwright/test';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startFerry, type FerryApp } from './ferryApp';
import { paneOf, quickConnect, rowOf } from './browseHelpers';
import { startServer, type RunningServer } from '../servers';

let home: string;
let dataDir: string;
let ferry: FerryApp | undefined;
let server: RunningServer;

test.beforeAll(async () => {
  home = await mkdtemp(path.join(os.tmpdir(), 'ferry-home-'));
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'ferry-data-'));
  await mkdir(path.join(home, 'start'));
  await writeFile(path.join(home, 'start', 'here.txt'), 'the default local folder');
  server = await startServer('pyftpdlib');
  await writeFile(path.join(server.homeDir, 'windows.txt'), 'one\r\ntwo\r\nthree\r\n');
  ferry = await startFerry(home, {}, { dataDir });
});

test.afterAll(async () => {
  await ferry?.stop();
  await server?.stop();
  await rm(home, { recursive: true, force: true });
  await rm(dataDir, { recursive: true, force: true });
});

const settingsDialog = (page: Page) => page.getByRole('dialog', { name: 'Settings' });
const pageBackground = (page: Page) => page.locator('body').evaluate((body) => body.ownerDocument.defaultView?.getComputedStyle(body).backgroundColor);

test('settings open by Ctrl+, apply at once, and survive a restart', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto(ferry!.url);
  const remote = await quickConnect(page, server, 'windows.txt');
  const log = page.getByRole('region', { name: 'Message log' });
  await expect(log.locator('.log-line.log-command').first()).toBeVisible();
  const lightBackground = await pageBackground(page);

  await paneOf(page, 'Local site').getByRole('grid').first().click();
  await page.keyboard.press('Control+,');
  const dialog = settingsDialog(page);
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('radio', { name: 'Auto' })).toBeChecked();
  await expect(dialog.getByLabel('ASCII extensions')).toHaveValue(/^am, asp, bat, c, .*txt, vbs, xhtml, xml, xrc$/);
  await page.screenshot({ path: 'test-results/settings-dialog.png' });

  // Bad values: a message at each field, the dialog stays, nothing is saved.
  await dialog.getByLabel('Timeout in seconds').fill('-1');
  await dialog.getByLabel('ASCII extensions').fill('txt, , html');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByText('The timeout must be at least 5')).toBeVisible();
  await expect(dialog.getByText('Entry 2: an extension cannot be empty')).toBeVisible();
  await expect(dialog.getByLabel('Timeout in seconds')).toHaveAttribute('aria-invalid', 'true');
  await dialog.getByLabel('Timeout in seconds').fill('30');
  await dialog.getByLabel('ASCII extensions').fill('txt, html');
  await dialog.getByLabel('Default local folder').fill(path.join(home, 'no-such-folder'));
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByText(`The folder ${path.join(home, 'no-such-folder')} does not exist`)).toBeVisible();

  await dialog.getByLabel('Default local folder').fill(path.join(home, 'start'));
  await dialog.getByLabel('Theme').selectOption('dark');
  await dialog.getByRole('radio', { name: 'ASCII' }).check();
  await dialog.getByLabel('Show raw commands and server replies in the log').uncheck();
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();

  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  expect(await pageBackground(page)).not.toBe(lightBackground);
  await expect(log.locator('.log-line.log-command')).toHaveCount(0);
  await expect(log.locator('.log-line.log-reply')).toHaveCount(0);

  // ASCII: the server's CRLF text arrives with LF.
  await rowOf(remote, 'windows.txt').click();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('tab', { name: /Successful transfers \(1\)/ })).toBeVisible();
  expect(await readFile(path.join(home, 'windows.txt'), 'latin1')).toBe('one\ntwo\nthree\n');
  await page.getByRole('tab', { name: /Successful transfers/ }).click();
  await expect(page.locator('.q-dir[title="Download, ASCII (line endings converted)"]')).toHaveCount(1);

  // A restart with the same data folder keeps all of it.
  await ferry!.stop();
  ferry = await startFerry(home, {}, { dataDir });
  await page.goto(ferry.url);
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(paneOf(page, 'Local site').getByLabel('Local site path')).toHaveValue(path.join(home, 'start'));
  await page.getByRole('button', { name: 'Settings' }).click();
  await expect(dialog.getByRole('radio', { name: 'ASCII' })).toBeChecked();
  await expect(dialog.getByLabel('Show raw commands and server replies in the log')).not.toBeChecked();
  await expect(dialog.getByLabel('Timeout in seconds')).toHaveValue('30');
  await expect(dialog.getByLabel('ASCII extensions')).toHaveValue('txt, html');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
});

test('confirmations and hints can be turned off, and the queue and the dialog show one transfers-per-server value', async ({ page }) => {
  await writeFile(path.join(home, 'start', 'scratch.txt'), 'delete me');
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto(ferry!.url);
  await quickConnect(page, server, 'windows.txt');
  const log = page.getByRole('region', { name: 'Message log' });
  await page.getByRole('button', { name: 'Settings' }).click();
  const dialog = settingsDialog(page);
  // Raw replies back on, to see their hints go.
  await dialog.getByLabel('Show raw commands and server replies in the log').check();
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(log.locator('.log-hint').first()).toBeVisible();

  const queueSettings = page.getByRole('group', { name: 'Queue settings' });
  await queueSettings.getByLabel('Per server').selectOption('5');
  await page.getByRole('button', { name: 'Settings' }).click();
  await expect(dialog.getByLabel('Transfers at once per server')).toHaveValue('5');
  await dialog.getByLabel('Transfers at once per server').fill('3');
  await dialog.getByLabel('Show hints in the log').uncheck();
  await dialog.getByLabel('Ask before deleting files and folders').uncheck();
  await dialog.getByLabel('Ask before cancelling all transfers').uncheck();
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  await expect(queueSettings.getByLabel('Per server')).toHaveValue('3');
  await expect(log.locator('.log-hint')).toHaveCount(0);
  // Without the question, cancelling all says so on its button: no "…" before a dialog.
  await expect(page.getByRole('toolbar', { name: 'Queue actions' }).getByRole('button', { name: 'Cancel all', exact: true })).toBeVisible();

  // Delete goes without asking.
  const local = paneOf(page, 'Local site');
  await rowOf(local, 'scratch.txt').click();
  await page.keyboard.press('Delete');
  await expect(rowOf(local, 'scratch.txt')).toHaveCount(0);
  await expect(page.getByRole('dialog', { name: 'Delete item' })).toHaveCount(0);
});
