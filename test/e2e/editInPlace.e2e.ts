/**
 * View/Edit in the browser window's own editor against a real server: F4 on a remote HTML file
 * opens it highlighted, Ctrl+S uploads it, a change made on the server meanwhile stops the next
 * save with the conflict question, whose "save mine as" leaves both files on the server; a binary
 * file is offered for download to the local folder instead. The editor and the question are
 * keyboard operable and pass axe.
 */
import { test, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startFerry, type FerryApp } from './ferryApp';
import { startServer, type RunningServer } from '../servers';
import { quickConnect, rowOf } from './browseHelpers';

const SHOTS = path.resolve(import.meta.dirname, '../../test-results/screenshots');
const PAGE = '<!doctype html>\n<html>\n  <body>\n    <p class="greeting">Hello</p>\n  </body>\n</html>\n';
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);

let home: string;
let ferry: FerryApp;
let server: RunningServer;

test.beforeAll(async () => {
  home = await mkdtemp(path.join(os.tmpdir(), 'ferry-home-'));
  ferry = await startFerry(home);
  server = await startServer('pyftpdlib');
});
test.afterAll(async () => {
  await server?.stop();
  await ferry?.stop();
  await rm(home, { recursive: true, force: true });
});

/** Serious and critical axe findings inside `selector`. */
async function violations(page: Page, selector: string): Promise<string[]> {
  const { violations: found } = await new AxeBuilder({ page }).include(selector).analyze();
  return found.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

const onServer = (name: string) => readFile(path.join(server.homeDir, name), 'utf8');

test('edit a remote file in the built-in editor: highlighted, Ctrl+S uploads, a change on the server is a conflict, "save mine as" keeps both', async ({ page }) => {
  await writeFile(path.join(server.homeDir, 'index.html'), PAGE);
  await page.goto(ferry.url);
  const remote = await quickConnect(page, server, 'index.html');
  await rowOf(remote, 'index.html').click();
  await page.keyboard.press('F4');

  const editor = page.getByRole('dialog', { name: 'index.html' });
  await expect(editor).toBeVisible();
  const text = editor.getByRole('textbox', { name: 'Text of index.html' });
  await expect(text).toContainText('Hello');
  await expect(text).toBeFocused();
  // The HTML language pack has loaded and coloured the tags.
  await expect(text.locator('.tok-typeName').first()).toBeVisible();
  expect(await text.locator('.tok-typeName').count()).toBeGreaterThan(3);
  await expect(page.getByRole('contentinfo', { name: 'Status' })).toContainText('1 file being edited');
  expect(await violations(page, '.editor-dialog')).toEqual([]);
  // The syntax colours stay readable in the dark theme too.
  await page.emulateMedia({ colorScheme: 'dark' });
  expect(await violations(page, '.editor-dialog')).toEqual([]);
  await page.screenshot({ path: path.join(SHOTS, 'edit-in-place-editor-dark.png') });
  await page.emulateMedia({ colorScheme: 'light' });

  await page.keyboard.press('Control+End');
  await page.keyboard.type('<!-- edited in Ferry -->');
  await expect(editor.getByRole('status')).toHaveText('Modified');
  await page.screenshot({ path: path.join(SHOTS, 'edit-in-place-editor.png') });
  await page.keyboard.press('Control+s');
  await expect(editor.getByRole('status')).toHaveText('Saved and uploaded');
  expect(await onServer('index.html')).toBe(`${PAGE}<!-- edited in Ferry -->`);

  // Someone else changes the file on the server; the next save must not overwrite it unasked.
  await writeFile(path.join(server.homeDir, 'index.html'), `${PAGE}<!-- their change -->\n`);
  await page.keyboard.type(' and again');
  await page.keyboard.press('Control+s');
  const conflict = page.getByRole('dialog', { name: 'index.html changed on the server' });
  await expect(conflict).toBeVisible();
  await expect(conflict).toContainText('Its size changed from');
  await expect(conflict.getByRole('radio', { name: 'Save mine under another name' })).toBeChecked();
  await expect(conflict.getByRole('textbox', { name: 'Name' })).toHaveValue('index (edited).html');
  expect(await onServer('index.html')).toBe(`${PAGE}<!-- their change -->\n`);
  expect(await violations(page, '.conflict-dialog')).toEqual([]);
  await page.screenshot({ path: path.join(SHOTS, 'edit-in-place-conflict.png') });
  await conflict.getByRole('button', { name: 'Continue' }).press('Enter');

  await expect(conflict).toHaveCount(0);
  const renamed = page.getByRole('dialog', { name: 'index (edited).html' });
  await expect(renamed.getByRole('status')).toHaveText('Saved and uploaded');
  expect(await onServer('index.html')).toBe(`${PAGE}<!-- their change -->\n`);
  expect(await onServer('index (edited).html')).toBe(`${PAGE}<!-- edited in Ferry --> and again`);

  // Nothing is left to upload: closing ends the edit.
  await renamed.getByRole('button', { name: 'Close' }).click();
  await expect(renamed).toHaveCount(0);
  await expect(page.getByRole('contentinfo', { name: 'Status' })).not.toContainText('being edited');
});

test('closing with unsaved typing asks first; a conflict put off waits in the list of files being edited; a binary file is offered for download', async ({ page }) => {
  await writeFile(path.join(server.homeDir, 'notes.txt'), 'first line\n');
  await writeFile(path.join(server.homeDir, 'logo.png'), PNG);
  await page.goto(ferry.url);
  const remote = await quickConnect(page, server, 'notes.txt');
  const status = page.getByRole('contentinfo', { name: 'Status' });
  await rowOf(remote, 'notes.txt').click();
  await page.getByRole('toolbar', { name: 'Remote site actions' }).getByRole('button', { name: 'View/Edit' }).click();
  const editor = page.getByRole('dialog', { name: 'notes.txt' });
  await expect(editor.getByRole('textbox')).toContainText('first line');
  await page.keyboard.type('unsaved ');
  await page.keyboard.press('Escape');
  const ask = page.getByRole('dialog', { name: 'Discard changes?' });
  await expect(ask).toBeVisible();
  await ask.getByRole('button', { name: 'Cancel' }).click();
  await expect(editor.getByRole('status')).toHaveText('Modified');
  await page.keyboard.press('Escape');
  await ask.getByRole('button', { name: 'Discard changes' }).click();
  await expect(editor).toHaveCount(0);
  await expect(status).not.toContainText('being edited');
  expect(await onServer('notes.txt')).toBe('first line\n');

  // A conflict put off ("Decide later") keeps the saved copy, listed as not uploaded.
  await rowOf(remote, 'notes.txt').click();
  await page.keyboard.press('F3');
  await expect(editor.getByRole('textbox')).toContainText('first line');
  await writeFile(path.join(server.homeDir, 'notes.txt'), 'first line\ntheir second line\n');
  await page.keyboard.type('my ');
  await page.keyboard.press('Control+s');
  const conflict = page.getByRole('dialog', { name: 'notes.txt changed on the server' });
  await conflict.getByRole('button', { name: 'Decide later' }).click();
  await expect(editor.getByRole('status')).toHaveText('Changed on the server: not uploaded');
  await editor.getByRole('button', { name: 'Close' }).click();
  await expect(editor).toHaveCount(0);
  await status.getByRole('button', { name: '1 file being edited, 1 not uploaded' }).click();
  const list = page.getByRole('dialog', { name: 'Files being edited' });
  await expect(list.getByRole('listitem')).toContainText('Changed on the server: not uploaded');
  expect(await violations(page, '.modal[open]')).toEqual([]);
  await page.screenshot({ path: path.join(SHOTS, 'edit-in-place-list.png') });
  await list.getByRole('button', { name: 'Resolve…' }).click();
  await conflict.getByRole('radio', { name: 'Keep theirs and do not upload mine' }).check();
  await conflict.getByRole('checkbox', { name: /Load their version into my copy/ }).check();
  await conflict.getByRole('button', { name: 'Continue' }).click();
  await expect(conflict).toHaveCount(0);
  await expect(status.getByRole('button', { name: '1 file being edited' })).toBeVisible();
  expect(await onServer('notes.txt')).toBe('first line\ntheir second line\n');
  await status.getByRole('button', { name: '1 file being edited' }).click();
  await list.getByRole('button', { name: 'Edit' }).click();
  await expect(editor.getByRole('textbox')).toContainText('their second line');
  await editor.getByRole('button', { name: 'Close' }).click();
  await expect(status).not.toContainText('being edited');

  await rowOf(remote, 'logo.png').click({ button: 'right' });
  await page.getByRole('menuitem', { name: 'View/Edit' }).click();
  const offer = page.getByRole('dialog', { name: 'Cannot edit this file here' });
  await expect(offer).toContainText('logo.png is not a text file (it contains NUL bytes)');
  await expect(offer).toContainText(`Download it to ${home} instead?`);
  await offer.getByRole('button', { name: 'Download' }).click();
  await expect.poll(() => readFile(path.join(home, 'logo.png')).catch(() => Buffer.alloc(0))).toEqual(PNG);
  await expect(status).not.toContainText('being edited');
});
