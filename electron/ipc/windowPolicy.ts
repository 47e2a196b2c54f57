/**
 * What the Electron window may do beyond showing Ferry, decided in one place so it can be tested
 * without Electron (it takes Electron's objects as parameters and imports only their types):
 * no permissions for web features, no navigation away from the app, links opened in the user's
 * browser only for allowed hosts and after the user agrees, and no developer tools or
 * development server in a packaged app.
 */
import type { BrowserWindow, Dialog, MenuItemConstructorOptions, Session, Shell } from 'electron';

/**
 * Hosts whose https links the app may open in the user's browser. Ferry shows no web links
 * today, so none: a URL that reaches the window in some other way (a server's text, say) is
 * never opened. A link the app adds names its host here.
 */
export const EXTERNAL_LINK_HOSTS: readonly string[] = [];

/** Whether `url` is an https link to one of `allowedHosts` (exact host, no credentials, default port). */
export function canOpenExternally(url: string, allowedHosts: readonly string[]): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return parsed.protocol === 'https:' && parsed.username === '' && parsed.password === '' && parsed.port === '' && allowedHosts.includes(parsed.hostname);
}

/** The renderer's address: the development server only while developing, never in a packaged app. */
export function rendererUrl(isPackaged: boolean, devUrl: string | undefined, appUrl: string): string {
  return !isPackaged && devUrl ? devUrl : appUrl;
}

/** The View menu: developer tools only while developing. */
export function viewMenu(isPackaged: boolean): MenuItemConstructorOptions {
  const items: MenuItemConstructorOptions[] = [{ role: 'reload' }];
  if (!isPackaged) items.push({ role: 'toggleDevTools' });
  items.push({ type: 'separator' }, { role: 'togglefullscreen' });
  return { label: 'View', submenu: items };
}

/** The one web permission the app uses: writing text to the clipboard (the log's Copy). */
const APP_PERMISSIONS: ReadonlySet<string> = new Set(['clipboard-sanitized-write']);

/**
 * Refuses every permission a web page could ask for or check, but writing text to the clipboard
 * from the app itself: an FTP client needs nothing else.
 */
export function limitPermissions(session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'>, isTrustedUrl: (url: string) => boolean): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => callback(APP_PERMISSIONS.has(permission) && isTrustedUrl(details.requestingUrl)));
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) => APP_PERMISSIONS.has(permission) && isTrustedUrl(`${requestingOrigin}/`));
}

/** What guardWindow needs besides the window. */
export interface WindowGuard {
  isPackaged: boolean;
  /** Whether a URL is the app itself (its own scheme, or the development server while developing). */
  isTrustedUrl(url: string): boolean;
  shell: Pick<Shell, 'openExternal'>;
  dialog: Pick<Dialog, 'showMessageBox' | 'showMessageBoxSync'>;
  allowedHosts?: readonly string[];
}

/**
 * Keeps the window on the app: new windows are never opened (an allowed link goes to the user's
 * browser once they agree), navigation elsewhere and webviews are refused, and a packaged app
 * closes developer tools however they were opened.
 */
export function guardWindow(win: Pick<BrowserWindow, 'webContents'>, guard: WindowGuard): void {
  const contents = win.webContents;
  const allowed = guard.allowedHosts ?? EXTERNAL_LINK_HOSTS;
  contents.setWindowOpenHandler(({ url }) => {
    if (canOpenExternally(url, allowed)) void confirmAndOpen(url, guard);
    return { action: 'deny' };
  });
  contents.on('will-navigate', (event, url) => {
    if (!guard.isTrustedUrl(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  // The page refuses to unload while connected or transferring; Electron shows no question of
  // its own, so without this the window would silently stay open.
  contents.on('will-prevent-unload', (event) => {
    if (confirmLeave(guard)) event.preventDefault();
  });
  if (guard.isPackaged) contents.on('devtools-opened', () => contents.closeDevTools());
}

/** Asks whether to close (or reload) the window though a session is open or transfers run. */
function confirmLeave(guard: WindowGuard): boolean {
  const response = guard.dialog.showMessageBoxSync({
    type: 'question',
    buttons: ['Leave', 'Stay'],
    defaultId: 1,
    cancelId: 1,
    message: 'Close Ferry while connected or transferring?',
    detail: 'The connection is closed and transfers that are still running stop.',
  });
  return response === 0;
}

/** Asks before a link leaves the app for the user's browser. */
async function confirmAndOpen(url: string, guard: WindowGuard): Promise<void> {
  const { response } = await guard.dialog.showMessageBox({
    type: 'question',
    buttons: ['Open in browser', 'Cancel'],
    defaultId: 1,
    cancelId: 1,
    message: 'Open this link in your web browser?',
    detail: url,
  });
  if (response === 0) await guard.shell.openExternal(url);
}
