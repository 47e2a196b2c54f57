/**
 * The window's splitters: the two panes and the log / panes / queue rows are resized by
 * dragging (or with the arrow keys on a focused splitter), the sizes survive a reload, and
 * dragging the log's splitter to the top collapses the log as its button does.
 */
import { test, expect, type Page } from '@playwright/test';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startFerry, type FerryApp } from './ferryApp';

let home: string;
let ferry: FerryApp;

test.use({ viewport: { width: 1440, height: 900 } });

test.beforeAll(async () => {
  home = await mkdtemp(path.join(os.tmpdir(), 'ferry-home-'));
  await writeFile(path.join(home, 'a.txt'), 'a');
  ferry = await startFerry(home);
});

test.afterAll(async () => {
  await ferry?.stop();
  await rm(home, { recursive: true, force: true });
});

const box = async (page: Page, name: string) => (await page.getByRole('region', { name }).boundingBox())!;

/** Drags the splitter named `label` by (dx, dy) with the mouse, in steps as a hand does. */
async function drag(page: Page, label: string, dx: number, dy: number) {
  const handle = (await page.getByRole('separator', { name: label }).boundingBox())!;
  const x = handle.x + handle.width / 2;
  const y = handle.y + handle.height / 2;
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x + dx, y + dy, { steps: 8 });
  await page.mouse.up();
}

test('the panes and the rows are resized by dragging their splitters, and keep their sizes after a reload', async ({ page }) => {
  await page.goto(ferry.url);
  await expect(page.getByRole('region', { name: 'Local site' }).locator('[role=row][data-name="a.txt"]')).toBeVisible();
  const local = await box(page, 'Local site');
  const remote = await box(page, 'Remote site');
  expect(Math.abs(local.width - remote.width)).toBeLessThan(8);

  await drag(page, 'Resize the local and remote panes', 240, 0);
  await expect.poll(async () => (await box(page, 'Local site')).width).toBeGreaterThan(local.width + 200);
  expect((await box(page, 'Remote site')).width).toBeLessThan(remote.width - 200);

  const queue = await box(page, 'Transfer queue');
  await drag(page, 'Resize the transfer queue', 0, -150);
  await expect.poll(async () => (await box(page, 'Transfer queue')).height).toBeGreaterThan(queue.height + 120);

  const widened = await box(page, 'Local site');
  const raised = await box(page, 'Transfer queue');
  await page.reload();
  await expect(page.getByRole('region', { name: 'Local site' }).locator('[role=row][data-name="a.txt"]')).toBeVisible();
  await expect.poll(async () => Math.round((await box(page, 'Local site')).width)).toBe(Math.round(widened.width));
  expect(Math.abs((await box(page, 'Transfer queue')).height - raised.height)).toBeLessThan(2);
});

test('a focused splitter moves with the arrow keys', async ({ page }) => {
  await page.goto(ferry.url);
  const log = await box(page, 'Message log');
  const splitter = page.getByRole('separator', { name: 'Resize the message log' });
  await splitter.focus();
  for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowDown');
  await expect.poll(async () => (await box(page, 'Message log')).height).toBeGreaterThan(log.height + 20);
});

test('dragging the log splitter to the top collapses the log, and its button opens it again', async ({ page }) => {
  await page.goto(ferry.url);
  const log = await box(page, 'Message log');
  await drag(page, 'Resize the message log', 0, -log.height);
  await expect(page.getByRole('button', { name: 'Show message log' })).toHaveAttribute('aria-expanded', 'false');
  await expect(page.getByRole('textbox', { name: 'Filter log' })).toBeVisible();

  await page.getByRole('button', { name: 'Show message log' }).click();
  await expect.poll(async () => (await box(page, 'Message log')).height).toBeGreaterThan(60);
  await expect(page.getByRole('button', { name: 'Hide message log' })).toBeVisible();
});
