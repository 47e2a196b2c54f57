/** Shared steps of the browsing e2e tests: connecting by quick connect and finding pane parts. */
import { expect, type Locator, type Page } from '@playwright/test';
import type { RunningServer } from '../servers';

/** What quick connect needs of a server. */
type Reachable = Pick<RunningServer, 'host' | 'port' | 'user' | 'password'>;

/** The pane region by its title. */
export const paneOf = (page: Page, title: 'Local site' | 'Remote site'): Locator => page.getByRole('region', { name: title });

/** A data row of a pane by entry name. */
export const rowOf = (pane: Locator, name: string): Locator => pane.locator(`.file-scroll [role=row][data-name="${name}"]`);

/** Names of the rows rendered in a pane, in order. */
export const renderedNames = (pane: Locator): Promise<(string | null)[]> =>
  pane.locator('.file-scroll [role=row]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-name')));

/** Names of the selected rows rendered in a pane. */
export const selectedNames = (pane: Locator): Promise<(string | null)[]> =>
  pane.locator('.file-scroll [role=row][aria-selected=true]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-name')));

/** Connects with the quick-connect bar over plain FTP and waits for the remote listing. */
export async function quickConnect(page: Page, server: Reachable, firstRow: string): Promise<Locator> {
  const form = page.getByRole('form', { name: 'Quick connect' });
  await form.getByLabel('Host').fill(server.host);
  await form.getByLabel('Username').fill(server.user);
  await form.getByLabel('Password').fill(server.password);
  await form.getByLabel('Port').fill(String(server.port));
  await form.getByLabel('Protocol').selectOption('none');
  await form.getByRole('button', { name: 'Quickconnect' }).click();
  const remote = paneOf(page, 'Remote site');
  await expect(rowOf(remote, firstRow)).toBeVisible();
  return remote;
}
