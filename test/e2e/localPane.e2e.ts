/**
 * Starting Ferry as a user does: `npm start` falls back to browser mode on this machine, the
 * printed URL opens the Ferry window, and the local pane browses real folders.
 */
import { test, expect, type Page } from '@playwright/test';
import { mkdir, mkdtemp, rm, writeFile, appendFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startFerry, type FerryApp } from './ferryApp';

let home: string;
let ferry: FerryApp;

test.beforeAll(async () => {
  home = await mkdtemp(path.join(os.tmpdir(), 'ferry-home-'));
  await mkdir(path.join(home, 'alpha'));
  await writeFile(path.join(home, 'alpha', 'inner.txt'), 'inside alpha\n');
  await mkdir(path.join(home, 'beta'));
  await writeFile(path.join(home, 'small.txt'), 'x'.repeat(10));
  await writeFile(path.join(home, 'medium.dat'), Buffer.alloc(5_000));
  await writeFile(path.join(home, 'big.bin'), Buffer.alloc(50_000));
  await writeFile(path.join(home, '.hidden'), 'h');
  ferry = await startFerry(home);
});

test.afterAll(async () => {
  await ferry?.stop();
  await rm(home, { recursive: true, force: true });
});

const localPane = (page: Page) => page.getByRole('region', { name: 'Local site' });
const rowNames = async (page: Page) =>
  localPane(page).locator('.file-scroll [role=row]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-name')));

test('npm start falls back to browser mode and the local pane browses real folders', async ({ page }) => {
  expect(ferry.output()).toMatch(/Electron cannot run here, so starting browser mode instead: .+/);

  await page.goto(ferry.url);
  const pane = localPane(page);
  await expect(pane.locator('[role=row][data-name="small.txt"]')).toBeVisible();
  const firstListingMs = Date.now() - ferry.startedAtMs;
  await expect(pane.getByLabel('Local site path')).toHaveValue(home);
  // Folders first, then files by name; the parent row leads.
  expect(await rowNames(page)).toEqual(['..', 'alpha', 'beta', '.hidden', 'big.bin', 'medium.dat', 'small.txt']);
  await expect(pane.locator('[data-name="big.bin"] .col-size')).toHaveText('50.0 KB');
  await expect(pane.getByText('4 files and 2 folders')).toBeVisible();

  // Into a folder by double-click, and back up through the parent row.
  await pane.locator('[role=row][data-name="alpha"]').dblclick();
  await expect(pane.getByLabel('Local site path')).toHaveValue(path.join(home, 'alpha'));
  await expect(pane.locator('[role=row][data-name="inner.txt"]')).toBeVisible();
  await pane.locator('[role=row][data-name=".."]').dblclick();
  await expect(pane.getByLabel('Local site path')).toHaveValue(home);

  // Sort by size: largest first (folders stay on top), then ascending on a second click.
  await pane.getByRole('button', { name: 'Size' }).click();
  await expect.poll(() => rowNames(page)).toEqual(['..', 'alpha', 'beta', 'big.bin', 'medium.dat', 'small.txt', '.hidden']);
  await pane.getByRole('button', { name: 'Size' }).click();
  await expect.poll(() => rowNames(page)).toEqual(['..', 'alpha', 'beta', '.hidden', 'small.txt', 'medium.dat', 'big.bin']);

  await page.screenshot({ path: 'test-results/screenshots/local-pane.png' });
  await appendFile('test-results/metrics.txt', `browser-mode cold start to first listing: ${firstListingMs} ms\n`);
});

test('the path bar goes to a typed folder and shows a clear error for one it cannot list', async ({ page }) => {
  await page.goto(ferry.url);
  const pane = localPane(page);
  const pathBox = pane.getByLabel('Local site path');
  await expect(pane.locator('[role=row][data-name="alpha"]')).toBeVisible();

  await pathBox.fill(path.join(home, 'beta'));
  await pathBox.press('Enter');
  await expect(pane.getByText('0 files and 0 folders')).toBeVisible();

  await pathBox.fill(path.join(home, 'no-such-folder'));
  await pathBox.press('Enter');
  await expect(pane.getByRole('alert')).toContainText(`No such file or folder: ${path.join(home, 'no-such-folder')}`);

  await pathBox.fill(path.join(home, 'small.txt'));
  await pathBox.press('Enter');
  await expect(pane.getByRole('alert')).toContainText('Not a folder');
  // The error names the typed path; the box, like the list, shows the last folder it could list.
  await expect(pane.getByRole('alert')).toContainText(path.join(home, 'small.txt'));
  await expect(pathBox).toHaveValue(path.join(home, 'beta'));
  await expect(pane.getByText('0 files and 0 folders')).toBeVisible();
});

test('the log and the queue collapse to give the panes room, and stay so after a reload', async ({ page }) => {
  await page.goto(ferry.url);
  const pane = localPane(page);
  await expect(pane.locator('[role=row][data-name="alpha"]')).toBeVisible();
  const before = (await pane.boundingBox())!.height;

  await page.getByRole('button', { name: 'Hide message log' }).click();
  await page.getByRole('button', { name: 'Hide transfer queue' }).click();
  await expect(page.getByRole('button', { name: 'Show message log' })).toHaveAttribute('aria-expanded', 'false');
  await expect.poll(async () => (await pane.boundingBox())!.height).toBeGreaterThan(before + 200);

  await page.reload();
  await expect(page.getByRole('button', { name: 'Show transfer queue' })).toBeVisible();
  await page.getByRole('button', { name: 'Show message log' }).click();
  await page.getByRole('button', { name: 'Show transfer queue' }).click();
  await expect.poll(async () => (await pane.boundingBox())!.height).toBeLessThan(before + 5);
});
