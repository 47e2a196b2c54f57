/**
 * Connections that cannot be made, as a user meets them in browser mode: the reason reaches the
 * message log, not only the connect bar, and is said in words a user can act on (a port nothing
 * listens on; implicit TLS asked of a plain FTP port).
 */
import { test, expect, type Page } from '@playwright/test';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { startFerry, type FerryApp } from './ferryApp';
import { startFaultServer, type FaultServer } from '../servers/faultServer';

let home: string;
let ferry: FerryApp;
let server: FaultServer;

test.beforeEach(async () => {
  home = await mkdtemp(path.join(os.tmpdir(), 'ferry-home-'));
  ferry = await startFerry(home);
  server = await startFaultServer();
});

test.afterEach(async () => {
  await ferry?.stop();
  await server?.stop();
  await rm(home, { recursive: true, force: true });
});

/** A loopback port nothing listens on: bound, then closed. */
async function closedPort(): Promise<number> {
  const listener = createServer();
  await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', () => resolve()));
  const { port } = listener.address() as { port: number };
  await new Promise<void>((resolve) => listener.close(() => resolve()));
  return port;
}

async function quickConnect(page: Page, port: number, protocol: string): Promise<void> {
  const form = page.getByRole('form', { name: 'Quick connect' });
  await form.getByLabel('Host').fill('127.0.0.1');
  await form.getByLabel('Username').fill('bob');
  await form.getByLabel('Password').fill('secret');
  await form.getByLabel('Port').fill(String(port));
  await form.getByLabel('Protocol').selectOption(protocol);
  await form.getByRole('button', { name: 'Quickconnect' }).click();
}

test('a refused port and implicit TLS on a plain port are explained in the message log', async ({ page }) => {
  await page.goto(ferry.url);
  const log = page.getByRole('region', { name: 'Message log' });

  const port = await closedPort();
  await quickConnect(page, port, 'none');
  const refused = `127.0.0.1:${port} refused the connection: no server listens on that port, or a firewall turns it away`;
  await expect(log.locator('.log-line.log-error', { hasText: refused })).toBeVisible();
  await expect(page.getByRole('form', { name: 'Quick connect' }).getByRole('alert')).toContainText(refused);

  await quickConnect(page, server.port, 'implicit');
  await expect(log.locator('.log-line.log-error', { hasText: 'this port probably speaks plain FTP' })).toBeVisible();
});
