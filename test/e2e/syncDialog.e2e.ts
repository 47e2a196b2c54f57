/**
 * Synchronize in the window, as a user does it: the button beside Compare opens the dialog on
 * the two folders the panes show; Preview lists the plan as a checklist grouped by kind; one
 * deletion is unticked; Run closes the dialog, the copies and deletions go through the queue and
 * finish there, and the status bar says how the sync ended; the files on both sides are as
 * planned, the unticked one untouched; a second preview finds nothing to do. The dialog has no
 * critical or serious accessibility violation (axe-core), and its screenshots are saved under
 * test-results/.
 */
import { test, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { mkdir, mkdtemp, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startFerry, type FerryApp } from './ferryApp';
import { startServer, type RunningServer } from '../servers';
import { paneOf, quickConnect, rowOf } from './browseHelpers';

const BASE = new Date(Math.floor((Date.now() - 86_400_000) / 60_000) * 60_000);
const LATER = new Date(BASE.getTime() + 3_600_000);

let home: string;
let ferry: FerryApp;
let server: RunningServer;

async function put(root: string, rel: string, content: string, when = BASE) {
  const file = path.join(root, ...rel.split('/'));
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, content);
  await utimes(file, when, when);
}
const read = (root: string, rel: string) => readFile(path.join(root, ...rel.split('/')), 'utf8').catch(() => undefined);
const exists = (root: string, rel: string) => stat(path.join(root, ...rel.split('/'))).then(() => true, () => false);

test.use({ viewport: { width: 1440, height: 900 } });

test.beforeAll(async () => {
  home = await mkdtemp(path.join(os.tmpdir(), 'ferry-home-'));
  // proftpd keeps an uploaded file's time (MFMT), so the second preview finds the two sides alike.
  server = await startServer('proftpd');
  await put(home, 'new.txt', 'new here');
  await put(home, 'site/index.html', '<h1>hi</h1>');
  await put(home, 'edited.txt', 'edited here', LATER);
  await put(home, 'same.txt', 'same');
  await put(server.homeDir, 'edited.txt', 'before');
  await put(server.homeDir, 'same.txt', 'same');
  await put(server.homeDir, 'stale.html', 'gone here');
  await put(server.homeDir, 'keep.txt', 'keep me');
  // A folder pair whose plan has 10,000 steps: 9,990 files to upload, 10 to delete.
  await mkdir(path.join(home, 'big'));
  await Promise.all(Array.from({ length: 9_990 }, (_, i) => writeFile(path.join(home, 'big', `f${String(i).padStart(5, '0')}.txt`), 'x')));
  await Promise.all(Array.from({ length: 10 }, (_, i) => put(server.homeDir, `big/old${i}.txt`, 'o')));
  await server.chownToServer(server.homeDir);
  ferry = await startFerry(home);
});

test.afterAll(async () => {
  await ferry?.stop();
  await server?.stop();
  await rm(home, { recursive: true, force: true });
});

/** Critical and serious violations inside the dialog (look.e2e.ts checks the others for critical ones; this one has no serious ones either). */
async function seriousViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).include('dialog.sync-dialog').analyze();
  return violations.filter((v) => v.impact === 'critical' || v.impact === 'serious').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

test('preview, untick a deletion, run through the queue, then nothing to do', async ({ page }) => {
  await page.goto(ferry.url);
  const button = page.getByRole('group', { name: 'Directory comparison' }).getByRole('button', { name: 'Synchronize', exact: true });
  await expect(button).toBeDisabled();
  await quickConnect(page, server, 'stale.html');

  await button.click();
  const dialog = page.getByRole('dialog', { name: 'Synchronize' });
  await expect(dialog).toContainText(home);
  await expect(dialog).toContainText('The server offers SHA-256');
  await expect(dialog).toContainText('Server clock: no offset detected or set');
  await dialog.getByRole('radio', { name: 'Upload' }).check();
  await dialog.getByLabel('Delete orphans (what the other side does not have)').check();
  await expect(dialog.getByRole('note')).toContainText('will be deleted from the server');
  // The large folder pair belongs to the next test: left out here, as `ferry sync --exclude big/` would.
  await dialog.getByLabel('Exclude').fill('big/ *.bak');

  await dialog.getByRole('button', { name: 'Preview', exact: true }).click();
  const steps = dialog.getByRole('list', { name: 'Steps' });
  await expect(steps.getByRole('checkbox', { name: 'Delete on server: keep.txt' })).toBeChecked();
  for (const name of ['Copy to server: new.txt', 'Copy to server: site/index.html', 'Overwrite on server: edited.txt', 'Make folder on server: site/', 'Delete on server: stale.html']) {
    await expect(steps.getByRole('checkbox', { name })).toBeChecked();
  }
  await expect(steps.getByRole('listitem').filter({ hasText: 'edited.txt' })).toContainText('modified 60 min later here');
  await expect(dialog.getByRole('status')).toContainText('6 of 6 steps ticked');
  await expect(dialog.getByRole('button', { name: 'Run' })).toHaveClass(/is-primary/);
  await expect(dialog.locator('.is-primary')).toHaveCount(1);
  expect(await seriousViolations(page)).toEqual([]);
  await page.emulateMedia({ colorScheme: 'dark' });
  expect(await seriousViolations(page)).toEqual([]);
  await page.screenshot({ path: 'test-results/sync-dialog-dark.png' });
  await page.emulateMedia({ colorScheme: 'light' });

  await steps.getByRole('checkbox', { name: 'Delete on server: keep.txt' }).uncheck();
  await expect(dialog.getByRole('status')).toContainText('5 of 6 steps ticked');
  await expect(steps.getByRole('checkbox', { name: 'Delete on server', exact: true })).toHaveJSProperty('indeterminate', true);
  await page.screenshot({ path: 'test-results/sync-dialog.png' });

  await dialog.getByRole('button', { name: 'Run' }).click();
  await expect(dialog).toBeHidden();
  const statusBar = page.getByRole('contentinfo', { name: 'Status' });
  await expect(statusBar).toContainText('Synchronize done: 3 copied, 1 folder made, 1 deleted', { timeout: 20_000 });
  await expect(rowOf(paneOf(page, 'Remote site'), 'stale.html')).toHaveCount(0);
  const queue = page.getByRole('region', { name: 'Transfer queue' });
  await queue.getByRole('tab', { name: /Successful transfers/ }).click();
  await expect(queue.getByRole('tab', { name: 'Successful transfers (4)' })).toBeVisible();
  await expect(queue.getByRole('row').filter({ hasText: 'stale.html' })).toContainText('Deleted');
  await page.screenshot({ path: 'test-results/sync-done.png' });

  expect(await read(server.homeDir, 'new.txt')).toBe('new here');
  expect(await read(server.homeDir, 'site/index.html')).toBe('<h1>hi</h1>');
  expect(await read(server.homeDir, 'edited.txt')).toBe('edited here');
  expect(await exists(server.homeDir, 'stale.html')).toBe(false);
  expect(await read(server.homeDir, 'keep.txt')).toBe('keep me');
  expect(await read(home, 'same.txt')).toBe('same');

  // Deleting orphans is asked for each time: without it the kept file is no difference to act on.
  await expect(rowOf(paneOf(page, 'Remote site'), 'big')).toBeVisible();
  await button.click();
  await expect(dialog.getByLabel('Delete orphans (what the other side does not have)')).not.toBeChecked();
  await dialog.getByRole('button', { name: 'Preview', exact: true }).click();
  await expect(dialog.getByRole('status')).toHaveText('In agreement: nothing to do');
  await expect(dialog.getByRole('button', { name: 'Run' })).toBeDisabled();
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
});

test('a plan of 10,000 steps is a short list to draw: only the rows in view exist, and a whole group ticks at once', async ({ page }) => {
  await page.goto(ferry.url);
  const remote = await quickConnect(page, server, 'big');
  await rowOf(remote, 'big').dblclick();
  await expect(rowOf(remote, 'old0.txt')).toBeVisible();
  const local = paneOf(page, 'Local site');
  await rowOf(local, 'big').dblclick();
  await expect(rowOf(local, 'f00000.txt')).toBeVisible();

  await page.keyboard.press('Control+Shift+S');
  const dialog = page.getByRole('dialog', { name: 'Synchronize' });
  await dialog.getByRole('radio', { name: 'Upload' }).check();
  await dialog.getByLabel('Delete orphans (what the other side does not have)').check();
  await dialog.getByRole('button', { name: 'Preview', exact: true }).click();
  const status = dialog.getByRole('status');
  await expect(status).toContainText('10,000 of 10,000 steps ticked', { timeout: 30_000 });
  const steps = dialog.getByRole('list', { name: 'Steps' });
  expect(await steps.getByRole('listitem').count()).toBeLessThan(100);

  await steps.getByRole('checkbox', { name: 'Copy to server', exact: true }).uncheck();
  await expect(status).toContainText('10 of 10,000 steps ticked');
  // The last rows are reached by scrolling, and drawn then.
  await dialog.locator('.sync-plan-scroll').evaluate((el) => el.scrollTo(0, el.scrollHeight));
  await steps.getByRole('checkbox', { name: 'Delete on server: old9.txt' }).uncheck();
  await expect(status).toContainText('9 of 10,000 steps ticked');
  await page.screenshot({ path: 'test-results/sync-large-plan.png' });
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
});
