/**
 * A site's server type, as a user of a z/OS mainframe meets it: members listed by their names
 * alone, without a heading, cannot be told from stray words, so with Auto the remote pane leaves
 * them out and the message log says how many lines it could not read; with the site's server
 * type set to MVS in the Site Manager, the same folder shows every member.
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
  // A partitioned data set whose members carry no statistics: z/OS lists them by name alone.
  server = await startFaultServer({ listing: ['NOSTATS', 'IEFBR14'] });
});

test.afterEach(async () => {
  await ferry?.stop();
  await server?.stop();
  await rm(home, { recursive: true, force: true });
});

const dialog = (page: Page) => page.getByRole('dialog', { name: 'Site Manager' });
const field = (page: Page, label: string) => dialog(page).getByLabel(label, { exact: true });

async function connectSite(page: Page) {
  await dialog(page).getByRole('toolbar', { name: 'Site actions' }).getByRole('button', { name: 'Connect' }).click();
  await expect(dialog(page)).toBeHidden();
}

test('members listed by name alone show once the site says the server is MVS', async ({ page }) => {
  await page.goto(ferry.url);
  await page.getByRole('button', { name: 'Site Manager' }).click();
  await dialog(page).getByRole('button', { name: 'New site' }).click();
  await field(page, 'Name').fill('Mainframe');
  await field(page, 'Protocol').selectOption('none');
  await field(page, 'Host').fill('127.0.0.1');
  await field(page, 'Port').fill(String(server.port));
  await field(page, 'Logon type').selectOption('anonymous');
  await expect(field(page, 'Server type')).toHaveValue('auto');
  await dialog(page).getByRole('button', { name: 'Save', exact: true }).click();
  await expect(dialog(page).getByRole('status')).toHaveText('Saved Mainframe');
  await connectSite(page);

  const remote = paneOf(page, 'Remote site');
  const log = page.getByRole('region', { name: 'Message log' });
  await expect(log.getByText('2 lines of this listing could not be read; the first: "NOSTATS"')).toBeVisible();
  await expect(rowOf(remote, 'NOSTATS')).toHaveCount(0);

  await page.getByRole('button', { name: 'Site Manager' }).click();
  await field(page, 'Server type').selectOption({ label: 'MVS, OS/390, z/OS' });
  await dialog(page).getByRole('button', { name: 'Save', exact: true }).click();
  await expect(dialog(page).getByRole('status')).toHaveText('Saved Mainframe');
  await connectSite(page);
  await expect(rowOf(remote, 'NOSTATS')).toBeVisible();
  await expect(rowOf(remote, 'IEFBR14')).toBeVisible();

  // Kept with the site.
  await page.getByRole('button', { name: 'Site Manager' }).click();
  await expect(field(page, 'Server type')).toHaveValue('mvs');
});
