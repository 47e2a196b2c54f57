/**
 * The Electron window's limits, with Electron's objects faked (it cannot run here): links, the
 * development server, developer tools and permissions.
 */
import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { canOpenExternally, guardWindow, limitPermissions, rendererUrl, viewMenu } from '../../../electron/ipc/windowPolicy';

/** A stand-in for BrowserWindow.webContents: events, the window-open handler, dev tools. */
function fakeContents() {
  const events = new EventEmitter();
  let openHandler: ((details: { url: string }) => { action: string }) | undefined;
  const contents = {
    on: (event: string, listener: (...args: unknown[]) => void) => events.on(event, listener),
    setWindowOpenHandler: (handler: typeof openHandler) => (openHandler = handler),
    closeDevTools: vi.fn(),
  };
  return {
    contents,
    open: (url: string) => openHandler!({ url }),
    emit: (event: string, ...args: unknown[]) => events.emit(event, ...args),
  };
}

function guarded(isPackaged: boolean, answer = 0) {
  const fake = fakeContents();
  const shell = { openExternal: vi.fn(async () => undefined) };
  const dialog = { showMessageBox: vi.fn(async () => ({ response: answer, checkboxChecked: false })), showMessageBoxSync: vi.fn(() => answer) };
  guardWindow({ webContents: fake.contents } as never, {
    isPackaged,
    isTrustedUrl: (url) => url.startsWith('ferry://app/'),
    shell,
    dialog: dialog as never,
    allowedHosts: ['docs.example.org'],
  });
  return { ...fake, shell, dialog };
}

describe('links out of the app', () => {
  it('open only https links to an allowed host, exactly', () => {
    expect(canOpenExternally('https://docs.example.org/guide', ['docs.example.org'])).toBe(true);
    expect(canOpenExternally('http://docs.example.org/', ['docs.example.org'])).toBe(false);
    expect(canOpenExternally('https://docs.example.org.evil.test/', ['docs.example.org'])).toBe(false);
    expect(canOpenExternally('https://user:pw@docs.example.org/', ['docs.example.org'])).toBe(false);
    expect(canOpenExternally('https://docs.example.org:8443/', ['docs.example.org'])).toBe(false);
    expect(canOpenExternally('file:///etc/passwd', ['docs.example.org'])).toBe(false);
    expect(canOpenExternally('not a url', ['docs.example.org'])).toBe(false);
  });

  it('never open a window; an allowed link goes to the browser only when the user agrees', async () => {
    const agreed = guarded(true, 0);
    expect(agreed.open('https://docs.example.org/x')).toEqual({ action: 'deny' });
    await vi.waitFor(() => expect(agreed.shell.openExternal).toHaveBeenCalledWith('https://docs.example.org/x'));
    expect(agreed.dialog.showMessageBox).toHaveBeenCalledWith(expect.objectContaining({ detail: 'https://docs.example.org/x' }));

    const declined = guarded(true, 1);
    declined.open('https://docs.example.org/x');
    await vi.waitFor(() => expect(declined.dialog.showMessageBox).toHaveBeenCalled());
    expect(declined.shell.openExternal).not.toHaveBeenCalled();

    const other = guarded(true, 0);
    expect(other.open('https://evil.test/')).toEqual({ action: 'deny' });
    expect(other.dialog.showMessageBox).not.toHaveBeenCalled();
    expect(other.shell.openExternal).not.toHaveBeenCalled();
  });

  it('refuse navigation away from the app and webviews', () => {
    const w = guarded(true);
    const away = { preventDefault: vi.fn() };
    w.emit('will-navigate', away, 'https://evil.test/');
    expect(away.preventDefault).toHaveBeenCalled();
    const home = { preventDefault: vi.fn() };
    w.emit('will-navigate', home, 'ferry://app/index.html');
    expect(home.preventDefault).not.toHaveBeenCalled();
    const webview = { preventDefault: vi.fn() };
    w.emit('will-attach-webview', webview);
    expect(webview.preventDefault).toHaveBeenCalled();
  });
});

describe('leaving the window', () => {
  it('closes or reloads despite the page guarding its session only when the user agrees', () => {
    const leave = guarded(true, 0);
    const agreed = { preventDefault: vi.fn() };
    leave.emit('will-prevent-unload', agreed);
    expect(leave.dialog.showMessageBoxSync).toHaveBeenCalledWith(expect.objectContaining({ buttons: ['Leave', 'Stay'] }));
    expect(agreed.preventDefault).toHaveBeenCalled();
    const stay = guarded(true, 1);
    const declined = { preventDefault: vi.fn() };
    stay.emit('will-prevent-unload', declined);
    expect(declined.preventDefault).not.toHaveBeenCalled();
  });
});

describe('development aids', () => {
  it('are gone from a packaged app: no dev tools in the menu or by any other way, no development server', () => {
    const packaged = guarded(true);
    packaged.emit('devtools-opened');
    expect(packaged.contents.closeDevTools).toHaveBeenCalled();
    const developing = guarded(false);
    developing.emit('devtools-opened');
    expect(developing.contents.closeDevTools).not.toHaveBeenCalled();

    const roles = (isPackaged: boolean) => (viewMenu(isPackaged).submenu as Array<{ role?: string }>).map((i) => i.role);
    expect(roles(true)).not.toContain('toggleDevTools');
    expect(roles(false)).toContain('toggleDevTools');
    expect(rendererUrl(true, 'http://localhost:5173', 'ferry://app/index.html')).toBe('ferry://app/index.html');
    expect(rendererUrl(false, 'http://localhost:5173', 'ferry://app/index.html')).toBe('http://localhost:5173');
    expect(rendererUrl(false, undefined, 'ferry://app/index.html')).toBe('ferry://app/index.html');
  });
});

describe('permissions', () => {
  it('are refused when asked for and when checked, but the clipboard for the app itself', () => {
    let request: ((c: unknown, p: string, cb: (ok: boolean) => void, d: { requestingUrl: string }) => void) | undefined;
    let check: ((c: unknown, p: string, origin: string) => boolean) | undefined;
    limitPermissions(
      { setPermissionRequestHandler: (h: never) => (request = h), setPermissionCheckHandler: (h: never) => (check = h) } as never,
      (url) => url.startsWith('ferry://app/'),
    );
    const answers: boolean[] = [];
    request!(null, 'media', (ok) => answers.push(ok), { requestingUrl: 'ferry://app/index.html' });
    request!(null, 'clipboard-sanitized-write', (ok) => answers.push(ok), { requestingUrl: 'ferry://app/index.html' });
    request!(null, 'clipboard-sanitized-write', (ok) => answers.push(ok), { requestingUrl: 'https://evil.test/' });
    expect(answers).toEqual([false, true, false]);
    expect(check!(null, 'notifications', 'ferry://app')).toBe(false);
    expect(check!(null, 'clipboard-sanitized-write', 'ferry://app')).toBe(true);
    expect(check!(null, 'clipboard-sanitized-write', 'https://evil.test')).toBe(false);
  });
});
