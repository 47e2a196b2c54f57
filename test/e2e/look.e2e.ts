/**
 * The window's visual hierarchy, as a user scanning it sees it: toolbars with icons, one
 * primary action per dialog, a selection that cannot be taken for hover, the connection's
 * security as an icon with words in a warning colour when unencrypted, every dialog modal
 * in the same way, light and dark; and no critical accessibility violation (axe-core) on the
 * main window, the dialogs or the trust panel. Saves the screenshots under test-results/.
 */
import { test, expect, type Locator, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startFerry, type FerryApp } from './ferryApp';
import { startServer, type RunningServer } from '../servers';
import { paneOf, quickConnect, rowOf } from './browseHelpers';

const SHOTS = path.resolve(import.meta.dirname, '../../test-results');

let home: string;
let ferry: FerryApp;
let server: RunningServer;

test.use({ viewport: { width: 1440, height: 900 } });

test.beforeAll(async () => {
  home = await mkdtemp(path.join(os.tmpdir(), 'ferry-home-'));
  await mkdir(path.join(home, 'projects'));
  for (const name of ['notes.txt', 'photo.jpg', 'report.pdf']) await writeFile(path.join(home, name), name.repeat(200));
  await mkdir(SHOTS, { recursive: true });
  ferry = await startFerry(home);
  server = await startServer('pyftpdlib');
  await mkdir(path.join(server.homeDir, 'site'));
  for (let i = 1; i <= 40; i++) await writeFile(path.join(server.homeDir, `page-${String(i).padStart(2, '0')}.html`), Buffer.alloc(48 * 1024, i));
});

test.afterAll(async () => {
  await ferry?.stop();
  await server?.stop();
  await rm(home, { recursive: true, force: true });
});

/** Critical violations only: the ones that stop a user of assistive technology outright. */
async function criticalViolations(page: Page, include?: string): Promise<string[]> {
  const builder = new AxeBuilder({ page });
  if (include) builder.include(include);
  const { violations } = await builder.analyze();
  return violations.filter((v) => v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** Relative luminance of a CSS rgb() colour (WCAG 2). */
function luminance(color: string): number {
  const [r, g, b] = color.match(/[\d.]+/g)!.slice(0, 3).map((v) => {
    const c = Number(v) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
const contrast = (a: string, b: string) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
};
/** A computed style property of an element (the tests' tsconfig has no DOM types, hence the cast). */
const computed = (target: Locator, property: 'backgroundColor' | 'color') =>
  target.evaluate((el, p) => (globalThis as unknown as { getComputedStyle(e: unknown): Record<string, string> }).getComputedStyle(el)[p], property);
const style = (page: Page, selector: string, property: 'backgroundColor' | 'color') => computed(page.locator(selector).first(), property);

async function connectPlain(page: Page) {
  await page.goto(ferry.url);
  await quickConnect(page, server, 'page-01.html');
}

test('toolbars show icons, the connect bar has one primary action, and the connection security is an icon with words', async ({ page }) => {
  await connectPlain(page);
  for (const name of ['Site Manager', 'Quickconnect', 'Disconnect', 'Copy', 'Clear', 'Pause all', 'Resume all', 'Move to top']) {
    await expect(page.getByRole('button', { name, exact: true }).locator('svg')).toHaveCount(1);
  }
  await expect(page.locator('.connect-row .is-primary')).toHaveCount(1);
  // The connect bar stays one row while connected: Disconnect beside Quickconnect, not below it.
  const quick = (await page.getByRole('button', { name: 'Quickconnect' }).boundingBox())!;
  const disconnect = (await page.getByRole('button', { name: 'Disconnect' }).boundingBox())!;
  expect(Math.abs(disconnect.y - quick.y)).toBeLessThan(4);

  const security = page.getByRole('contentinfo', { name: 'Status' }).locator('.security');
  await expect(security).toHaveText('Not encrypted');
  await expect(security.locator('svg')).toHaveCount(1);
  const warning = await computed(security, 'color');
  const text = await style(page, 'body', 'color');
  expect(warning).not.toBe(text);
  expect(contrast(warning, await style(page, 'body', 'backgroundColor'))).toBeGreaterThanOrEqual(3);
});

test('a selected row is drawn in a strong colour, distinct from a row under the pointer, with readable text', async ({ page }) => {
  await connectPlain(page);
  const remote = paneOf(page, 'Remote site');
  await rowOf(remote, 'page-01.html').click();
  await rowOf(remote, 'page-03.html').hover();
  const selected = await style(page, '.file-row[data-name="page-01.html"]', 'backgroundColor');
  const hovered = await style(page, '.file-row[data-name="page-03.html"]', 'backgroundColor');
  const panel = await computed(remote, 'backgroundColor');
  expect(contrast(selected, hovered)).toBeGreaterThan(3);
  expect(contrast(hovered, panel)).toBeLessThan(1.2);
  expect(contrast(selected, await style(page, '.file-row[data-name="page-01.html"]', 'color'))).toBeGreaterThanOrEqual(4.5);

  // The log's connection column holds "host:port · transfer N" whole, not drawn over the reply.
  await expect(page.locator('.log-line .log-conn').first()).toBeVisible();
  const conns = await page.locator('.log-line .log-conn').evaluateAll((els) => els.map((el) => el.scrollWidth <= el.clientWidth));
  expect(conns.every(Boolean)).toBe(true);

  await page.screenshot({ path: path.join(SHOTS, 'main-window-light.png') });
  expect(await criticalViolations(page)).toEqual([]);
});

test('the dark theme follows the system and keeps the same hierarchy', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await connectPlain(page);
  expect(luminance(await style(page, 'body', 'backgroundColor'))).toBeLessThan(0.05);
  const remote = paneOf(page, 'Remote site');
  await rowOf(remote, 'page-02.html').click();
  const selected = await style(page, '.file-row[data-name="page-02.html"]', 'backgroundColor');
  expect(contrast(selected, await style(page, '.file-row[data-name="page-02.html"]', 'color'))).toBeGreaterThanOrEqual(4.5);
  await page.screenshot({ path: path.join(SHOTS, 'main-window-dark.png') });
  expect(await criticalViolations(page)).toEqual([]);
});

test('every dialog is modal in the same way, with one primary button', async ({ page }) => {
  await page.goto(ferry.url);
  const local = paneOf(page, 'Local site');
  await rowOf(local, 'notes.txt').click();
  await page.keyboard.press('Delete');
  const confirm = page.getByRole('dialog', { name: /Delete/ });
  await expect(confirm).toBeVisible();
  expect(await confirm.evaluate((el) => el.matches(':modal'))).toBe(true);
  await expect(confirm.locator('button.is-primary, button.is-danger')).toHaveCount(1);
  expect(await criticalViolations(page)).toEqual([]);
  await page.keyboard.press('Escape');
  await expect(confirm).toHaveCount(0);
  await expect(rowOf(local, 'notes.txt')).toBeVisible();

  await page.getByRole('button', { name: 'Site Manager' }).click();
  const manager = page.getByRole('dialog', { name: 'Site Manager' });
  await expect(manager).toBeVisible();
  expect(await manager.evaluate((el) => el.matches(':modal'))).toBe(true);
  await expect(manager.locator('button.is-primary, button.sm-primary')).toHaveCount(1);
  expect(await criticalViolations(page)).toEqual([]);
  await page.keyboard.press('Escape');
  await expect(manager).toHaveCount(0);

  await page.keyboard.press('Control+Comma');
  const settings = page.getByRole('dialog', { name: 'Settings' });
  await expect(settings).toBeVisible();
  expect(await settings.evaluate((el) => el.matches(':modal'))).toBe(true);
  await expect(settings.locator('button.is-primary')).toHaveCount(1);
  expect(await criticalViolations(page)).toEqual([]);
  await page.keyboard.press('Escape');
  await expect(settings).toHaveCount(0);
});

test('a busy queue: icons on its actions, progress in every running row', async ({ page }) => {
  await connectPlain(page);
  const settings = page.getByRole('region', { name: 'Transfer queue' }).getByRole('group', { name: /settings/i });
  await settings.getByLabel('Download limit').fill('200');
  await settings.getByLabel('Download limit').press('Enter');
  const remote = paneOf(page, 'Remote site');
  await rowOf(remote, 'page-01.html').click();
  await page.keyboard.press('Control+a');
  const local = paneOf(page, 'Local site').locator('.file-scroll');
  const box = (await local.boundingBox())!;
  await rowOf(remote, 'page-01.html').dragTo(local, { targetPosition: { x: 60, y: box.height - 6 } });
  const queue = page.getByRole('region', { name: 'Transfer queue' });
  await expect(queue.locator('[role=row].state-transferring').first()).toBeVisible();
  await expect(queue.getByRole('button', { name: 'Pause all' })).toBeEnabled();
  // Every column header reads whole ("Time left", not "Time l…").
  const cut = await queue.locator('.queue-header [role=columnheader]').evaluateAll((els) => els.filter((el) => el.scrollWidth > el.clientWidth).map((el) => el.textContent));
  expect(cut).toEqual([]);
  await page.screenshot({ path: path.join(SHOTS, 'queue-busy.png') });
  expect(await criticalViolations(page)).toEqual([]);
  await queue.getByRole('button', { name: 'Cancel all…' }).click();
  await queue.getByRole('alertdialog').getByRole('button', { name: 'Cancel all', exact: true }).click();
  await expect(queue.locator('[role=row].state-transferring')).toHaveCount(0);
});

test('the trust panel for an unknown certificate: an icon, one primary action, no critical violation', async ({ page }) => {
  const tlsServer = await startServer('pyftpdlib', { requireTls: true });
  try {
    await page.goto(ferry.url);
    const form = page.getByRole('form', { name: 'Quick connect' });
    await form.getByLabel('Host').fill('127.0.0.1');
    await form.getByLabel('Username').fill(tlsServer.user);
    await form.getByLabel('Password').fill(tlsServer.password);
    await form.getByLabel('Port').fill(String(tlsServer.port));
    await form.getByLabel('Protocol').selectOption('explicit');
    await form.getByRole('button', { name: 'Quickconnect' }).click();
    const trust = page.getByRole('region', { name: 'Unknown certificate' });
    await expect(trust.locator('.fingerprint')).toHaveText(tlsServer.certFingerprint256);
    await expect(trust.locator('.panel-headline svg')).toHaveCount(1);
    await expect(trust.locator('button.is-primary')).toHaveCount(1);
    await trust.screenshot({ path: path.join(SHOTS, 'trust-panel.png') });
    expect(await criticalViolations(page)).toEqual([]);
    await trust.getByRole('button', { name: 'Cancel' }).click();
  } finally {
    await tlsServer.stop();
  }
});
