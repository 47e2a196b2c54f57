/**
 * Transfers as a user makes them, against a real FTP server in browser mode: drag a file
 * to the server and watch it reach 100% with 226 in the log; drag a server folder home and
 * get the whole tree; a failed transfer lands in Failed with the server's reply code and
 * retries; the queue's settings (file-exists policy, speed limits, per-server limit) apply and are
 * kept; a throttled link shows a busy queue with live speed and ETA, pause, move to top/bottom,
 * cancel with delete, and resume.
 */
import { test, expect, type Page } from '@playwright/test';
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, writeFile, unlink } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startFerry, type FerryApp } from './ferryApp';
import { paneOf, quickConnect, rowOf } from './browseHelpers';
import { startServer, type RunningServer } from '../servers';
import { startFaultProxy, type FaultProxy } from '../servers/faultProxy';

let home: string;
let ferry: FerryApp;
let server: RunningServer;

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const queue = (page: Page) => page.getByRole('region', { name: 'Transfer queue' });
const queueRow = (page: Page, remotePath: string) => queue(page).locator(`[role=row]`).filter({ has: page.locator(`.q-remote[title="${remotePath}"]`) });

/** Drops dragged rows onto the empty space at the bottom of a pane's list (the folder it shows). */
async function dragToPane(page: Page, from: ReturnType<typeof rowOf>, pane: 'Local site' | 'Remote site') {
  const list = paneOf(page, pane).locator('.file-scroll');
  const box = (await list.boundingBox())!;
  await from.dragTo(list, { targetPosition: { x: 60, y: box.height - 6 } });
}

test.beforeAll(async () => {
  home = await mkdtemp(path.join(os.tmpdir(), 'ferry-home-'));
  ferry = await startFerry(home);
});
test.beforeEach(async () => {
  server = await startServer('pyftpdlib');
});
test.afterEach(async () => {
  await server?.stop();
});
test.afterAll(async () => {
  await ferry?.stop();
  await rm(home, { recursive: true, force: true });
});

test('a file dragged onto the remote pane reaches 100% in the queue and 226 in the log', async ({ page }) => {
  const content = Buffer.alloc(300_000, 3);
  await writeFile(path.join(home, 'report.pdf'), content);
  await writeFile(path.join(server.homeDir, 'existing.txt'), 'here');
  await mkdir(path.join(server.homeDir, 'inbox'));
  await writeFile(path.join(home, 'notes.txt'), 'notes');
  await page.goto(ferry.url);
  const remote = await quickConnect(page, server, 'existing.txt');

  await dragToPane(page, rowOf(paneOf(page, 'Local site'), 'report.pdf'), 'Remote site');
  await expect(rowOf(remote, 'report.pdf')).toBeVisible();
  await page.getByRole('tab', { name: /Successful transfers/ }).click();
  const row = queueRow(page, '/report.pdf');
  await expect(row.locator('.percent')).toHaveText('100%');
  await expect(row.locator('.q-status')).toHaveText('Done');
  await expect(row.locator('.q-size')).toHaveText('300 KB');
  // "Queued 1 file" goes once the queue has nothing left to do.
  await expect(queue(page).locator('.queue-notice')).toHaveCount(0);

  const log = page.getByRole('region', { name: 'Message log' });
  await log.getByLabel('Filter log').fill('STOR /report.pdf');
  await expect(log.locator('.log-line.log-command', { hasText: 'STOR /report.pdf' })).toBeVisible();
  await log.getByLabel('Filter log').fill('226');
  await expect(log.locator('.log-line[data-code="226"]').first()).toBeVisible();
  expect(sha(await readFile(path.join(server.homeDir, 'report.pdf')))).toBe(sha(content));

  // Nothing went wrong, and the log says so: the probe for a target not there yet (550 to SIZE)
  // and an optional setting the server declines (501 to OPTS UTF8 ON) are information, not red.
  await log.getByLabel('Filter log').fill('Expected when nothing is there yet');
  await expect(log.locator('.log-line.log-expected[data-code="550"]')).toHaveCount(1);
  await log.getByLabel('Filter log').fill('Optional: the server keeps its default');
  await expect(log.locator('.log-line.log-expected').first()).toBeVisible();
  for (const code of ['550', '501']) {
    await log.getByLabel('Filter log').fill(code);
    await expect(log.locator('.log-line.log-expected').first()).toBeVisible();
    await expect(log.locator('.log-line.log-5xx, .log-line.log-error')).toHaveCount(0);
  }
  // The folder the remote pane shows is there: an upload into it sends no MKD to find that out.
  await rowOf(remote, 'inbox').dblclick();
  await expect(remote.getByLabel('Remote site path')).toHaveValue('/inbox');
  await dragToPane(page, rowOf(paneOf(page, 'Local site'), 'notes.txt'), 'Remote site');
  await expect(rowOf(remote, 'notes.txt')).toBeVisible();
  await log.getByLabel('Filter log').fill('STOR /inbox/notes.txt');
  await expect(log.locator('.log-line.log-command')).toHaveCount(1);
  await log.getByLabel('Filter log').fill('MKD');
  await expect(log.locator('.log-line')).toHaveCount(0);
  await expect(log.getByRole('status')).toHaveText('No line matches “MKD”.');

  // A multi-line reply (FEAT) shows one line per reply line, each readable in the list.
  await log.getByLabel('Filter log').fill('211');
  await expect(log.locator('.log-line[data-code="211"]', { hasText: 'EPSV' }).first()).toBeVisible();
  expect(await log.locator('.log-line[data-code="211"]').count()).toBeGreaterThan(3);

  // Connections are named by their server and what they do, and can be filtered so.
  await log.getByLabel('Filter log').fill('STOR /report.pdf');
  await expect(log.locator('.log-line .log-conn')).toHaveText(`127.0.0.1:${server.port} · transfer 1`);
  await log.getByLabel('Filter log').fill('browsing');
  await expect(log.locator('.log-line .log-conn').first()).toHaveText(`127.0.0.1:${server.port} · browsing`);
});

test('a remote folder dragged onto the local pane arrives as the whole tree', async ({ page }) => {
  const site = path.join(server.homeDir, 'site');
  await mkdir(path.join(site, 'css'), { recursive: true });
  await mkdir(path.join(site, 'js', 'lib'), { recursive: true });
  await writeFile(path.join(site, 'index.html'), '<h1>hi</h1>');
  await writeFile(path.join(site, 'css', 'style.css'), 'body{}');
  await writeFile(path.join(site, 'js', 'lib', 'app.js'), 'run()');
  await mkdir(path.join(site, 'empty'));
  const target = await mkdtemp(path.join(home, 'tree-'));
  await page.goto(ferry.url);
  const local = paneOf(page, 'Local site');
  await expect(local.getByLabel('Local site path')).toHaveValue(home);
  await local.getByLabel('Local site path').fill(target);
  await local.getByLabel('Local site path').press('Enter');
  const remote = await quickConnect(page, server, 'site');

  await dragToPane(page, rowOf(remote, 'site'), 'Local site');
  // The files travel on more than one connection: each arrives in its own time.
  await expect.poll(() => readFile(path.join(target, 'site', 'js', 'lib', 'app.js'), 'utf8').catch(() => '')).toBe('run()');
  await expect.poll(() => readFile(path.join(target, 'site', 'css', 'style.css'), 'utf8').catch(() => '')).toBe('body{}');
  await rowOf(local, 'site').dblclick();
  await expect(rowOf(local, 'css')).toBeVisible();
  await expect(rowOf(local, 'empty')).toBeVisible();
  expect(await readFile(path.join(target, 'site', 'js', 'lib', 'app.js'), 'utf8')).toBe('run()');
  expect(await readFile(path.join(target, 'site', 'css', 'style.css'), 'utf8')).toBe('body{}');
});

test('a transfer that fails shows in Failed with the reply code, and Retry completes it', async ({ page }) => {
  await writeFile(path.join(server.homeDir, 'vanishing.txt'), 'soon gone');
  await page.goto(ferry.url);
  const remote = await quickConnect(page, server, 'vanishing.txt');
  // The file disappears between listing and transfer, as files on busy servers do.
  await unlink(path.join(server.homeDir, 'vanishing.txt'));
  await dragToPane(page, rowOf(remote, 'vanishing.txt'), 'Local site');

  await page.getByRole('tab', { name: /Failed transfers \(1\)/ }).click();
  const row = queueRow(page, '/vanishing.txt');
  await expect(row.locator('.q-status')).toHaveText(/^550 No such file or directory\. \(after RETR \/vanishing\.txt\)/);
  await page.screenshot({ path: 'test-results/screenshots/failed-transfer.png' });

  // The log's error line links to the row, from whichever tab is showing.
  await page.getByRole('tab', { name: /Successful transfers/ }).click();
  const log = page.getByRole('region', { name: 'Message log' });
  await log.getByLabel('Filter log').fill('vanishing.txt: failed');
  await log.locator('.log-line.log-error', { hasText: '550' }).getByRole('button', { name: 'show in queue' }).click();
  await expect(page.getByRole('tab', { name: /Failed transfers/ })).toHaveAttribute('aria-selected', 'true');
  await expect(row).toHaveAttribute('aria-selected', 'true');
  await log.getByLabel('Filter log').fill('');

  await writeFile(path.join(server.homeDir, 'vanishing.txt'), 'back again');
  await row.click();
  await queue(page).getByRole('button', { name: 'Retry' }).click();
  await expect(page.getByRole('tab', { name: /Failed transfers \(0\)/ })).toBeVisible();
  await page.getByRole('tab', { name: /Successful transfers/ }).click();
  await expect(queueRow(page, '/vanishing.txt').locator('.q-status')).toHaveText('Done');
  expect(await readFile(path.join(home, 'vanishing.txt'), 'utf8')).toBe('back again');
});

test('when targets exist Ferry asks, and "rename" with "apply to all" keeps both copies of each', async ({ page }) => {
  const folder = await mkdtemp(path.join(home, 'exists-'));
  for (const name of ['one.txt', 'two.txt']) {
    await writeFile(path.join(folder, name), `new ${name}`);
    await writeFile(path.join(server.homeDir, name), `old ${name}`);
  }
  await page.goto(ferry.url);
  const local = paneOf(page, 'Local site');
  await expect(local.getByLabel('Local site path')).toHaveValue(home);
  await local.getByLabel('Local site path').fill(folder);
  await local.getByLabel('Local site path').press('Enter');
  await quickConnect(page, server, 'one.txt');
  await rowOf(local, 'one.txt').click();
  await rowOf(local, 'two.txt').click({ modifiers: ['Shift'] });
  await dragToPane(page, rowOf(local, 'one.txt'), 'Remote site');

  const dialog = page.getByRole('dialog', { name: 'Target file already exists' });
  await expect(dialog).toBeVisible();
  // Two uploads run at once; either may ask first.
  await expect(dialog).toContainText(/Remote file: \/(one|two)\.txt/);
  await dialog.getByLabel('Rename (keep both)').check();
  await dialog.getByLabel(/Apply to all/).check();
  await dialog.getByRole('button', { name: 'OK' }).click();
  await expect(dialog).toBeHidden();
  await expect.poll(() => readFile(path.join(server.homeDir, 'two (1).txt'), 'utf8').catch(() => '')).toBe('new two.txt');
  await expect.poll(() => readFile(path.join(server.homeDir, 'one (1).txt'), 'utf8').catch(() => '')).toBe('new one.txt');
  expect(await readFile(path.join(server.homeDir, 'one.txt'), 'utf8')).toBe('old one.txt');
  expect(await readFile(path.join(server.homeDir, 'two.txt'), 'utf8')).toBe('old two.txt');
});

test('the "target exists" question can be cancelled, or dismissed with Escape: that file is skipped and the next is asked about', async ({ page }) => {
  const folder = await mkdtemp(path.join(home, 'skip-'));
  for (const name of ['left.txt', 'right.txt']) {
    await writeFile(path.join(folder, name), `new ${name}`);
    await writeFile(path.join(server.homeDir, name), `old ${name}`);
  }
  await page.goto(ferry.url);
  const local = paneOf(page, 'Local site');
  await expect(local.getByLabel('Local site path')).toHaveValue(home);
  await local.getByLabel('Local site path').fill(folder);
  await local.getByLabel('Local site path').press('Enter');
  await quickConnect(page, server, 'left.txt');
  await rowOf(local, 'left.txt').click();
  await rowOf(local, 'right.txt').click({ modifiers: ['Shift'] });
  await dragToPane(page, rowOf(local, 'left.txt'), 'Remote site');

  const dialog = page.getByRole('dialog', { name: 'Target file already exists' });
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  // Asked again about the other file, which Cancel skips too.
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await page.getByRole('tab', { name: /Successful transfers/ }).click();
  await expect(queueRow(page, '/left.txt')).toHaveCount(1);
  await expect(queueRow(page, '/right.txt')).toHaveCount(1);
  expect(await readFile(path.join(server.homeDir, 'left.txt'), 'utf8')).toBe('old left.txt');
  expect(await readFile(path.join(server.homeDir, 'right.txt'), 'utf8')).toBe('old right.txt');
});

test('queue settings: a policy chosen in the queue applies without asking, and the settings are kept after a reload', async ({ page }) => {
  const folder = await mkdtemp(path.join(home, 'settings-'));
  await writeFile(path.join(folder, 'both.txt'), 'local copy');
  await writeFile(path.join(server.homeDir, 'both.txt'), 'server copy');
  await page.goto(ferry.url);
  const local = paneOf(page, 'Local site');
  await expect(local.getByLabel('Local site path')).toHaveValue(home);
  await local.getByLabel('Local site path').fill(folder);
  await local.getByLabel('Local site path').press('Enter');
  await quickConnect(page, server, 'both.txt');

  const settings = queue(page).getByRole('group', { name: 'Queue settings' });
  await settings.getByLabel('If the target exists').selectOption('skip');
  await settings.getByLabel('Upload limit').fill('64');
  await settings.getByLabel('Upload limit').press('Enter');
  await settings.getByLabel('Per server').selectOption('3');

  await dragToPane(page, rowOf(local, 'both.txt'), 'Remote site');
  await page.getByRole('tab', { name: /Successful transfers/ }).click();
  await expect(queueRow(page, '/both.txt').locator('.q-status')).toHaveText('Skipped (target exists)');
  await expect(page.getByRole('dialog', { name: 'Target file already exists' })).toHaveCount(0);
  expect(await readFile(path.join(server.homeDir, 'both.txt'), 'utf8')).toBe('server copy');

  await page.reload();
  await expect(settings.getByLabel('If the target exists')).toHaveValue('skip');
  await expect(settings.getByLabel('Upload limit')).toHaveValue('64');
  await expect(settings.getByLabel('Download limit')).toHaveValue('');
  await expect(settings.getByLabel('Per server')).toHaveValue('3');
  // Back to the defaults for the other tests.
  await settings.getByLabel('If the target exists').selectOption('ask');
  await settings.getByLabel('Upload limit').fill('');
  await settings.getByLabel('Upload limit').press('Enter');
  await settings.getByLabel('Per server').selectOption('2');
  await expect(settings.getByLabel('Upload limit')).toHaveValue('');
  await expect.poll(async () => JSON.parse(await readFile(path.join(ferry.dataDir, 'queue-settings.json'), 'utf8').catch(() => '{}'))).toMatchObject({ uploadLimitBps: 0, onExists: 'ask' });
});

test.describe('over a slow link', () => {
  let proxy: FaultProxy;
  test.beforeEach(async () => {
    proxy = await startFaultProxy({ targetPort: server.port, throttleBps: 1_000_000 });
  });
  test.afterEach(async () => {
    await proxy?.stop();
  });

  test('a busy queue shows live speed and ETA, pauses, reorders, cancels with delete, and resumes to byte-identical files', async ({ page }) => {
    const folder = await mkdtemp(path.join(home, 'batch-'));
    const files: Buffer[] = [];
    for (let i = 0; i < 4; i++) {
      const b = Buffer.alloc(2_500_000, i + 1);
      b.write(`file ${i}`);
      files.push(b);
      await writeFile(path.join(folder, `part-${i}.bin`), b);
    }
    await writeFile(path.join(server.homeDir, 'start.txt'), 'x');
    await page.goto(ferry.url);
    const local = paneOf(page, 'Local site');
    await expect(local.getByLabel('Local site path')).toHaveValue(home);
  await local.getByLabel('Local site path').fill(folder);
    await local.getByLabel('Local site path').press('Enter');
    await quickConnect(page, { ...server, port: proxy.port }, 'start.txt');

    await rowOf(local, 'part-0.bin').click();
    await rowOf(local, 'part-3.bin').click({ modifiers: ['Shift'] });
    await dragToPane(page, rowOf(local, 'part-0.bin'), 'Remote site');

    // Column headers name what each column shows, the server among them.
    await expect(queue(page).getByRole('columnheader')).toHaveText(['', 'Local file', 'Remote file', 'Server', 'Size', 'Progress', 'Speed', 'Time left', 'Status']);
    await expect(queueRow(page, '/part-0.bin').locator('.q-server')).toHaveText(`127.0.0.1:${proxy.port}`);
    const active = queue(page).locator('[role=row][data-state=transferring]').first();
    await expect(active.locator('.q-speed')).toHaveText(/\d.*B\/s/);
    await expect(active.locator('.q-eta')).toHaveText(/\d/);
    await expect(page.getByRole('contentinfo', { name: 'Status' })).toContainText(/Queue: \d files?/);
    await page.screenshot({ path: 'test-results/screenshots/busy-queue.png' });

    // With nothing selected the buttons say they act on all, and cancelling all asks first.
    await queue(page).getByRole('button', { name: 'Pause all' }).click();
    await expect(queue(page).locator('[role=row][data-state=paused]')).not.toHaveCount(0);
    await expect(queue(page).locator('[role=row][data-state=transferring]')).toHaveCount(0);
    await expect(queue(page).getByRole('button', { name: 'Pause all' })).toBeDisabled();
    await queue(page).getByRole('button', { name: 'Cancel all and delete…' }).click();
    const confirm = queue(page).getByRole('alertdialog', { name: 'Confirm cancelling all transfers' });
    await expect(confirm).toContainText('Cancel all 4 transfers and delete what they transferred so far?');
    await confirm.getByRole('button', { name: 'Keep them' }).click();
    await expect(confirm).toHaveCount(0);
    await queue(page).getByRole('button', { name: 'Cancel all…' }).click();
    await page.keyboard.press('Escape');
    await expect(confirm).toHaveCount(0);
    await expect(queue(page).locator('[role=row][data-id]')).toHaveCount(4);

    // Reorder while paused: the last file to the top.
    await queueRow(page, '/part-3.bin').click();
    await queue(page).getByRole('button', { name: 'Move to top' }).click();
    await expect(queue(page).locator('[role=row][data-id]').first().locator('.q-remote')).toHaveAttribute('title', '/part-3.bin');
    await queue(page).getByRole('button', { name: 'Move to bottom' }).click();
    await expect(queue(page).locator('[role=row][data-id]').last().locator('.q-remote')).toHaveAttribute('title', '/part-3.bin');
    await queue(page).getByRole('button', { name: 'Move to top' }).click();
    await expect(queue(page).locator('[role=row][data-id]').first().locator('.q-remote')).toHaveAttribute('title', '/part-3.bin');

    // A started upload cancelled with "delete" leaves nothing on the server.
    await expect.poll(() => readFile(path.join(server.homeDir, 'part-0.bin')).then((b) => b.length, () => 0)).toBeGreaterThan(0);
    await queueRow(page, '/part-0.bin').click();
    await queue(page).getByRole('button', { name: 'Cancel and delete' }).click();
    await expect.poll(() => readFile(path.join(server.homeDir, 'part-0.bin')).then(() => 'there', () => 'gone')).toBe('gone');

    // With nothing selected, Resume resumes every paused transfer (choosing a tab clears the selection).
    await page.getByRole('tab', { name: /Queued files/ }).click();
    await queue(page).getByRole('button', { name: 'Resume all' }).click();
    await expect(page.getByRole('tab', { name: /Queued files \(0\)/ })).toBeVisible({ timeout: 60_000 });
    await expect(page.getByRole('tab', { name: /Failed transfers \(1\)/ })).toBeVisible();
    for (let i = 1; i < 4; i++) {
      expect(sha(await readFile(path.join(server.homeDir, `part-${i}.bin`)))).toBe(sha(files[i]));
    }
    expect(await readFile(path.join(server.homeDir, 'part-0.bin')).then(() => 'there', () => 'gone')).toBe('gone');
  });
});
