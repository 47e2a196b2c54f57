/**
 * Reconnecting to a recent server from the quick-connect bar: one choice connects an anonymous
 * server at once; one with a user asks for the password (never kept) and connects on Enter.
 */
import { test, expect, type Page } from '@playwright/test';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startFerry, type FerryApp } from './ferryApp';
import { startFaultServer, type FaultServer } from '../servers/faultServer';
import { paneOf, rowOf } from './browseHelpers';

let home: string;
let ferry: FerryApp;
let server: FaultServer;

test.beforeEach(async () => {
  home = await mkdtemp(path.join(os.tmpdir(), 'ferry-home-'));
  ferry = await startFerry(home);
  server = await startFaultServer({ files: { 'a.txt': 'x' } });
});

test.afterEach(async () => {
  await ferry?.stop();
  await server?.stop();
  await rm(home, { recursive: true, force: true });
});

async function connectBy(page: Page, user: string, password: string): Promise<void> {
  const form = page.getByRole('form', { name: 'Quick connect' });
  await form.getByLabel('Host').fill('127.0.0.1');
  await form.getByLabel('Username').fill(user);
  await form.getByLabel('Password').fill(password);
  await form.getByLabel('Port').fill(String(server.port));
  await form.getByLabel('Protocol').selectOption('none');
  await form.getByRole('button', { name: 'Quickconnect' }).click();
  await expect(rowOf(paneOf(page, 'Remote site'), 'a.txt')).toBeVisible();
  await page.getByRole('button', { name: 'Disconnect' }).click();
  await expect(rowOf(paneOf(page, 'Remote site'), 'a.txt')).toHaveCount(0);
}

test('a recent server is one choice away: at once when anonymous, after its password otherwise', async ({ page }) => {
  await page.goto(ferry.url);
  await connectBy(page, 'anonymous', 'guest@');
  await connectBy(page, 'bob', 'secret');
  await page.reload();
  const form = page.getByRole('form', { name: 'Quick connect' });
  const recent = form.getByLabel('Recent connections');
  const remote = paneOf(page, 'Remote site');

  await recent.selectOption({ label: `anonymous@127.0.0.1:${server.port}` });
  await expect(rowOf(remote, 'a.txt')).toBeVisible();
  await page.getByRole('button', { name: 'Disconnect' }).click();

  await recent.selectOption({ label: `bob@127.0.0.1:${server.port}` });
  await expect(form.getByRole('status')).toHaveText(`Enter the password for bob@127.0.0.1:${server.port} to connect`);
  await expect(form.getByLabel('Password')).toBeFocused();
  await page.keyboard.type('secret');
  await page.keyboard.press('Enter');
  await expect(rowOf(remote, 'a.txt')).toBeVisible();
  await expect(form.getByRole('status')).toHaveCount(0);
});
