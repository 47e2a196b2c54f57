/**
 * An FTPS certificate met through quick connect, as a user meets it in browser mode: the trust
 * panel is the one question shown (no error beside it, no red line in the log); "Always trust"
 * keeps the certificate for that server across reconnects and a restart of Ferry.
 */
import { test, expect, type Page } from '@playwright/test';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startFerry, type FerryApp } from './ferryApp';
import { startServer, type RunningServer } from '../servers';
import { paneOf, rowOf } from './browseHelpers';

let home: string;
let dataDir: string;
let ferry: FerryApp;
let server: RunningServer;

test.beforeEach(async () => {
  home = await mkdtemp(path.join(os.tmpdir(), 'ferry-home-'));
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'ferry-data-'));
  ferry = await startFerry(home, {}, { dataDir });
  server = await startServer('pyftpdlib', { requireTls: true });
  await writeFile(path.join(server.homeDir, 'secure.txt'), 'secret');
});

test.afterEach(async () => {
  await ferry?.stop();
  await server?.stop();
  await rm(home, { recursive: true, force: true });
  await rm(dataDir, { recursive: true, force: true });
});

async function quickConnect(page: Page): Promise<void> {
  const form = page.getByRole('form', { name: 'Quick connect' });
  await form.getByLabel('Host').fill('127.0.0.1');
  await form.getByLabel('Username').fill(server.user);
  await form.getByLabel('Password').fill(server.password);
  await form.getByLabel('Port').fill(String(server.port));
  await form.getByLabel('Protocol').selectOption('explicit');
  await form.getByRole('button', { name: 'Quickconnect' }).click();
}

test('"Always trust" on quick connect keeps the certificate for that server, across reconnects and a restart', async ({ page }) => {
  await page.goto(ferry.url);
  await quickConnect(page);
  const trust = page.getByRole('region', { name: 'Unknown certificate' });
  await expect(trust.locator('.fingerprint')).toHaveText(server.certFingerprint256);
  // What a user needs to decide: the names it is for, whether the host matches, its validity and key.
  await expect(trust).toContainText('IP Address:127.0.0.1');
  await expect(trust).toContainText('Matches 127.0.0.1');
  await expect(trust.getByText('Valid from')).toBeVisible();
  await expect(trust).toContainText(/Key\s*(RSA \d+ bits|EC )/);
  // The panel is the one thing to decide: no error in the connect bar, no red line in the log.
  await expect(page.getByRole('form', { name: 'Quick connect' }).getByRole('alert')).toHaveCount(0);
  const log = page.getByRole('region', { name: 'Message log' });
  await log.getByLabel('Filter log').fill('not trusted');
  await expect(log.locator('.log-line').first()).toBeVisible();
  await expect(log.locator('.log-line.log-error')).toHaveCount(0);
  await log.getByLabel('Filter log').fill('');

  await trust.getByRole('button', { name: `Always trust for 127.0.0.1:${server.port}` }).click();
  const remote = paneOf(page, 'Remote site');
  await expect(rowOf(remote, 'secure.txt')).toBeVisible();

  await page.getByRole('button', { name: 'Disconnect' }).click();
  await quickConnect(page);
  await expect(rowOf(remote, 'secure.txt')).toBeVisible();
  await expect(trust).toHaveCount(0);

  await ferry.stop();
  ferry = await startFerry(home, {}, { dataDir });
  await page.goto(ferry.url);
  await quickConnect(page);
  await expect(rowOf(remote, 'secure.txt')).toBeVisible();
  await expect(trust).toHaveCount(0);
});
