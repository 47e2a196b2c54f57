/**
 * The Site Manager as a user meets it in browser mode, against a real FTP server (pyftpdlib):
 * a master password protects a saved site password across a restart of Ferry; FileZilla's
 * sitemanager.xml imports with a report of what was skipped; a bad field is marked where it
 * is; an FTPS certificate can be trusted always for a site.
 */
import { test, expect, type Page } from '@playwright/test';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startFerry, type FerryApp } from './ferryApp';
import { startServer, type RunningServer } from '../servers';

/** The harness's pyftpdlib with a small tree; `tls` makes it require explicit TLS with its self-signed certificate. */
async function startFtp(options: { tls?: boolean } = {}): Promise<RunningServer> {
  const server = await startServer('pyftpdlib', options.tls ? { requireTls: true } : {});
  await mkdir(path.join(server.homeDir, 'docs', 'manuals'), { recursive: true });
  await writeFile(path.join(server.homeDir, 'docs', 'readme.txt'), 'read me\n');
  await writeFile(path.join(server.homeDir, 'top.txt'), 'top\n');
  return server;
}

const FIXTURE = path.resolve(import.meta.dirname, '../fixtures/sitemanager/sitemanager.xml');
const MASTER = 'correct horse battery';

let home: string;
let dataDir: string;
let ferry: FerryApp | undefined;

test.beforeEach(async () => {
  home = await mkdtemp(path.join(os.tmpdir(), 'ferry-home-'));
  await mkdir(path.join(home, 'site-local'));
  await writeFile(path.join(home, 'site-local', 'here.txt'), 'local\n');
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'ferry-data-'));
  ferry = await startFerry(home, {}, { dataDir });
});

test.afterEach(async () => {
  await ferry?.stop();
  await rm(home, { recursive: true, force: true });
  await rm(dataDir, { recursive: true, force: true });
});

const dialog = (page: Page) => page.getByRole('dialog', { name: 'Site Manager' });
const tree = (page: Page) => dialog(page).getByRole('tree', { name: 'Sites and folders' });
const treeItem = (page: Page, name: string) => tree(page).getByRole('treeitem', { name, exact: false }).filter({ hasText: name }).first();
const field = (page: Page, label: string) => dialog(page).getByLabel(label, { exact: true });
const remotePane = (page: Page) => page.getByRole('region', { name: 'Remote site' });

async function openSiteManager(page: Page) {
  await page.getByRole('button', { name: 'Site Manager' }).click();
  await expect(dialog(page)).toBeVisible();
}

test('a saved password survives a restart behind the master password, and the site connects without typing it', async ({ page }) => {
  const server = await startFtp();
  try {
    await page.goto(ferry!.url);
    // Ctrl+S opens the Site Manager, as in FileZilla.
    await expect(page.getByRole('button', { name: 'Site Manager' })).toBeVisible();
    await page.keyboard.press('Control+s');
    await expect(dialog(page)).toBeVisible();

    // Choose a master password: passwords can then be saved.
    await dialog(page).getByRole('tab', { name: 'Passwords' }).click();
    await expect(dialog(page).getByText('No password is written to disk')).toBeVisible();
    await dialog(page).getByRole('radio', { name: /Protect saved passwords with a master password/ }).check();
    await dialog(page).getByLabel('New master password').fill(MASTER);
    await dialog(page).getByLabel('Repeat it').fill(MASTER);
    await dialog(page).getByRole('button', { name: 'Set master password' }).click();
    await expect(dialog(page).getByRole('heading', { name: 'Saved passwords are protected by your master password' })).toBeVisible();

    // A new site with its password and default folders.
    await dialog(page).getByRole('tab', { name: 'Sites' }).click();
    await dialog(page).getByRole('button', { name: 'New site' }).click();
    await field(page, 'Name').fill('Test server');
    await field(page, 'Protocol').selectOption('none');
    await field(page, 'Host').fill('127.0.0.1');
    await field(page, 'Port').fill(String(server.port));
    await field(page, 'User').fill(server.user);
    await field(page, 'Password').fill(server.password);
    await field(page, 'Default remote folder').fill('/docs');
    await field(page, 'Default local folder').fill(path.join(home, 'site-local'));
    await dialog(page).getByLabel('Synchronized browsing').check();
    await dialog(page).getByRole('button', { name: 'Save', exact: true }).click();
    await expect(dialog(page).getByRole('status')).toHaveText('Saved Test server');
    await expect(treeItem(page, 'Test server')).toHaveAttribute('aria-selected', 'true');
    await expect(dialog(page).getByText('A password is saved for this site.')).toBeVisible();

    // Restart Ferry on the same data folder: sites persist, passwords are locked.
    await ferry!.stop();
    ferry = await startFerry(home, {}, { dataDir });
    await page.goto(ferry.url);
    await openSiteManager(page);
    await expect(treeItem(page, 'Test server')).toBeVisible();
    const unlock = dialog(page).getByRole('form', { name: 'Unlock saved passwords' });
    await expect(unlock).toContainText('Saved passwords are locked.');
    await unlock.getByLabel('Master password').fill(MASTER);
    await unlock.getByRole('button', { name: 'Unlock' }).click();
    await expect(dialog(page).getByRole('status')).toHaveText('Saved passwords unlocked');
    await expect(unlock).toBeHidden();

    // Connect: no password prompt, the remote pane opens on the site's remote folder and the local pane on its local one.
    await treeItem(page, 'Test server').click();
    await expect(dialog(page).getByText('A password is saved for this site.')).toBeVisible();
    await dialog(page).getByRole('toolbar', { name: 'Site actions' }).getByRole('button', { name: 'Connect' }).click();
    await expect(dialog(page)).toBeHidden();
    await expect(remotePane(page).getByLabel('Remote site path')).toHaveValue('/docs');
    await expect(remotePane(page).locator('[role=row][data-name="readme.txt"]')).toBeVisible();
    await expect(remotePane(page).locator('[role=row][data-name="manuals"]')).toBeVisible();
    await expect(page.getByRole('form', { name: /Password for/ })).toHaveCount(0);
    await expect(page.getByLabel('Local site path')).toHaveValue(path.join(home, 'site-local'));

    // The site browses both panes in step: entering manuals/ on the server looks for it here too.
    await expect(page.getByRole('button', { name: 'Synchronized browsing' })).toHaveAttribute('aria-pressed', 'true');
    await remotePane(page).locator('[role=row][data-name="manuals"]').dblclick();
    const missing = page.getByRole('dialog', { name: 'Folder missing' });
    await expect(missing).toContainText('"manuals" does not exist in the local folder');
    await missing.getByRole('button', { name: 'Create' }).click();
    await expect(page.getByLabel('Local site path')).toHaveValue(path.join(home, 'site-local', 'manuals'));
  } finally {
    await server.stop();
  }
});

test("imports FileZilla's sitemanager.xml and reports every skipped entry with its reason", async ({ page }) => {
  await page.goto(ferry!.url);
  await openSiteManager(page);
  await expect(dialog(page).getByText('No sites yet.')).toBeVisible();
  // With a master password the file's readable passwords are kept (encrypted).
  await dialog(page).getByRole('tab', { name: 'Passwords' }).click();
  await dialog(page).getByRole('radio', { name: /Protect saved passwords with a master password/ }).check();
  await dialog(page).getByLabel('New master password').fill(MASTER);
  await dialog(page).getByLabel('Repeat it').fill(MASTER);
  await dialog(page).getByRole('button', { name: 'Set master password' }).click();
  await expect(dialog(page).getByText('Unlocked')).toBeVisible();
  await dialog(page).getByRole('tab', { name: 'Import / Export' }).click();
  await dialog(page).getByLabel('FileZilla site manager file').setInputFiles(FIXTURE);

  const report = dialog(page).getByRole('status', { name: 'Import report' });
  await expect(report).toContainText('Imported 11 sites from sitemanager.xml');
  await expect(report).toContainText('Skipped (3)');
  const skipped = report.locator('.sm-skipped li');
  await expect(skipped).toHaveText([
    'Personal/Half-finished entry: Host is missing',
    'Personal/Typo in port: Port "70000" is not a number from 1 to 65535',
    'Personal/Backups: S3 is not supported: Ferry connects with FTP, FTPS and SFTP only',
  ]);
  await expect(report.locator('.sm-warnings li').filter({ hasText: 'Legacy server' }).first()).toHaveText(
    'Work/Clients/Legacy server: Password is encrypted with a FileZilla master password and cannot be read; imported as "ask for password"',
  );

  // The tree shows the imported folders and sites, with FileZilla's encoded remote folders decoded.
  await dialog(page).getByRole('tab', { name: 'Sites' }).click();
  await expect(treeItem(page, 'Work')).toHaveAttribute('aria-expanded', 'true');
  await expect(treeItem(page, 'Clients')).toBeVisible();
  await expect(treeItem(page, 'Archive')).toBeVisible();
  await expect(treeItem(page, 'Company web')).toBeVisible();
  await expect(treeItem(page, 'GNU mirror')).toBeVisible();
  await treeItem(page, 'Company web').click();
  await expect(dialog(page).getByText('A password is saved for this site.')).toBeVisible();
  await expect(field(page, 'Default remote folder')).toHaveValue('/public/html');
  await page.screenshot({ path: 'test-results/screenshots/site-manager.png' });
  await treeItem(page, 'Acme Corp').click();
  await expect(field(page, 'Default remote folder')).toHaveValue('/Acme Files/2024 Orders');
  await expect(field(page, 'Logon type')).toHaveValue('ask');
  await expect(field(page, 'Protocol')).toHaveValue('implicit');
  await expect(dialog(page).getByLabel('Encoding name')).toHaveValue('ISO-8859-1');
  // FileZilla's SFTP sites come over with their logon: a key file, the server's own questions.
  await treeItem(page, 'Acme SFTP').click();
  await expect(field(page, 'Protocol')).toHaveValue('sftp');
  await expect(field(page, 'Logon type')).toHaveValue('key');
  await expect(field(page, 'Key file')).toHaveValue('C:\\Users\\ana\\.ssh\\acme.ppk');
  await expect(field(page, 'Port')).toHaveValue('22');
  await expect(field(page, 'Transfer mode')).toHaveCount(0);
  await treeItem(page, 'Acme bastion (OTP)').click();
  await expect(field(page, 'Logon type')).toHaveValue('interactive');
  await treeItem(page, 'Acme Corp').click();

  // Keyboard: Left goes to the parent folder, Left again collapses it.
  await treeItem(page, 'Acme Corp').press('ArrowLeft');
  await expect(treeItem(page, 'Clients')).toHaveAttribute('aria-selected', 'true');
  await treeItem(page, 'Clients').press('ArrowLeft');
  await expect(treeItem(page, 'Clients')).toHaveAttribute('aria-expanded', 'false');
  await expect(treeItem(page, 'Acme Corp')).toBeHidden();

  // Export: the same format back as a download, passwords only when asked for, with a warning.
  await dialog(page).getByRole('tab', { name: 'Import / Export' }).click();
  await dialog(page).getByLabel('Include passwords').check();
  await expect(dialog(page).getByRole('note')).toContainText('anyone who gets the file can read them');
  const downloading = page.waitForEvent('download');
  await dialog(page).getByRole('button', { name: 'Export sitemanager.xml' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('sitemanager.xml');
  const xml = await readFile((await download.path())!, 'utf8');
  expect(xml).toContain('<FileZilla3');
  expect(xml).toContain('<Name>Company web</Name>');
  expect(xml).toContain('<Pass encoding="base64">czNjcjN0Jjxww6Rzc3fDtnJkPg==</Pass>');
});

test('a field the main process rejects is marked next to the field; Escape closes after asking about unsaved changes', async ({ page }) => {
  await page.goto(ferry!.url);
  await openSiteManager(page);
  await dialog(page).getByRole('button', { name: 'New site' }).click();
  await field(page, 'Port').fill('70000');
  await dialog(page).getByRole('button', { name: 'Save', exact: true }).click();

  await expect(field(page, 'Host')).toHaveAccessibleDescription('Host is required');
  await expect(field(page, 'Port')).toHaveAccessibleDescription('Port must be a whole number from 1 to 65535');
  await expect(field(page, 'Host')).toHaveAttribute('aria-invalid', 'true');
  await expect(field(page, 'User')).toHaveAccessibleDescription('User name is required for normal logon');

  // Fixing a field clears its error at once; saving then works.
  await field(page, 'Host').fill('ftp.example.com');
  await expect(field(page, 'Host')).not.toHaveAttribute('aria-invalid', 'true');
  await field(page, 'Port').fill('2121');
  await field(page, 'Logon type').selectOption('anonymous');
  await dialog(page).getByRole('button', { name: 'Save', exact: true }).click();
  await expect(treeItem(page, 'New site')).toHaveAttribute('aria-selected', 'true');

  await field(page, 'Comments').fill('edited');
  await page.keyboard.press('Escape');
  await expect(dialog(page).getByRole('alertdialog', { name: 'Unsaved changes' })).toBeVisible();
  await dialog(page).getByRole('button', { name: 'Discard' }).click();
  await expect(dialog(page)).toBeHidden();
  await expect(page.getByRole('button', { name: 'Site Manager' })).toBeFocused();
});

test('an unknown FTPS certificate can be trusted always for a site, and is not asked again', async ({ page }) => {
  const server = await startFtp({ tls: true });
  try {
    await page.goto(ferry!.url);
    await openSiteManager(page);
    await dialog(page).getByRole('button', { name: 'New site' }).click();
    await field(page, 'Name').fill('Secure server');
    await field(page, 'Protocol').selectOption('explicit');
    await field(page, 'Host').fill('127.0.0.1');
    await field(page, 'Port').fill(String(server.port));
    await field(page, 'Logon type').selectOption('ask');
    await field(page, 'User').fill(server.user);
    await dialog(page).getByRole('button', { name: 'Save', exact: true }).click();
    await expect(treeItem(page, 'Secure server')).toHaveAttribute('aria-selected', 'true');
    await treeItem(page, 'Secure server').dblclick();

    // "Ask" logon: the password is asked for, then the certificate.
    const prompt = page.getByRole('form', { name: 'Password for Secure server' });
    await prompt.getByLabel('Password').fill(server.password);
    await prompt.getByRole('button', { name: 'Connect' }).click();
    const trust = page.getByRole('region', { name: 'Unknown certificate' });
    await expect(trust).toContainText('O=Ferry test server');
    // The fingerprint shown is the server's own, so the user can compare it with the administrator's.
    await expect(trust.locator('.fingerprint')).toHaveText(server.certFingerprint256);
    const fingerprint = await trust.locator('.fingerprint').textContent();
    await trust.getByRole('button', { name: 'Always trust for Secure server' }).click();
    await expect(remotePane(page).locator('[role=row][data-name="top.txt"]')).toBeVisible();

    // Reconnecting asks for the password again ("ask" logon) but not about the certificate.
    await page.getByRole('button', { name: 'Disconnect' }).click();
    await openSiteManager(page);
    await treeItem(page, 'Secure server').click();
    await expect(dialog(page).getByText(fingerprint!)).toBeVisible();
    await dialog(page).getByRole('toolbar', { name: 'Site actions' }).getByRole('button', { name: 'Connect' }).click();
    await prompt.getByLabel('Password').fill(server.password);
    await prompt.getByRole('button', { name: 'Connect' }).click();
    await expect(remotePane(page).locator('[role=row][data-name="top.txt"]')).toBeVisible();
    await expect(trust).toHaveCount(0);
  } finally {
    await server.stop();
  }
});
