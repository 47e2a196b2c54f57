/**
 * "FTP – use explicit TLS if available" against a server without TLS, as a user meets it: the
 * trust panel asks before any password goes out, "Continue once" connects, Cancel leaves the
 * user disconnected, and "Always for this server" is kept across a restart of Ferry.
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

test.beforeAll(async () => {
  home = await mkdtemp(path.join(os.tmpdir(), 'ferry-home-'));
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'ferry-data-'));
  server = await startServer('pyftpdlib');
  await writeFile(path.join(server.homeDir, 'hello.txt'), 'hi');
});
test.afterAll(async () => {
  await ferry?.stop();
  await server?.stop();
  await rm(home, { recursive: true, force: true });
  await rm(dataDir, { recursive: true, force: true });
});

/** Fills quick connect with "TLS if available" and presses Quickconnect. */
async function connectIfAvailable(page: Page): Promise<void> {
  const form = page.getByRole('form', { name: 'Quick connect' });
  await form.getByLabel('Host').fill(server.host);
  await form.getByLabel('Username').fill(server.user);
  await form.getByLabel('Password').fill(server.password);
  await form.getByLabel('Port').fill(String(server.port));
  await form.getByLabel('Protocol').selectOption('explicit-if-available');
  await form.getByRole('button', { name: 'Quickconnect' }).click();
}

test('a server without TLS gets no password until the user says so', async ({ page }) => {
  ferry = await startFerry(home, {}, { dataDir });
  await page.goto(ferry.url);
  await connectIfAvailable(page);
  const panel = page.getByRole('region', { name: 'Server without TLS' });
  await expect(panel).toContainText('does not support TLS');
  await expect(panel).toContainText('Ferry has not sent your password');
  const log = page.getByRole('region', { name: 'Message log' });
  await expect(log.locator('.log-line.log-command', { hasText: 'AUTH TLS' })).toBeVisible();
  await expect(log.locator('.log-line.log-command', { hasText: /^.*(USER|PASS)/ })).toHaveCount(0);
  await page.screenshot({ path: 'test-results/screens/tls-unavailable.png' });

  await panel.getByRole('button', { name: 'Cancel' }).click();
  await expect(panel).toBeHidden();
  await expect(log.locator('.log-line.log-command', { hasText: 'PASS' })).toHaveCount(0);

  await connectIfAvailable(page);
  await page.getByRole('region', { name: 'Server without TLS' }).getByRole('button', { name: 'Continue once' }).click();
  await expect(rowOf(paneOf(page, 'Remote site'), 'hello.txt')).toBeVisible();
  await log.getByLabel('Filter log').fill('PASS');
  await expect(log.locator('.log-line.log-command', { hasText: 'PASS' }).first()).toBeVisible();
  await log.getByLabel('Filter log').fill('');
  await expect(page.getByTitle('The connection is NOT encrypted')).toBeVisible();
});

test('"Always for this server" is kept across a restart', async ({ page }) => {
  await ferry?.stop();
  ferry = await startFerry(home, {}, { dataDir });
  await page.goto(ferry.url);
  await connectIfAvailable(page);
  await page.getByRole('region', { name: 'Server without TLS' }).getByRole('button', { name: 'Always for this server' }).click();
  await expect(rowOf(paneOf(page, 'Remote site'), 'hello.txt')).toBeVisible();

  await ferry.stop();
  ferry = await startFerry(home, {}, { dataDir });
  await page.goto(ferry.url);
  await connectIfAvailable(page);
  await expect(rowOf(paneOf(page, 'Remote site'), 'hello.txt')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Server without TLS' })).toHaveCount(0);
});
