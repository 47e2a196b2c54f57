/**
 * SFTP as a user meets it in browser mode, against a real OpenSSH sshd: a saved SFTP site asks
 * for its password, stops at the server's unknown host key in the trust panel (key type and
 * fingerprint), trusted always it connects and the key is kept; a folder dragged each way arrives
 * whole, shows in the queue and in the log under its connection's name; a site with interactive
 * logon asks the server's question in a dialog.
 */
import { test, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startFerry, type FerryApp } from './ferryApp';
import { paneOf, rowOf } from './browseHelpers';
import { startSshServer, type RunningSshServer } from '../servers/sshd';

let home: string;
let ferry: FerryApp;
let server: RunningSshServer;

const siteManager = (page: Page) => page.getByRole('dialog', { name: 'Site Manager' });
const field = (page: Page, label: string) => siteManager(page).getByLabel(label, { exact: true });
const queue = (page: Page) => page.getByRole('region', { name: 'Transfer queue' });

/** Drops dragged rows onto the empty space at the bottom of a pane's list (the folder it shows). */
async function dragToPane(page: Page, from: ReturnType<typeof rowOf>, pane: 'Local site' | 'Remote site') {
  const list = paneOf(page, pane).locator('.file-scroll');
  const box = (await list.boundingBox())!;
  await from.dragTo(list, { targetPosition: { x: 60, y: box.height - 6 } });
}

/** Critical and serious accessibility problems inside `selector`. */
async function axeProblems(page: Page, selector: string): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).include(selector).analyze();
  return violations.filter((v) => v.impact === 'critical' || v.impact === 'serious').map((v) => v.id);
}

/** Saves an SFTP site for the test server with the given logon type, and connects to it. */
async function saveAndConnect(page: Page, name: string, logonType: 'ask' | 'interactive') {
  await page.getByRole('button', { name: 'Site Manager' }).click();
  await siteManager(page).getByRole('button', { name: 'New site' }).click();
  await field(page, 'Name').fill(name);
  await field(page, 'Protocol').selectOption('sftp');
  await field(page, 'Host').fill(server.host);
  await expect(field(page, 'Port')).toHaveAttribute('placeholder', '22');
  await field(page, 'Port').fill(String(server.port));
  await field(page, 'Logon type').selectOption(logonType);
  await field(page, 'User').fill(server.user);
  // SFTP has no transfer mode, charset or server type to set.
  await expect(field(page, 'Transfer mode')).toHaveCount(0);
  await siteManager(page).getByRole('button', { name: 'Save', exact: true }).click();
  await expect(siteManager(page).getByRole('status')).toHaveText(`Saved ${name}`);
  await siteManager(page).getByRole('toolbar', { name: 'Site actions' }).getByRole('button', { name: 'Connect' }).click();
  await expect(siteManager(page)).toBeHidden();
}

test.beforeAll(async () => {
  home = await mkdtemp(path.join(os.tmpdir(), 'ferry-home-'));
  ferry = await startFerry(home);
  server = await startSshServer();
});
test.afterAll(async () => {
  await server?.stop();
  await ferry?.stop();
  await rm(home, { recursive: true, force: true });
});

test('an SFTP site: trust its host key in the panel, then drag a folder each way and see it in the queue and the log', async ({ page }) => {
  const local = await mkdtemp(path.join(home, 'work-'));
  await mkdir(path.join(local, 'outgoing', 'nested'), { recursive: true });
  await writeFile(path.join(local, 'outgoing', 'a.txt'), 'alpha');
  await writeFile(path.join(local, 'outgoing', 'nested', 'b.bin'), Buffer.alloc(200_000, 5));
  const incoming = path.join(server.homeDir, 'incoming');
  await mkdir(path.join(incoming, 'deep'), { recursive: true });
  await writeFile(path.join(incoming, 'deep', 'c.txt'), 'from the server');
  await server.chownToServer(incoming);

  await page.goto(ferry.url);
  const localPane = paneOf(page, 'Local site');
  await localPane.getByLabel('Local site path').fill(local);
  await localPane.getByLabel('Local site path').press('Enter');
  await expect(rowOf(localPane, 'outgoing')).toBeVisible();

  await saveAndConnect(page, 'Shell server', 'ask');
  const prompt = page.getByRole('form', { name: 'Password for Shell server' });
  await prompt.getByLabel('Password').fill(server.password);
  await prompt.getByRole('button', { name: 'Connect' }).click();

  // The host key is unknown: nothing is sent until the user decides.
  const panel = page.getByRole('region', { name: 'Unknown host key' });
  await expect(panel).toContainText(`${server.host}:${server.port} presented an SSH host key Ferry does not know.`);
  const fingerprint = (await panel.locator('dd.fingerprint').textContent())!;
  expect(server.hostKeys.map((k) => k.fingerprint)).toContain(fingerprint);
  await expect(panel.locator('dd').first()).toHaveText(server.hostKeys.find((k) => k.fingerprint === fingerprint)!.type.replace(/^ssh-rsa$/, 'rsa-sha2-512'));
  expect(server.log()).not.toMatch(/Accepted|Failed password/);
  await page.screenshot({ path: 'test-results/screenshots/sftp-host-key.png' });
  expect(await axeProblems(page, '.trust-panel')).toEqual([]);
  await panel.getByRole('button', { name: `Always trust for ${server.host}:${server.port}` }).click();

  const remotePane = paneOf(page, 'Remote site');
  await expect(remotePane.getByLabel('Remote site path')).toHaveValue(server.homeDir);
  await expect(rowOf(remotePane, 'incoming')).toBeVisible();
  await expect(page.getByRole('contentinfo', { name: 'Status' })).toContainText('Encrypted (SSH)');
  expect(await readFile(path.join(ferry.dataDir, 'known_hosts'), 'utf8')).toContain(`[${server.host}]:${server.port} `);

  // Up: the local folder lands on the server whole.
  await dragToPane(page, rowOf(localPane, 'outgoing'), 'Remote site');
  await expect.poll(() => readFile(path.join(server.homeDir, 'outgoing', 'nested', 'b.bin')).then((b) => b.length, () => 0)).toBe(200_000);
  expect(await readFile(path.join(server.homeDir, 'outgoing', 'a.txt'), 'utf8')).toBe('alpha');
  await expect(rowOf(remotePane, 'outgoing')).toBeVisible();

  // Down: the server's folder lands here whole.
  await dragToPane(page, rowOf(remotePane, 'incoming'), 'Local site');
  await expect.poll(() => readFile(path.join(local, 'incoming', 'deep', 'c.txt'), 'utf8').catch(() => '')).toBe('from the server');
  await expect(rowOf(localPane, 'incoming')).toBeVisible();

  // The queue lists all four files as done; the log names the transfer connections as FTP's are named.
  await queue(page).getByRole('tab', { name: /Successful transfers \(3\)/ }).click();
  await expect(queue(page).locator('.q-remote[title$="/outgoing/nested/b.bin"]')).toBeVisible();
  await expect(queue(page).locator('.q-remote[title$="/incoming/deep/c.txt"]')).toBeVisible();
  const log = page.getByRole('region', { name: 'Message log' });
  await log.getByLabel('Filter log').fill('transfer 1');
  await expect(log.locator('.log-line .log-conn').first()).toHaveText(`${server.host}:${server.port} · transfer 1`);
  await log.getByLabel('Filter log').fill('');
  await page.screenshot({ path: 'test-results/screenshots/sftp-transfers.png' });
});

test('a key file chosen with Browse… logs the site in without a password', async ({ page }) => {
  await page.goto(ferry.url);
  await page.getByRole('button', { name: 'Site Manager' }).click();
  await siteManager(page).getByRole('button', { name: 'New site' }).click();
  await field(page, 'Name').fill('By key');
  await field(page, 'Protocol').selectOption('sftp');
  await field(page, 'Host').fill(server.host);
  await field(page, 'Port').fill(String(server.port));
  await field(page, 'Logon type').selectOption('key');
  await field(page, 'User').fill(server.user);
  // Browse… opens in the folder of what the field holds.
  await field(page, 'Key file').fill(path.join(path.dirname(server.clientKeys.plainPath), 'x'));
  await siteManager(page).getByRole('button', { name: 'Browse…' }).click();
  const picker = page.getByRole('dialog', { name: 'Choose the private key file' });
  await expect(picker.getByText(path.dirname(server.clientKeys.plainPath), { exact: true })).toBeVisible();
  expect(await axeProblems(page, 'dialog.dialog')).toEqual([]);
  await picker.getByRole('button', { name: path.basename(server.clientKeys.plainPath), exact: true }).click();
  await picker.getByRole('button', { name: 'Choose' }).click();
  await expect(picker).toBeHidden();
  await expect(field(page, 'Key file')).toHaveValue(server.clientKeys.plainPath);
  // Browser mode without a master password keeps no secrets: a passphrase would be asked for.
  await expect(siteManager(page).getByText('Passphrases are not saved in "ask each time" mode: Ferry asks for it when the key needs one.')).toBeVisible();
  await page.screenshot({ path: 'test-results/screenshots/sftp-site.png' });
  await siteManager(page).getByRole('button', { name: 'Save', exact: true }).click();
  await siteManager(page).getByRole('toolbar', { name: 'Site actions' }).getByRole('button', { name: 'Connect' }).click();
  await expect(paneOf(page, 'Remote site').getByLabel('Remote site path')).toHaveValue(server.homeDir);
  expect(server.log()).toMatch(/Accepted publickey/);
});

test('a site with interactive logon asks the server’s question in a dialog', async ({ page }) => {
  await page.goto(ferry.url);
  await saveAndConnect(page, 'Asks', 'interactive');
  // The key is known from the first test: no panel, straight to the server's question.
  const dialog = page.getByRole('dialog', { name: 'The server asks' });
  await expect(dialog).toContainText(`${server.host}:${server.port}`);
  expect(await axeProblems(page, 'dialog.ssh-question')).toEqual([]);
  await dialog.getByLabel(/password/i).fill(server.password);
  await dialog.getByRole('button', { name: 'Log in' }).click();
  await expect(dialog).toBeHidden();
  await expect(paneOf(page, 'Remote site').getByLabel('Remote site path')).toHaveValue(server.homeDir);
});
