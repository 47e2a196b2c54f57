/**
 * Electron entry: one instance, one hardened window, the application menu, and the
 * contract served over IPC. Every line of logic lives in services shared with browser
 * mode; this file only glues them to Electron.
 */
import { app, BrowserWindow, dialog, Menu, net, protocol, safeStorage, shell, session } from 'electron';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createServices } from './services/createServices';
import { createDispatcher } from './ipc/dispatch';
import { forwardEvents, registerIpc } from './ipc/registerIpc';
import { showQueueOnDesktop } from './ipc/desktopIntegration';
import { openInEditor, unsavedEditsGuard } from './ipc/editorLauncher';
import { guardWindow, limitPermissions, rendererUrl } from './ipc/windowPolicy';
import { appMenuTemplate, sendAppCommand } from './ipc/appMenu';
import { KeychainSecretStore } from './sites';
import { keepRunningOnUnhandledRejections } from './services/backstop';
import type { AppCommand } from '../shared/contract';

const here = path.dirname(fileURLToPath(import.meta.url));
const rendererDir = path.resolve(here, '../renderer');
const APP_ORIGIN = 'ferry://app';
// The development server is honoured only while developing: a packaged app loads nothing else.
const devUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL;

const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ');

protocol.registerSchemesAsPrivileged([{ scheme: 'ferry', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

function originOf(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

const devOrigin = devUrl ? originOf(devUrl) : null;

function isTrustedUrl(url: string): boolean {
  // Compare whole origins: a prefix test would let http://localhost:5173.evil.example pass.
  return url.startsWith(APP_ORIGIN + '/') || (devOrigin !== null && originOf(url) === devOrigin);
}

/** How long quitting waits for the queue to save and sessions to say QUIT. */
const SHUTDOWN_TIMEOUT_MS = 5000;

function serveRenderer(): void {
  protocol.handle('ferry', async (request) => {
    const { pathname } = new URL(request.url);
    const file = path.resolve(rendererDir, '.' + decodeURIComponent(pathname === '/' ? '/index.html' : pathname));
    if (!file.startsWith(rendererDir + path.sep)) return new Response('Forbidden', { status: 403 });
    const response = await net.fetch(pathToFileURL(file).toString());
    // Header hooks do not see custom-scheme responses, so the policy travels with the response itself.
    const headers = new Headers(response.headers);
    headers.set('Content-Security-Policy', CSP);
    return new Response(response.body, { status: response.status, headers });
  });
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CSP] } });
  });
  // No camera, notifications prompts or other permissions: only the clipboard, for the app itself.
  limitPermissions(session.defaultSession, isTrustedUrl);
}

function createWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1280,
    height: 860,
    minWidth: 800,
    minHeight: 560,
    title: 'Ferry',
    show: false,
    webPreferences: {
      preload: path.join(here, '../preload/preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
    },
  });
  win.once('ready-to-show', () => win.show());
  guardWindow(win, { isPackaged: app.isPackaged, isTrustedUrl, shell, dialog });
  void win.loadURL(rendererUrl(app.isPackaged, devUrl, `${APP_ORIGIN}/index.html`));
  return win;
}

function buildMenu(window: () => BrowserWindow | null): void {
  const send = (command: AppCommand) => {
    const target = BrowserWindow.getFocusedWindow() ?? window();
    if (target) sendAppCommand(target.webContents, command);
  };
  const template = appMenuTemplate({ platform: process.platform, isPackaged: app.isPackaged, openSettings: () => send('openSettings'), synchronize: () => send('synchronize') });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

keepRunningOnUnhandledRejections((message) => console.error(`ferry: ${message}`));

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  let mainWindow: BrowserWindow | null = null;
  app.on('second-instance', () => {
    if (mainWindow) {
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.focus();
    }
  });
  app
    .whenReady()
    .then(async () => {
      const services = await createServices({
        dataDir: app.getPath('userData'),
        // Passwords go to the OS keychain through safeStorage; on Linux without a keyring
        // the store refuses the plain-text fallback and sites use "ask for password".
        openSecrets: (dir) => KeychainSecretStore.open(dir, safeStorage),
        // View/Edit hands copies to the desktop's editor; browser mode edits in the window instead.
        openInEditor,
      });
      const dispatch = createDispatcher(services.handlers, (reason) => console.error(`ferry: refused request: ${reason}`));
      registerIpc(dispatch, isTrustedUrl);
      serveRenderer();
      buildMenu(() => mainWindow);
      mainWindow = createWindow();
      const contents = mainWindow.webContents;
      forwardEvents(services.hub, contents);
      showQueueOnDesktop(services.hub, mainWindow);
      // Quitting removes every edited copy: changes that did not reach the server are asked about first.
      const mayDiscardEdits = unsavedEditsGuard(() => services.unsavedEdits());
      const win = mainWindow;
      win.on('close', (event) => {
        if (!mayDiscardEdits(win)) event.preventDefault();
      });
      // A reload or a crashed renderer forgets its sessions; close them rather than leak logins.
      const clientId = `window-${contents.id}`;
      const releaseClient = () => void services.closeClient(clientId);
      contents.on('did-start-navigation', (details) => {
        if (details.isMainFrame && !details.isSameDocument) releaseClient();
      });
      contents.on('render-process-gone', releaseClient);

      let isShuttingDown = false;
      app.on('before-quit', (event) => {
        if (isShuttingDown) return;
        if (!mayDiscardEdits(BrowserWindow.getFocusedWindow() ?? mainWindow)) return event.preventDefault();
        // Menu quit and Cmd+Q skip window-all-closed: save the queue and say QUIT first, within a limit.
        event.preventDefault();
        isShuttingDown = true;
        const timeout = new Promise((resolve) => setTimeout(resolve, SHUTDOWN_TIMEOUT_MS));
        void Promise.race([services.close(), timeout]).finally(() => app.quit());
      });
      app.on('window-all-closed', () => app.quit());
    })
    .catch((err: unknown) => {
      dialog.showErrorBox('Ferry could not start', err instanceof Error ? err.message : String(err));
      app.exit(1);
    });
}
